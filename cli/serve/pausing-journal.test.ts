/** PausingJournal on the real engine: after pause(), a running step ends, no new step begins, and it says when every job is paused. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConnectorRegistry, defineConnector } from '../../src/lib/connectors/sdk';
import { createRunner, MemoryJournal } from '../../src/lib/engine';
import { recipe } from '../../src/lib/engine/test-kit';
import type { Job, Recipe } from '../../src/lib/recipe';
import { PausingJournal } from './pausing-journal';

/** `g.wait` waits until the test opens its path's gate; every call is logged by path. */
function gated() {
  const gates = new Map<string, () => void>();
  const calls: string[] = [];
  const connector = defineConnector({
    id: 'g',
    label: 'Gates',
    actions: {
      wait: {
        label: 'Wait for the gate',
        effect: 'write',
        idempotent: false,
        input: z.object({}),
        output: z.unknown(),
        execute: (_input, ctx) => {
          calls.push(ctx.path);
          return new Promise((open) => gates.set(ctx.path, () => open({ at: ctx.path })));
        }
      }
    }
  });
  const open = async (path: string) => {
    for (let i = 0; !gates.has(path); i++) {
      if (i > 200) throw new Error(`no step waits at ${path}; calls: ${calls.join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    gates.get(path)!();
  };
  return { connector, calls, open };
}

function setup(recipes: Recipe[] = []) {
  const memory = new MemoryJournal();
  const journal = new PausingJournal(memory);
  const g = gated();
  const byId = new Map(recipes.map((r) => [r.id, r]));
  let next = 0;
  const runner = createRunner({
    journal,
    connectors: new ConnectorRegistry([g.connector]),
    recipes: { get: async (id) => (byId.has(id) ? { recipe: byId.get(id)!, version: 1 } : undefined) },
    newId: () => `j${++next}`
  });
  const alive = new Set<string>();
  /** Starts a job (ids j1, j2…), alive until it ends, as sous serve counts it. */
  const run = (r: Recipe) => {
    alive.add(`j${next + 1}`);
    const job = runner.start(r, {});
    void job.then((ended: Job) => {
      alive.delete(ended.id);
      journal.changed();
    });
    return { job };
  };
  const firstCall = async () => {
    for (let i = 0; g.calls.length === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { journal, memory, g, alive, run, firstCall };
}

const wait = (id: string) => ({ id, kind: 'action', connector: 'g', action: 'wait', input: {} });
const settledWithin = async (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe('PausingJournal', () => {
  it.each([
    ['steps in a row', [wait('a'), wait('b')], 'a', ['a']],
    ['a foreach', [{ id: 'each', kind: 'foreach', items: '{{ [1, 2, 3] }}', steps: [wait('w')] }], 'each[0]/w', ['each[0]/w']],
    ['an if', [{ id: 'when', kind: 'if', condition: '{{ true }}', then: [wait('x'), wait('y')] }], 'when/x', ['when/x']],
    ['a try', [{ id: 't', kind: 'try', steps: [wait('x'), wait('y')], catch: [] }], 't/x', ['t/x']]
  ])('in %s: lets the running step end, begins no new one, and then says paused', async (_what, steps, first, ran) => {
    const { journal, memory, g, alive, run, firstCall } = setup();
    const { job } = run(recipe(steps));
    await firstCall();
    const paused = journal.pause(() => alive);
    expect(await settledWithin(paused, 50)).toBe(false); // a step is running
    await g.open(first);
    expect(await settledWithin(paused, 1_000)).toBe(true);
    expect(g.calls).toEqual(ran);
    expect(await settledWithin(job, 50)).toBe(false);
    expect(journal.heldJobs()).toBe(1);
    // On disk: the finished step, and nothing of the one that did not begin.
    const stored = await memory.loadJob('j1');
    expect(stored!.status).toBe('running');
    expect(stored!.steps.find((s) => s.path === first)?.status).toBe('succeeded');
  });

  it('pauses a call step when its child job is paused', async () => {
    const child = recipe([wait('c1'), wait('c2')], { kind: 'callable', input: [] }, 'child');
    const { journal, g, alive, run, firstCall } = setup([child]);
    run(recipe([{ id: 'sub', kind: 'call', recipe: 'child', input: {} }, wait('after')]));
    await firstCall();
    const paused = journal.pause(() => alive);
    expect(await settledWithin(paused, 50)).toBe(false);
    await g.open('c1');
    expect(await settledWithin(paused, 1_000)).toBe(true);
    expect(g.calls).toEqual(['c1']);
  });

  it('says paused at once when no job is alive, and lets a job that ends drop out', async () => {
    const { journal, g, alive, run, firstCall } = setup();
    expect(await settledWithin(new PausingJournal(new MemoryJournal()).pause(() => []), 50)).toBe(true);
    const { job } = run(recipe([wait('only')]));
    await firstCall();
    const paused = journal.pause(() => alive);
    await g.open('only');
    expect((await job).status).toBe('succeeded'); // its end is written, not held
    expect(journal.tracked).toBe(0); // an ended job is forgotten
    expect(await settledWithin(paused, 1_000)).toBe(true);
    expect(journal.heldJobs()).toBe(0);
  });
});
