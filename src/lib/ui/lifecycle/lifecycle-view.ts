/**
 * How a recipe's lifecycle reads on screen (the recipe list and the editor): its words in one place, the
 * "Draft (v5) · running v3" line, and a started schedule's next run in the person's time zone. Pure but for
 * the studio's language, which every word follows.
 */
import { locale as studio, t } from '$lib/i18n';
import type { Trigger, TriggerKind } from '../../recipe';
import type { RecipeLifecycle } from '../../store/recipe-states';
import { describeSchedule, nextDue } from '../../triggers/schedule';

/**
 * The on-screen names (docs/studio-labels: "Start" / "Stop" in the editor, 시작 / 중지 in Korean; tests rely
 * on them). Getters, so markup that reads them follows a switch of language.
 */
export const LIFECYCLE_WORDS = {
  get start() { return t('common:actions.start'); },
  get stop() { return t('common:actions.stop'); },
  get started() { return t('jobs:lifecycle.started'); },
  get stopped() { return t('jobs:lifecycle.stopped'); },
  get update() { return t('jobs:lifecycle.update'); },
  get starting() { return t('jobs:lifecycle.starting'); },
  get stopping() { return t('jobs:lifecycle.stopping'); },
  refusedTitle: (name: string) => t('jobs:lifecycle.refusedTitle', { name }),
  get refusedLead() { return t('jobs:lifecycle.refusedLead'); },
  get close() { return t('common:actions.close'); },
  get manual() { return t('jobs:lifecycle.manual'); },
  get callable() { return t('jobs:lifecycle.callable'); }
};

/** A recipe's lifecycle with what the screen needs of its versions' triggers. */
export interface LifecycleView extends RecipeLifecycle {
  /** The newest saved version's trigger kind: what Start would start. */
  kind: TriggerKind;
  /** The active version's trigger, while the recipe is started (what fires now). */
  activeTrigger?: Trigger;
}

/** Manual and callable recipes have no trigger that fires by itself: there is nothing to start. */
export function startable(kind: TriggerKind): boolean {
  return kind !== 'manual' && kind !== 'callable';
}

/** Why a recipe has no Start button, in words; undefined when it has one. */
export function notStartable(kind: TriggerKind): string | undefined {
  if (kind === 'manual') return LIFECYCLE_WORDS.manual;
  if (kind === 'callable') return LIFECYCLE_WORDS.callable;
  return undefined;
}

/** "Draft (v5) · running v3" for a started recipe saved since it started; null otherwise. */
export function draftLine(view: Pick<RecipeLifecycle, 'draft' | 'newest_version' | 'active_version'>): string | null {
  return view.draft && view.active_version !== null ? t('jobs:lifecycle.draft', { newest: view.newest_version, active: view.active_version }) : null;
}

/** The person's time zone, as the browser knows it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * "Every 5 minutes · next run 14:05 (Europe/Berlin)" for a started schedule (its active version), in `timeZone`; null
 * for anything else. The time alone when it is today there, else with its date.
 */
export function nextRunLine(view: Pick<LifecycleView, 'state' | 'activeTrigger'>, now: Date, timeZone: string, locale?: string): string | null {
  const trigger = view.activeTrigger;
  if (view.state !== 'started' || trigger?.kind !== 'schedule') return null;
  let at: Date;
  try {
    at = nextDue(trigger, now, timeZone);
  } catch {
    return null;
  }
  const described = describeSchedule(trigger, timeZone, studio.current);
  // Cron's words already name the zone; an interval's do not, and the time shown is in it.
  const zone = described.includes(`(${timeZone})`) ? '' : ` (${timeZone})`;
  return t('jobs:lifecycle.next', { described, at: formatDue(at, now, timeZone, locale), zone });
}

export function formatDue(at: Date, now: Date, timeZone: string, locale?: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' }).format(at)} ${time}`;
}
