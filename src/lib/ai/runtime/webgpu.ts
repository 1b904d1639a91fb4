/**
 * What this browser's WebGPU can do, in plain words, before any model is offered: whether there is WebGPU
 * at all, whether its adapter has 16-bit floats (`shader-f16`, needed by the q4f16 models), and the buffer
 * limits a model's weights must fit in. Takes the `navigator` so tests can pass their own.
 */
export interface GpuStatus {
  /** Whether any model can run here. */
  ok: boolean;
  f16: boolean;
  /** A software adapter (SwiftShader): it works, but slowly. */
  software: boolean;
  adapter: string | null;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** A plain sentence for the Models page and the copilot. */
  message: string;
}

/** The slice of WebGPU this needs (typed here: the DOM lib may not have `navigator.gpu`). */
export interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
export interface NavigatorLike {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null> };
}

export const NO_WEBGPU =
  'This browser has no WebGPU, so no model can run here: Sous works in basic mode (rules instead of a model). A recent Chrome or Edge on a computer with a graphics card can run a model.';
export const NO_ADAPTER =
  'This browser knows WebGPU but found no graphics adapter it may use (it may be switched off, or blocked for this graphics card): Sous works in basic mode.';
export const SOFTWARE_NO_F16 =
  'WebGPU here is a software adapter without 16-bit floats: only f32 models can run, and slowly. Expect minutes per answer.';
export const NO_F16 = 'This graphics adapter has no 16-bit floats (shader-f16): only f32 models can run.';

export async function detectWebGpu(nav: NavigatorLike = globalThis.navigator as NavigatorLike): Promise<GpuStatus> {
  const none = { ok: false, f16: false, software: false, adapter: null, maxBufferSize: 0, maxStorageBufferBindingSize: 0 };
  if (!nav?.gpu) return { ...none, message: NO_WEBGPU };
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return { ...none, message: NO_ADAPTER };
  const info = adapter.info ?? {};
  const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(`${info.architecture} ${info.description}`);
  const f16 = adapter.features.has('shader-f16');
  const name = [info.vendor, info.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  const status = {
    ok: true,
    f16,
    software,
    adapter: name,
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize
  };
  if (software && !f16) return { ...status, message: SOFTWARE_NO_F16 };
  if (!f16) return { ...status, message: NO_F16 };
  if (software) return { ...status, message: 'WebGPU here is a software adapter: models run, but slowly.' };
  return { ...status, message: `WebGPU is available (${name}, with 16-bit floats): on-device models can run here.` };
}
