import { describe, expect, it } from 'vitest';
import type { Job } from '../../recipe';
import { explainFailureBasic } from './basic-advice';

const job = (code: string, message = 'it broke', step: string | null = 'call'): Job => ({
  id: 'j', recipe_id: 'r', recipe_version: 1, status: 'failed', trigger: {}, started_at: '', finished_at: '', steps: [], error: { code, message, step }
});

describe('explainFailureBasic', () => {
  it.each([
    ['http_401', /^The other system refused the sign-in\. Open Connections/],
    ['http_503', /down or slow\. Add a retry to step "call"/],
    ['expression', /A \{\{ \}\} expression in step "call"/],
    ['needs_model', /^Open Models, download a model/],
    ['model_invalid_answer', /could not give a valid answer/],
    ['something_else', /^Open step "call" to see its input and error/]
  ])('%s', (code, fix) => {
    const advice = explainFailureBasic(job(code, 'HTTP said no'));
    expect(advice?.cause).toBe('Step "call" failed: HTTP said no');
    expect(advice?.fix).toMatch(fix);
    expect(advice?.mode).toBe('basic');
  });

  it('a job without an error has no advice', () => {
    expect(explainFailureBasic({ ...job('x'), error: null, status: 'succeeded' })).toBeUndefined();
  });
});
