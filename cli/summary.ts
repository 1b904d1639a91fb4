/**
 * The readable summary `sous run` prints without `--json`: the job's status, each step (path, status and a
 * short output or error), the chat messages it posted, what it waits for, and its output.
 */
import type { ChatMessage } from '../src/lib/connectors/chat';
import type { Job, Recipe, StepRecord } from '../src/lib/recipe';

export interface SummaryInput {
  job: Job;
  recipe: Recipe;
  /** Child jobs started by `call` steps, by job id; their steps are shown under the call step. */
  jobs: ReadonlyMap<string, Job>;
  chat: readonly ChatMessage[];
}

const SHORT = 80;

export function summarize({ job, recipe, jobs, chat }: SummaryInput): string[] {
  const lines = [`${recipe.name} (${recipe.id}): ${job.status}${took(job)}`, ''];
  const rows = stepRows(job, jobs, '');
  const width = Math.max(0, ...rows.map((r) => r.label.length));
  for (const row of rows) lines.push(`  ${row.label.padEnd(width)}  ${row.record.status.padEnd(9)}  ${detail(row.record)}`.trimEnd());
  if (rows.length === 0) lines.push('  (no steps ran)');
  if (chat.length > 0) {
    lines.push('', 'chat:');
    for (const message of chat) lines.push(`  #${message.channel}  ${message.text}`);
  }
  lines.push('');
  if (job.error) lines.push(`error: ${job.error.message} (${job.error.step ? `step ${job.error.step}, ` : ''}${job.error.code})`);
  if (job.status === 'waiting') lines.push(...waitingLines(job, jobs));
  else lines.push(`output: ${JSON.stringify(job.output ?? null)}`);
  return lines;
}

interface Row {
  label: string;
  record: StepRecord;
}

function stepRows(job: Job, jobs: ReadonlyMap<string, Job>, indent: string): Row[] {
  const rows: Row[] = [];
  for (const record of job.steps) {
    rows.push({ label: indent + record.path, record });
    const child = record.child_job ? jobs.get(record.child_job) : undefined;
    if (child) rows.push(...stepRows(child, jobs, `${indent}  `));
  }
  return rows;
}

function detail(record: StepRecord): string {
  if (record.error) return `error: ${record.error.message}`;
  if (record.status === 'skipped') return '(disabled)';
  if (record.status === 'waiting' && record.kind === 'approval') return `asks: ${short((record.input as { message?: string })?.message ?? '')}`;
  return record.output === undefined ? '' : short(JSON.stringify(record.output));
}

/** Every approval the job (or a job it called) waits for, and the `--answer` that would answer it. */
function waitingLines(job: Job, jobs: ReadonlyMap<string, Job>): string[] {
  const lines: string[] = [];
  for (const record of job.steps) {
    if (record.status !== 'waiting') continue;
    const child = record.child_job ? jobs.get(record.child_job) : undefined;
    if (child) {
      lines.push(...waitingLines(child, jobs));
      continue;
    }
    const choices = (record.input as { choices?: string[] } | undefined)?.choices ?? ['approve', 'reject'];
    lines.push(`waiting: approval "${record.step_id}" needs an answer (${choices.join(', ')}); give it with --answer ${record.step_id}=${choices[0]}`);
  }
  return lines;
}

function took(job: Job): string {
  if (!job.finished_at) return '';
  const ms = Date.parse(job.finished_at) - Date.parse(job.started_at);
  return Number.isFinite(ms) ? ` in ${ms} ms` : '';
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > SHORT ? `${one.slice(0, SHORT - 1)}…` : one;
}
