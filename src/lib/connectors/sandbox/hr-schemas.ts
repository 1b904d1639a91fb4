/** The records of the sandbox HR app: employees (with managers), leave requests and monthly pay slips. */
import { z } from 'zod';

export const EmployeeSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  email: z.string(),
  title: z.string(),
  department: z.string(),
  manager_id: z.string().nullable()
});
export type Employee = z.infer<typeof EmployeeSchema>;

export const LEAVE_TYPES = ['vacation', 'sick', 'parental', 'unpaid'] as const;
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const LeaveSchema = z.object({
  id: z.string(),
  employee_id: z.string(),
  type: z.enum(LEAVE_TYPES),
  start: z.string(),
  end: z.string(),
  reason: z.string().optional(),
  status: z.enum(LEAVE_STATUSES),
  decided_by: z.string().optional(),
  created_at: z.string()
});
export type Leave = z.infer<typeof LeaveSchema>;

export const PayslipSchema = z.object({
  id: z.string(),
  employee_id: z.string(),
  /** YYYY-MM */
  month: z.string(),
  currency: z.string(),
  gross: z.number(),
  tax: z.number(),
  social: z.number(),
  net: z.number()
});
export type Payslip = z.infer<typeof PayslipSchema>;

export type HrCollections = { employees: Employee; leave: Leave; payslips: Payslip };
