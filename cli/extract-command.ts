/**
 * `sous extract`: each document read (text, PDF text layer, or OCR) and its fields extracted in basic mode —
 * the same code as the studio's basic mode. Each field has its confidence (0–1), and an unsure one (below
 * 0.6) is marked to check; the reader used (text, pdf, ocr) is named per document. Unreadable files are reported on stderr, one line each, and
 * make the exit code 2; the others are still extracted.
 */
import { readFile } from 'node:fs/promises';
import { closeReaders, extractDocument, FieldListSchema, INVOICE_FIELDS, withChecks, type ExtractResult, type FieldSpec } from '../src/lib/ai/extract';
import type { ExtractArgs } from './args';
import { describeFsError, readJsonFile } from './files';
import { EXIT, type ExitCode, type Io } from './io';

export interface ExtractOutput extends ExtractResult {
  file: string;
}

export async function extractCommand(args: ExtractArgs, io: Io): Promise<ExitCode> {
  const fields = await loadFields(args);
  if (!fields.ok) {
    io.err(`sous: ${fields.message}`);
    return EXIT.invalid;
  }
  const results: ExtractOutput[] = [];
  let failed = false;
  try {
    for (const file of args.files) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (err) {
        io.err(`${file}: cannot read the file: ${describeFsError(err)}`);
        failed = true;
        continue;
      }
      try {
        // Each unsure field says so (`check: true`), whichever mode read it.
        const result = withChecks(await extractDocument({ name: file, bytes }, fields.value));
        results.push({ file, ...result });
        if (!args.json) printResult(io, { file, ...result });
      } catch (err) {
        if ((err as { kind?: string }).kind !== 'user') throw err;
        io.err(`${file}: ${(err as Error).message}`);
        failed = true;
      }
    }
  } finally {
    await closeReaders();
  }
  if (args.json) io.out(JSON.stringify(results, null, 2));
  return failed ? EXIT.invalid : EXIT.ok;
}

async function loadFields(args: ExtractArgs): Promise<{ ok: true; value: FieldSpec[] } | { ok: false; message: string }> {
  if (args.fields === undefined) return { ok: true, value: INVOICE_FIELDS };
  const json = await readJsonFile(args.fields);
  if (!json.ok) return { ok: false, message: `--fields ${args.fields}: ${json.message}` };
  const parsed = FieldListSchema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    message: `--fields ${args.fields}: not a field list${where}: ${issue.message} (expected [{"name": "po_number", "type": "text"}], types: text, number, money, date, list)`
  };
}

/** The readable form: a header per document, then one line per field, its confidence and where it came from. */
function printResult(io: Io, result: ExtractOutput): void {
  io.out(`${result.file} (${result.mode} mode, read as ${result.reader === 'ocr' ? 'an image by OCR' : result.reader})`);
  const width = Math.max(...Object.keys(result.fields).map((k) => k.length));
  for (const [name, found] of Object.entries(result.fields)) {
    const label = `  ${name.padEnd(width)}  `;
    if (found.value === null) {
      io.out(`${label}(not found)`);
    } else if (Array.isArray(found.value)) {
      io.out(`${label}${found.value.length} item(s)  ${percent(found.confidence)}${found.check ? `  ${CHECK}` : ''}`);
      for (const item of found.value) io.out(`${' '.repeat(label.length + 2)}${formatItem(item)}`);
    } else {
      io.out(`${label}${String(found.value)}  ${percent(found.confidence)}${found.check ? `  ${CHECK}` : ''}  ← ${oneLine(found.source)}`);
    }
  }
}

/** Beside a value found but unsure (confidence below 60%). */
const CHECK = '[check this]';
const percent = (confidence: number) => `(${Math.round(confidence * 100)}%)`;
const oneLine = (source: string | null) => (source ?? '').replace(/\s+/g, ' ').slice(0, 70);

function formatItem(item: unknown): string {
  const i = item as Record<string, unknown>;
  return `${String(i.description)} — ${String(i.quantity)} × ${String(i.unit_price)} = ${String(i.amount)}`;
}
