import { describe, expect, it } from 'vitest';
import { whenIdle } from './when-idle';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('background work started once the page has drawn', () => {
  it('starts after the delay, and its stop stops it', async () => {
    const events: string[] = [];
    const stop = whenIdle(async () => (events.push('started'), () => events.push('stopped')), (p) => events.push(p), 10);
    expect(events).toEqual([]);
    await later(40);
    expect(events).toEqual(['started']);
    stop();
    expect(events).toEqual(['started', 'stopped']);
  });

  it('waits for the page to say its first content is drawn', async () => {
    const events: string[] = [];
    let drawn!: () => void;
    whenIdle(async () => void events.push('started'), (p) => events.push(p), new Promise<void>((r) => (drawn = r)));
    await later(30);
    expect(events).toEqual([]);
    drawn();
    await later(10);
    expect(events).toEqual(['started']);
  });

  it('never starts when stopped first (a page left at once)', async () => {
    const events: string[] = [];
    whenIdle(async () => void events.push('started'), (p) => events.push(p), 10)();
    await later(40);
    expect(events).toEqual([]);
  });

  it('stops work whose start was still under way when it was stopped', async () => {
    const events: string[] = [];
    const stop = whenIdle(async () => (await later(30), () => events.push('stopped')), (p) => events.push(p), 0);
    await later(10);
    stop();
    await later(40);
    expect(events).toEqual(['stopped']);
  });

  it('reports a start that fails, in words', async () => {
    const problems: string[] = [];
    whenIdle(async () => Promise.reject(new Error('the chunk is gone')), (p) => problems.push(p), 0);
    await later(20);
    expect(problems).toEqual(["could not start the studio's background work: the chunk is gone"]);
  });
});
