/**
 * The held-out request set (tests/fixtures/requests/held-out.json) is a measure, not a target: this only
 * checks that it parses, is balanced, names real connector actions, and shares no sentence with the sets
 * the rules were tuned on. No floor on its score, on purpose (see bench/copilot-bench.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NAMES_CATALOG } from './names-catalog';
import { CorpusRequestSchema } from './shape';

const load = (file: string) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(`tests/fixtures/requests/${file}.json`, 'utf8')));
const TUNED = ['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'sixth-set', 'held-out-1'];

describe('held-out request set', () => {
  const heldOut = load('held-out');

  it('parses: 24 requests, 12 with Korean words and 12 without', () => {
    expect(heldOut).toHaveLength(24);
    expect(heldOut.filter((r) => /[\uac00-\ud7a3]/.test(r.words))).toHaveLength(12);
  });

  it('expects only agreed connector actions and events', () => {
    const actions = new Set(NAMES_CATALOG.flatMap((c) => c.actions.map((a) => `${c.connector}:${a.name}`)));
    const events = new Set(NAMES_CATALOG.flatMap((c) => c.events.map((e) => `${c.connector}:${e}`)));
    for (const { words, expect: shape } of heldOut) {
      expect(shape.actions.filter((a) => !actions.has(a)), words).toEqual([]);
      if (shape.trigger.kind === 'event') expect(events.has(`${shape.trigger.connector}:${shape.trigger.event}`), words).toBe(true);
    }
  });

  it('shares no sentence with the tuned sets', () => {
    const tuned = new Set(TUNED.flatMap((f) => load(f).map((r) => r.words.trim().toLowerCase())));
    expect(heldOut.filter((r) => tuned.has(r.words.trim().toLowerCase())).map((r) => r.words)).toEqual([]);
  });
});
