/**
 * Property: whatever a secret is and however a server echoes it, no form of it (nor a piece of 8+
 * characters of one) reaches the journaled job. Through the real engine, the real http connector and a
 * real server on 127.0.0.1 that echoes the API key it was sent, in the form and place the test asks for.
 * A second channel uses a connector that cuts its own error at 200 characters (as a careless one would),
 * so the engine's own defence at a cut is tried too. The echo forms are computed here with Node's own
 * encoders, not with the redactor's code. Replay a failure with REDACT_SEED=<seed printed by fast-check>.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpConnector } from '../../connectors/http';
import { defineConnector } from '../../connectors/sdk';
import { connectorError } from '../errors';
import { recipe, setup } from '../test-kit';

const USER = 'ann';

const ECHO: Record<string, (s: string) => string> = {
  raw: (s) => s,
  json: (s) => JSON.stringify(s).slice(1, -1),
  json_slash: (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'),
  // Python's json.dumps (ensure_ascii) and PHP's json_encode (that, and `\/`).
  json_ascii: (s) => JSON.stringify(s).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  json_php: (s) => ECHO.json_ascii(s).replace(/\//g, '\\/'),
  json_all_upper: (s) => [...Array(s.length).keys()].map((i) => `\\u${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join(''),
  // Jackson: non-ASCII as is, control characters in upper-case hex.
  json_jackson: (s) => JSON.stringify(s).slice(1, -1).replace(/\\(?:\\|u[0-9a-f]{4})/g, (m) => (m.length === 2 ? m : m.toUpperCase().replace('\\U', '\\u'))),
  json_twice: (s) => JSON.stringify(JSON.stringify(s)).slice(3, -3),
  url: (s) => encodeURIComponent(s),
  url_lower: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  form: (s) => new URLSearchParams({ k: s }).toString().slice(2),
  // PHP's urlencode: all but letters, digits and `-_.` encoded, a space as `+`.
  php_urlencode: (s) => encodeURIComponent(s).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'),
  url_twice: (s) => encodeURIComponent(encodeURIComponent(s)),
  base64: (s) => Buffer.from(s, 'utf8').toString('base64'),
  base64url: (s) => Buffer.from(s, 'utf8').toString('base64url'),
  basic: (s) => Buffer.from(`${USER}:${s}`, 'utf8').toString('base64'),
  html: (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
};
const FORMS = Object.keys(ECHO);
const POSITIONS = ['start', 'middle', 'end', 'cut', 'repeated'] as const;
const CHANNELS = ['error', 'error_json', 'body_json', 'body_text', 'header', 'nested_key', 'connector_cut'] as const;
type Position = (typeof POSITIONS)[number];

/** The text with `form` placed where asked; `cut` puts it across character 200, where error snippets end. */
function place(form: string, position: Position, pad: number): string {
  const filler = (n: number) => 'lorem ipsum '.repeat(Math.ceil(n / 12) + 1).slice(0, n);
  switch (position) {
    case 'start':
      return form + filler(pad);
    case 'middle':
      return filler(pad) + form + filler(pad);
    case 'end':
      return filler(pad) + form;
    case 'cut': {
      const before = Math.max(1, 200 - Math.floor(form.length / 2) - 'error: '.length);
      return filler(before) + form + filler(pad);
    }
    case 'repeated':
      return `${form} ${filler(pad)} ${form}${filler(pad)}${form}`;
  }
}

/** Header values travel as bytes: a form that is not printable ASCII, or has outer spaces, goes URL-encoded. */
function headerSafe(form: string, secret: string): string {
  return /^[!-~]([ -~]*[!-~])?$/.test(form) ? form : encodeURIComponent(secret);
}

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const secret = url.searchParams.get('api_key') ?? '';
    const form = ECHO[url.searchParams.get('form') ?? 'raw'](secret);
    const text = place(form, url.searchParams.get('pos') as Position, Number(url.searchParams.get('pad')));
    const channel = url.searchParams.get('channel');
    if (channel === 'error' || channel === 'error_json') {
      const type = channel === 'error' ? 'text/plain' : 'application/json';
      // Written as is, even where the form makes it invalid JSON: the error path keeps the text.
      res.writeHead(400, { 'content-type': type }).end(`error: ${text}`);
    } else if (channel === 'body_json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: text, deep: { list: [{ again: text }] } }));
    } else if (channel === 'body_text') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    } else if (channel === 'header') {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-echo': headerSafe(form, secret), 'x-key': headerSafe(ECHO.url(secret), secret) }).end('ok');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ a: { [text]: 1, b: [{ [form]: form }] } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Fake at the edge: a connector that echoes the key in its own error, cut at 200 characters without care. */
const careless = defineConnector({
  id: 'careless',
  label: 'Careless',
  connection: [
    { name: 'key', label: 'Key', secret: true },
    { name: 'username', label: 'User', secret: false }
  ],
  actions: {
    call: {
      label: 'Call',
      effect: 'read',
      idempotent: true,
      input: z.object({ form: z.string(), pos: z.string(), pad: z.number() }),
      output: z.unknown(),
      async execute(input, ctx) {
        const text = `error: ${place(ECHO[input.form](ctx.connection!.key), input.pos as Position, input.pad)}`;
        throw connectorError(`400: ${text.length > 200 ? text.slice(0, 200) + '…' : text}`, { code: 'http_400' });
      }
    }
  }
});

/** Every string in a value, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

/** 8-character windows of a form, leaving out runs of one or two characters that ordinary text has too. */
function windows(form: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 8 <= form.length; i++) {
    const w = form.slice(i, i + 8);
    if (new Set(w).size >= 3) out.add(w);
  }
  return [...out];
}

const special = fc.constantFrom('"', '\\', '/', '+', '%', ' ', '&', '<', "'", '=', ':', 'é', 'ü', '한', '😀', '\n', '\t', '\u2028', '\u0001');
const char = fc.oneof(special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.string({ minLength: 1, maxLength: 1 }));
const secretArb = fc
  .array(char, { minLength: 4, maxLength: 40 })
  .map((chars) => `tok-${chars.join('')}`.slice(0, 80))
  .filter((s) => s.length >= 4 && s.length <= 80 && s.trim().length >= 4 && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));

async function runEcho(secret: string, form: string, pos: Position, channel: (typeof CHANNELS)[number], pad: number) {
  const cut = channel === 'connector_cut';
  const secrets = { resolve: async (): Promise<Record<string, string>> => (cut ? { key: secret, username: USER } : { auth: 'api_key_query', name: 'api_key', key: secret, username: USER }) };
  const { runner, journal } = setup({ extra: [createHttpConnector(), careless], secrets });
  const step = cut
    ? { id: 'call', kind: 'action', connector: 'careless', action: 'call', connection: 'main', input: { form, pos, pad } }
    : { id: 'call', kind: 'action', connector: 'http', action: 'request', connection: 'main', input: { url: `${base}/echo`, query: { form, pos, pad, channel } } };
  const r = { ...recipe([step]), connections: { main: { connector: cut ? 'careless' : 'http', label: 'Main' } } };
  const job = await runner.start(r, {});
  return (await journal.loadJob(job.id))!;
}

describe('secrets echoed by a server never reach the journaled job', () => {
  it('in any form, place and channel (fast-check)', { timeout: 60_000 }, async () => {
    const seed = Number(process.env.REDACT_SEED ?? 20261207);
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        fc.constantFrom(...FORMS),
        fc.constantFrom(...POSITIONS),
        fc.constantFrom(...CHANNELS),
        fc.integer({ min: 0, max: 1500 }),
        async (secret, form, pos, channel, pad) => {
          const job = await runEcho(secret, form, pos, channel, pad);
          const failing = channel.startsWith('error') || channel === 'connector_cut';
          expect(job.status, JSON.stringify(job.error)).toBe(failing ? 'failed' : 'succeeded');
          const json = JSON.stringify(job);
          const texts = strings(job);
          const echoed = ECHO[form](secret);
          for (const f of [secret, echoed, ECHO.url(secret)]) {
            expect(json.includes(f), `${f} in the job JSON`).toBe(false);
            for (const t of texts) expect(t.includes(f), `${f} in ${t.slice(0, 300)}`).toBe(false);
          }
          for (const w of windows(echoed)) for (const t of texts) expect(t.includes(w), `piece ${w} of ${echoed} in ${t.slice(0, 300)}`).toBe(false);
        }
      ),
      { numRuns: 200, seed }
    );
  });

  it.each(FORMS)('a 200-character cut through the %s form of the issue\'s secret keeps no half of it', async (form) => {
    const secret = 'tok-8f3a"q/\\+é 9z%2Bend';
    for (const channel of ['error', 'connector_cut'] as const) {
      const job = await runEcho(secret, form, 'cut', channel, 400);
      const message = job.error?.message ?? '';
      expect(message).toContain('••••');
      for (const w of windows(ECHO[form](secret))) expect(message).not.toContain(w);
    }
  });
});
