import { expect, it } from 'vitest';
import { bytes, speed, timeLeft } from './format-size';

it.each([
  [bytes(512), '512 B'],
  [bytes(1536), '1.5 KB'],
  [bytes(376 * 1024 * 1024), '376 MB'],
  [bytes(2.5 * 1024 ** 3), '2.5 GB'],
  [speed(0), '—'],
  [speed(3 * 1024 * 1024), '3.0 MB/s'],
  [timeLeft(null), 'working out the time left…'],
  [timeLeft(42.2), 'about 43 s left'],
  [timeLeft(600), 'about 10 min left']
])('%s', (got, want) => expect(got).toBe(want));
