/**
 * The built-in `slack` connector: `post` {channel?, text} to Slack through an incoming webhook (the URL is
 * the secret; the channel is the webhook's own) or a bot token (chat.postMessage; a channel is needed).
 * Requests go through the fetch it is given (the studio's goes via the local proxy). Secrets never appear
 * in an error: Slack's error codes are turned into plain words and the webhook URL is never named.
 */
import { z } from 'zod';
import { connectorError, StepFailure, userError } from '../engine/errors';
import { parseRetryAfter } from '../engine/retry';
import { defineConnector, type CheckResult, type ConnectionField } from './sdk';

export const SLACK_KINDS = ['webhook', 'bot_token'] as const;

export const SLACK_CONNECTION_FIELDS: ConnectionField[] = [
  { name: 'kind', label: 'How Sous posts', secret: false, options: SLACK_KINDS, description: 'webhook: an incoming-webhook URL; bot_token: a bot user OAuth token (xoxb-…)' },
  { name: 'webhook_url', label: 'Incoming webhook URL', secret: true, description: 'https://hooks.slack.com/services/…' },
  { name: 'token', label: 'Bot token', secret: true, description: 'xoxb-…; the bot must be invited to the channels it posts to' }
];

/** Slack's error codes, in words a person can act on. */
const SLACK_ERRORS: Record<string, string> = {
  channel_not_found: 'Slack has no channel by that name that this bot can see: check the channel name (e.g. #general or its ID)',
  not_in_channel: 'the bot is not a member of that channel: invite it there in Slack (/invite @your-bot) and try again',
  invalid_auth: 'Slack did not accept the token: it may be mistyped or revoked; paste a fresh bot token into the connection',
  not_authed: 'no token was sent: add the bot token to the connection',
  account_inactive: 'the token belongs to a deleted user or an uninstalled app: reinstall the Slack app and use its new token',
  token_revoked: 'the token was revoked: reinstall the Slack app and use its new token',
  is_archived: 'that channel is archived: unarchive it or post somewhere else',
  channel_is_archived: 'that channel is archived: unarchive it or post somewhere else',
  msg_too_long: 'the message is too long for Slack: shorten the text',
  no_text: 'the message has no text',
  missing_scope: 'the Slack app lacks the chat:write permission: add it and reinstall the app',
  invalid_payload: 'Slack could not read the message sent to the webhook',
  no_service: 'Slack does not know this webhook any more: it was removed; create a new one and update the connection',
  action_prohibited: 'an admin of this Slack workspace has blocked posting through this webhook',
  ratelimited: 'Slack asks Sous to slow down'
};

export const SlackPostInput = z.object({
  channel: z.string().min(1).optional().describe('e.g. #general or a channel ID; a webhook always posts to its own channel'),
  text: z.string().min(1, 'the message needs some text')
});
export const SlackPostOutput = z.object({ ok: z.boolean(), channel: z.string().optional(), ts: z.string().optional() });

export interface SlackOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Slack's Web API base; only tests set it (to a server on 127.0.0.1). */
  apiBase?: string;
}

export function createSlackConnector(options: SlackOptions = {}) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? (() => new Date());
  const apiBase = (options.apiBase ?? 'https://slack.com/api').replace(/\/$/, '');

  /** Send, and turn what comes back into a StepFailure or the parsed body. Never names the URL's path. */
  async function send(url: string, init: RequestInit, signal: AbortSignal, where: string): Promise<{ status: number; body: unknown; text: string }> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal });
    } catch (err) {
      if (signal.aborted) throw err;
      throw connectorError(`could not reach ${where}: ${reason(err)}`, { code: 'network', retryable: true });
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* a webhook answers plain text */
    }
    if (response.status === 429) {
      throw connectorError(`${where}: ${SLACK_ERRORS.ratelimited}`, { code: 'rate_limited', retryable: true, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) });
    }
    if (response.status >= 500) throw connectorError(`${where} answered ${response.status}: Slack is having trouble, try again later`, { code: `http_${response.status}`, retryable: true });
    return { status: response.status, body, text };
  }

  function slackError(code: string, where: string): StepFailure {
    // Only a word shaped like Slack's own codes (invalid_auth, http_403) is repeated: anything else is
    // what the far end sent back, which may echo the webhook URL or the token.
    const safe = /^[a-z][a-z0-9_]{0,39}$/.test(code) ? code : 'unknown';
    const words = SLACK_ERRORS[safe] ?? `Slack refused the request (${safe === 'unknown' ? 'no reason Sous recognises' : safe})`;
    return connectorError(`${where}: ${words}`, { code: `slack_${safe}` });
  }

  async function postWebhook(url: string, text: string, signal: AbortSignal) {
    if (!/^https?:\/\//i.test(url)) throw connectorError('the webhook URL in the connection is not a web address: paste the whole https://hooks.slack.com/… URL', { code: 'connection' });
    const res = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }, signal, 'the Slack webhook');
    if (res.status >= 200 && res.status < 300) return { ok: true };
    throw slackError(res.text.trim() || `http_${res.status}`, 'the Slack webhook');
  }

  async function callApi(method: string, token: string, payload: Record<string, unknown>, signal: AbortSignal) {
    const res = await send(
      `${apiBase}/${method}`,
      { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` }, body: JSON.stringify(payload) },
      signal,
      `Slack (${method})`
    );
    const body = (res.body ?? {}) as { ok?: boolean; error?: string };
    if (typeof body !== 'object' || body.ok !== true) throw slackError(typeof body.error === 'string' ? body.error : `http_${res.status}`, `Slack (${method})`);
    return body as Record<string, unknown>;
  }

  function connectionOf(connection: Readonly<Record<string, string>> | undefined) {
    if (!connection) throw userError('a Slack step needs a connection: choose one for this recipe on the Connections page', 'connection');
    const kind = connection.kind || (connection.token ? 'bot_token' : 'webhook');
    if (kind === 'webhook') {
      if (!connection.webhook_url) throw connectorError('the Slack connection has no webhook URL', { code: 'connection' });
      return { kind, webhook: connection.webhook_url } as const;
    }
    if (kind === 'bot_token') {
      if (!connection.token) throw connectorError('the Slack connection has no bot token', { code: 'connection' });
      return { kind, token: connection.token } as const;
    }
    throw connectorError(`the Slack connection's kind must be webhook or bot_token`, { code: 'connection' });
  }

  return defineConnector({
    id: 'slack',
    label: 'Slack',
    description: 'Post messages to Slack.',
    connection: SLACK_CONNECTION_FIELDS,
    async check(connection, ctx): Promise<CheckResult> {
      const conn = connectionOf(connection);
      if (conn.kind === 'webhook') {
        if (ctx.offer !== 'test_post') {
          return {
            ok: null,
            message: 'A Slack webhook can only be checked by posting through it. Send a test post to see it arrive in its channel.',
            offer: { id: 'test_post', label: 'Send a test post' }
          };
        }
        await postWebhook(conn.webhook, 'Test post from Sous: this connection works.', ctx.signal);
        return { ok: true, message: 'The test post was accepted: look for it in the webhook’s channel.' };
      }
      const who = await callApi('auth.test', conn.token, {}, ctx.signal);
      const team = typeof who.team === 'string' ? who.team : 'the workspace';
      const user = typeof who.user === 'string' ? ` as ${who.user}` : '';
      return { ok: true, message: `Connected to ${team}${user}.` };
    },
    actions: {
      post: {
        label: 'Post to a Slack channel',
        effect: 'write',
        idempotent: false,
        input: SlackPostInput,
        output: SlackPostOutput,
        retryable: (err) => err instanceof StepFailure && err.retryable,
        async execute(input, ctx) {
          const conn = connectionOf(ctx.connection);
          if (conn.kind === 'webhook') return postWebhook(conn.webhook, input.text, ctx.signal);
          if (!input.channel) throw userError('posting with a bot token needs a channel, e.g. "#general"', 'no_channel');
          const body = await callApi('chat.postMessage', conn.token, { channel: input.channel, text: input.text }, ctx.signal);
          return { ok: true, channel: typeof body.channel === 'string' ? body.channel : undefined, ts: typeof body.ts === 'string' ? body.ts : undefined };
        }
      }
    }
  });
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string } })?.cause;
  return cause?.code ?? 'the network failed';
}
