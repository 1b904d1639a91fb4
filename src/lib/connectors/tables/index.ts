/** Lookup tables: schemas, checks, stores, operations, the connector and CSV import/export. */
export * from './schema';
export * from './values';
export * from './store';
export * from './ops';
export * from './connector';
export * from './csv';
