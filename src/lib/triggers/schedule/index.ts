/** Schedule triggers: when they are due, in a time zone, and how they read. Shared by the studio and `sous serve`. */
export { checkSchedule, nextDue, dueBetween, catchUp, intervalMs, type ScheduleCheck, type CatchUp } from './schedule';
export { describeSchedule, type ScheduleLang } from './describe';
export { isTimeZone } from './zone';
export type { ScheduleTrigger } from './types';
export { scheduleTick, type ScheduleTick } from './tick';
