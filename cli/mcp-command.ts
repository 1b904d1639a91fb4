/**
 * `sous mcp`: the callable recipes of a folder as MCP tools over stdio (docs/agent-format.md). stdout
 * carries only MCP messages, so everything else (logs, and any stray console output) goes to stderr; the
 * sandbox apps are seeded once for the whole process, so one call sees what an earlier call wrote.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createSousMcpServer } from '../src/lib/agents/mcp/server';
import { mcpSkills, narrowToPolicy } from '../src/lib/agents/mcp/skills';
import type { Policy } from '../src/lib/policy';
import type { McpArgs } from './args';
import { readPolicyFile } from './files';
import { EXIT, type ExitCode, type Io } from './io';
import { cliUser } from './run-command';
import { cliSession } from './session';
import { consoleToStderr } from './quiet-console';
import { loadAgentFolder, loadRecipeFolder } from './workspace';

export async function mcpCommand(args: McpArgs, io: Io): Promise<ExitCode> {
  consoleToStderr(io);
  const recipes = await loadRecipeFolder(args.recipes ?? '.');
  if (!recipes.ok) return refuse(io, recipes.lines);
  if (args.agents !== undefined) {
    const agents = await loadAgentFolder(args.agents);
    if (!agents.ok) return refuse(io, agents.lines);
  }
  let policy: Policy | undefined;
  if (args.policy !== undefined) {
    const read = await readPolicyFile(args.policy);
    if (!read.ok) return refuse(io, read.lines);
    policy = read.policy;
  }

  const session = cliSession(recipes.items, cliUser());
  const narrowed = narrowToPolicy(mcpSkills(recipes.items, session.connectors), policy);
  for (const id of narrowed.unknown) io.err(`sous mcp: warning: the policy "${policy?.name}" lists "${id}", which is not a callable recipe in ${args.recipes ?? '.'}`);
  const skills = narrowed.skills;
  io.err(`sous mcp: offering ${skills.length} tool${skills.length === 1 ? '' : 's'}${skills.length ? `: ${skills.map((s) => s.recipe.id).join(', ')}` : ''}`);

  const server = createSousMcpServer({
    tools: () => skills,
    runJob: (recipe, input) => session.runner.start(recipe, input, { user: session.user }),
    yes: args.yes,
    log: (line) => io.err(`sous mcp: ${line}`)
  });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  const answered = trackRequests(transport);
  // The client ends the session by closing our stdin (or by a signal): end cleanly, exit 0. Requests
  // still being worked on when stdin closes are answered first (a client may write and close at once).
  const stop = () => void server.close();
  process.stdin.once('end', () => void answered().then(stop));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await closed;
  return EXIT.ok;
}

/** Counts the requests not yet answered; the returned function waits until none are (at most a minute). */
function trackRequests(transport: StdioServerTransport): () => Promise<void> {
  const open = new Set<string | number>();
  let idle: (() => void) | undefined;
  const onmessage = transport.onmessage;
  transport.onmessage = (message) => {
    if ('method' in message && 'id' in message) open.add(message.id);
    onmessage?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if (!('method' in message) && 'id' in message && message.id !== undefined && open.delete(message.id) && open.size === 0) idle?.();
  };
  return () =>
    new Promise<void>((resolve) => {
      if (open.size === 0) return resolve();
      idle = resolve;
      setTimeout(resolve, 60_000).unref();
    });
}


function refuse(io: Io, lines: string[]): ExitCode {
  for (const line of lines) io.err(line);
  return EXIT.invalid;
}
