/**
 * Everything that starts jobs with no person pressing Run, in the open studio: schedules, the webhooks
 * the local server relays, and polled API events. Each elects one tab with a Web Lock of its own, so a
 * due time, a webhook or a polled item is acted on once however many tabs are open.
 */
import type { AutomationDeps, StopAutomation } from './automation-deps';
import { startSchedules } from './schedules';
import { startWebhookRelay } from '../webhooks/studio-relay';
import { startPolling } from '../poll/studio-poller';

export function startAutomation(deps: AutomationDeps): StopAutomation {
  const stops = [startSchedules(deps), startWebhookRelay(deps), startPolling(deps)];
  return () => stops.forEach((stop) => stop());
}
