/**
 * Reading the command line. A mistake is returned as a one-line message (the caller prints it and exits 2),
 * never thrown, so a typo never ends in a stack trace.
 */
import { parseArgs } from 'node:util';
import { EXTRACT_USAGE, parseExtract, type ExtractArgs } from './extract-args';
import { AGENT_USAGE, joinSays, parseChat, parseMcp, type ChatArgs, type McpArgs } from './agent-args';
import { parseConcurrency, type ServeConcurrency } from './serve/concurrency-args';
import { parseQueueArgs, type QueueArgs } from './serve/queue/queue-args';

export type { ExtractArgs } from './extract-args';
export type { ChatArgs, McpArgs } from './agent-args';

export interface RunArgs {
  kind: 'run';
  recipe: string;
  input?: string;
  recipes?: string;
  /** `--table FILE.csv`: lookup tables for the `tables` connector, in memory for the run. */
  tables?: string[];
  /** `--answer STEP_ID=CHOICE`, by step id. */
  answers: Map<string, string>;
  /** `--connector [ID=]FILE`: OpenAPI documents to import as connectors for this run. */
  connectors?: { id?: string; file: string }[];
  /** `--policy FILE`: a `sous.policy/v1` file; a recipe that breaks it is refused before any step runs. */
  policy?: string;
  json: boolean;
}

export interface ValidateArgs {
  kind: 'validate';
  files: string[];
  /** `--policy FILE`: also check each recipe against this policy. */
  policy?: string;
}

export interface DraftArgs {
  kind: 'draft';
  words: string;
  json: boolean;
}

export interface ServeArgs {
  kind: 'serve';
  recipes: string;
  /** 0 picks a free port (printed on start). */
  port: number;
  /** Where the token and the journal live; by default `.sous-serve` in the current folder. */
  data: string;
  token?: string;
  /** `--allow HOST_OR_CIDR`: hosts or ranges that `http` steps may reach although private or loopback. */
  allow: string[];
  /** `--concurrency N` and `--concurrency RECIPE_ID=N`: jobs of one recipe at once (default 1). */
  concurrency: ServeConcurrency;
  /** `--queue redis://…` (or SOUS_QUEUE) and `--workers N`: the shared BullMQ queue; absent, all is in-process. */
  queue?: QueueArgs;
}

export interface GradeArgs {
  kind: 'grade';
  pack: string;
  dir: string;
  json: boolean;
}

export type Command = { kind: 'help' } | RunArgs | ValidateArgs | ExtractArgs | DraftArgs | ChatArgs | McpArgs | ServeArgs | GradeArgs;

export type ParsedArgs = { ok: true; command: Command } | { ok: false; message: string };

export const USAGE = `Usage:
  sous run RECIPE.json [--input FILE.json] [--recipes DIR] [--answer STEP_ID=CHOICE]... [--json] [--table FILE.csv]... [--connector [ID=]OPENAPI]... [--policy FILE]
  sous validate [--policy FILE] FILE.json...
  sous extract FILE... [--fields FILE.json | --preset invoice] [--json]
  sous draft "WORDS" [--json]
  sous chat AGENT.json [--agents DIR] [--recipes DIR] [--say TEXT]... [--json]
  sous mcp [--recipes DIR] [--agents DIR] [--policy FILE] [--yes]
  sous grade PACK DIR [--json]
  sous serve --recipes DIR [--port N] [--data DIR] [--token TOKEN] [--allow HOST_OR_CIDR]... [--concurrency [RECIPE_ID=]N]... [--queue redis://HOST:PORT/DB [--workers N]]

run        runs one job of the recipe and prints a summary of it
  --input FILE.json        the trigger's input (a JSON object for a manual or callable trigger)
  --recipes DIR            where \`call\` steps find other recipes (the *.json files in DIR, by recipe id)
  --table FILE.csv         a lookup table for the tables connector, named after the file (vendors.csv: "vendors");
                           may be given more than once; kept in memory for the run
  --answer STEP_ID=CHOICE  answers the approval step STEP_ID ahead of time; may be given more than once
  --connector [ID=]FILE    imports an OpenAPI 3 document (JSON or YAML) as connector ID (default: openapi.
                           and its title); may be given more than once. No connection: requests go to the
                           document's server without credentials
  --policy FILE            a policy (sous.policy/v1): a recipe, or a recipe it calls, that breaks it is refused
                           before any step runs; requests to hosts it does not list are refused when made
  --json                   prints only the job, as JSON, on stdout
validate   checks recipe files; prints one line per problem (FILE: PLACE: MESSAGE) on stderr
  --policy FILE            also checks each recipe against the policy: one line per broken rule
${EXTRACT_USAGE}
draft      drafts a recipe from a request in words (English or Korean), in basic mode (no model)
  --json                   prints only the recipe, as JSON, on stdout
${AGENT_USAGE}
grade      checks every *.recipe.json in DIR against the pack's exercise that takes its recipe id: one row a
           file (file, exercise, tests passed of total, the first failing test and why)
  --json                   prints only {rows: [{file, exercise, passed, total, failures, error?}]} on stdout
serve      runs the schedule and webhook recipes of DIR by themselves, on 127.0.0.1, until SIGTERM
  --port N                 the port (default 8788; 0 picks a free one)
  --data DIR               where the token and the job journal live (default .sous-serve in this folder)
  --token TOKEN            the token every route but GET /health needs (Authorization: Bearer TOKEN or
                           ?token=); without it one is made once per --data folder and printed when made
  --allow HOST_OR_CIDR     a host or range that http steps may reach although private or loopback; may be
                           given more than once
  --concurrency N          jobs of one recipe running at once (default 1: one after another; 1 to 100)
  --concurrency ID=N       the same for recipe ID alone; may be given more than once
  --queue redis://H:P/DB   webhooks and schedules go into BullMQ on that Redis (also SOUS_QUEUE); every
                           sous serve on it works them, and GET /jobs shows them all
  --workers N              with --queue: jobs this process works at once (default 1; 1 to 100)

Exit codes: 0 the job succeeded / every file is valid / every document was read / a recipe was drafted,
1 the job failed or was cancelled, 2 bad usage, a file that is not a valid recipe, input the recipe refuses
(nothing ran), a document that cannot be read, or words that gave nothing to draft,
3 the job waits for an approval that no --answer gave, 4 an internal error in sous.
chat: 0 whenever the conversation ran (whatever it decided), 2 bad usage or a file that is not a valid agent
or recipe (or a skill whose recipe is missing or not callable). mcp: 0 when the client ends the session,
2 bad usage, a bad recipe, agent or policy file (nothing is served). grade: 0 whenever it graded (whatever the
scores), 2 when PACK is not a pack or DIR cannot be read.`;

const HELP = new Set(['help', '--help', '-h']);

export function parseCommand(argv: readonly string[]): ParsedArgs {
  const [name, ...rest] = argv;
  if (name === undefined) return fail(`no command given; expected ${COMMANDS}`);
  if (HELP.has(name) || asksHelp(rest)) return { ok: true, command: { kind: 'help' } };
  switch (name) {
    case 'run':
      return parseRun(rest);
    case 'validate':
      return parseValidate(rest);
    case 'extract':
      return parseExtract(rest, tryParse);
    case 'draft':
      return parseDraft(rest);
    case 'chat':
      return parseChat(rest, tryParse);
    case 'mcp':
      return parseMcp(rest, tryParse);
    case 'serve':
      return parseServe(rest);
    case 'grade':
      return parseGrade(rest);
    default:
      return fail(`unknown command "${name}"; expected ${COMMANDS}`);
  }
}

const COMMANDS = '"run", "validate", "extract", "draft", "chat", "mcp", "serve" or "grade"';

/** `--help` or `-h` anywhere, except as the message of a `--say` ("--say -h" says "-h"). */
function asksHelp(rest: readonly string[]): boolean {
  const joined = joinSays(rest);
  return Array.isArray(joined) && (joined.includes('--help') || joined.includes('-h'));
}

function parseRun(argv: string[]): ParsedArgs {
  const parsed = tryParse(argv, {
    input: { type: 'string' },
    recipes: { type: 'string' },
    answer: { type: 'string', multiple: true },
    table: { type: 'string', multiple: true },
    connector: { type: 'string', multiple: true },
    policy: { type: 'string' },
    json: { type: 'boolean' }
  });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return fail('run needs a recipe file: sous run RECIPE.json');
  if (positionals.length > 1) return fail(`run takes one recipe file, not ${positionals.length}: ${positionals.join(' ')}`);
  const answers = new Map<string, string>();
  for (const given of (values.answer ?? []) as string[]) {
    const at = given.indexOf('=');
    const step = given.slice(0, at).trim();
    const choice = given.slice(at + 1).trim();
    if (at < 0 || !step || !choice) return fail(`--answer expects STEP_ID=CHOICE, not "${given}"`);
    if (answers.has(step)) return fail(`--answer gives step "${step}" two answers`);
    answers.set(step, choice);
  }
  return {
    ok: true,
    command: {
      kind: 'run',
      recipe: positionals[0],
      input: values.input as string | undefined,
      recipes: values.recipes as string | undefined,
      tables: values.table as string[] | undefined,
      answers,
      connectors: (values.connector as string[] | undefined)?.map((given) => {
        const at = given.indexOf('=');
        return at > 0 && /^[a-z][a-z0-9.-]*$/.test(given.slice(0, at)) ? { id: given.slice(0, at), file: given.slice(at + 1) } : { file: given };
      }),
      policy: values.policy as string | undefined,
      json: values.json === true
    }
  };
}

export const DEFAULT_SERVE_PORT = 8788;

function parseServe(argv: string[]): ParsedArgs {
  const parsed = tryParse(argv, {
    recipes: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    token: { type: 'string' },
    allow: { type: 'string', multiple: true },
    concurrency: { type: 'string', multiple: true },
    queue: { type: 'string' },
    workers: { type: 'string' }
  });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) return fail(`serve takes no files, only --recipes DIR (got ${positionals.join(' ')})`);
  const recipes = values.recipes as string | undefined;
  if (!recipes) return fail('serve needs the recipes folder: sous serve --recipes DIR');
  const portText = (values.port as string | undefined) ?? String(DEFAULT_SERVE_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) return fail(`--port expects a number from 0 to 65535, not "${portText}"`);
  const token = values.token as string | undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,512}$/.test(token)) {
    return fail('--token must be 16 to 512 printable characters without spaces');
  }
  const queue = parseQueueArgs((values.queue as string | undefined) ?? process.env.SOUS_QUEUE, values.workers as string | undefined);
  if (!queue.ok) return fail(queue.message);
  if (queue.value && values.concurrency !== undefined) return fail('--concurrency is for the in-process queue; with --queue, --workers N says how many jobs this process works at once');
  const concurrency = parseConcurrency((values.concurrency as string[] | undefined) ?? []);
  if (!concurrency.ok) return concurrency;
  return {
    ok: true,
    command: {
      kind: 'serve',
      recipes,
      port,
      data: (values.data as string | undefined) ?? '.sous-serve',
      token,
      allow: (values.allow as string[] | undefined) ?? [],
      concurrency: concurrency.value,
      ...(queue.value ? { queue: queue.value } : {})
    }
  };
}

function parseValidate(argv: string[]): ParsedArgs {
  const parsed = tryParse(argv, { policy: { type: 'string' } });
  if (!parsed.ok) return parsed;
  if (parsed.positionals.length === 0) return fail('validate needs at least one file: sous validate FILE.json...');
  return { ok: true, command: { kind: 'validate', files: parsed.positionals, policy: parsed.values.policy as string | undefined } };
}

function parseGrade(argv: string[]): ParsedArgs {
  const parsed = tryParse(argv, { json: { type: 'boolean' } });
  if (!parsed.ok) return parsed;
  const [pack, dir, ...more] = parsed.positionals;
  if (!pack || !dir) return fail('grade needs a pack and a folder of submissions: sous grade PACK.sous-pack.json DIR');
  if (more.length > 0) return fail(`grade takes one pack and one folder, not also ${more.join(' ')}`);
  return { ok: true, command: { kind: 'grade', pack, dir, json: parsed.values.json === true } };
}

function parseDraft(argv: string[]): ParsedArgs {
  const parsed = tryParse(argv, { json: { type: 'boolean' } });
  if (!parsed.ok) return parsed;
  const words = parsed.positionals.join(' ').trim();
  if (!words) return fail('draft needs the request in words: sous draft "when a new vendor is created, tell #finance"');
  return { ok: true, command: { kind: 'draft', words, json: parsed.values.json === true } };
}

export type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
type Parsed = { ok: true; values: Record<string, unknown>; positionals: string[] };

export function tryParse(args: string[], options: Options): Parsed | { ok: false; message: string } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { ok: true, values, positionals };
  } catch (err) {
    return fail(describeParseError(err));
  }
}

/** node:util's messages are long and suggest `--`; say what is wrong in a few words instead. */
function describeParseError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('argument missing') ? `${option} needs a value` : `${option} takes no value`;
  }
  return message.split('\n')[0];
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
