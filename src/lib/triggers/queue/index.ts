/** The trigger queue: one module for the studio's worker and `sous serve`. See README.md for its semantics. */
export { createTriggerQueue, type TriggerQueue } from './queue';
export { MemoryQueueStore } from './memory-store';
export { problemIn } from './validate';
export * from './types';
