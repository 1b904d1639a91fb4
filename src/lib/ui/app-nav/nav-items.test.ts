import { describe, expect, it } from 'vitest';
import { isCurrent } from './nav-items';

describe('isCurrent', () => {
  it.each([
    ['/', '/', true],
    ['/', '/recipes/big-invoices', true],
    ['/', '/jobs', false],
    ['/jobs', '/jobs', true],
    ['/jobs', '/jobs/abc', true],
    ['/jobs', '/jobsx', false],
    ['/inbox', '/', false],
    ['/workshop', '/workshop', true],
    ['/workshop', '/room', true],
    ['/workshop', '/roomy', false],
    ['/packs', '/room', false]
  ])('%s is current at %s: %s', (href, path, current) => expect(isCurrent(href, path)).toBe(current));
});
