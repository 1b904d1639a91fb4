/** Lookup tables in IndexedDB: the TableStore the studio's worker (the `tables` connector) and the Tables page use. */
import { Dexie } from 'dexie';
import type { Cell, TableDef, TableRow } from '../connectors/tables/schema';
import type { TableStore } from '../connectors/tables/store';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export class DexieTables implements TableStore {
  constructor(private readonly db: SousDb) {}

  async listTables(): Promise<TableDef[]> {
    return this.db.lookup_tables.orderBy('name').toArray();
  }

  getTable(id: string): Promise<TableDef | undefined> {
    return this.db.lookup_tables.get(id);
  }

  async putTable(table: TableDef): Promise<void> {
    await guardWrite(`the table "${table.name}"`, () => this.db.lookup_tables.put(table));
  }

  async deleteTable(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.lookup_tables, this.db.lookup_rows, async () => {
      await this.db.lookup_tables.delete(id);
      await this.db.lookup_rows.where('[table_id+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
    });
  }

  rows(tableId: string): Promise<TableRow[]> {
    return this.db.lookup_rows.where('[table_id+seq]').between([tableId, Dexie.minKey], [tableId, Dexie.maxKey]).toArray();
  }

  /**
   * With `equal`, reads only the rows the `keys` index has for that cell; else the table's rows in one
   * getAll. Either way the rows are tested here: a cursor with Dexie's `.filter` would step one row per
   * request, far slower than one bulk read.
   */
  async scan(tableId: string, test: (row: TableRow) => boolean, limit = Infinity, equal?: { column: string; cell: Cell }): Promise<TableRow[]> {
    const key = equal && cellKey(tableId, equal.column, equal.cell);
    const rows = key
      ? (await this.db.lookup_rows.where('keys').equals(key).toArray()).sort((a, b) => a.seq - b.seq)
      : await this.rows(tableId);
    const found: TableRow[] = [];
    for (const row of rows) {
      if (found.length >= limit) break;
      if (test(row)) found.push(row);
    }
    return found;
  }

  async putRows(rows: TableRow[]): Promise<void> {
    if (rows.length) await guardWrite('the table rows', () => this.db.lookup_rows.bulkPut(rows.map(indexed)));
  }

  async deleteRows(ids: string[]): Promise<void> {
    await this.db.lookup_rows.bulkDelete(ids);
  }

  /** One IndexedDB transaction over both tables: the writes of `work` land together or not at all. */
  atomic<T>(work: () => Promise<T>): Promise<T> {
    // IndexedDB may refuse the rows only when the transaction commits, after the guarded puts inside.
    return guardWrite('the table rows', () => this.db.transaction('rw', this.db.lookup_tables, this.db.lookup_rows, work));
  }
}

/** Cells longer than this are not indexed (a lookup by such a value reads the whole table instead). */
const MAX_KEY = 200;

/** The index key of one cell: table, column and the typed value (so "1" and 1 differ). */
function cellKey(tableId: string, column: string, cell: Cell): string | undefined {
  const value = JSON.stringify(cell);
  return value.length > MAX_KEY ? undefined : `${tableId}\u001f${column}\u001f${value}`;
}

/** A row as stored: with `keys`, one per cell, for the multi-entry index that makes a lookup direct. */
function indexed(row: TableRow): TableRow & { keys: string[] } {
  const { id, table_id, seq, values } = row;
  const keys = Object.entries(values).flatMap(([column, cell]) => cellKey(table_id, column, cell) ?? []);
  return { id, table_id, seq, values, keys };
}
