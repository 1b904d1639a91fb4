/** The page's part of schedules (being built in this session: see issue 11). */
import type { AutomationDeps, StopAutomation } from './automation-deps';

export function startSchedules(_deps: AutomationDeps): StopAutomation {
  return () => {};
}
