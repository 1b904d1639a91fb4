/** The WebLLM ModelClient's request shape, with a stand-in engine in place of WebLLM (no GPU here). */
import { describe, expect, it } from 'vitest';
import { plainLoadError, WebLlmModelClient, type ChatEngine } from './webllm-client';

function engine(answer: (req: Record<string, unknown>) => Promise<string>) {
  const sent: Record<string, unknown>[] = [];
  let interrupted = 0;
  const e: ChatEngine = {
    chat: { completions: { create: async (req) => { sent.push(req); return { choices: [{ message: { content: await answer(req) } }], usage: { prompt_tokens: 3, completion_tokens: 2 } }; } } },
    interruptGenerate: () => void interrupted++,
    unload: async () => {}
  };
  return { e, sent, interrupted: () => interrupted };
}

describe('WebLlmModelClient', () => {
  it('sends chat.completions.create with the messages and the JSON schema response format', async () => {
    const { e, sent } = engine(async () => '{"ok":true}');
    const client = new WebLlmModelClient('Qwen3-0.6B-q4f16_1-MLC', e);
    const answer = await client.complete({ messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object', schema: '{"type":"object"}' } });
    expect(answer).toEqual({ content: '{"ok":true}', usage: { prompt_tokens: 3, completion_tokens: 2 } });
    expect(sent[0]).toEqual({
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_object', schema: '{"type":"object"}' },
      temperature: 0,
      stream: false,
      extra_body: { enable_thinking: false }
    });
  });

  it('an abort interrupts the generation and the answer is refused', async () => {
    const abort = new AbortController();
    let release!: () => void;
    const { e, interrupted } = engine(() => new Promise((r) => (release = () => r('{}'))));
    const client = new WebLlmModelClient('SmolLM2-360M-Instruct-q4f32_1-MLC', e);
    const pending = client.complete({ messages: [], signal: abort.signal });
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    release();
    await expect(pending).rejects.toThrow('cancelled');
    expect(interrupted()).toBe(1);
  });

  it('answers one request at a time, in order', async () => {
    const order: string[] = [];
    const { e } = engine(async (req) => {
      const text = (req.messages as { content: string }[])[0].content;
      order.push(`start ${text}`);
      await new Promise((r) => setTimeout(r, text === 'a' ? 20 : 0));
      order.push(`end ${text}`);
      return text;
    });
    const client = new WebLlmModelClient('m', e);
    await Promise.all([client.complete({ messages: [{ role: 'user', content: 'a' }] }), client.complete({ messages: [{ role: 'user', content: 'b' }] })]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe('plainLoadError', () => {
  it.each([
    [new Error('Out of memory while allocating buffer'), /^the graphics card ran out of memory; choose a smaller model/],
    [new Error('GPUDevice was lost'), /^the graphics card stopped \(device lost\)/],
    [new Error('WebAssembly.instantiate(): expected magic word 00 61 73 6d'), /^its library file \(\.wasm\) is broken or missing/],
    ['plain text', /^plain text$/]
  ])('%s', (err, message) => expect(plainLoadError(err)).toMatch(message));
});
