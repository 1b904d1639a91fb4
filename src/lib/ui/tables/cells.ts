/** How the Tables page shows a cell, and turns it into the text an editor starts from. */
import type { Cell } from '../../connectors/tables/schema';

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** A date cell edited in a date picker holds only the day part. */
export function editText(cell: Cell | undefined, type: string): string {
  const text = cellText(cell);
  return type === 'date' ? text.slice(0, 10) : text;
}
