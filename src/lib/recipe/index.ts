export * from './schema';
export * from './job';
export * from './issues';
export * from './parse';
export * from './export';
export * from './walk';
