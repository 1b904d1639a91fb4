/**
 * Jobs as agents see them: a job's family (the job it was started from, up to the first, and every job
 * started from those), for the job page's tree and for finding which agent's chat an approval belongs in.
 */
import type { SousDb, JobRow } from './db';

/** How far up `parent_job` is followed (the runner's own call depth limit is 16). */
const MAX_UP = 32;

export interface JobNode {
  job: JobRow;
  children: JobNode[];
}

/** The jobs above this one, nearest first (its parent, the parent's parent, …). */
export async function ancestorsOf(db: SousDb, job: JobRow): Promise<JobRow[]> {
  const out: JobRow[] = [];
  const seen = new Set([job.id]);
  let at = job;
  while (at.parent_job && out.length < MAX_UP && !seen.has(at.parent_job)) {
    const parent = await db.jobs.get(at.parent_job);
    if (!parent) break;
    seen.add(parent.id);
    out.push(parent);
    at = parent;
  }
  return out;
}

/** The tree below a job: every job whose `parent_job` is it, and theirs, oldest first. */
export async function descendantsOf(db: SousDb, job: JobRow, seen = new Set<string>([job.id])): Promise<JobNode> {
  const kids = (await db.jobs.where('parent_job').equals(job.id).toArray())
    .filter((k) => !seen.has(k.id))
    .sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
  kids.forEach((k) => seen.add(k.id));
  return { job, children: await Promise.all(kids.map((k) => descendantsOf(db, k, seen))) };
}

/** The whole family of a job, from its first ancestor down; undefined when the job is not there. */
export async function jobFamily(db: SousDb, jobId: string): Promise<JobNode | undefined> {
  const job = await db.jobs.get(jobId);
  if (!job) return undefined;
  const up = await ancestorsOf(db, job);
  return descendantsOf(db, up.at(-1) ?? job);
}

/** Every job of a tree, depth first. */
export function flattenFamily(node: JobNode): JobRow[] {
  return [node.job, ...node.children.flatMap(flattenFamily)];
}
