import { describe, expect, it } from 'vitest';
import { describeRedis, parseQueueArgs } from './queue-args';

describe('--queue and --workers', () => {
  it.each([
    [undefined, undefined, { ok: true, value: undefined }],
    ['redis://127.0.0.1:6379/0', undefined, { ok: true, value: { url: 'redis://127.0.0.1:6379/0', workers: 1 } }],
    ['rediss://h:6380', '8', { ok: true, value: { url: 'rediss://h:6380', workers: 8 } }],
    ['redis://h/x', undefined, { ok: false, message: '--queue: the database after the port is a number (0 to 99), not "x"' }],
    ['redis://h/0', '101', { ok: false, message: '--workers expects a whole number from 1 to 100, not "101"' }],
    ['nonsense', undefined, { ok: false, message: '--queue expects redis://HOST:PORT/DB (for example redis://127.0.0.1:6379/0)' }]
  ])('%s --workers %s', (queue, workers, expected) => {
    expect(parseQueueArgs(queue, workers)).toEqual(expected);
  });

  it('never repeats a user or password', () => {
    expect(describeRedis('redis://ana:s3cret@10.0.0.5:6390/2')).toBe('redis://10.0.0.5:6390/2');
    expect(describeRedis('redis://:s3cret@h')).toBe('redis://h:6379/0');
    const bad = parseQueueArgs('redis://ana:s3cret@h/zz', undefined);
    expect(JSON.stringify(bad)).not.toContain('s3cret');
  });
});
