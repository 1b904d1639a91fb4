import { describe, expect, it } from 'vitest';
import { uuidSequence } from './job-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidSequence', () => {
  it('gives version-4 UUIDs that never repeat within a runner', () => {
    const next = uuidSequence();
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives two runners different ids', () => {
    const a = uuidSequence();
    const b = uuidSequence();
    const seen = new Set(Array.from({ length: 1000 }, a));
    for (let i = 0; i < 1000; i++) expect(seen.has(b())).toBe(false);
  });
});
