import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import { NO_WORK } from '$lib/storage';
import { size, usageText, workList, workParts } from './words';

afterEach(() => setLocale('en'));

describe('the storage sentences', () => {
  it.each([
    ['en', { ...NO_WORK, recipes: 1 }, '1 recipe, 0 jobs'],
    ['en', { ...NO_WORK, recipes: 3, jobs: 12, agents: 1 }, '3 recipes, 12 jobs, 1 agent'],
    ['ko', { ...NO_WORK, recipes: 3, jobs: 12, table_rows: 40 }, '레시피 3개, 작업 12개, 표 행 40개']
  ] as const)('%s: %j reads %s', (lang, counts, text) => {
    setLocale(lang);
    expect(workList(counts)).toBe(text);
  });

  it('lists only the kinds with work on the Settings card', () => {
    expect(workParts({ ...NO_WORK, connections: 2 })).toEqual(['2 connections']);
    expect(workParts(NO_WORK)).toEqual([]);
  });

  it.each([
    ['en', 13_002_342, 2_254_857_830, '12.4 MB used of 2.1 GB'],
    ['ko', 13_002_342, 2_254_857_830, '2.1 GB 중 12.4 MB 사용'],
    ['en', null, 1000, null]
  ] as const)('%s: %s of %s bytes reads %s', (lang, used, quota, text) => {
    setLocale(lang);
    expect(usageText(used, quota)).toBe(text);
  });
});

describe('sizes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [2.25 * 1024 ** 4, '2.3 TB'],
    [5000 * 1024 ** 4, '5000 TB']
  ])('%s bytes read %s', (n, text) => expect(size(n)).toBe(text));
});
