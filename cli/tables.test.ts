/** `sous run --table FILE.csv`: a recipe that looks a value up, from the terminal, with the table in memory. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobSchema } from '../src/lib/recipe';
import { sous, tempFiles } from './test-kit';

const recipe = {
  format: 'sous.recipe/v1',
  id: 'find-vendor',
  name: 'Find vendor',
  trigger: { kind: 'manual' },
  steps: [{ id: 'find', kind: 'action', connector: 'tables', action: 'lookup', input: { table: 'vendors', column: 'id', value: 2 } }]
};
const T = 60_000;

describe.concurrent('sous run --table', () => {
  it('loads the CSV as a table the recipe looks up', async () => {
    const dir = tempFiles({ 'r.json': recipe, 'vendors.csv': 'id,name\r\n1,Acme\r\n2,"Globex, Inc."\r\n' });
    const result = await sous(['run', join(dir, 'r.json'), '--table', join(dir, 'vendors.csv'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JobSchema.parse(JSON.parse(result.stdout)).output).toEqual({ id: 2, name: 'Globex, Inc.' });
  }, T);

  it('refuses a CSV with a bad line, naming it, and runs nothing (exit 2)', async () => {
    const dir = tempFiles({ 'r.json': recipe, 'vendors.csv': 'id,name\n1,Acme\n2\n' });
    const result = await sous(['run', join(dir, 'r.json'), '--table', join(dir, 'vendors.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('vendors.csv: line 3: has 1 cells but the header names 2 columns');
  }, T);

  it('without the table, the step fails saying there is no such table (exit 1)', async () => {
    const dir = tempFiles({ 'r.json': recipe });
    const result = await sous(['run', join(dir, 'r.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('there is no table "vendors"');
  }, T);
});
