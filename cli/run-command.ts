/** `sous run`: one job of a recipe, on the same engine as the studio, with everything kept in memory. */
import { userInfo } from 'node:os';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { MemoryChat } from '../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../src/lib/connectors/sandbox';
import { withSender } from '../src/lib/connectors/sandbox/mail-schemas';
import { loadOpenApiConnectors } from './openapi-connectors';
import { createRunner, MemoryJournal, RunRefused, systemClock, type RecipeSource } from '../src/lib/engine';
import type { Job, JobStatus, Recipe, User } from '../src/lib/recipe';
import type { RunArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { readJsonFile, readRecipeFile } from './files';
import { openRecipeDir } from './recipe-dir';
import { summarize } from './summary';
import { loadTables } from './tables';
import { pooledFetch } from './http-pool';
import { guardedFetch, recipePolicyProblems } from '../src/lib/policy';
import { readPolicyOption } from './files';

export async function runCommand(args: RunArgs, io: Io): Promise<ExitCode> {
  const loaded = await readRecipeFile(args.recipe);
  if (!loaded.ok) {
    for (const line of loaded.lines) io.err(line);
    return EXIT.invalid;
  }
  const read = await readPolicyOption(args.policy);
  if (!read.ok) {
    for (const line of read.lines) io.err(line);
    return EXIT.invalid;
  }
  const policy = read.policy;
  if (policy) {
    const broken = recipePolicyProblems(loaded.recipe, policy);
    for (const problem of broken) io.err(`sous: ${args.recipe}: ${problem.message}`);
    if (broken.length > 0) return EXIT.invalid;
  }
  let trigger: unknown = defaultTrigger(loaded.recipe);
  if (args.input !== undefined) {
    const input = await readJsonFile(args.input);
    if (!input.ok) return refuse(io, `--input ${args.input}: ${input.message}`);
    trigger = asTheAppGivesIt(loaded.recipe, input.value);
  }
  let recipes: RecipeSource | undefined;
  if (args.recipes !== undefined) {
    const dir = await openRecipeDir(args.recipes);
    if (!dir.ok) return refuse(io, dir.message);
    recipes = dir.source;
  }

  const tables = await loadTables(args.tables ?? []);
  if (!tables.ok) {
    for (const line of tables.lines) io.err(`sous: --table ${line}`);
    return EXIT.invalid;
  }

  const chat = new MemoryChat();
  // The sandbox apps start from their seed on every run; events they raise start nothing here.
  const connectors = builtinConnectors({ chat, http: { fetch: guardedFetch(pooledFetch, policy) }, tables: tables.store, sandbox: { stores: memorySandboxStores(), events: noEvents } });
  const imported = await loadOpenApiConnectors(args.connectors ?? [], connectors);
  if (!imported.ok) return refuse(io, imported.message);
  const journal = new MemoryJournal();
  const asked = new Set<string>();
  const runner = createRunner({
    journal,
    connectors,
    clock: systemClock,
    recipes,
    user: cliUser(),
    // The policy holds for every job, a called recipe's too (checked before it is created).
    admit: policy ? (recipe) => recipePolicyProblems(recipe, policy).map((p) => p.message) : undefined,
    autoAnswer: (stepId) => {
      asked.add(stepId);
      return args.answers.get(stepId);
    }
  });

  // Ctrl-C cancels the job (it ends `cancelled` at its next step); a second Ctrl-C ends sous at once.
  const jobId = crypto.randomUUID();
  const cancel = () => void runner.cancel(jobId);
  process.once('SIGINT', cancel);
  let job: Job;
  try {
    job = await runner.start(loaded.recipe, trigger, { jobId });
  } catch (err) {
    if (err instanceof RunRefused) return refuse(io, `${args.recipe}: cannot start a job: ${refusal(err)}`);
    throw err;
  } finally {
    process.off('SIGINT', cancel);
  }

  for (const step of args.answers.keys()) {
    if (!asked.has(step)) io.err(`sous: warning: --answer ${step}=…: no approval step "${step}" asked for an answer`);
  }
  if (args.json) {
    io.out(JSON.stringify(job, null, 2));
  } else {
    const jobs = new Map<string, Job>();
    for (const id of journal.jobIds()) {
      const found = await journal.loadJob(id);
      if (found) jobs.set(id, found);
    }
    for (const line of summarize({ job, recipe: loaded.recipe, jobs, chat: chat.messages })) io.out(line);
  }
  return exitFor(job.status);
}

export function exitFor(status: JobStatus): ExitCode {
  switch (status) {
    case 'succeeded':
      return EXIT.ok;
    case 'failed':
    case 'cancelled':
      return EXIT.failed;
    case 'waiting':
    // A step that may have run waits for a person's answer, as an approval does.
    case 'uncertain':
      return EXIT.waiting;
    case 'queued':
    case 'running':
      // The runner returns only once a job has ended or waits; anything else is a bug.
      return EXIT.internal;
    default: {
      const never: never = status;
      throw new Error(`unknown job status ${String(never)}`);
    }
  }
}

/** Without `--input`, a scheduled recipe runs as if its time came now; other kinds get nothing. */
function defaultTrigger(recipe: Recipe): unknown {
  return recipe.trigger.kind === 'schedule' ? { at: new Date().toISOString() } : undefined;
}

/**
 * A hand-written mail for a `mail.received` recipe arrives as the sandbox mailbox would give it: with its
 * sender split into `from_name` and `from_email`, which the mailbox's recipes read.
 */
function asTheAppGivesIt(recipe: Recipe, input: unknown): unknown {
  const t = recipe.trigger;
  const isMail = t.kind === 'event' && t.connector === 'sandbox.mail' && t.event === 'mail.received';
  if (!isMail || typeof input !== 'object' || input === null || typeof (input as { from?: unknown }).from !== 'string') return input;
  return withSender(input as Parameters<typeof withSender>[0]);
}

function refuse(io: Io, message: string): ExitCode {
  io.err(`sous: ${message}`);
  return EXIT.invalid;
}

/** The refusal's message, plus any mistyped field it leaves out when a required one is also missing. */
function refusal(err: RunRefused): string {
  const extra = err.problems.filter((p) => !/: required \(/.test(p) && !err.message.includes(p));
  return extra.length > 0 ? `${err.message}; ${extra.join('; ')}` : err.message;
}

/** Who runs the jobs: SOUS_USER (an id or an email) when set, else the terminal's user as "cli". */
export function cliUser(): User {
  let name = process.env.USER ?? process.env.USERNAME ?? 'cli';
  try {
    name = userInfo().username || name;
  } catch {
    // No entry in the password database (some containers): keep the environment's name.
  }
  // SOUS_USER runs the job as someone else (an id or an email), e.g. an employee of the sandbox HR app.
  const as = process.env.SOUS_USER?.trim();
  if (as) return as.includes('@') ? { id: as, name: as, email: as, roles: [] } : { id: as, name: as, roles: [] };
  return { id: 'cli', name, roles: [] };
}
