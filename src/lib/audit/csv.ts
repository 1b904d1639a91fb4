/**
 * The audit trail as CSV (RFC 4180: CRLF rows, quoted fields where needed, quotes doubled), with a UTF-8
 * BOM so Excel reads Korean names right. A cell that starts with = + - @, a tab or a CR gets a leading '
 * so a spreadsheet shows it as text instead of running it as a formula.
 */
import type { AuditRow } from './schema';

export const CSV_COLUMNS = ['seq', 'at', 'actor', 'role', 'action', 'target_kind', 'target_id', 'version', 'job', 'detail', 'hash'] as const;
const BOM = '\uFEFF';

export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function detailText(detail: AuditRow['detail']): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}=${v === null ? '' : String(v)}`)
    .join('; ');
}

function cells(row: AuditRow): string[] {
  return [
    String(row.seq),
    row.at,
    row.actor.name,
    row.actor.role,
    row.action,
    row.target.kind,
    row.target.id,
    row.target.version === undefined ? '' : String(row.target.version),
    row.target.job ?? '',
    detailText(row.detail),
    row.hash
  ];
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => cells(r).map(csvCell).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
}
