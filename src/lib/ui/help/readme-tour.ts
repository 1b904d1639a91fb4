/**
 * The README's tour for the help panel: taken from README.md when the studio is built, so the panel and
 * the file never disagree. Shown as text (never as HTML): the Markdown's `**` and backticks are dropped.
 */
import readme from '../../../../README.md?raw';

/** The lines of the README's "First steps" under "A short tour" (or the tour's first lines), as plain text. */
export function readmeTour(text: string = readme): string[] {
  const start = text.search(/^### First steps\b/m);
  const from = start >= 0 ? start : text.search(/^## A short tour\b/m);
  if (from < 0) return [];
  const rest = text.slice(from).split('\n').slice(1);
  const end = rest.findIndex((line) => /^#{2,3} /.test(line));
  return (end >= 0 ? rest.slice(0, end) : rest)
    .map((line) => line.replace(/\*\*|`/g, '').trimEnd())
    .join('\n')
    .split(/\n(?=\d+\. )/)
    .map((item) => item.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}
