/** What the agent says when a job ends or waits: the result in plain words, its error, or an approval card. */
import type { Job } from '../../recipe';
import { agentName, m, speak, type Ctx } from './context';
import { describeOutput } from './describe';
import type { Messages } from './messages';
import type { JobPort } from './ports';
import type { WaitingApproval } from './state';

/** The approval step a waiting job (or the child job one of its `call` steps runs) waits on. */
export async function findApproval(jobs: JobPort, job: Job, depth = 0): Promise<{ stepJob: string; step: string; message?: string; choices: string[] } | undefined> {
  for (const record of job.steps) {
    if (record.status !== 'waiting') continue;
    if (record.kind === 'approval') {
      const input = (record.input ?? {}) as { message?: unknown; choices?: unknown };
      const choices = Array.isArray(input.choices) && input.choices.every((c) => typeof c === 'string') ? (input.choices as string[]) : ['approve', 'reject'];
      return { stepJob: job.id, step: record.path, message: typeof input.message === 'string' ? input.message : undefined, choices };
    }
    if (record.child_job && depth < 16) {
      const child = await jobs.get(record.child_job);
      const found = child && (await findApproval(jobs, child, depth + 1));
      if (found) return found;
    }
  }
  return undefined;
}

/** Say how the job stands; `prefix` goes before it (e.g. "Answered "approve"."). */
export async function report(ctx: Ctx, job: Job, skill: string, agent: string, prefix = ''): Promise<void> {
  const msg = m(ctx);
  const link = ctx.ports.jobLink ? ` ${ctx.ports.jobLink(job.id)}` : '';
  const say = (text: string, extra: object = {}) => speak(ctx, agent, `${prefix}${text}${link}`, { skill, job: job.id, ...extra });
  ctx.state.waiting = ctx.state.waiting.filter((w) => w.job !== job.id);
  switch (job.status) {
    case 'succeeded': {
      const summary = describeOutput(job.output, msg);
      return say(summary ? msg.done(summary) : msg.doneEmpty);
    }
    case 'failed':
      return say(failure(job, msg));
    case 'cancelled':
      return say(msg.cancelledJob);
    case 'waiting': {
      const approval = await findApproval(ctx.ports.jobs, job);
      if (!approval) return say(msg.stillRunning(job.status));
      const waiting: WaitingApproval = { job: job.id, skill, agent, ...approval };
      ctx.state.waiting.push(waiting);
      const message = approval.message ?? agentName(ctx, agent);
      return say(msg.waitingApproval(message, approval.choices), {
        card: { kind: 'approval', skill, job: approval.stepJob, step: approval.step, message, choices: approval.choices }
      });
    }
    case 'queued':
    case 'running':
    case 'uncertain':
      return say(msg.stillRunning(job.status));
    default: {
      const never: never = job.status;
      throw new Error(`unknown job status ${String(never)}`);
    }
  }
}

function failure(job: Job, msg: Messages): string {
  const message = (job.error?.message ?? 'unknown error').replace(/[.\s]+$/, '');
  // A step's input refused by its action ("input") is the same advice as a value the app calls invalid.
  const code = job.error?.code === 'input' ? 'invalid' : (job.error?.code ?? '');
  const advice = code in msg.advice ? msg.advice[code as keyof Messages['advice']] : msg.advice.other;
  return msg.failed(message, advice);
}
