/**
 * Lookup tables: a named table with typed columns and rows of cells. These zod schemas are the source of
 * the types the connector, the stores (memory, Dexie) and the Tables page share.
 */
import { z } from 'zod';

export const COLUMN_TYPES = ['text', 'number', 'boolean', 'date'] as const;
export const ColumnTypeSchema = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

export const ColumnNameSchema = z.string().trim().min(1, 'a column needs a name').max(100);

export const ColumnSchema = z.object({ name: ColumnNameSchema, type: ColumnTypeSchema });
export type Column = z.infer<typeof ColumnSchema>;

/** One cell: text, a number, true/false, a date as `YYYY-MM-DD` (or a full ISO time) text, or empty. */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;

/** A row as recipes see it: column name → cell. */
export const RowValuesSchema = z.record(z.string(), CellSchema);
export type RowValues = z.infer<typeof RowValuesSchema>;

export const TableNameSchema = z.string().trim().min(1, 'a table needs a name').max(100);

export const TableDefSchema = z.object({
  id: z.string(),
  name: TableNameSchema,
  columns: z.array(ColumnSchema),
  created_at: z.string(),
  updated_at: z.string()
});
export type TableDef = z.infer<typeof TableDefSchema>;

/** A stored row: its table, its place in the table (`seq`, ascending) and its values. */
export const TableRowSchema = z.object({
  id: z.string(),
  table_id: z.string(),
  seq: z.number(),
  values: RowValuesSchema
});
export type TableRow = z.infer<typeof TableRowSchema>;
