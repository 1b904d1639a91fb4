/**
 * The HR access test: the same recipe, run through the engine as two different users, answers each
 * person's own pay slip only; asking for someone else's fails the step with `not_allowed`.
 */
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../engine/runner';
import { MemoryJournal } from '../../engine/memory-journal';
import { recipe, TestClock } from '../../engine/test-kit';
import type { User } from '../../recipe';
import { ConnectorRegistry } from '../sdk';
import { noEvents } from './common';
import { createHrConnector } from './hr';
import { memorySandboxStores } from './index';

const dana: User = { id: 'emp-002', name: 'Dana Kim', roles: [] };
// Tom is mapped by his email only: a user id from elsewhere still finds the employee.
const tom: User = { id: 'sso|tom', name: 'Tom Becker', email: 'Tom@sous-demo.example', roles: [] };
const stranger: User = { id: 'local', name: 'Local user', roles: [] };

function runnerAs(user: User) {
  const store = memorySandboxStores().hr;
  const connectors = new ConnectorRegistry([createHrConnector({ store, events: noEvents })]);
  return createRunner({ journal: new MemoryJournal(), connectors, clock: new TestClock(), user });
}

const myPayslip = recipe([{ id: 'slip', kind: 'action', connector: 'sandbox.hr', action: 'payslips.get', input: { month: '2026-02' } }], { kind: 'manual' }, 'my-payslip');

// The recipe asks for a named person's pay slip; the connector must not trust that id.
const payslipOf = recipe(
  [{ id: 'slip', kind: 'action', connector: 'sandbox.hr', action: 'payslips.get', input: { employee_id: '{{ trigger.employee }}' } }],
  { kind: 'manual', input: [{ name: 'employee', type: 'text', required: true }] },
  'payslip-of'
);

const teamLeave = recipe([{ id: 'leave', kind: 'action', connector: 'sandbox.hr', action: 'leave.list', input: { employee_id: '{{ trigger.employee }}' } }], {
  kind: 'manual',
  input: [{ name: 'employee', type: 'text' }]
}, 'team-leave');

describe('sandbox.hr verified user access', () => {
  it('runs the same recipe as two users and gives each only their own pay slip', async () => {
    const asDana = await runnerAs(dana).start(myPayslip, {});
    const asTom = await runnerAs(tom).start(myPayslip, {});
    expect(asDana.status).toBe('succeeded');
    expect(asTom.status).toBe('succeeded');
    expect(asDana.output).toMatchObject({ employee_id: 'emp-002', month: '2026-02', gross: 7600 });
    expect(asTom.output).toMatchObject({ employee_id: 'emp-003', month: '2026-02', gross: 4700 });
    expect(asDana.user?.id).toBe('emp-002');
  });

  it.each([
    ['Dana asks for Tom (her report)', dana, 'emp-003', 'Dana Kim can read only their own pay slip'],
    ['Tom asks for Dana (his manager)', tom, 'emp-002', 'Tom Becker can read only their own pay slip'],
    ['someone who is no employee asks for Dana', stranger, 'emp-002', 'Local user is not an employee']
  ])('%s: the step fails with not_allowed', async (_what, user, employee, message) => {
    const job = await runnerAs(user).start(payslipOf, { employee });
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'not_allowed', step: 'slip' });
    expect(job.error?.message).toContain(`not allowed: ${message}`);
    expect(JSON.stringify(job.steps)).not.toContain('"gross"');
  });

  it('asking for your own pay slip by id is fine', async () => {
    const job = await runnerAs(tom).start(payslipOf, { employee: 'emp-003' });
    expect(job.output).toMatchObject({ employee_id: 'emp-003' });
  });

  it('a manager reads their own and their direct reports\' leave, nobody else\'s', async () => {
    const all = await runnerAs(dana).start(teamLeave, {});
    const ids = (all.output as { leave: { employee_id: string }[] }).leave.map((l) => l.employee_id).sort();
    expect(ids).toEqual(['emp-002', 'emp-003', 'emp-004']);
    const other = await runnerAs(dana).start(teamLeave, { employee: 'emp-008' });
    expect(other.error).toMatchObject({ code: 'not_allowed' });
    expect(other.error?.message).toContain("not Raj Patel's");
    const mine = await runnerAs(tom).start(teamLeave, {});
    expect((mine.output as { leave: { employee_id: string }[] }).leave.map((l) => l.employee_id)).toEqual(['emp-003']);
  });

  it('only the manager decides a leave request', async () => {
    const decide = recipe([{ id: 'd', kind: 'action', connector: 'sandbox.hr', action: 'leave.decide', input: { id: 'lv-001', decision: 'approved' } }]);
    expect((await runnerAs(tom).start(decide, {})).error).toMatchObject({ code: 'not_allowed' });
    expect((await runnerAs(dana).start(decide, {})).output).toMatchObject({ status: 'approved', decided_by: 'emp-002' });
  });
});
