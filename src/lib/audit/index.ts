export * from './schema';
export * from './chain';
export * from './csv';
export * from './filters';
