/**
 * The records of WebLLM's `prebuiltAppConfig.model_list` that Sous offers (generated from @mlc-ai/web-llm
 * 0.2.86; prebuilt-models.test.ts fails when the installed WebLLM differs). A copy, so the Models page can
 * list models without importing WebLLM's 7 MB bundle; WebLLM itself is imported only to load a model.
 */
import type { ModelRecordLike } from './models';

export const PREBUILT_MODELS: ModelRecordLike[] = [
  {
    "model": "https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f16_1-MLC",
    "model_id": "SmolLM2-360M-Instruct-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/SmolLM2-360M-Instruct-q4f16_1_cs1k-webgpu.wasm",
    "vram_required_MB": 376.06,
    "low_resource_required": true,
    "required_features": [
      "shader-f16"
    ],
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f32_1-MLC",
    "model_id": "SmolLM2-360M-Instruct-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/SmolLM2-360M-Instruct-q4f32_1_cs1k-webgpu.wasm",
    "vram_required_MB": 579.61,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC",
    "model_id": "Qwen2.5-0.5B-Instruct-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm",
    "low_resource_required": true,
    "vram_required_MB": 944.62,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
    "model_id": "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm",
    "low_resource_required": true,
    "vram_required_MB": 1060.2,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC",
    "model_id": "Qwen3-0.6B-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen3-0.6B-q4f16_1_cs1k-webgpu.wasm",
    "vram_required_MB": 1403.34,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC",
    "model_id": "Qwen3-0.6B-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm",
    "vram_required_MB": 1924.98,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Llama-3.2-1B-Instruct-q4f16_1-MLC",
    "model_id": "Llama-3.2-1B-Instruct-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-3.2-1B-Instruct-q4f16_1_cs1k-webgpu.wasm",
    "vram_required_MB": 879.04,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Llama-3.2-1B-Instruct-q4f32_1-MLC",
    "model_id": "Llama-3.2-1B-Instruct-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm",
    "vram_required_MB": 1128.82,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    "model_id": "Qwen2.5-1.5B-Instruct-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-1.5B-Instruct-q4f16_1_cs1k-webgpu.wasm",
    "low_resource_required": true,
    "vram_required_MB": 1629.75,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen2.5-1.5B-Instruct-q4f32_1-MLC",
    "model_id": "Qwen2.5-1.5B-Instruct-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-1.5B-Instruct-q4f32_1_cs1k-webgpu.wasm",
    "low_resource_required": true,
    "vram_required_MB": 1888.97,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen3-1.7B-q4f16_1-MLC",
    "model_id": "Qwen3-1.7B-q4f16_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen3-1.7B-q4f16_1_cs1k-webgpu.wasm",
    "vram_required_MB": 2036.66,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  },
  {
    "model": "https://huggingface.co/mlc-ai/Qwen3-1.7B-q4f32_1-MLC",
    "model_id": "Qwen3-1.7B-q4f32_1-MLC",
    "model_lib": "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen3-1.7B-q4f32_1_cs1k-webgpu.wasm",
    "vram_required_MB": 2635.44,
    "low_resource_required": true,
    "overrides": {
      "context_window_size": 4096
    }
  }
];
