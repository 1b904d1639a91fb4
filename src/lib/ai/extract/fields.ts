/**
 * What an extraction is asked for and what it gives back, in either mode (basic rules or the model).
 * The `ai` connector's `extract` action, `sous extract` and the bench all speak these shapes.
 */
import { z } from 'zod';

export const FieldTypeSchema = z.enum(['text', 'number', 'money', 'date', 'list']);

/** One field a person wants from a document; `list` fields hold line items (objects). */
export const FieldSpecSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a field name such as "invoice_number"'),
  type: FieldTypeSchema,
  description: z.string().optional()
});
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const FieldListSchema = z.array(FieldSpecSchema).min(1, 'give at least one field');

/** The invoice preset: the fields an accounts-payable person checks. */
export const INVOICE_FIELDS: FieldSpec[] = [
  { name: 'vendor', type: 'text', description: 'who sent the invoice' },
  { name: 'invoice_number', type: 'text' },
  { name: 'invoice_date', type: 'date', description: 'ISO 8601 date (YYYY-MM-DD)' },
  { name: 'due_date', type: 'date', description: 'ISO 8601 date (YYYY-MM-DD)' },
  { name: 'currency', type: 'text', description: 'ISO 4217 code such as EUR, USD, KRW' },
  { name: 'subtotal', type: 'money' },
  { name: 'tax', type: 'money' },
  { name: 'total', type: 'money' },
  { name: 'line_items', type: 'list', description: 'each {description, quantity, unit_price, amount}' }
];

/** Below this confidence a value is shown and reported as one a person should check against the document. */
export const CHECK_BELOW = 0.6;

/**
 * One extracted value: `null` when it was not found (no good candidate: absent, never guessed); `source` is
 * the text it came from; `check` is there, true, when the value is found but unsure (confidence below
 * CHECK_BELOW), and absent otherwise, so results from before it read the same.
 */
export const ExtractedValueSchema = z.object({
  value: z.unknown(),
  confidence: z.number().min(0).max(1),
  source: z.string().nullable(),
  check: z.boolean().optional()
});
export type ExtractedValue = z.infer<typeof ExtractedValueSchema>;

/** Whether a person should check this value: found, but not sure enough. */
export const needsCheck = (v: Pick<ExtractedValue, 'value' | 'confidence'>) =>
  v.value !== null && v.value !== undefined && v.confidence < CHECK_BELOW;

/** The result with `check: true` on each unsure field, from its confidence (a model's result has none of its own). */
export function withChecks(result: ExtractResult): ExtractResult {
  const fields = Object.fromEntries(
    Object.entries(result.fields).map(([name, { check: _, ...v }]) => [name, needsCheck(v) ? { ...v, check: true } : v])
  );
  return { ...result, fields };
}

export const ExtractModeSchema = z.enum(['basic', 'model']);
export type ExtractMode = z.infer<typeof ExtractModeSchema>;

export const ExtractResultSchema = z.object({
  mode: ExtractModeSchema,
  /** How the text was read: as text, from a PDF's text layer, or by OCR of an image. */
  reader: z.enum(['text', 'pdf', 'ocr']),
  fields: z.record(z.string(), ExtractedValueSchema)
});
export type ExtractResult = z.infer<typeof ExtractResultSchema>;

/** How many of a result's fields a person should check. */
export const checkCount = (result: ExtractResult) => Object.values(result.fields).filter(needsCheck).length;
