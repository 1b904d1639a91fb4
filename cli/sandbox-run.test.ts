/** `sous run` with the sandbox apps: seeded in memory for each run, and HR reads as the SOUS_USER. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobSchema } from '../src/lib/recipe';
import { sous, tempFiles } from './test-kit';

const T = 60_000;
const VENDOR = 'tests/fixtures/sandbox/invoice-mail-vendor.json';
const PAYSLIP = 'tests/fixtures/sandbox/my-payslip.json';

describe.concurrent('sous run with sandbox connectors', () => {
  it.each([
    ['an unknown sender: the vendor is created', 'Bluefin Paper <ap@bluefinpaper.example>', 'New vendor created: Bluefin Paper'],
    ['a seeded vendor: it is found', 'Globex Logistics GmbH <rechnung@globex.example>', 'Invoice from a known vendor: Globex Logistics GmbH']
  ])('%s', async (_what, from, text) => {
    const dir = tempFiles({ 'mail.json': { id: 'm', from, subject: 'Invoice', attachments: [] } });
    const result = await sous(['run', VENDOR, '--input', join(dir, 'mail.json'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JobSchema.parse(JSON.parse(result.stdout)).output).toMatchObject({ channel: 'finance', text });
  }, T);

  it.each([
    ['emp-002', 0, 7600],
    ['tom@sous-demo.example', 0, 4700],
    ['', 1, null]
  ])('SOUS_USER=%j: exit %i, and only that person\'s own pay slip', async (user, code, gross) => {
    const result = await sous(['run', PAYSLIP, '--json'], { env: { SOUS_USER: user } });
    expect(result.code, result.stderr).toBe(code);
    const job = JobSchema.parse(JSON.parse(result.stdout));
    if (gross === null) expect(job.error).toMatchObject({ code: 'not_allowed' });
    else expect(job.output).toMatchObject({ gross });
  }, T);
});
