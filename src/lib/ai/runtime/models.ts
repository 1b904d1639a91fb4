/**
 * The models Sous offers: the small instruction models of WebLLM's prebuilt list, one quantisation each
 * (q4f16 where the adapter has 16-bit floats, q4f32 where it has not), with what each needs, and whether it
 * fits this machine. The records come in as data (WebLLM's `prebuiltAppConfig.model_list`), so this file
 * does not import WebLLM and runs in tests.
 */
import type { GpuStatus } from './webgpu';

/** The fields of WebLLM's ModelRecord this uses. */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  overrides?: Record<string, unknown>;
  low_resource_required?: boolean;
}

/** The families offered, smallest first, with the name a person reads. */
export const MODEL_FAMILIES = [
  { prefix: 'SmolLM2-360M-Instruct', label: 'SmolLM2 360M' },
  { prefix: 'Qwen2.5-0.5B-Instruct', label: 'Qwen2.5 0.5B' },
  { prefix: 'Qwen3-0.6B', label: 'Qwen3 0.6B' },
  { prefix: 'Llama-3.2-1B-Instruct', label: 'Llama 3.2 1B' },
  { prefix: 'Qwen2.5-1.5B-Instruct', label: 'Qwen2.5 1.5B' },
  { prefix: 'Qwen3-1.7B', label: 'Qwen3 1.7B' }
] as const;

export interface ModelOption {
  id: string;
  label: string;
  quantization: 'q4f16' | 'q4f32';
  /** GPU memory it needs while running, in MB (WebLLM's `vram_required_MB`). */
  vramMB: number | null;
  record: ModelRecordLike;
  fits: boolean;
  /** Why it does not fit, in plain words. */
  reason?: string;
}

/**
 * One option per family present in `records`: q4f16 with f16, else q4f32. `memoryMB` is the machine's
 * memory as the browser tells it (navigator.deviceMemory × 1024), when known.
 */
export function modelOptions(records: ModelRecordLike[], gpu: GpuStatus, memoryMB?: number): ModelOption[] {
  const quantization = gpu.f16 ? 'q4f16' : 'q4f32';
  const out: ModelOption[] = [];
  for (const family of MODEL_FAMILIES) {
    const record = records.find((r) => r.model_id === `${family.prefix}-${quantization}_1-MLC`);
    if (!record) continue;
    const vramMB = record.vram_required_MB ?? null;
    out.push({ id: record.model_id, label: family.label, quantization, vramMB, record, ...fits(record, gpu, memoryMB) });
  }
  return out;
}

function fits(record: ModelRecordLike, gpu: GpuStatus, memoryMB?: number): { fits: boolean; reason?: string } {
  if (!gpu.ok) return { fits: false, reason: 'no WebGPU' };
  if (record.required_features?.includes('shader-f16') && !gpu.f16) return { fits: false, reason: 'needs 16-bit floats' };
  if (record.buffer_size_required_bytes && record.buffer_size_required_bytes > gpu.maxStorageBufferBindingSize) {
    return { fits: false, reason: 'needs larger GPU buffers than this adapter allows' };
  }
  if (memoryMB !== undefined && record.vram_required_MB && record.vram_required_MB > memoryMB / 2) {
    return { fits: false, reason: `needs about ${Math.round(record.vram_required_MB)} MB of GPU memory; this machine reports ${memoryMB} MB in all` };
  }
  return { fits: true };
}
