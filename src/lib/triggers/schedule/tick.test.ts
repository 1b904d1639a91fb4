import { describe, expect, it } from 'vitest';
import { ScheduleOutputSchema } from '../../engine/trigger-output';
import { catchUp, scheduleTick } from './index';

describe('scheduleTick', () => {
  it.each([
    [new Date('2026-05-04T10:01:00Z'), 0, { at: '2026-05-04T10:01:00.000Z', catch_up: false, missed: 0 }],
    [new Date('2026-05-04T10:10:00Z'), 10, { at: '2026-05-04T10:10:00.000Z', catch_up: true, missed: 10 }]
  ])('%s, missed %i → %o, a valid schedule trigger output', (due, missed, expected) => {
    const tick = scheduleTick(due, missed);
    expect(tick).toEqual(expected);
    expect(ScheduleOutputSchema.parse(tick)).toEqual(expected);
  });

  it('makes the catch-up run from catchUp', () => {
    const result = catchUp({ kind: 'schedule', every: '1m' }, new Date('2026-05-04T10:00:00Z'), new Date('2026-05-04T10:10:30Z'), 'UTC');
    expect(result.due && scheduleTick(result.due, result.missed)).toEqual({ at: '2026-05-04T10:10:00.000Z', catch_up: true, missed: 10 });
  });
});
