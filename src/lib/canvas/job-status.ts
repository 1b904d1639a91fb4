/** A job's step records summed up per step id, for the canvas: the worst status wins across iterations. */
import type { StepRecord, StepStatus } from '../recipe';

const RANK: Record<StepStatus, number> = { failed: 6, uncertain: 5.5, running: 5, waiting: 4, cancelled: 3, succeeded: 2, skipped: 1 };

export function statusByStep(records: readonly StepRecord[]): Map<string, StepStatus> {
  const byStep = new Map<string, StepStatus>();
  for (const record of records) {
    const seen = byStep.get(record.step_id);
    if (!seen || RANK[record.status] > RANK[seen]) byStep.set(record.step_id, record.status);
  }
  return byStep;
}
