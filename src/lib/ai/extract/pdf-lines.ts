/**
 * A PDF's text layer comes as positioned runs of text; this puts them back into lines, left to right, top to
 * bottom, with a wide gap kept as two spaces so table columns stay apart for the extraction rules.
 */
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
  return rows.map((row) => {
    const sorted = [...row.runs].sort((a, b) => a.transform[4] - b.transform[4]);
    let line = '';
    let end = -Infinity;
    for (const run of sorted) {
      const x = run.transform[4];
      const charWidth = run.width / Math.max(1, run.str.length) || row.height * 0.5;
      const gap = x - end;
      if (line) line += gap > charWidth * 2.5 ? '  ' : gap > charWidth * 0.2 ? ' ' : '';
      line += run.str;
      end = x + run.width;
    }
    return line.replace(/\s+$/, '');
  });
}
