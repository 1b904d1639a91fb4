/** The slack connector against a real HTTP server on 127.0.0.1 that plays Slack's Web API and a webhook. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StepFailure } from '../engine/errors';
import type { ActionContext } from '../engine/ports';
import { createSlackConnector } from './slack';

const TOKEN = 'xoxb-CANARY-slack-7f3a';
const HOOK_PATH = '/services/T000/B000/CANARYhook';

interface Seen {
  path: string;
  auth?: string;
  body: unknown;
}
let seen: Seen[] = [];
let server: Server;
let base: string;

/** Slack's answers: chat.postMessage knows #general and #random (the bot is not in #random). */
function answer(req: IncomingMessage, body: Record<string, unknown>): [number, Record<string, string>, string] {
  const json = (value: unknown): [number, Record<string, string>, string] => [200, { 'content-type': 'application/json' }, JSON.stringify(value)];
  if (req.url === HOOK_PATH) return body.text === 'archived' ? [410, {}, 'channel_is_archived'] : [200, {}, 'ok'];
  if (req.url === '/services/gone') return [404, {}, 'no_service'];
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return json({ ok: false, error: 'invalid_auth' });
  if (req.url === '/api/auth.test') return json({ ok: true, team: 'Acme', user: 'sous-bot' });
  if (req.url !== '/api/chat.postMessage') return [404, {}, 'unknown_method'];
  if (body.text === 'slow down') return [429, { 'retry-after': '7' }, ''];
  if (body.channel === '#general') return json({ ok: true, channel: 'C123', ts: '1700000000.000100' });
  if (body.channel === '#random') return json({ ok: false, error: 'not_in_channel' });
  return json({ ok: false, error: 'channel_not_found' });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = text ? JSON.parse(text) : {};
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      const [status, headers, out] = answer(req, body);
      res.writeHead(status, headers).end(out);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen = []));

const slack = () => createSlackConnector({ apiBase: `${base}/api`, now: () => new Date('2030-01-01T00:00:00Z') });
const ctx = (connection?: Record<string, string>) =>
  ({ connection, signal: new AbortController().signal, jobId: 'j', path: 'p', user: { id: 'u', name: 'U', roles: [] } }) as unknown as ActionContext;
const bot = { kind: 'bot_token', token: TOKEN };
const hook = () => ({ kind: 'webhook', webhook_url: `${base}${HOOK_PATH}` });
const post = (input: unknown, connection?: Record<string, string>) => {
  const action = slack().actions.post;
  return action.execute(action.input.parse(input), ctx(connection));
};
const failure = (p: Promise<unknown>) => p.then(() => expect.fail('it should have failed'), (e) => e as StepFailure);

describe('slack.post with a bot token', () => {
  it('posts with chat.postMessage and the bearer token', async () => {
    expect(await post({ channel: '#general', text: 'hello' }, bot)).toEqual({ ok: true, channel: 'C123', ts: '1700000000.000100' });
    expect(seen).toEqual([{ path: '/api/chat.postMessage', auth: `Bearer ${TOKEN}`, body: { channel: '#general', text: 'hello' } }]);
  });

  it.each([
    ['#nowhere', bot, 'slack_channel_not_found', /no channel by that name/],
    ['#random', bot, 'slack_not_in_channel', /not a member of that channel.*invite/],
    ['#general', { kind: 'bot_token', token: 'xoxb-wrong' }, 'slack_invalid_auth', /did not accept the token/]
  ])('turns Slack’s {ok:false} for %s into plain words', async (channel, connection, code, message) => {
    const err = await failure(post({ channel, text: 'hi' }, connection));
    expect(err).toBeInstanceOf(StepFailure);
    expect(err).toMatchObject({ code, retryable: false, message: expect.stringMatching(message) });
    expect(err.message).not.toContain(TOKEN);
  });

  it('a 429 may be retried after the time Slack asks', async () => {
    const err = await failure(post({ channel: '#general', text: 'slow down' }, bot));
    expect(err).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 7000 });
    expect(slack().actions.post.retryable!(err)).toBe(true);
  });

  it('needs a channel, and a connection', async () => {
    expect(await failure(post({ text: 'hi' }, bot))).toMatchObject({ kind: 'user', code: 'no_channel' });
    expect(await failure(post({ text: 'hi' }))).toMatchObject({ kind: 'user', message: expect.stringMatching(/needs a connection/) });
    expect(seen).toEqual([]);
  });
});

describe('slack.post with a webhook', () => {
  it('POSTs {text} to the webhook URL, with no token', async () => {
    expect(await post({ text: 'hello', channel: '#ignored' }, hook())).toEqual({ ok: true });
    expect(seen).toEqual([{ path: HOOK_PATH, auth: undefined, body: { text: 'hello' } }]);
  });

  it.each([
    [HOOK_PATH, 'archived', /archived/],
    ['/services/gone', 'hi', /does not know this webhook/]
  ])('never names the webhook URL in an error (%s)', async (path, text, message) => {
    const err = await failure(post({ text }, { kind: 'webhook', webhook_url: `${base}${path}` }));
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('services');
  });

  it('an unreachable webhook is a retryable network error that does not name it', async () => {
    const err = await failure(post({ text: 'hi' }, { kind: 'webhook', webhook_url: 'http://127.0.0.1:1/services/T/B/SECRET' }));
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(err.message).not.toContain('SECRET');
  });
});

describe('slack check', () => {
  const check = (connection: Record<string, string>, offer?: string) => slack().check!(connection, { signal: new AbortController().signal, offer });

  it('a bot token is checked with auth.test', async () => {
    expect(await check(bot)).toEqual({ ok: true, message: 'Connected to Acme as sous-bot.' });
    await expect(check({ kind: 'bot_token', token: 'xoxb-wrong' })).rejects.toThrow(/did not accept the token/);
  });

  it('a webhook can only be checked by posting: it offers a test post, and sends one when asked', async () => {
    const first = await check(hook());
    expect(first).toMatchObject({ ok: null, offer: { id: 'test_post' } });
    expect(seen).toEqual([]);
    expect(await check(hook(), 'test_post')).toMatchObject({ ok: true });
    expect(seen).toHaveLength(1);
  });
});
