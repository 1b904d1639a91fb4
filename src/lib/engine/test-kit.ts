/**
 * Helpers for the engine's tests (not shipped): a controllable clock, a seeded random, a connector that
 * counts its calls by job path, and a one-line way to build a recipe and a runner over a MemoryJournal.
 */
import { z } from 'zod';
import { parseRecipe, type Recipe, type Trigger } from '../recipe';
import { ConnectorRegistry, defineConnector, type ConnectorDef } from '../connectors/sdk';
import { connectorError } from './errors';
import { MemoryJournal } from './memory-journal';
import type { Clock } from './ports';
import { createRunner, type RunnerDeps } from './runner';

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A clock whose time moves only when told (or when slept on), and which records every sleep. */
export class TestClock implements Clock {
  readonly sleeps: number[] = [];
  private ms: number;
  private readonly rand: () => number;

  constructor(start = '2025-01-01T00:00:00.000Z', seed = 1) {
    this.ms = Date.parse(start);
    this.rand = seeded(seed);
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  random(): number {
    return this.rand();
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.ms += ms;
  }
}

/** Build a recipe through the real parser, so every test recipe is a valid file. */
export function recipe(steps: unknown[], trigger: Trigger | { kind: string; [k: string]: unknown } = { kind: 'manual' }, id = 'test'): Recipe {
  const parsed = parseRecipe({ format: 'sous.recipe/v1', id, name: id, trigger, steps });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.recipe;
}

/**
 * `t.echo` returns its input; `t.fail` fails with the code it is given; `t.slow` waits until aborted.
 * Every call is counted by its job path, so a test can tell what ran and how often.
 */
export function testConnector() {
  const calls = new Map<string, number>();
  const log: Array<{ action: string; path: string; input: unknown }> = [];
  const count = (action: string, path: string, input: unknown) => {
    calls.set(path, (calls.get(path) ?? 0) + 1);
    log.push({ action, path, input });
  };
  const connector = defineConnector({
    id: 't',
    label: 'Test',
    actions: {
      echo: {
        label: 'Echo',
        effect: 'write',
        idempotent: false,
        input: z.record(z.string(), z.unknown()),
        output: z.unknown(),
        async execute(input, ctx) {
          count('echo', ctx.path, input);
          if (typeof input.delay === 'number') await new Promise((resolve) => setTimeout(resolve, input.delay as number));
          return 'value' in input ? input.value : input;
        }
      },
      fail: {
        label: 'Fail',
        effect: 'write',
        idempotent: false,
        input: z.object({ message: z.string().default('it broke'), code: z.string().default('boom'), retryable: z.boolean().default(false) }),
        output: z.unknown(),
        async execute(input, ctx) {
          count('fail', ctx.path, input);
          throw connectorError(input.message, { code: input.code, retryable: input.retryable });
        }
      },
      slow: {
        label: 'Wait until cancelled',
        effect: 'write',
        idempotent: false,
        input: z.object({}),
        output: z.unknown(),
        async execute(_input, ctx) {
          count('slow', ctx.path, _input);
          await new Promise((_, reject) => {
            if (ctx.signal.aborted) reject(ctx.signal.reason);
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
          });
        }
      }
    }
  });
  return { connector, calls, log };
}

/** A runner over a fresh MemoryJournal with the test connector (and any others), a TestClock and ids j1, j2… */
export function setup<C extends Clock = TestClock>(
  options: { extra?: ConnectorDef[]; recipes?: Recipe[]; journal?: MemoryJournal; clock?: C } & Pick<RunnerDeps, 'autoAnswer' | 'user' | 'secrets' | 'admit'> = {}
) {
  const { extra = [], recipes = [], journal = new MemoryJournal(), clock = new TestClock() as Clock as C, ...rest } = options;
  const t = testConnector();
  const byId = new Map(recipes.map((r) => [r.id, r]));
  let next = 0;
  const runner = createRunner({
    ...rest,
    journal,
    clock,
    connectors: new ConnectorRegistry([t.connector, ...extra]),
    recipes: { get: async (id) => (byId.has(id) ? { recipe: byId.get(id)!, version: 1 } : undefined) },
    newId: () => `j${++next}`
  });
  return { runner, journal, clock, calls: t.calls, log: t.log };
}
