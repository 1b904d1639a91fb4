/** The sandbox HR app's starting records: eight people in three teams, their leave and two months of pay slips. */
import type { Seed } from '../store';
import type { Employee, HrCollections, Leave, Payslip } from '../hr-schemas';

const e = (id: string, name: string, title: string, department: string, manager_id: string | null): Employee => ({
  id, name, email: `${name.split(' ')[0].toLowerCase()}@sous-demo.example`, title, department, manager_id
});

export const SEED_EMPLOYEES: Employee[] = [
  e('emp-001', 'Maria Lopez', 'Managing Director', 'Management', null),
  e('emp-002', 'Dana Kim', 'Head of Finance', 'Finance', 'emp-001'),
  e('emp-003', 'Tom Becker', 'Accountant', 'Finance', 'emp-002'),
  e('emp-004', 'Aiko Tanaka', 'Accounts Payable Clerk', 'Finance', 'emp-002'),
  e('emp-005', 'Sam Okafor', 'Head of People', 'People', 'emp-001'),
  e('emp-006', 'Lena Novak', 'HR Generalist', 'People', 'emp-005'),
  e('emp-007', 'Chloe Martin', 'Engineering Manager', 'Engineering', 'emp-001'),
  e('emp-008', 'Raj Patel', 'Software Engineer', 'Engineering', 'emp-007')
];

const GROSS: Record<string, number> = {
  'emp-001': 9800, 'emp-002': 7600, 'emp-003': 4700, 'emp-004': 3900,
  'emp-005': 7200, 'emp-006': 4300, 'emp-007': 8100, 'emp-008': 5900
};

function payslip(employee: Employee, month: string): Payslip {
  const gross = GROSS[employee.id];
  const tax = Math.round(gross * 0.24 * 100) / 100;
  const social = Math.round(gross * 0.2 * 100) / 100;
  return { id: `pay-${employee.id.slice(4)}-${month}`, employee_id: employee.id, month, currency: 'EUR', gross, tax, social, net: Math.round((gross - tax - social) * 100) / 100 };
}

export const SEED_PAYSLIPS: Payslip[] = SEED_EMPLOYEES.flatMap((emp) => ['2026-01', '2026-02'].map((m) => payslip(emp, m)));

const AT = '2026-02-01T08:00:00.000Z';
export const SEED_LEAVE: Leave[] = [
  { id: 'lv-001', employee_id: 'emp-003', type: 'vacation', start: '2026-03-09', end: '2026-03-13', reason: 'Family trip', status: 'pending', created_at: AT },
  { id: 'lv-002', employee_id: 'emp-004', type: 'sick', start: '2026-02-02', end: '2026-02-03', status: 'approved', decided_by: 'emp-002', created_at: AT },
  { id: 'lv-003', employee_id: 'emp-002', type: 'vacation', start: '2026-04-06', end: '2026-04-10', status: 'approved', decided_by: 'emp-001', created_at: AT },
  { id: 'lv-004', employee_id: 'emp-006', type: 'parental', start: '2026-05-01', end: '2026-07-31', status: 'pending', created_at: AT },
  { id: 'lv-005', employee_id: 'emp-008', type: 'vacation', start: '2026-03-23', end: '2026-03-27', reason: 'Conference and a few days off', status: 'pending', created_at: AT }
];

export function hrSeed(): Seed<HrCollections> {
  return { employees: SEED_EMPLOYEES, leave: SEED_LEAVE, payslips: SEED_PAYSLIPS };
}
