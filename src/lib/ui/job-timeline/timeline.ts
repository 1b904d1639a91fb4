/** A job's steps as timeline rows: how deep each ran (loops, branches) and where its bar sits in time. */
import type { Job, StepRecord } from '../../recipe';

export interface TimelineRow {
  record: StepRecord;
  /** 0 for a top-level step; one more for each `/` in its path (`each[3]/notify` is 1). */
  depth: number;
  /** Inside a loop: the index of the iteration it ran in (`each[3]/notify` is 3). */
  item?: number;
  /** Milliseconds the step took, or has taken so far. */
  ms: number;
  /** Where the bar starts and how wide it is, as percentages of the job's length. */
  left: number;
  width: number;
}

/** The narrowest a bar is drawn, so an instant step still shows. */
const MIN_WIDTH = 0.8;

export function timelineRows(job: Pick<Job, 'started_at' | 'finished_at' | 'steps'>, now = new Date()): TimelineRow[] {
  const start = Date.parse(job.started_at);
  const endOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) : now.getTime());
  const lastEnd = Math.max(endOf(job.finished_at), ...job.steps.map((s) => endOf(s.finished_at)));
  const total = Math.max(1, lastEnd - start);
  return job.steps.map((record) => {
    const from = Math.max(0, Date.parse(record.started_at) - start);
    const ms = Math.max(0, endOf(record.finished_at) - Date.parse(record.started_at));
    const left = Math.min(100 - MIN_WIDTH, (from / total) * 100);
    const indexes = [...record.path.matchAll(/\[(\d+)\]/g)];
    const last = indexes.at(-1);
    return {
      record,
      depth: record.path.split('/').length - 1,
      item: last && record.path.indexOf('/', last.index) !== -1 ? Number(last[1]) : undefined,
      ms,
      left,
      width: Math.min(100 - left, Math.max(MIN_WIDTH, (ms / total) * 100))
    };
  });
}

/** The step a job view opens on: the uncertain one, else the failed one, else the waiting one, else the latest. */
export function defaultStep(job: Pick<Job, 'steps' | 'error'>): string | undefined {
  const steps = job.steps;
  return (
    steps.find((s) => s.status === 'uncertain')?.path ??
    steps.find((s) => s.status === 'failed' && s.step_id === job.error?.step)?.path ??
    steps.find((s) => s.status === 'failed')?.path ??
    steps.find((s) => s.status === 'waiting')?.path ??
    steps.at(-1)?.path
  );
}
