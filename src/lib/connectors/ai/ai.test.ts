/**
 * The `ai` connector in both modes. A ScriptedModelClient stands in for the model's weights (none can be
 * downloaded here); basic extraction is a stand-in too, since basic-extract is another module's.
 */
import { describe, expect, it } from 'vitest';
import { INVOICE_FIELDS, type ExtractResult, type FieldSpec } from '../../ai/extract/fields';
import { ScriptedModelClient } from '../../ai/scripted-model-client';
import { MemoryReplayStore } from '../../ai/replay/replay-store';
import { StepFailure } from '../../engine/errors';
import type { ActionContext } from '../../engine/ports';
import { createAiConnector, GENERATE_NEEDS_MODEL, type ExtractBasic } from './index';

const INVOICE = 'ACME GmbH\nInvoice no. INV-2041\nDate: 2026-03-02\nTotal: EUR 1,190.00';

const basicCalls: { text: string; fields: FieldSpec[] }[] = [];
const extractBasic: ExtractBasic = (text, fields): ExtractResult => {
  basicCalls.push({ text, fields });
  return { mode: 'basic', reader: 'text', fields: { vendor: { value: 'ACME GmbH', confidence: 0.6, source: 'ACME GmbH' } } };
};

function ctx(signal = new AbortController().signal): ActionContext {
  return { user: { id: 'u', name: 'U', roles: [] }, signal, jobId: 'job-1', path: 'extract' };
}

function connector(client?: ScriptedModelClient, replays = new MemoryReplayStore()) {
  return createAiConnector({ extractBasic, model: async () => client, replays, now: () => new Date('2026-01-01T00:00:00Z') });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its own action's output
async function run(c: ReturnType<typeof connector>, action: 'extract' | 'classify' | 'summarize' | 'generate', input: unknown, signal?: AbortSignal): Promise<any> {
  const def = c.actions[action];
  return def.output.parse(await def.execute(def.input.parse(input), ctx(signal)));
}

const fieldAnswer = (fields: string[], over: Record<string, unknown> = {}) =>
  ({ ...Object.fromEntries(fields.map((f) => [f, { value: null, confidence: 0, source: null }])), ...over });

describe('ai connector, basic mode (no model loaded)', () => {
  it('extract uses the injected basic rules with the preset fields and says mode basic', async () => {
    basicCalls.length = 0;
    const out = await run(connector(), 'extract', { document: { name: 'a.pdf', type: 'application/pdf', text: INVOICE }, preset: 'invoice' });
    expect(out).toMatchObject({ mode: 'basic', reader: 'pdf' });
    expect(basicCalls).toEqual([{ text: INVOICE, fields: INVOICE_FIELDS }]);
  });

  it.each([
    ['a document trigger', { name: 'a.pdf', type: 'application/pdf', text: INVOICE, pages: 1 }, 'pdf'],
    ['a mail.received attachment', { name: 'scan.png', type: 'image/png', size: 1234, text: INVOICE }, 'ocr'],
    ['a text attachment', { name: 'a.txt', type: 'text/plain', size: 10, text: INVOICE }, 'text']
  ])('extract takes %s as it is', async (_, document, reader) => {
    basicCalls.length = 0;
    const out = await run(connector(), 'extract', { document, preset: 'invoice' });
    expect(out).toMatchObject({ mode: 'basic', reader });
    expect(basicCalls[0].text).toBe(INVOICE);
  });

  it('extract of a file that could not be read fails with its problem in plain words', async () => {
    const document = { name: 'scan.pdf', type: 'application/pdf', size: 9, text: '', problem: '"scan.pdf" is damaged.' };
    await expect(run(connector(), 'extract', { document, preset: 'invoice' })).rejects.toThrow('There is no text to extract fields from: "scan.pdf" is damaged.');
  });

  it('extract refuses when neither fields nor a preset is given', () => {
    const parsed = connector().actions.extract.input.safeParse({ document: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/preset/);
  });

  it.each([
    ['Please refund my broken order, I want my money back', ['refund request', 'new order', 'question'], 'refund request'],
    ['I would like to place a new order for 20 chairs', ['refund request', 'new order', 'question'], 'new order'],
    ['Lorem ipsum dolor sit amet', ['refund request', 'new order'], null]
  ])('classify %j by keyword overlap', async (text, labels, label) => {
    const out = await run(connector(), 'classify', { text, labels });
    expect(out.label).toBe(label);
    expect(out.mode).toBe('basic');
    expect(out.confidence).toBe(label === null ? 0 : out.confidence);
    if (label) expect(out.confidence).toBeGreaterThan(0);
  });

  it('summarize keeps the leading sentences within max_words', async () => {
    const out = await run(connector(), 'summarize', { text: 'One two three. Four five six. Seven eight nine.', max_words: 6 });
    expect(out).toEqual({ summary: 'One two three. Four five six.', mode: 'basic' });
  });

  it('generate refuses clearly: it needs an on-device model', async () => {
    const err = await run(connector(), 'generate', { prompt: 'Write a thank-you note' }).catch((e) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect(err.message).toBe(GENERATE_NEEDS_MODEL);
    expect(err.kind).toBe('user');
  });
});

describe('ai connector, model mode (scripted model)', () => {
  const fields: FieldSpec[] = [
    { name: 'invoice_number', type: 'text' },
    { name: 'total', type: 'money' }
  ];

  it('extract sends the document and a schema of the fields, and keeps confidence and source', async () => {
    const client = new ScriptedModelClient([
      { invoice_number: { value: 'INV-2041', confidence: 0.9, source: 'INV-2041' }, total: { value: '1,190.00', confidence: 0.8, source: 'EUR 9,999' } }
    ]);
    const out = await run(connector(client), 'extract', { document: INVOICE, fields });
    expect(out.mode).toBe('model');
    expect(out.model).toBe(client.model);
    expect(out.fields.invoice_number).toEqual({ value: 'INV-2041', confidence: 0.9, source: 'INV-2041' });
    // "1,190.00" becomes a number; a source the document does not contain lowers the confidence.
    expect(out.fields.total).toEqual({ value: 1190, confidence: 0.3, source: 'EUR 9,999' });
    const [request] = client.requests;
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request.messages[1].content).toContain(INVOICE);
    expect(request.response_format?.type).toBe('json_object');
    const schema = JSON.parse(request.response_format!.schema!);
    expect(schema.required).toEqual(['invoice_number', 'total']);
    expect(schema.properties.total.properties.value.type).toEqual(['number', 'null']);
  });

  it('extract repairs a missing field once, then succeeds', async () => {
    const client = new ScriptedModelClient([
      fieldAnswer(['invoice_number']),
      fieldAnswer(['invoice_number', 'total'], { total: { value: 1190, confidence: 0.9, source: '1,190.00' } })
    ]);
    const out = await run(connector(client), 'extract', { document: INVOICE, fields });
    expect(out.fields.total.value).toBe(1190);
    expect(client.calls).toBe(2);
    expect(client.requests[1].messages.at(-1)?.content).toMatch(/"total" is missing/);
  });

  it('classify keeps to the labels given', async () => {
    const client = new ScriptedModelClient([{ label: 'spam', confidence: 1 }, { label: 'invoice', confidence: 0.7 }]);
    const out = await run(connector(client), 'classify', { text: INVOICE, labels: ['invoice', 'receipt'] });
    expect(out).toEqual({ label: 'invoice', confidence: 0.7, mode: 'model', model: client.model, replayed: false });
    expect(JSON.parse(client.requests[0].response_format!.schema!).properties.label.enum).toEqual(['invoice', 'receipt']);
  });

  it('a model that fails is surfaced plainly as the step error', async () => {
    const client = new ScriptedModelClient([new Error('GPU device was lost')]);
    const err = await run(connector(client), 'summarize', { text: 'Hello there.' }).catch((e) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect(err.code).toBe('model_failed');
    expect(err.message).toBe(`The model ${client.model} could not answer: GPU device was lost`);
  });

  it('a cancelled job stops without asking the model', async () => {
    const client = new ScriptedModelClient([{ text: 'never' }]);
    const abort = new AbortController();
    abort.abort();
    const err = await run(connector(client), 'generate', { prompt: 'hi' }, abort.signal).catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(client.calls).toBe(0);
  });
});

describe('recorded replays', () => {
  it('a second run of the same step replays the recorded answer without asking the model', async () => {
    const replays = new MemoryReplayStore();
    const client = new ScriptedModelClient([{ summary: 'An invoice from ACME.' }]);
    const c = connector(client, replays);
    const first = await run(c, 'summarize', { text: INVOICE });
    const again = await run(c, 'summarize', { text: INVOICE });
    expect(first).toEqual({ summary: 'An invoice from ACME.', mode: 'model', model: client.model, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(client.calls).toBe(1);
    const [entry] = replays.entries.values();
    expect(entry).toMatchObject({ action: 'ai.summarize', model: client.model, recorded_at: '2026-01-01T00:00:00.000Z' });
  });

  it.each([
    ['other input', { text: INVOICE + ' (copy)' }, 'Scripted-0.5B-q4f16_1-MLC'],
    ['other model', { text: INVOICE }, 'Other-1B-q4f32_1-MLC']
  ])('%s asks the model again', async (_, input, model) => {
    const replays = new MemoryReplayStore();
    await run(connector(new ScriptedModelClient([{ summary: 'first' }]), replays), 'summarize', { text: INVOICE });
    const second = new ScriptedModelClient([{ summary: 'second' }], model);
    const out = await run(connector(second, replays), 'summarize', input);
    expect(out.summary).toBe('second');
    expect(second.calls).toBe(1);
  });

  it('a failed answer is not recorded', async () => {
    const replays = new MemoryReplayStore();
    await run(connector(new ScriptedModelClient([new Error('boom')]), replays), 'summarize', { text: 'x' }).catch(() => {});
    expect(replays.entries.size).toBe(0);
  });
});
