import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { expect, it } from 'vitest';
import { PREBUILT_MODELS } from './prebuilt-models';
import { MODEL_FAMILIES } from './models';

it('the copied records are exactly those of the installed WebLLM, two per family', () => {
  for (const record of PREBUILT_MODELS) {
    expect(prebuiltAppConfig.model_list.find((m) => m.model_id === record.model_id)).toEqual(record);
  }
  expect(PREBUILT_MODELS).toHaveLength(MODEL_FAMILIES.length * 2);
});
