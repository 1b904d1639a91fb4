export * from './schema';
export * from './match';
export * from './run';
export * from './grade';
export * from './author';
