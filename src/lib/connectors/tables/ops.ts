/**
 * What can be done to lookup tables, over any TableStore: the connector's actions and the Tables page
 * both call these, so a rule (a column's type, a unique name) holds the same way everywhere.
 */
import type { Cell, Column, RowValues, TableDef, TableRow } from './schema';
import { ColumnSchema, TableNameSchema } from './schema';
import type { TableStore } from './store';
import { checkRow, coerceCell, sameCell, TableValueError } from './values';

export interface TablesOptions {
  now?: () => Date;
  newId?: () => string;
}

export function tablesOps(store: TableStore, options: TablesOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());

  /** A table by its name (case does not matter); a missing one is the recipe author's to fix. */
  async function find(name: string): Promise<TableDef> {
    const tables = await store.listTables();
    const wanted = name.trim().toLowerCase();
    const table = tables.find((t) => t.name.toLowerCase() === wanted);
    if (!table) {
      const names = tables.map((t) => `"${t.name}"`).join(', ');
      throw new TableValueError(`there is no table "${name}"${names ? `; the tables are ${names}` : '; create it on the Tables page'}`);
    }
    return table;
  }

  function column(table: TableDef, name: string): Column {
    const col = table.columns.find((c) => c.name === name);
    if (!col) throw new TableValueError(`table "${table.name}" has no column "${name}"; its columns are ${table.columns.map((c) => `"${c.name}"`).join(', ')}`, name);
    return col;
  }

  /** The value looked for, in its column's type ("42" finds 42 in a number column). */
  function wanted(table: TableDef, col: Column, value: unknown): Cell {
    const cell = coerceCell(value, col.type);
    if (!cell.ok) throw new TableValueError(`column "${col.name}" of table "${table.name}" is a ${col.type} column: ${cell.problem}`, col.name);
    return cell.value;
  }

  async function matching(table: TableDef, where: Record<string, unknown>, limit?: number): Promise<TableRow[]> {
    const tests = Object.entries(where).map(([name, value]) => {
      const col = column(table, name);
      return [name, wanted(table, col, value)] as const;
    });
    const [first] = tests;
    const equal = first && { column: first[0], cell: first[1] };
    return store.scan(table.id, (row) => tests.every(([name, cell]) => sameCell(row.values[name], cell)), limit, equal);
  }

  async function assertFreeName(name: string, except?: string): Promise<void> {
    const clash = (await store.listTables()).find((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== except);
    if (clash) throw new TableValueError(`there is already a table named "${clash.name}"`);
  }

  function checkColumns(columns: Column[]): Column[] {
    const parsed = columns.map((c) => ColumnSchema.parse(c));
    const seen = new Set<string>();
    for (const c of parsed) {
      if (seen.has(c.name)) throw new TableValueError(`two columns are named "${c.name}"; each column needs its own name`, c.name);
      seen.add(c.name);
    }
    if (parsed.length === 0) throw new TableValueError('a table needs at least one column');
    return parsed;
  }

  async function nextSeq(tableId: string): Promise<number> {
    const rows = await store.rows(tableId);
    return rows.length ? rows[rows.length - 1].seq + 1 : 0;
  }

  const api = {
    find,
    list: () => store.listTables(),
    rows: (tableId: string) => store.rows(tableId),

    async createTable(name: string, columns: Column[]): Promise<TableDef> {
      const clean = nameOf(name);
      const cols = checkColumns(columns);
      return store.atomic(async () => {
        await assertFreeName(clean);
        const at = now();
        const table: TableDef = { id: newId(), name: clean, columns: cols, created_at: at, updated_at: at };
        await store.putTable(table);
        return table;
      });
    },

    /** A CSV import into a new table: the table and its rows land together or not at all. */
    async createTableWithRows(name: string, columns: Column[], rows: Record<string, unknown>[]): Promise<TableDef> {
      return store.atomic(async () => {
        const table = await api.createTable(name, columns);
        await api.addRows(table.name, rows);
        return table;
      });
    },

    async renameTable(id: string, name: string): Promise<void> {
      const clean = nameOf(name);
      await store.atomic(async () => {
        const table = await store.getTable(id);
        if (!table) throw new TableValueError('that table no longer exists');
        await assertFreeName(clean, id);
        await store.putTable({ ...table, name: clean, updated_at: now() });
      });
    },

    /** Add a column at the end; the rows there are have it empty. */
    async addColumn(id: string, col: Column): Promise<void> {
      const [checked] = checkColumns([col]);
      await store.atomic(async () => {
        const table = await store.getTable(id);
        if (!table) throw new TableValueError('that table no longer exists');
        checkColumns([...table.columns, checked]);
        await store.putTable({ ...table, columns: [...table.columns, checked], updated_at: now() });
      });
    },

    /** Delete a table; answers what `restoreTable` needs to undo it. */
    async deleteTable(id: string): Promise<{ table: TableDef; rows: TableRow[] } | undefined> {
      return store.atomic(async () => {
        const table = await store.getTable(id);
        if (!table) return undefined;
        const rows = await store.rows(id);
        await store.deleteTable(id);
        return { table, rows };
      });
    },

    async restoreTable(saved: { table: TableDef; rows: TableRow[] }): Promise<void> {
      await store.atomic(async () => {
        await assertFreeName(saved.table.name, saved.table.id);
        await store.putTable(saved.table);
        await store.putRows(saved.rows);
      });
    },

    /** The first row whose `column` equals `value`, or null when none does. */
    async lookup(name: string, columnName: string, value: unknown): Promise<RowValues | null> {
      const table = await find(name);
      const rows = await matching(table, { [column(table, columnName).name]: value }, 1);
      return rows[0]?.values ?? null;
    },

    /** The rows whose cells equal every value of `where` (all rows without one), in table order. */
    async listRows(name: string, where: Record<string, unknown> = {}): Promise<RowValues[]> {
      const table = await find(name);
      return (await matching(table, where)).map((r) => r.values);
    },

    /** Add rows at the end, each checked against the column types (all are checked before any is written). */
    async addRows(name: string, rows: Record<string, unknown>[]): Promise<RowValues[]> {
      return store.atomic(async () => {
        const table = await find(name);
        const checked = rows.map((row) => checkRow(table.name, table.columns, row));
        let seq = await nextSeq(table.id);
        await store.putRows(checked.map((values) => ({ id: newId(), table_id: table.id, seq: seq++, values })));
        return checked;
      });
    },

    /** Change every row whose `column` equals `value`; answers the rows as they are now. */
    async updateWhere(name: string, columnName: string, value: unknown, changes: Record<string, unknown>): Promise<RowValues[]> {
      return store.atomic(async () => {
        const table = await find(name);
        const checked = checkRow(table.name, table.columns, changes, true);
        const rows = await matching(table, { [column(table, columnName).name]: value });
        const updated = rows.map((r) => ({ ...r, values: { ...r.values, ...checked } }));
        await store.putRows(updated);
        return updated.map((r) => r.values);
      });
    },

    async deleteWhere(name: string, columnName: string, value: unknown): Promise<number> {
      return store.atomic(async () => {
        const table = await find(name);
        const rows = await matching(table, { [column(table, columnName).name]: value });
        await store.deleteRows(rows.map((r) => r.id));
        return rows.length;
      });
    },

    /** The page's edits, by row id. */
    async updateRow(tableId: string, rowId: string, values: Record<string, unknown>): Promise<void> {
      await store.atomic(async () => {
        const table = await store.getTable(tableId);
        const row = (await store.rows(tableId)).find((r) => r.id === rowId);
        if (!table || !row) throw new TableValueError('that row no longer exists');
        await store.putRows([{ ...row, values: { ...row.values, ...checkRow(table.name, table.columns, values, true) } }]);
      });
    },

    async deleteRow(rowId: string): Promise<void> {
      await store.deleteRows([rowId]);
    },

    putRows: (rows: TableRow[]) => store.putRows(rows)
  };
  return api;
}

export type TablesOps = ReturnType<typeof tablesOps>;

function nameOf(name: string): string {
  const parsed = TableNameSchema.safeParse(name);
  if (!parsed.success) throw new TableValueError(parsed.error.issues[0]?.message ?? 'a table needs a name');
  return parsed.data;
}
