/**
 * Storage you can trust (issue 13): asking the browser to keep Sous's data, reading the space used, and
 * telling the person when the browser cleared their work since their last visit. No UI here: the studio's
 * is in src/lib/ui/storage/.
 */
export { browserEdges, type StorageEdges, type StorageManagerLike, type KeyValue, type CookieJar } from './edges';
export { readMarker, writeMarker } from './marker';
export { askPersistOnce, askPersistAgain, readPersistAsk, readStorageState, type StorageState } from './persist';
export { readClearedNotice, dismissClearedNotice } from './cleared';
export { countWork } from './counts';
export { dexieLineage, type LineageStore } from './lineage';
export { startStorageWatch, type StorageWatch, type StorageWatchOptions } from './watch';
export { WORK_KINDS, NO_WORK, totalWork, type WorkCounts, type WorkKind, type ClearedNotice } from './schema';
