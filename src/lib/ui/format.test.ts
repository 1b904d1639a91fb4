import { describe, expect, it } from 'vitest';
import { ago, duration, elapsed } from './format';

describe('duration', () => {
  it.each([
    [undefined, '—'],
    [-5, '—'],
    [0, '0 ms'],
    [850, '850 ms'],
    [4_240, '4.2 s'],
    [12_600, '13 s'],
    [185_000, '3 min 5 s'],
    [7_800_000, '2 h 10 min']
  ])('%s ms reads %s', (ms, text) => expect(duration(ms)).toBe(text));
});

describe('elapsed and ago', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  it('measures to the end, or to now while it runs', () => {
    expect(elapsed('2030-01-01T11:59:58Z', '2030-01-01T11:59:59Z', now)).toBe(1000);
    expect(elapsed('2030-01-01T11:59:58Z', null, now)).toBe(2000);
    expect(elapsed(null, null, now)).toBeUndefined();
  });
  it.each([
    ['2030-01-01T11:59:30Z', 'just now'],
    ['2030-01-01T11:55:00Z', '5 min ago'],
    ['2030-01-01T09:00:00Z', '3 h ago'],
    ['2029-12-30T12:00:00Z', '2 d ago'],
    [null, '—']
  ])('%s was %s', (iso, text) => expect(ago(iso, now)).toBe(text));
});
