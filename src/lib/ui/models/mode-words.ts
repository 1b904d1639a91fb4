/**
 * The Models page's and the copilot's sentences about this browser, in the studio's language: what its
 * WebGPU can do (the runtime's `GpuStatus`, whose own message is English) and which mode answers.
 */
import { t } from '$lib/i18n';
import { NO_ADAPTER, NO_F16, NO_WEBGPU, SOFTWARE_NO_F16, type GpuStatus } from '../../ai/runtime/webgpu';

/** What WebGPU can do here, read from the status's facts (its English message when none fits). */
export function gpuText(gpu: GpuStatus): string {
  switch (gpu.message) {
    case NO_WEBGPU:
      return t('agents:models.noWebGpu');
    case NO_ADAPTER:
      return t('agents:models.noAdapter');
    case SOFTWARE_NO_F16:
      return t('agents:models.softwareNoF16');
    case NO_F16:
      return t('agents:models.noF16');
  }
  if (!gpu.ok) return gpu.message;
  return gpu.software ? t('agents:models.software') : t('agents:models.available', { adapter: gpu.adapter ?? '' });
}

/** Which mode answers and why (as `modeSentence` in the runtime says it in English). */
export function modeText(gpu: GpuStatus | null, active: string, cached: boolean): string {
  if (!gpu) return t('agents:models.checking');
  if (!gpu.ok) return t('agents:models.basicBecause', { why: gpuText(gpu) });
  if (!active) return t('agents:models.basicNoModel');
  if (!cached) return t('agents:models.basicNotDownloaded', { model: active });
  return t('agents:models.modelMode', { model: active });
}

/** Time left of a download, as a person reads it. */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('agents:models.timeUnknown');
  if (seconds < 1) return t('agents:models.almostDone');
  if (seconds < 60) return t('agents:models.secondsLeft', { n: Math.ceil(seconds) });
  if (seconds < 3600) return t('agents:models.minutesLeft', { n: Math.ceil(seconds / 60) });
  return t('agents:models.hoursLeft', { n: (seconds / 3600).toFixed(1) });
}
