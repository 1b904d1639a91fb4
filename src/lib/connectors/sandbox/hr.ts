/** The `sandbox.hr` connector: employees, leave and pay slips, each read checked against the job's user. */
import { z } from 'zod';
import { defineConnector } from '../sdk';
import { invalid, newId, notAllowed, notFound } from './common';
import type { SandboxAppDeps } from './erp';
import { actingEmployee, leaveNotReadable, leaveReadable, ownPayslipOnly, type HrStore } from './hr-access';
import { EmployeeSchema, LEAVE_STATUSES, LEAVE_TYPES, LeaveSchema, PayslipSchema, type Leave } from './hr-schemas';

export const HR = 'sandbox.hr';
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-03-09');

export function createHrConnector({ store, events, now = () => new Date() }: SandboxAppDeps<HrStore>) {
  async function nameOf(id: string): Promise<string> {
    return (await store.get('employees', id))?.name ?? id;
  }
  return defineConnector({
    id: HR,
    label: 'Sandbox HR',
    description: 'A local HR app. Actions run as the job\'s user: each person sees only their own pay slip and their team\'s leave.',
    actions: {
      'employees.get': {
        label: 'Get an employee',
        effect: 'read', idempotent: true,
        description: 'The directory entry (name, title, team, manager): anyone may read it.',
        input: z.object({ id: z.string().min(1) }),
        output: EmployeeSchema,
        async execute({ id }) {
          const found = await store.get('employees', id);
          if (!found) throw notFound('employee', id);
          return found;
        }
      },
      'employees.list': {
        label: 'List employees',
        effect: 'read', idempotent: true,
        input: z.object({ department: z.string().optional(), manager_id: z.string().optional() }),
        output: z.object({ employees: z.array(EmployeeSchema) }),
        async execute({ department, manager_id }) {
          const all = await store.list('employees');
          return { employees: all.filter((e) => (!department || e.department === department) && (!manager_id || e.manager_id === manager_id)) };
        }
      },
      'payslips.get': {
        label: 'Get my pay slip',
        effect: 'read', idempotent: true,
        description: "The job's user's own pay slip for a month (the newest when none is given). Anyone else's is not allowed.",
        input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'expected a month like 2026-02').optional(), employee_id: z.string().optional() }),
        output: PayslipSchema,
        async execute({ month, employee_id }, ctx) {
          const me = await actingEmployee(store, ctx.user);
          if (employee_id && employee_id !== me.id) ownPayslipOnly(me);
          const mine = (await store.list('payslips')).filter((p) => p.employee_id === me.id).sort((a, b) => b.month.localeCompare(a.month));
          const found = month ? mine.find((p) => p.month === month) : mine[0];
          if (!found) throw notFound('pay slip for', `${me.name}${month ? ` in ${month}` : ''}`);
          return found;
        }
      },
      'leave.list': {
        label: 'List leave requests',
        effect: 'read', idempotent: true,
        description: "The job's user's own leave and their direct reports'.",
        input: z.object({ employee_id: z.string().optional(), status: z.enum(LEAVE_STATUSES).optional() }),
        output: z.object({ leave: z.array(LeaveSchema) }),
        async execute({ employee_id, status }, ctx) {
          const me = await actingEmployee(store, ctx.user);
          const readable = await leaveReadable(store, me);
          if (employee_id && !readable.has(employee_id)) leaveNotReadable(me, await nameOf(employee_id));
          const leave = (await store.list('leave')).filter(
            (l) => readable.has(l.employee_id) && (!employee_id || l.employee_id === employee_id) && (!status || l.status === status)
          );
          return { leave: leave.sort((a, b) => a.start.localeCompare(b.start)) };
        }
      },
      'leave.create': {
        label: 'Request leave',
        // Each call files another request.
        effect: 'write', idempotent: false,
        description: "For the job's user.",
        input: z.object({ type: z.enum(LEAVE_TYPES), start: DATE, end: DATE, reason: z.string().optional() }),
        output: LeaveSchema,
        async execute(input, ctx) {
          const me = await actingEmployee(store, ctx.user);
          if (input.end < input.start) throw invalid(`the leave ends (${input.end}) before it starts (${input.start})`);
          const leave: Leave = { id: newId('lv'), employee_id: me.id, ...input, status: 'pending', created_at: now().toISOString() };
          await store.put('leave', leave);
          events.raise(HR, 'leave.requested', leave, ctx.jobId);
          return leave;
        }
      },
      'leave.decide': {
        label: 'Approve or reject leave',
        // A second decision is refused (no longer pending), so a repeat fails the step.
        effect: 'write', idempotent: false,
        description: "Only the requester's manager may decide.",
        input: z.object({ id: z.string().min(1), decision: z.enum(['approved', 'rejected']) }),
        output: LeaveSchema,
        async execute({ id, decision }, ctx) {
          const me = await actingEmployee(store, ctx.user);
          const leave = await store.get('leave', id);
          if (!leave) throw notFound('leave request', id);
          const requester = await store.get('employees', leave.employee_id);
          if (requester?.manager_id !== me.id) throw notAllowed(`${me.name} can decide only the leave of their direct reports`);
          if (leave.status !== 'pending') throw invalid(`leave request ${id} is ${leave.status} already`);
          const next: Leave = { ...leave, status: decision, decided_by: me.id };
          await store.put('leave', next);
          return next;
        }
      }
    },
    events: {
      'leave.requested': { label: 'Leave was requested', payload: LeaveSchema }
    }
  });
}
