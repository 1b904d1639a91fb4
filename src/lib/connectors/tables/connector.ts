/**
 * The built-in `tables` connector: read and write the studio's lookup tables from a recipe.
 *
 * - `lookup` {table, column, value} answers the FIRST row (in table order) whose `column` equals `value`,
 *   or `null` when no row does; a missing table or column fails the step.
 * - `list` {table, where?} answers `{rows, count}`: the rows whose cells equal every value of `where`.
 * - `add` {table, row} adds a row at the end and answers it as stored (missing columns are empty).
 * - `update` {table, column, value, changes} changes every matching row: `{updated, rows}`.
 * - `delete` {table, column, value} deletes every matching row: `{deleted}`.
 *
 * Values are checked against the column types ("42" is accepted for a number column, "abc" is not); a
 * value that does not fit fails the step with an error naming the column. Table names ignore case.
 */
import { z } from 'zod';
import { userError } from '../../engine/errors';
import { defineConnector } from '../sdk';
import { tablesOps, type TablesOptions } from './ops';
import { CellSchema, RowValuesSchema } from './schema';
import type { TableStore } from './store';
import { TableValueError } from './values';

const TableRef = z.string().min(1).describe('The table’s name, as on the Tables page');
const ColumnRef = z.string().min(1).describe('A column of the table');
const Value = CellSchema.describe('The value the column must equal');

export function createTablesConnector(store: TableStore, options: TablesOptions = {}) {
  const ops = tablesOps(store, options);
  /** A table or value mistake is the recipe author's to fix, never worth a retry. */
  const plain = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof TableValueError) throw userError(err.message, 'table');
      throw err;
    }
  };
  return defineConnector({
    id: 'tables',
    label: 'Tables',
    description: 'Look values up in, and write to, the lookup tables on the Tables page.',
    check: async () => ({ ok: true, message: 'Tables live in this browser: there is nothing to connect to.' }),
    actions: {
      lookup: {
        label: 'Look up a row',
        effect: 'read',
        idempotent: true,
        description: 'The first row whose column equals the value, or null when there is none.',
        input: z.object({ table: TableRef, column: ColumnRef, value: Value }),
        output: RowValuesSchema.nullable(),
        execute: (input) => plain(() => ops.lookup(input.table, input.column, input.value))
      },
      list: {
        label: 'List rows',
        effect: 'read',
        idempotent: true,
        description: 'The rows whose cells equal every value of "where" (every row without it).',
        input: z.object({ table: TableRef, where: z.record(z.string(), CellSchema).optional() }),
        output: z.object({ rows: z.array(RowValuesSchema), count: z.number().int() }),
        execute: (input) =>
          plain(async () => {
            const rows = await ops.listRows(input.table, input.where ?? {});
            return { rows, count: rows.length };
          })
      },
      add: {
        label: 'Add a row',
        effect: 'write',
        idempotent: false,
        input: z.object({ table: TableRef, row: z.record(z.string(), z.unknown()) }),
        output: RowValuesSchema,
        execute: (input) => plain(async () => (await ops.addRows(input.table, [input.row]))[0])
      },
      update: {
        label: 'Update rows',
        // Setting the same values on the same rows again leaves them as they were.
        effect: 'write',
        idempotent: true,
        description: 'Change every row whose column equals the value.',
        input: z.object({ table: TableRef, column: ColumnRef, value: Value, changes: z.record(z.string(), z.unknown()) }),
        output: z.object({ updated: z.number().int(), rows: z.array(RowValuesSchema) }),
        execute: (input) =>
          plain(async () => {
            const rows = await ops.updateWhere(input.table, input.column, input.value, input.changes);
            return { updated: rows.length, rows };
          })
      },
      delete: {
        label: 'Delete rows',
        // A second delete finds nothing left to delete.
        effect: 'write',
        idempotent: true,
        description: 'Delete every row whose column equals the value.',
        input: z.object({ table: TableRef, column: ColumnRef, value: Value }),
        output: z.object({ deleted: z.number().int() }),
        execute: (input) => plain(async () => ({ deleted: await ops.deleteWhere(input.table, input.column, input.value) }))
      }
    }
  });
}
