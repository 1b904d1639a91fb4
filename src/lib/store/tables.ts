/** Lookup tables in IndexedDB: the TableStore the studio's worker (the `tables` connector) and the Tables page use. */
import { Dexie } from 'dexie';
import type { TableDef, TableRow } from '../connectors/tables/schema';
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

  async putRows(rows: TableRow[]): Promise<void> {
    if (rows.length) await guardWrite('the table rows', () => this.db.lookup_rows.bulkPut(rows));
  }

  async deleteRows(ids: string[]): Promise<void> {
    await this.db.lookup_rows.bulkDelete(ids);
  }

  /** One IndexedDB transaction over both tables: the writes of `work` land together or not at all. */
  atomic<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction('rw', this.db.lookup_tables, this.db.lookup_rows, work);
  }
}
