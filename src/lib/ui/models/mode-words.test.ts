import { describe, expect, it } from 'vitest';
import { modeSentence } from '../../ai/runtime/model-manager.svelte';
import { NO_ADAPTER, NO_WEBGPU, type GpuStatus } from '../../ai/runtime/webgpu';
import { timeLeft } from './format-size';
import { gpuText, modeText, timeLeftText } from './mode-words';

const none = { ok: false, f16: false, software: false, adapter: null, maxBufferSize: 0, maxStorageBufferBindingSize: 0 };
const gpu = (over: Partial<GpuStatus>): GpuStatus => ({ ...none, message: '', ...over });
const ok = gpu({ ok: true, f16: true, adapter: 'nvidia hopper', message: 'WebGPU is available (nvidia hopper, with 16-bit floats): on-device models can run here.' });

describe('the mode sentences speak as the runtime does, in English by default', () => {
  it.each([
    [null, '', false],
    [gpu({ message: NO_WEBGPU }), '', false],
    [gpu({ message: NO_ADAPTER }), 'm', true],
    [ok, '', false],
    [ok, 'Qwen-0.5B', false],
    [ok, 'Qwen-0.5B', true]
  ])('%#', (status, active, cached) => expect(modeText(status, active, cached)).toBe(modeSentence(status, active, cached)));

  it('reads the GPU status from its facts', () => {
    expect(gpuText(ok)).toBe(ok.message);
    expect(gpuText(gpu({ ok: true, software: true, message: 'x' }))).toBe('WebGPU here is a software adapter: models run, but slowly.');
  });

  it.each([null, 0.5, 30, 600, 7200])('time left %s as format-size says it', (s) => expect(timeLeftText(s)).toBe(timeLeft(s)));
});
