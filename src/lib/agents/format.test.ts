/**
 * Reading an agent file (docs/agent-format.md): a good one is read as written; a bad one is refused with
 * every problem by its place, in bounded words, and keys that could reach an object's prototype by name.
 */
import { describe, expect, it } from 'vitest';
import { parseAgentText } from './format';

const good = { format: 'sous.agent/v1', id: 'finance-genie', name: 'Finance genie', skills: [{ recipe: 'approve-refund', examples: ['refund order 7'] }] };

describe('parseAgentText', () => {
  it('reads a good file', () => {
    expect(parseAgentText(JSON.stringify(good))).toEqual({ ok: true, agent: good });
  });

  it.each([
    ['__proto__', `{"format":"sous.agent/v1","id":"a","name":"A","skills":[],"__proto__":{"admin":true}}`, ''],
    ['constructor', `{"format":"sous.agent/v1","id":"a","name":"A","skills":[{"recipe":"r","constructor":1}]}`, 'skills[0]'],
    ['prototype', `{"format":"sous.agent/v1","id":"a","name":"A","skills":[],"x":{"prototype":{}}}`, 'x']
  ])('refuses a %s key by name and place', (key, text, at) => {
    const read = parseAgentText(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0].message).toBe(`the key "${key}" is not allowed in an agent file (it could change how every object is read); rename it`);
    expect(read.issues[0].path).toBe(at ? `${at}.${key}` : key);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('bounds what it says about a huge value and a flood of problems', () => {
    const skills = Array.from({ length: 500 }, () => ({ recipe: 'x'.repeat(100_000) }));
    const read = parseAgentText(JSON.stringify({ ...good, skills }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.length).toBeLessThanOrEqual(51);
    for (const issue of read.issues) expect(issue.message.length + issue.path.length).toBeLessThan(600);
  });
});
