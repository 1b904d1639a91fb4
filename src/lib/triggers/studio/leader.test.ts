import { describe, expect, it } from 'vitest';
import { memoryLocks } from '../../worker/memory-locks';
import { whileLeader, type LeaderWork } from './leader';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A tab doing `work` while it leads; `log` says who started and stopped. */
function tab(name: string, log: string[]): LeaderWork {
  return () => {
    log.push(`${name} leads`);
    return () => log.push(`${name} stops`);
  };
}

describe('whileLeader', () => {
  it('one tab leads; when it closes the next waiting tab takes over at once, in the order they asked', async () => {
    const locks = memoryLocks();
    const log: string[] = [];
    const closeA = whileLeader(locks, 'sous-test', tab('A', log));
    const closeB = whileLeader(locks, 'sous-test', tab('B', log));
    const closeC = whileLeader(locks, 'sous-test', tab('C', log));
    await settle();
    expect(log).toEqual(['A leads']);
    closeA();
    await settle();
    expect(log).toEqual(['A leads', 'A stops', 'B leads']);
    closeB();
    await settle();
    expect(log).toEqual(['A leads', 'A stops', 'B leads', 'B stops', 'C leads']);
    closeC();
    await settle();
    expect(log.at(-1)).toBe('C stops');
  });

  it('a tab stopped while waiting never leads, and stopping twice does nothing more', async () => {
    const locks = memoryLocks();
    const log: string[] = [];
    const closeA = whileLeader(locks, 'sous-test', tab('A', log));
    const closeB = whileLeader(locks, 'sous-test', tab('B', log));
    closeB();
    await settle();
    closeA();
    closeA();
    await settle();
    expect(log).toEqual(['A leads', 'A stops']);
    const closeC = whileLeader(locks, 'sous-test', tab('C', log));
    await settle();
    expect(log.at(-1)).toBe('C leads');
    closeC();
  });

  it('locks of other names do not wait for each other', async () => {
    const locks = memoryLocks();
    const log: string[] = [];
    const stops = [whileLeader(locks, 'one', tab('A', log)), whileLeader(locks, 'two', tab('B', log))];
    await settle();
    expect(log).toEqual(['A leads', 'B leads']);
    stops.forEach((stop) => stop());
  });

  it.each([
    ['a promise of a stop function', async () => () => {}],
    ['a promise of nothing that ends on abort', (signal: AbortSignal) => new Promise<void>((r) => signal.addEventListener('abort', () => r()))],
    ['nothing', () => undefined]
  ])('work answering %s keeps the lock until stop', async (_what, work: LeaderWork) => {
    const locks = memoryLocks();
    const log: string[] = [];
    let aborted = false;
    const stopA = whileLeader(locks, 'sous-test', (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return work(signal);
    });
    const stopB = whileLeader(locks, 'sous-test', tab('B', log));
    await settle();
    expect(log).toEqual([]);
    stopA();
    await settle();
    expect(aborted).toBe(true);
    expect(log).toEqual(['B leads']);
    stopB();
  });

  it('a stop function that arrives after stop is still called', async () => {
    const locks = memoryLocks();
    let undone = false;
    let answer!: (fn: () => void) => void;
    const stop = whileLeader(locks, 'sous-test', () => new Promise((r) => (answer = r)));
    await settle();
    stop();
    answer(() => (undone = true));
    await settle();
    expect(undone).toBe(true);
  });

  it('work that throws is reported and the tab still leads until stopped', async () => {
    const locks = memoryLocks();
    const errors: unknown[] = [];
    const log: string[] = [];
    const stopA = whileLeader(locks, 'sous-test', () => { throw new Error('boom'); }, { onError: (e) => errors.push(e) });
    const stopB = whileLeader(locks, 'sous-test', tab('B', log));
    await settle();
    expect(errors.map(String)).toEqual(['Error: boom']);
    expect(log).toEqual([]);
    stopA();
    await settle();
    expect(log).toEqual(['B leads']);
    stopB();
  });
});
