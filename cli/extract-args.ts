/** `sous extract`'s arguments (kept apart from args.ts so each command's options sit together). */
import type { parseArgs } from 'node:util';

export interface ExtractArgs {
  kind: 'extract';
  files: string[];
  /** A JSON file with the field list ([{name, type, description?}]). */
  fields?: string;
  /** A built-in field list; `invoice` when neither this nor `fields` is given. */
  preset: 'invoice';
  json: boolean;
}

export const EXTRACT_USAGE = `extract    reads documents (text, PDF, PNG/JPEG images by OCR) and prints the fields found in each,
           in basic mode (layout and label rules, English and Korean; no model)
  --preset invoice         the invoice fields: vendor, number, dates, currency, subtotal, tax, total, line items (the default)
  --fields FILE.json       your own fields instead: [{"name": "po_number", "type": "text", "description": "…"}]
  --json                   prints only a JSON array on stdout: [{file, mode, reader, fields}], reader = text | pdf | ocr,
                           each field {value, confidence 0-1, source, check: true when below 0.6}; not found = value null`;

const PRESETS = ['invoice'] as const;

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
type TryParse = (
  args: string[],
  options: Options
) => { ok: true; values: Record<string, unknown>; positionals: string[] } | { ok: false; message: string };

export function parseExtract(argv: string[], tryParse: TryParse): { ok: true; command: ExtractArgs } | { ok: false; message: string } {
  const parsed = tryParse(argv, { fields: { type: 'string' }, preset: { type: 'string' }, json: { type: 'boolean' } });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return { ok: false, message: 'extract needs at least one document: sous extract FILE...' };
  if (values.fields !== undefined && values.preset !== undefined) {
    return { ok: false, message: 'give either --fields or --preset, not both' };
  }
  const preset = (values.preset ?? 'invoice') as string;
  if (!(PRESETS as readonly string[]).includes(preset)) {
    return { ok: false, message: `unknown preset "${preset}"; expected ${PRESETS.map((p) => `"${p}"`).join(', ')}` };
  }
  return {
    ok: true,
    command: { kind: 'extract', files: positionals, fields: values.fields as string | undefined, preset: 'invoice', json: values.json === true }
  };
}
