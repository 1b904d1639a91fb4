/**
 * Where lookup tables live: passed in, so the connector runs over IndexedDB in the browser (Dexie, in
 * src/lib/store/tables.ts) and over memory in the CLI and tests.
 */
import type { TableDef, TableRow } from './schema';

export interface TableStore {
  /** Every table, by name. */
  listTables(): Promise<TableDef[]>;
  getTable(id: string): Promise<TableDef | undefined>;
  /** Create or replace a table's definition. */
  putTable(table: TableDef): Promise<void>;
  /** Delete a table and all of its rows, together. */
  deleteTable(id: string): Promise<void>;
  /** A table's rows, in order (`seq` ascending). */
  rows(tableId: string): Promise<TableRow[]>;
  /** Add or replace rows (by id). */
  putRows(rows: TableRow[]): Promise<void>;
  deleteRows(ids: string[]): Promise<void>;
  /** Run `work` so that its writes land together or not at all (where the store can). */
  atomic<T>(work: () => Promise<T>): Promise<T>;
}

/** Tables in memory; the CLI and the tests use it. Values are copied in and out, like a database would. */
export class MemoryTables implements TableStore {
  private readonly tables = new Map<string, TableDef>();
  private readonly rowsById = new Map<string, TableRow>();

  async listTables(): Promise<TableDef[]> {
    return [...this.tables.values()].map(copy).sort((a, b) => a.name.localeCompare(b.name));
  }
  async getTable(id: string): Promise<TableDef | undefined> {
    const table = this.tables.get(id);
    return table && copy(table);
  }
  async putTable(table: TableDef): Promise<void> {
    this.tables.set(table.id, copy(table));
  }
  async deleteTable(id: string): Promise<void> {
    this.tables.delete(id);
    for (const [rowId, row] of this.rowsById) if (row.table_id === id) this.rowsById.delete(rowId);
  }
  async rows(tableId: string): Promise<TableRow[]> {
    return [...this.rowsById.values()].filter((r) => r.table_id === tableId).sort((a, b) => a.seq - b.seq).map(copy);
  }
  async putRows(rows: TableRow[]): Promise<void> {
    for (const row of rows) this.rowsById.set(row.id, copy(row));
  }
  async deleteRows(ids: string[]): Promise<void> {
    for (const id of ids) this.rowsById.delete(id);
  }
  async atomic<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
