export * from './values';
export * from './recipe-diff';
export * from './word-diff';
