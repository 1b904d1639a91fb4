import { describe, expect, it } from 'vitest';
import { pickEncoding } from './accept-encoding';

describe('which precompressed copy a client accepts', () => {
  it.each<[string | string[] | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['*', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br', ['br']],
    ['BR;Q=1, GZIP', ['br', 'gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['br;q=0.0, gzip;q=0', []],
    ['gzip;q=1, br;q=0.5', ['gzip', 'br']],
    ['br;q=nonsense, gzip', ['gzip']],
    [['gzip', 'br'], ['br', 'gzip']],
    ['deflate', []]
  ])('Accept-Encoding %j gives %j', (header, expected) => {
    expect(pickEncoding(header)).toEqual(expected);
  });
});
