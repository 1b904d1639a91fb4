/**
 * A step whose input is wrong fails naming what is wrong; a hostile input with thousands of wrong values
 * is told by its first ten and a count, so the job's error stays small.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from '../connectors/sdk';
import { recipe, setup } from './test-kit';

const numbers = defineConnector({
  id: 'n',
  label: 'Numbers',
  actions: {
    sum: {
      label: 'Sum',
      effect: 'read',
      idempotent: true,
      input: z.object({ values: z.array(z.number()) }),
      output: z.number(),
      execute: async (input: { values: number[] }) => input.values.reduce((a, b) => a + b, 0)
    }
  }
});

async function runWith(values: unknown) {
  const { runner } = setup({ extra: [numbers] });
  const r = recipe([{ id: 'sum', kind: 'action', connector: 'n', action: 'sum', input: { values } }]);
  return runner.start(r, {});
}

describe('a step with a wrong input', () => {
  it('names each of a few problems', async () => {
    const job = await runWith([1, 'two', 3, 'four']);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('input');
    expect(job.error?.message).toMatch(/^the input is not right: /);
    expect(job.error?.message.split('; ')).toHaveLength(2);
    expect(job.error?.message).not.toContain('more');
  });

  it('names the first ten of thousands, and how many more', async () => {
    const job = await runWith(Array.from({ length: 5000 }, (_, i) => `v${i}`));
    expect(job.status).toBe('failed');
    const parts = job.error!.message.split('; ');
    expect(parts).toHaveLength(11);
    expect(parts[10]).toBe('and 4990 more');
    expect(job.error!.message.length).toBeLessThan(3000);
  });
});
