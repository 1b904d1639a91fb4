import { describe, expect, it } from 'vitest';
import { STEP_KINDS } from '../recipe';
import { buildCatalogue, searchCatalogue } from './picker-entries';

describe('the step catalogue', () => {
  const catalogue = buildCatalogue();
  it('offers every connector action with its starting input, and every control kind', () => {
    expect(catalogue.find((e) => e.key === 'http.request')).toMatchObject({ group: 'HTTP', kind: 'action', input: { method: 'GET', url: '' } });
    expect(catalogue.find((e) => e.key === 'chat.post')).toMatchObject({ group: 'Chat', input: { channel: '', text: '' } });
    expect(new Set(catalogue.map((e) => e.kind))).toEqual(new Set(STEP_KINDS));
    expect(new Set(catalogue.map((e) => e.key)).size).toBe(catalogue.length);
  });
  it.each([
    ['chat', ['chat.post']],
    ['for each', ['foreach']],
    ['HTTP request', ['http.request']],
    ['nothing like this', []]
  ])('search %j', (query, keys) => expect(searchCatalogue(catalogue, query).map((e) => e.key)).toEqual(keys));
});
