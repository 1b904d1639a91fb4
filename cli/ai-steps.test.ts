/** `sous run` knows the `ai` connector: without a model (the CLI has none) its steps run in basic mode. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { JobSchema } from '../src/lib/recipe';
import { sous } from './test-kit';

it('runs ai.classify and ai.summarize in basic mode, each output saying so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-ai-'));
  const input = join(dir, 'input.json');
  await writeFile(input, JSON.stringify({ text: 'Please refund order 77. It arrived broken and I am upset about it.' }));
  const result = await sous(['run', 'tests/fixtures/ai-triage.recipe.json', '--input', input, '--json']);
  expect(result.code, result.stderr).toBe(0);
  const job = JobSchema.parse(JSON.parse(result.stdout));
  expect(job.steps.find((s) => s.step_id === 'kind')?.output).toMatchObject({ label: 'refund request', mode: 'basic' });
  expect(job.steps.find((s) => s.step_id === 'tell')?.output).toMatchObject({ text: 'refund request (basic): Please refund order 77.' });
}, 60_000);
