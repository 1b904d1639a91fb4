/** Helpers for the MCP tests (not shipped): the SDK's own client talking to a real `sous mcp` over stdio. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { join } from 'node:path';
import { ROOT } from './test-kit';

export interface McpClientOptions {
  /** Declares the elicitation capability and answers each confirmation form so. */
  elicit?: (request: ElicitRequest['params']) => ElicitResult;
  env?: Record<string, string>;
}

export interface Connected {
  client: Client;
  stderr: () => string;
  /** Every elicitation the server sent. */
  elicited: ElicitRequest['params'][];
  close(): Promise<void>;
}

export async function connectSous(args: string[], options: McpClientOptions = {}): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: join(ROOT, 'node_modules/.bin/tsx'),
    args: ['cli/sous.ts', 'mcp', ...args],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1', ...options.env },
    stderr: 'pipe'
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'sous-test', version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: { form: {} } } : {} });
  const elicited: ElicitRequest['params'][] = [];
  if (options.elicit) {
    const answer = options.elicit;
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      elicited.push(request.params);
      return answer(request.params);
    });
  }
  await client.connect(transport);
  return { client, stderr: () => stderr, elicited, close: () => client.close() };
}

/** The text of a tool result's first content block. */
export function textOf(result: unknown): string {
  const first = ((result as { content?: unknown }).content as { type: string; text?: string }[] | undefined)?.[0];
  return first?.type === 'text' ? (first.text ?? '') : '';
}
