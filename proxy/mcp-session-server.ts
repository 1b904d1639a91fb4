/**
 * One MCP session's server: the tool layer `sous mcp` uses (src/lib/agents/mcp, the SDK's own `Server`),
 * fed by the relay instead of a folder. Its tools are the recipes the open studio tab offers; a call's
 * job runs in that tab; a tool that changes data is confirmed by MCP elicitation where the assistant's
 * client supports it, otherwise the tab asks its person. With no studio tab, `tools/list` is empty and
 * `tools/call` answers a tool error saying to open the studio.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isJSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { createSousMcpServer } from '../src/lib/agents/mcp/server';
import { toolError, type ConfirmAnswer } from '../src/lib/agents/mcp/call';
import type { McpSkill } from '../src/lib/agents/mcp/tools';
import { JobSchema, RecipeSchema } from '../src/lib/recipe';
import type { RelaySkill } from '../src/lib/agents/relay/protocol';
import { relayText } from './mcp-messages';
import type { McpRelay } from './mcp-relay';

export const SERVER_NAME = 'sous-studio';

export function createSessionServer(relay: McpRelay): Server {
  const server = createSousMcpServer({
    name: SERVER_NAME,
    version: '0.1.0',
    tools: () => checkedSkills(relay.skills() ?? []),
    runJob: async (recipe, input) => JobSchema.parse(await relay.ask({ kind: 'run', recipe: recipe.id, input })),
    async confirm(request): Promise<ConfirmAnswer> {
      try {
        return (await relay.ask({ kind: 'confirm', request })) === true;
      } catch (err) {
        return { unavailable: `"${request.tool}" was not run: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
  });
  // The offered set changes as the person ticks recipes in the studio: say so to clients that listen.
  server.registerCapabilities({ tools: { listChanged: true } });
  return server;
}

const parsed = new WeakMap<RelaySkill[], McpSkill[]>();

/** The tab's skills with their recipes checked against the recipe format (a bad one is left out). */
function checkedSkills(skills: RelaySkill[]): McpSkill[] {
  let checked = parsed.get(skills);
  if (!checked) {
    checked = skills.flatMap((s) => {
      const recipe = RecipeSchema.safeParse(s.recipe);
      return recipe.success ? [{ recipe: recipe.data, effect: s.effect }] : [];
    });
    parsed.set(skills, checked);
  }
  return checked;
}

/**
 * With no studio tab connected, a `tools/call` is answered here with the tool error "open the studio"
 * (the tool layer would only say the tool is unknown). Wraps the transport's delivery after connect.
 */
export function answerWithoutStudio(transport: Transport, relay: McpRelay): void {
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if (isJSONRPCRequest(message) && message.method === 'tools/call' && relay.skills() === undefined) {
      void transport.send({ jsonrpc: '2.0', id: message.id, result: toolError(relayText('noStudio')) }, { relatedRequestId: message.id });
      return;
    }
    deliver?.(message, extra);
  };
}
