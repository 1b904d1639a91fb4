/**
 * The studio's read-only questions about jobs: the jobs page's filtered list, each recipe's last job,
 * the approvals and uncertain steps waiting in the inbox, and the chat by channel. Each is one function a live query calls.
 */
import { Dexie } from 'dexie';
import type { ChatMessage } from '../connectors/chat';
import type { JobStatus, StepRecord } from '../recipe';
import type { JobRow, SousDb } from './db';

export interface JobFilter {
  recipeId?: string;
  status?: JobStatus;
  /** ISO times; `from` is inclusive, `to` exclusive (started_at in [from, to)). */
  from?: string;
  to?: string;
}

/** Jobs that match every given filter, newest first. */
export async function listJobs(db: SousDb, filter: JobFilter = {}, limit = 200): Promise<JobRow[]> {
  const { recipeId, status, from, to } = filter;
  const inRange = (job: JobRow) => (!from || job.started_at >= from) && (!to || job.started_at < to);
  if (recipeId) {
    // The [recipe_id+started_at] index answers the recipe and the dates at once, already in order.
    return db.jobs
      .where('[recipe_id+started_at]')
      .between([recipeId, from ?? Dexie.minKey], [recipeId, to ?? Dexie.maxKey], true, false)
      .reverse()
      .filter((job) => !status || job.status === status)
      .limit(limit)
      .toArray();
  }
  const rows = status ? await db.jobs.where('status').equals(status).toArray() : await db.jobs.toArray();
  return rows
    .filter(inRange)
    .sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0))
    .slice(0, limit);
}

/** The newest job of each of these recipes (absent for a recipe that never ran). */
export async function lastJobs(db: SousDb, recipeIds: readonly string[]): Promise<Map<string, JobRow>> {
  const found = await Promise.all(
    recipeIds.map((id) =>
      db.jobs.where('[recipe_id+started_at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last()
    )
  );
  const out = new Map<string, JobRow>();
  found.forEach((job, i) => job && out.set(recipeIds[i], job));
  return out;
}

/** An approval step waiting for a person, with what it asks. */
export interface WaitingApproval {
  job: JobRow;
  path: string;
  message: string;
  assignee: string | null;
  choices: string[];
  due_at: string | null;
  since: string;
}

/** Every approval waiting for an answer, oldest first (the one waiting longest on top). */
export async function waitingApprovals(db: SousDb): Promise<WaitingApproval[]> {
  const found = await stepsWaiting(db, 'waiting', (s) => s.kind === 'approval' && s.status === 'waiting');
  return oldestFirst(found.map(({ job, step }) => toApproval(job, step)));
}

function toApproval(job: JobRow, step: StepRecord): WaitingApproval {
  const input = (step.input ?? {}) as { message?: unknown; assignee?: unknown; choices?: unknown };
  const choices = Array.isArray(input.choices) ? input.choices.filter((c): c is string => typeof c === 'string') : [];
  return {
    job,
    path: step.path,
    message: typeof input.message === 'string' ? input.message : '',
    assignee: typeof input.assignee === 'string' ? input.assignee : null,
    choices: choices.length > 0 ? choices : ['approve', 'reject'],
    due_at: step.due_at ?? null,
    since: step.started_at
  };
}

/** How many approvals wait: the nav's badge. */
export async function countWaitingApprovals(db: SousDb): Promise<number> {
  return (await waitingApprovals(db)).length;
}

/** A step that may have run without its answer being saved: the job waits until a person says what happened. */
export interface UncertainStep {
  job: JobRow;
  path: string;
  step_id: string;
  since: string;
}

/** Every uncertain step of every job waiting on one, oldest first. */
export async function uncertainSteps(db: SousDb): Promise<UncertainStep[]> {
  const found = await stepsWaiting(db, 'uncertain', (s) => s.status === 'uncertain');
  return oldestFirst(found.map(({ job, step }) => ({ job, path: step.path, step_id: step.step_id, since: step.started_at ?? job.started_at })));
}

/** The steps of the jobs in `status` that `wanted` picks, each with its job. */
async function stepsWaiting(db: SousDb, status: JobRow['status'], wanted: (step: StepRecord) => boolean): Promise<Array<{ job: JobRow; step: StepRecord }>> {
  const jobs = await db.jobs.where('status').equals(status).toArray();
  const out: Array<{ job: JobRow; step: StepRecord }> = [];
  for (const job of jobs) {
    const steps = await db.job_steps.where('[job_id+seq]').between([job.id, Dexie.minKey], [job.id, Dexie.maxKey]).filter(wanted).toArray();
    for (const step of steps) out.push({ job, step });
  }
  return out;
}

function oldestFirst<T extends { since: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

/** What the Inbox's count says: approvals and uncertain steps, everything that waits for a person. */
export async function countWaitingForPerson(db: SousDb): Promise<number> {
  const [approvals, uncertain] = await Promise.all([waitingApprovals(db), uncertainSteps(db)]);
  return approvals.length + uncertain.length;
}

/** The chat's channels, each with its message count, by name. */
export async function chatChannels(db: SousDb): Promise<Array<{ channel: string; count: number; last: string }>> {
  const counts = new Map<string, { count: number; last: string }>();
  await db.chat.orderBy('at').each((m) => {
    const seen = counts.get(m.channel);
    counts.set(m.channel, { count: (seen?.count ?? 0) + 1, last: m.at });
  });
  return [...counts].map(([channel, c]) => ({ channel, ...c })).sort((a, b) => a.channel.localeCompare(b.channel));
}

/** A channel's newest messages, oldest first (the order a chat reads in); all channels when absent. */
export async function channelMessages(db: SousDb, channel?: string, limit = 200): Promise<ChatMessage[]> {
  const newest = await db.chat
    .orderBy('at')
    .reverse()
    .filter((m) => !channel || m.channel === channel)
    .limit(limit)
    .toArray();
  return newest.reverse();
}
