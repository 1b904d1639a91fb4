/** The arguments of `sous chat` and `sous mcp` (kept apart from args.ts so each command's options sit together). */
import type { Options } from './args';

export interface ChatArgs {
  kind: 'chat';
  agent: string;
  agents?: string;
  recipes?: string;
  /** One message from the person per `--say`, in order. */
  say: string[];
  json: boolean;
}

export interface McpArgs {
  kind: 'mcp';
  recipes?: string;
  agents?: string;
  policy?: string;
  yes: boolean;
}

export const AGENT_USAGE = `chat       talks to an agent: each --say is one message from the person, in order; the sandbox apps
           are seeded afresh for the run, and SOUS_USER chooses who is talking (as in run)
  --recipes DIR            the skills' recipe files, and any they call (default: the agent file's folder)
  --agents DIR             the agents it may hand a request on to (default: the agent file's folder)
  --say TEXT               one message from the person; may be given more than once
  --json                   prints only {agent, turns, jobs} as JSON on stdout
mcp        offers the callable recipes as tools to an MCP client (Claude Desktop, Cursor, …) over stdio;
           stdout carries only MCP messages, logs go to stderr; the sandbox apps are seeded once
  --recipes DIR            the recipes to offer, every callable one (default: the current folder)
  --agents DIR             agent files to check alongside them
  --policy FILE            a sous.policy/v1 file: only the recipes in its "mcp" list are offered
  --yes                    runs tools that change data without confirmation when the client cannot
                           be asked (no MCP elicitation); without it they are refused`;

type TryParse = (
  args: string[],
  options: Options
) => { ok: true; values: Record<string, unknown>; positionals: string[] } | { ok: false; message: string };
type Parsed<T> = { ok: true; command: T } | { ok: false; message: string };

/**
 * `--say TEXT` always takes the next argument as the message, even one that starts with "-" ("-5",
 * "--help"): node's parser would call that ambiguous, so it is joined as `--say=TEXT` first.
 */
export function joinSays(argv: readonly string[]): string[] | { missing: true } {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--say') {
      out.push(argv[i]);
      continue;
    }
    if (i + 1 >= argv.length) return { missing: true };
    out.push(`--say=${argv[++i]}`);
  }
  return out;
}

export function parseChat(argv: string[], tryParse: TryParse): Parsed<ChatArgs> {
  const joined = joinSays(argv);
  if (!Array.isArray(joined)) return { ok: false, message: '--say needs a value' };
  const parsed = tryParse(joined, { agents: { type: 'string' }, recipes: { type: 'string' }, say: { type: 'string', multiple: true }, json: { type: 'boolean' } });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return { ok: false, message: 'chat needs an agent file: sous chat AGENT.json --say "…"' };
  if (positionals.length > 1) return { ok: false, message: `chat takes one agent file, not ${positionals.length}: ${positionals.join(' ')}` };
  return {
    ok: true,
    command: {
      kind: 'chat',
      agent: positionals[0],
      agents: values.agents as string | undefined,
      recipes: values.recipes as string | undefined,
      say: (values.say as string[] | undefined) ?? [],
      json: values.json === true
    }
  };
}

export function parseMcp(argv: string[], tryParse: TryParse): Parsed<McpArgs> {
  const parsed = tryParse(argv, { recipes: { type: 'string' }, agents: { type: 'string' }, policy: { type: 'string' }, yes: { type: 'boolean' } });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) return { ok: false, message: `mcp takes no files, only options: ${positionals.join(' ')} (use --recipes DIR)` };
  return {
    ok: true,
    command: {
      kind: 'mcp',
      recipes: values.recipes as string | undefined,
      agents: values.agents as string | undefined,
      policy: values.policy as string | undefined,
      yes: values.yes === true
    }
  };
}
