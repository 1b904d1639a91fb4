/** The storage screens' sentences built from counts and sizes, in the studio's current language. */
import { t } from '$lib/i18n';
import { WORK_KINDS, type WorkCounts, type WorkKind } from '$lib/storage/schema';

/** `3 recipes, 12 jobs, 1 agent`: recipes and jobs always, the other kinds when there are some. */
export function workList(counts: WorkCounts): string {
  return workParts(counts, ['recipes', 'jobs']).join(', ');
}

/** One phrase per kind with work (and the `always` ones even at 0). */
export function workParts(counts: WorkCounts, always: readonly WorkKind[] = []): string[] {
  return WORK_KINDS.filter((kind) => counts[kind] > 0 || always.includes(kind)).map((kind) => t(`settings:storage.kinds.${kind}`, { count: counts[kind] }));
}

/** `12.4 MB used of 2.1 GB`, or null where the browser does not say. */
export function usageText(usage: number | null, quota: number | null): string | null {
  if (usage === null || quota === null) return null;
  return t('settings:storage.usage', { used: size(usage), quota: size(quota) });
}

/** `12.4 MB`, `2.1 GB`, `512 B`: one decimal below 100 of a unit (the space used grows slowly, a whole MB hides it). */
export function size(n: number): string {
  if (n < 1024) return `${Math.max(0, Math.round(n))} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let i = 0;
  for (; value >= 1024 && i < units.length - 1; i++) value /= 1024;
  return `${value < 100 ? String(Math.round(value * 10) / 10) : Math.round(value)} ${units[i]}`;
}
