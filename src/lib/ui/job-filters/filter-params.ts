/**
 * The jobs page's filters live in the address (`/jobs?recipe=x&status=failed&from=2030-01-01`), so a
 * filtered list can be reloaded and linked to. Dates are whole local days; `to` includes its day.
 */
import { JOB_STATUSES, type JobStatus } from '../../recipe';
import type { JobFilter } from '../../store/job-queries';

export interface FilterParams {
  recipe: string;
  status: JobStatus | '';
  /** `YYYY-MM-DD`, or empty. */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readParams(search: URLSearchParams): FilterParams {
  const status = search.get('status') ?? '';
  const day = (key: string) => {
    const value = search.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    recipe: search.get('recipe') ?? '',
    status: (JOB_STATUSES as readonly string[]).includes(status) ? (status as JobStatus) : '',
    from: day('from'),
    to: day('to')
  };
}

/** The query string for these filters, without the empty ones (`?` alone when none is set). */
export function writeParams(params: FilterParams): string {
  const out = new URLSearchParams();
  for (const key of ['recipe', 'status', 'from', 'to'] as const) if (params[key]) out.set(key, params[key]);
  return `?${out}`;
}

/** The store's filter: local days turned into ISO times, `to` moved to the start of the next day. */
export function toJobFilter(params: FilterParams): JobFilter {
  const startOf = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y, m - 1, d + plusDays).toISOString();
  };
  return {
    recipeId: params.recipe || undefined,
    status: params.status || undefined,
    from: params.from ? startOf(params.from) : undefined,
    to: params.to ? startOf(params.to, 1) : undefined
  };
}
