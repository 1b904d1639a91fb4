/** WebGPU detection and the model list, with adapters described as data (the browser's side is in e2e). */
import { describe, expect, it } from 'vitest';
import { modelOptions, type ModelRecordLike } from './models';
import { detectWebGpu, NO_ADAPTER, NO_WEBGPU, SOFTWARE_NO_F16, type GpuAdapterLike, type NavigatorLike } from './webgpu';

const GiB = 1024 ** 3;
function adapter(features: string[], info: GpuAdapterLike['info'] = { vendor: 'nvidia', architecture: 'ampere' }): GpuAdapterLike {
  return { features: new Set(features), limits: { maxBufferSize: 2 * GiB, maxStorageBufferBindingSize: GiB }, info };
}
const nav = (a: GpuAdapterLike | null | Error): NavigatorLike => ({
  gpu: { requestAdapter: async () => { if (a instanceof Error) throw a; return a; } }
});

describe('detectWebGpu', () => {
  it.each([
    ['no navigator.gpu', {}, { ok: false, f16: false, message: NO_WEBGPU }],
    ['no adapter', nav(null), { ok: false, message: NO_ADAPTER }],
    ['requestAdapter throws', nav(new Error('blocked')), { ok: false, message: NO_ADAPTER }],
    ['SwiftShader without f16', nav(adapter([], { vendor: 'google', architecture: 'swiftshader' })), { ok: true, f16: false, software: true, message: SOFTWARE_NO_F16 }],
    ['a GPU with f16', nav(adapter(['shader-f16'])), { ok: true, f16: true, software: false, adapter: 'nvidia ampere', maxStorageBufferBindingSize: GiB }]
  ])('%s', async (_, navigator, expected) => {
    expect(await detectWebGpu(navigator as NavigatorLike)).toMatchObject(expected);
  });
});

const rec = (model_id: string, vram: number, extra: Partial<ModelRecordLike> = {}): ModelRecordLike => ({ model: `https://huggingface.co/mlc-ai/${model_id}`, model_id, model_lib: 'x.wasm', vram_required_MB: vram, ...extra });
const RECORDS = [
  rec('SmolLM2-360M-Instruct-q4f16_1-MLC', 376, { required_features: ['shader-f16'] }),
  rec('SmolLM2-360M-Instruct-q4f32_1-MLC', 580),
  rec('Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 945),
  rec('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 1060),
  rec('Qwen3-1.7B-q4f32_1-MLC', 2635),
  rec('Llama-3.1-8B-Instruct-q4f32_1-MLC', 6000)
];

describe('modelOptions', () => {
  it('offers q4f16 models with f16, in size order, only the small families', async () => {
    const gpu = await detectWebGpu(nav(adapter(['shader-f16'])));
    expect(modelOptions(RECORDS, gpu).map((m) => [m.id, m.fits])).toEqual([
      ['SmolLM2-360M-Instruct-q4f16_1-MLC', true],
      ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', true]
    ]);
  });

  it('offers q4f32 models without f16, and marks one too big for the memory', async () => {
    const gpu = await detectWebGpu(nav(adapter([], { vendor: 'google', architecture: 'swiftshader' })));
    const options = modelOptions(RECORDS, gpu, 4096);
    expect(options.map((m) => [m.id, m.quantization, m.vramMB, m.fits])).toEqual([
      ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'q4f32', 580, true],
      ['Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'q4f32', 1060, true],
      ['Qwen3-1.7B-q4f32_1-MLC', 'q4f32', 2635, false]
    ]);
    expect(options[2].reason).toMatch(/needs about 2635 MB/);
  });

  it('no WebGPU: nothing fits', async () => {
    expect(modelOptions(RECORDS, await detectWebGpu({})).every((m) => !m.fits && m.reason === 'no WebGPU')).toBe(true);
  });
});
