/** The page's part of polled API events (being built in this session: see issue 11). */
import type { AutomationDeps, StopAutomation } from '../studio/automation-deps';

export function startPolling(_deps: AutomationDeps): StopAutomation {
  return () => {};
}
