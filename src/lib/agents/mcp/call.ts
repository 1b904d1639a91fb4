/**
 * One tool call: check the arguments against the trigger's fields, confirm a tool that changes data, run
 * it as a job, and turn the job into the call's result. Every way it can go wrong that the assistant
 * should read ends in a tool error (`isError: true`) with a plain sentence, never a protocol error.
 */
import type { Job, Recipe } from '../../recipe';
import { RunRefused } from '../../engine/errors';
import { fieldsSchema, inputFields } from '../skill-schema';
import { outputJsonSchema, type McpSkill } from './tools';

export interface ToolResult {
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  [key: string]: unknown;
}

/** What a confirmation is asked about: the tool, the values it will run with, and what it writes. */
export interface ConfirmRequest {
  tool: string;
  title: string;
  values: Record<string, unknown>;
  writes: string[];
}

/** `true`: run it. `false`: the person said no. A string: it could not be asked (the reason). */
export type ConfirmAnswer = boolean | { unavailable: string };

export interface CallDeps {
  /** Runs the recipe as a job with these (checked) values, until it ends or waits for an approval. */
  runJob(recipe: Recipe, input: Record<string, unknown>): Promise<Job>;
  /** Asks whether a tool that changes data may run. */
  confirm(request: ConfirmRequest): Promise<ConfirmAnswer>;
  /** Checks a declared outputSchema; returns a problem, or undefined when the output fits. */
  checkOutput?(schema: Record<string, unknown>, output: unknown): string | undefined;
}

export async function callTool(skill: McpSkill, args: unknown, deps: CallDeps): Promise<ToolResult> {
  const { recipe, effect } = skill;
  const checked = fieldsSchema(inputFields(recipe)).safeParse(args ?? {});
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'arguments'}: ${i.message}`);
    return toolError(`"${recipe.id}" was not run: the arguments do not fit its input (${problems.join('; ')})`);
  }
  const values = dropUndefined(checked.data);
  if (effect.effect === 'write') {
    const answer = await deps.confirm({ tool: recipe.id, title: recipe.name, values, writes: effect.writes });
    if (answer === false) return toolError(`"${recipe.id}" was not run: the person did not confirm it`);
    if (answer !== true) return toolError(answer.unavailable);
  }
  let job: Job;
  try {
    job = await deps.runJob(recipe, values);
  } catch (err) {
    if (err instanceof RunRefused) return toolError(`"${recipe.id}" was not run: ${err.message}`);
    throw err;
  }
  return jobResult(recipe, job, deps);
}

/** The refusal `sous mcp` gives when it cannot ask (no elicitation, no --yes). */
export function needsConfirmation(request: ConfirmRequest): string {
  const what = request.writes.length ? ` (${request.writes.join(', ')})` : '';
  return (
    `"${request.tool}" changes data${what} and needs confirmation: this client cannot be asked (it does not support ` +
    `elicitation) and the server was not started with --yes. Nothing was run.`
  );
}

export function jobResult(recipe: Recipe, job: Job, deps: Pick<CallDeps, 'checkOutput'> = {}): ToolResult {
  switch (job.status) {
    case 'succeeded':
      return success(recipe, job, deps);
    case 'waiting':
      return toolError(`job ${job.id} ("${recipe.id}") waits for an approval${waitingWhat(job)}; it has not finished, so there is no result yet`);
    case 'cancelled':
      return toolError(`job ${job.id} ("${recipe.id}") was cancelled${job.error ? `: ${job.error.message}` : ''}`);
    default:
      return toolError(job.error?.message ?? `job ${job.id} ("${recipe.id}") ended ${job.status}`);
  }
}

function success(recipe: Recipe, job: Job, deps: Pick<CallDeps, 'checkOutput'>): ToolResult {
  const output = job.output ?? null;
  const text = JSON.stringify(output, null, 2);
  const schema = outputJsonSchema(recipe);
  if (schema) {
    // A declared outputSchema promises structuredContent that fits it; say so plainly when the job broke the promise.
    if (!isObject(output)) return toolError(`job ${job.id} ("${recipe.id}") gave ${text} where its outputSchema promises an object`);
    const problem = deps.checkOutput?.(schema, output);
    if (problem) return toolError(`job ${job.id} ("${recipe.id}") gave an output that does not fit its outputSchema: ${problem}`);
  }
  return { content: [{ type: 'text', text }], ...(isObject(output) ? { structuredContent: output } : {}) };
}

/** The approval step(s) a waiting job (or a job it called) stops at, with their messages. */
function waitingWhat(job: Job): string {
  const waiting = job.steps.filter((s) => s.status === 'waiting');
  if (waiting.length === 0) return '';
  const said = waiting.map((s) => {
    const message = (s.input as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message ? `step "${s.path}": ${message}` : `step "${s.path}"`;
  });
  return ` (${said.join('; ')})`;
}

export function toolError(text: string): ToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

function dropUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
