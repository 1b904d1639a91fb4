/** Polled API events: one poll of a recipe's event, its cursor, and its interval (see README.md). */
export { pollOnce, needsPriming, type PollRequest, type PollResult, type PolledJob, type EventTrigger } from './poll';
export { cursorKey, nextSeen, pollJobId, MemoryCursorStore, MAX_SEEN, type PollCursor, type PollCursorStore } from './cursor';
export { parseEvery, pollEveryMs, describeEvery, itemKey, DEFAULT_POLL_EVERY, POLL_FLOOR_MS } from './interval';
