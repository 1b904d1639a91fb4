/** The page's part of the webhook relay (being built in this session: see issue 11). */
import type { AutomationDeps, StopAutomation } from '../studio/automation-deps';

export function startWebhookRelay(_deps: AutomationDeps): StopAutomation {
  return () => {};
}
