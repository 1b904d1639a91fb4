/**
 * Where lookup tables live: passed in, so the connector runs over IndexedDB in the browser (Dexie, in
 * src/lib/store/tables.ts) and over memory in the CLI and tests.
 */
import type { Cell, TableDef, TableRow } from './schema';

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
  /**
   * A table's rows that pass `test`, in order, stopping after `limit` of them: a lookup reads only as far
   * as its first match. `equal` says one column the test needs to equal a cell, for a store with an index.
   */
  scan(tableId: string, test: (row: TableRow) => boolean, limit?: number, equal?: { column: string; cell: Cell }): Promise<TableRow[]>;
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
    return this.ordered(tableId).map(copy);
  }
  async scan(tableId: string, test: (row: TableRow) => boolean, limit = Infinity): Promise<TableRow[]> {
    const found: TableRow[] = [];
    for (const row of this.ordered(tableId)) {
      if (found.length >= limit) break;
      if (test(row)) found.push(copy(row));
    }
    return found;
  }
  private ordered(tableId: string): TableRow[] {
    return [...this.rowsById.values()].filter((r) => r.table_id === tableId).sort((a, b) => a.seq - b.seq);
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
