/**
 * `sous run --table FILE.csv`: lookup tables for a run in the terminal, kept in memory. Each file becomes
 * a table named after it (vendors.csv → "vendors"), its columns' types guessed as the studio's import
 * does; a file with a line that cannot be read refuses the run (nothing runs on half a table).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCsv } from '../src/lib/connectors/tables/csv';
import { tablesOps } from '../src/lib/connectors/tables/ops';
import { MemoryTables } from '../src/lib/connectors/tables/store';

export type LoadedTables = { ok: true; store: MemoryTables } | { ok: false; lines: string[] };

export async function loadTables(files: readonly string[]): Promise<LoadedTables> {
  const store = new MemoryTables();
  const ops = tablesOps(store);
  const lines: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      lines.push(`${file}: cannot read it (${(err as { code?: string }).code ?? 'error'})`);
      continue;
    }
    const parsed = parseCsv(text);
    if (parsed.problems.length) {
      for (const p of parsed.problems) lines.push(`${file}: line ${p.line}: ${p.message}`);
      continue;
    }
    try {
      await ops.createTableWithRows(basename(file).replace(/\.csv$/i, ''), parsed.columns, parsed.rows.map((r) => r.values));
    } catch (err) {
      lines.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return lines.length ? { ok: false, lines } : { ok: true, store };
}
