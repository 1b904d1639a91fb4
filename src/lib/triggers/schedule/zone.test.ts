import { describe, expect, it } from 'vitest';
import { dayOffsets, isTimeZone, offsetAt, resolveWall } from './zone';

const H = 3_600_000;
const wall = (text: string) => Date.parse(`${text}Z`);
const at = (zone: string, text: string) => new Date(resolveWall(wall(text), zone, dayOffsets(Math.floor(wall(text) / 86_400_000) * 86_400_000, zone))).toISOString();

describe('zone', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 1],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 2],
    ['America/New_York', '2026-01-15T12:00:00Z', -5],
    ['America/New_York', '2026-07-15T12:00:00Z', -4],
    ['Asia/Seoul', '2026-07-15T12:00:00Z', 9],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 5.5]
  ])('offset of %s at %s is %s h', (zone, instant, hours) => {
    expect(offsetAt(Date.parse(instant), zone)).toBe(hours * H);
  });

  it.each([
    ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29T01:59:00', '2026-03-29T00:59:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-03-08T02:15:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z'],
    ['Asia/Seoul', '2026-03-29T02:30:00', '2026-03-28T17:30:00.000Z']
  ])('%s wall time %s is the instant %s', (zone, text, expected) => {
    expect(at(zone, text)).toBe(expected);
  });

  it('knows real zones and refuses made-up ones', () => {
    expect([isTimeZone('Europe/Berlin'), isTimeZone('UTC'), isTimeZone('Mars/Olympus')]).toEqual([true, true, false]);
  });
});
