import { describe, expect, it } from 'vitest';
import { readParams, toJobFilter, writeParams } from './filter-params';

describe('job filter params', () => {
  it('reads what is valid and drops the rest', () => {
    expect(readParams(new URLSearchParams('recipe=a&status=failed&from=2030-01-02&to=tomorrow'))).toEqual({
      recipe: 'a',
      status: 'failed',
      from: '2030-01-02',
      to: ''
    });
    expect(readParams(new URLSearchParams('status=bogus'))).toEqual({ recipe: '', status: '', from: '', to: '' });
    expect(readParams(new URLSearchParams('status=uncertain')).status).toBe('uncertain');
  });

  it('writes only the filters that are set', () => {
    expect(writeParams({ recipe: '', status: 'waiting', from: '', to: '2030-01-03' })).toBe('?status=waiting&to=2030-01-03');
    expect(writeParams({ recipe: '', status: '', from: '', to: '' })).toBe('?');
  });

  it('turns local days into a [from, to) range that includes the last day', () => {
    const filter = toJobFilter({ recipe: 'a', status: '', from: '2030-01-02', to: '2030-01-02' });
    expect(filter).toEqual({
      recipeId: 'a',
      status: undefined,
      from: new Date(2030, 0, 2).toISOString(),
      to: new Date(2030, 0, 3).toISOString()
    });
  });
});
