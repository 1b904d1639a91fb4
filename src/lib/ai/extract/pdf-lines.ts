/**
 * A PDF's text layer comes as positioned runs of text; this puts them back into lines, top to bottom, with
 * their columns kept (./layout/columns.ts), so a label's value to its right or below it can be found.
 */
import { placeRows, type PlacedWord } from './layout/columns';

export interface TextRun {
  str: string;
  /** pdf.js's transform: [a, b, c, d, x, y]; y grows upwards. */
  transform: number[];
  width: number;
  height: number;
}

export function runsToLines(runs: readonly TextRun[]): string[] {
  const rows: Array<{ y: number; height: number; runs: TextRun[] }> = [];
  for (const run of runs) {
    if (!run.str.trim()) continue;
    const y = run.transform[5];
    const height = run.height || Math.abs(run.transform[3]) || 10;
    const row = rows.find((r) => Math.abs(r.y - y) < Math.max(2, Math.min(r.height, height) * 0.45));
    if (row) row.runs.push(run);
    else rows.push({ y, height, runs: [run] });
  }
  rows.sort((a, b) => b.y - a.y);
  return placeRows(rows.map((row) => row.runs.map((run): PlacedWord => ({ str: run.str, x: run.transform[4], width: run.width || run.str.length * row.height * 0.5 }))));
}
