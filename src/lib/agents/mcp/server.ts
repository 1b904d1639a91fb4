/**
 * The MCP server both transports use: `sous mcp` over stdio and the local server's `/mcp` over streamable
 * HTTP. The SDK's low-level `Server` is used on purpose: the high-level `McpServer` wants zod shapes for a
 * tool's schemas, and ours are JSON Schema made from the recipe's fields (and the trigger's free `output`).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { Job, Recipe } from '../../recipe';
import { callTool, needsConfirmation, toolError, type ConfirmAnswer, type ConfirmRequest, type ToolResult } from './call';
import { elicitConfirmation } from './elicit';
import { mcpTool, type McpSkill } from './tools';

export interface SousMcpOptions {
  /** The tools offered, asked afresh on every `tools/list` and call (the studio's offered set may change). */
  tools(): McpSkill[] | Promise<McpSkill[]>;
  /** Runs the recipe as a job with the call's (checked) arguments, until it ends or waits for an approval. */
  runJob(recipe: Recipe, input: Record<string, unknown>): Promise<Job>;
  /**
   * Asks the person when the client cannot be asked by elicitation (the studio's prompt). Without it,
   * a tool that changes data is refused unless `yes`.
   */
  confirm?(request: ConfirmRequest): Promise<ConfirmAnswer>;
  /** `sous mcp --yes`: a client without elicitation may run tools that change data unasked. */
  yes?: boolean;
  name?: string;
  version?: string;
  /** Where the server says what it does (stderr for stdio: stdout is the protocol's). */
  log?(line: string): void;
}

export function createSousMcpServer(options: SousMcpOptions): Server {
  const server = new Server({ name: options.name ?? 'sous', version: options.version ?? '1.0.0' }, { capabilities: { tools: {} } });
  const validator = new AjvJsonSchemaValidator();
  const log = options.log ?? (() => {});

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: (await options.tools()).map(mcpTool) }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<ToolResult> => {
    const { name, arguments: args } = request.params;
    try {
      const skill = (await options.tools()).find((s) => s.recipe.id === name);
      if (!skill) return toolError(`Tool ${name} not found`);
      const result = await callTool(skill, args, {
        runJob: options.runJob,
        confirm: (asked) => confirmFor(server, options, asked),
        checkOutput: (schema, output) => {
          const checked = validator.getValidator(schema)(output);
          return checked.valid ? undefined : checked.errorMessage;
        }
      });
      log(`${name}: ${result.isError ? `refused or failed: ${result.content[0]?.text}` : 'ran'}`);
      return result;
    } catch (err) {
      // As the SDK's McpServer does: a tool that throws is a tool error the assistant can read.
      const message = err instanceof Error ? err.message : String(err);
      log(`${name}: error: ${message}`);
      return toolError(`"${name}" failed: ${message}`);
    }
  });
  return server;
}

/** Elicitation where the client declared it; else the caller's own prompt; else `--yes`; else a refusal. */
async function confirmFor(server: Server, options: SousMcpOptions, request: ConfirmRequest): Promise<ConfirmAnswer> {
  if (server.getClientCapabilities()?.elicitation?.form) return elicitConfirmation(server, request);
  if (options.confirm) return options.confirm(request);
  if (options.yes) return true;
  return { unavailable: needsConfirmation(request) };
}
