/**
 * Confirming a tool that changes data by MCP elicitation: a form that lists every value and asks yes/no.
 * The one field is optional (default yes) so a client that simply accepts the form confirms; "decline",
 * "cancel" or an unticked box do not.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { ConfirmAnswer, ConfirmRequest } from './call';

export function confirmationMessage(request: ConfirmRequest): string {
  const entries = Object.entries(request.values);
  const values = entries.length ? entries.map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n') : '  (no values)';
  const writes = request.writes.length ? `\nIt changes data: ${request.writes.join(', ')}.` : '\nIt changes data.';
  return `Run "${request.title}" (${request.tool}) with these values?\n${values}${writes}`;
}

export async function elicitConfirmation(server: Server, request: ConfirmRequest): Promise<ConfirmAnswer> {
  let result;
  try {
    result = await server.elicitInput({
      mode: 'form',
      message: confirmationMessage(request),
      requestedSchema: {
        type: 'object',
        properties: { confirm: { type: 'boolean', title: 'Run it', description: 'Yes: run it with these values. No: do not run it.', default: true } }
      }
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { unavailable: `"${request.tool}" changes data and needs confirmation, but asking for it failed (${why}). Nothing was run.` };
  }
  return result.action === 'accept' && result.content?.confirm !== false;
}
