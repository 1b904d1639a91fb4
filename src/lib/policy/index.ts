export * from './schema';
export * from './names';
export * from './check';
export * from './hosts';
