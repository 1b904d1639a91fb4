export * from './db';
export * from './recipes';
export * from './jobs';
export * from './chat';
export * from './storage-errors';
export * from './connections';
export * from './connection-queries';
export * from './ai';
