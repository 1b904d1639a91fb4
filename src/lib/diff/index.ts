export * from './values';
export * from './recipe-diff';
