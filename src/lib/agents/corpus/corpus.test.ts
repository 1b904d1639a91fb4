/**
 * The dialogue corpus (cases.ts) through the conversation module, over the real engine and in-memory
 * sandbox apps seeded afresh per case; basic mode, and a few with a scripted model client, which stands in
 * for the model's weights.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases';
import { loadFixtures } from './harness';
import { checkCase, runCase } from './run-case';

const workspace = loadFixtures();

describe('dialogue corpus', () => {
  it('holds at least 40 conversations, half of them Korean, some through the model', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c.lang === 'ko').length).toBeGreaterThanOrEqual(CASES.length / 2 - 1);
    expect(CASES.filter((c) => c.model).length).toBeGreaterThanOrEqual(4);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outcome = await runCase(workspace, c);
    const transcript = outcome.turns.map((t) => `${t.role === 'user' ? '>' : `${t.agent}:`} ${t.text}`).join('\n');
    expect(checkCase(c, outcome), transcript).toEqual([]);
    // Every agent turn is in the person's language.
    for (const turn of outcome.turns) {
      if (turn.role !== 'agent') continue;
      if (c.lang === 'ko') expect(turn.text, transcript).toMatch(/[\uac00-\ud7a3]/);
      else expect(turn.text, transcript).not.toMatch(/[\uac00-\ud7a3]/);
    }
  });
});
