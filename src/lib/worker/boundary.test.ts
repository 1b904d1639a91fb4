import { describe, expect, it } from 'vitest';
import { RunRefused, StepFailure } from '../engine/errors';
import { revive, withPlainErrors } from './boundary';

/** What a call through the worker does to what it throws: structured cloning. */
const acrossTheBoundary = <T>(call: Promise<T>) =>
  call.catch((err: unknown) => {
    throw structuredClone(err);
  });

describe('errors across the worker boundary', () => {
  const api = withPlainErrors({
    refuse: async () => {
      throw new RunRefused('missing required input: invoices', ['invoices: required (list)']);
    },
    fail: async () => {
      throw new StepFailure('the input is not right', { code: 'input', kind: 'user' });
    },
    crash: async () => {
      throw new Error('no recipe "x"');
    },
    fine: async (n: number) => n + 1
  });

  it('comes back as the same kind of error, with what it carries', async () => {
    const refused = await revive(acrossTheBoundary(api.refuse())).catch((e) => e);
    expect(refused).toBeInstanceOf(RunRefused);
    expect(refused).toMatchObject({ message: 'missing required input: invoices', problems: ['invoices: required (list)'] });

    const failed = await revive(acrossTheBoundary(api.fail())).catch((e) => e);
    expect(failed).toBeInstanceOf(StepFailure);
    expect(failed).toMatchObject({ code: 'input', kind: 'user' });

    const crashed = await revive(acrossTheBoundary(api.crash())).catch((e) => e);
    expect(crashed).toEqual(new Error('no recipe "x"'));
  });

  it('leaves answers alone', async () => {
    expect(await revive(acrossTheBoundary(api.fine(1)))).toBe(2);
  });
});
