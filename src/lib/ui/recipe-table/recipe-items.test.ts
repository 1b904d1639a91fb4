import { describe, expect, it } from 'vitest';
import { searchRecipes } from './recipe-items';

const row = (id: string, name: string) => ({ id, name, version: 1, updated_at: '2030-01-01T00:00:00Z' });
const items = [row('big-invoices', 'Flag big invoices'), row('approve-refund', 'Approve a refund'), row('digest', 'Morning digest')];

describe('searchRecipes', () => {
  it.each([
    ['', ['big-invoices', 'approve-refund', 'digest']],
    ['  ', ['big-invoices', 'approve-refund', 'digest']],
    ['REFUND', ['approve-refund']],
    ['big-inv', ['big-invoices']],
    ['invoices flag', ['big-invoices']],
    ['digest morning x', []]
  ])('%j finds %j', (query, ids) => expect(searchRecipes(items, query).map((i) => i.id)).toEqual(ids));
});
