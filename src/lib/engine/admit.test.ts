/** `admit`: a workspace's policy asked before every new job, a called recipe's too; nothing is written when it refuses. */
import { describe, expect, it } from 'vitest';
import { PolicyRefused } from './errors';
import { recipe, setup } from './test-kit';

const noHttp = (r: { steps: { kind: string; connector?: string; id: string }[] }) =>
  r.steps.filter((s) => s.kind === 'action' && s.connector === 't').map((s) => `${s.id}: the policy "P" does not allow the connector "t"`);

describe('admit', () => {
  it('refuses a job before anything is written, with every broken rule', async () => {
    const { runner, journal } = setup({ admit: noHttp });
    const r = recipe([{ id: 'a', kind: 'action', connector: 't', action: 'echo', input: {} }, { id: 'b', kind: 'action', connector: 't', action: 'echo', input: {} }]);
    const refused = await runner.start(r, {}).catch((err) => err);
    expect(refused).toBeInstanceOf(PolicyRefused);
    expect(refused.message).toBe('a: the policy "P" does not allow the connector "t"');
    expect(refused.problems).toHaveLength(2);
    expect(journal.jobIds()).toEqual([]);
  });

  it('a called recipe that breaks it fails the call step, in words', async () => {
    const child = recipe([{ id: 'x', kind: 'action', connector: 't', action: 'echo', input: {} }], { kind: 'callable', input: [] }, 'child');
    const { runner } = setup({ admit: noHttp, recipes: [child] });
    const job = await runner.start(recipe([{ id: 'sub', kind: 'call', recipe: 'child', input: {} }]), {});
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ step: 'sub', code: 'policy', message: 'recipe "child" breaks the policy: x: the policy "P" does not allow the connector "t"' });
  });

  it('allows what it does not name', async () => {
    const { runner } = setup({ admit: noHttp });
    expect((await runner.start(recipe([{ id: 's', kind: 'set', values: { v: 1 } }]), {})).status).toBe('succeeded');
  });
});
