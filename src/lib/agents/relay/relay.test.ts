// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * The studio's side of the MCP relay, apart from the server (proxy/mcp-endpoint.test.ts runs it end to end):
 * reading the event stream, the confirm queue behind the dialog, and what the tab agrees to run.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecipeText } from '../../recipe';
import { saveRecipe } from '../../store';
import { freshDb } from '../../store/test-db';
import type { SousDb } from '../../store/db';
import { createEngineHost } from '../../worker/host';
import { memoryLocks } from '../../worker/memory-locks';
import { ConfirmQueue } from './confirm-queue.svelte';
import { relayLang, relayWords } from './messages';
import { offeredIds, setOffered } from './offers';
import { readSse, type SseEvent } from './sse';
import { offeredSkills, studioPorts } from './studio-ports';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(encoder.encode(c)));
      controller.close();
    }
  });
}

async function events(chunks: string[]): Promise<SseEvent[]> {
  const seen: SseEvent[] = [];
  for await (const e of readSse(stream(chunks))) seen.push(e);
  return seen;
}

describe('reading the relay stream', () => {
  it.each([
    [['event: hello\ndata: {"a":1}\n\n'], [{ event: 'hello', data: '{"a":1}' }]],
    [['event: ask\nda', 'ta: {"id":"x"}\n', '\n'], [{ event: 'ask', data: '{"id":"x"}' }]],
    [[': ping\n\n', 'data: one\ndata: two\n\n'], [{ event: 'message', data: 'one\ntwo' }]],
    [['event: a\r\ndata: 1\r\n\r\nevent: b\ndata:2\n\n'], [{ event: 'a', data: '1' }, { event: 'b', data: '2' }]],
    [['event: cut\ndata: never ended'], []]
  ])('%j gives %j', async (chunks, expected) => {
    expect(await events(chunks)).toEqual(expected);
  });
});

describe('the confirm queue', () => {
  const question = { tool: 'register-vendor', title: 'Register a vendor', values: { name: 'Acme' }, writes: ['sandbox.erp.vendors.create'] };

  it('shows one question at a time and answers each as the person chose', async () => {
    const queue = new ConfirmQueue();
    const first = queue.ask(question, new AbortController().signal);
    const second = queue.ask({ ...question, values: { name: 'Beta' } }, new AbortController().signal);
    expect(queue.current?.question.values).toEqual({ name: 'Acme' });
    queue.current!.answer(true);
    expect(queue.current?.question.values).toEqual({ name: 'Beta' });
    queue.current!.answer(false);
    expect([await first, await second, queue.current]).toEqual([true, false, undefined]);
  });

  it('drops a question, as a no, when its call is cancelled', async () => {
    const queue = new ConfirmQueue();
    const cancel = new AbortController();
    const answer = queue.ask(question, cancel.signal);
    cancel.abort();
    expect([await answer, queue.pending.length]).toEqual([false, 0]);
  });
});

describe('what the tab offers and runs', () => {
  let db: SousDb;
  afterEach(() => db?.delete());

  async function workspace() {
    db = freshDb();
    for (const file of ['find-vendor', 'register-vendor', 'approve-vendor']) {
      const parsed = parseRecipeText(readFileSync(`tests/fixtures/agents/${file}.json`, 'utf8'));
      if (!parsed.ok) throw new Error(file);
      await saveRecipe(db, parsed.recipe);
    }
    const host = createEngineHost({ db, locks: memoryLocks(), report: () => {} });
    const ports = studioPorts({ db, connectors: host.connectors, run: host.run, confirm: async () => false, pollMs: 10 });
    return { host, ports };
  }

  it('offers nothing at first, then only the ticked recipes, each with its effect', async () => {
    const { host } = await workspace();
    expect(await offeredSkills(db, host.connectors)).toEqual([]);
    await setOffered(db, 'find-vendor', true);
    await setOffered(db, 'register-vendor', true);
    await setOffered(db, 'register-vendor', false);
    await setOffered(db, 'approve-vendor', true);
    expect([...(await offeredIds(db))].sort()).toEqual(['approve-vendor', 'find-vendor']);
    const skills = await offeredSkills(db, host.connectors);
    expect(skills.map((s) => [s.recipe.id, s.effect.effect])).toEqual([
      ['approve-vendor', 'write'],
      ['find-vendor', 'read']
    ]);
  });

  it('refuses to run a recipe that is not offered, whatever the server asks', async () => {
    const { ports } = await workspace();
    await expect(ports.run('register-vendor', { name: 'X', country: 'DE' }, new AbortController().signal)).rejects.toThrow(/not offered to assistants/);
    expect(await db.jobs.count()).toBe(0);
  });

  it('answers the job once it ends, or once it waits for an approval', async () => {
    const { ports } = await workspace();
    await setOffered(db, 'find-vendor', true);
    await setOffered(db, 'approve-vendor', true);
    const found = await ports.run('find-vendor', { query: 'Globex' }, new AbortController().signal);
    expect(found.status).toBe('succeeded');
    const waiting = await ports.run('approve-vendor', { name: 'Waits Ltd' }, new AbortController().signal);
    expect(waiting.status).toBe('waiting');
  });
});

describe('words', () => {
  it.each([
    [['ko-KR'], 'ko'],
    [['en-GB', 'ko'], 'en'],
    [[], 'en']
  ] as const)('languages %j → %s, and every word exists in both', (langs, lang) => {
    expect(relayLang(langs)).toBe(lang);
    expect(Object.keys(relayWords('ko'))).toEqual(Object.keys(relayWords('en')));
  });
});
