/**
 * Reading a file someone dropped or chose as a recipe, and what the import preview shows of it. Pure, so
 * the words a person sees for each kind of wrong file are tested here, not only in the browser.
 *
 * A file that is plainly something else (a PDF, an image, an agent file) is named for what it is, with
 * where to take it, instead of the JSON parser's `unexpected "%"`; a file that is nearly a recipe lists
 * every problem of the parser at once, each at its place.
 */
import type { RecipeEffect } from '../../connectors/effects';
import type { ConnectorCatalog } from '../../connectors/catalog';
import { AGENT_FORMAT } from '../../agents/format';
import { lintReport } from '../../lint/lint';
import { formatIssue, parseRecipeText, type Recipe } from '../../recipe';
import type { Trigger } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { describeSchedule } from '../../triggers/schedule/describe';
import { appLabel, eventLabel } from '../../inspector/connector-words';
import { locale, t } from '$lib/i18n';
import { recipeEffectWords } from '../effect/effect-words';
import { problemText } from '../problems/problem-text';

/** A refused file, and where to take it when it is plainly another kind of file (a PDF to Extract). */
export type ReadResult = { ok: true; recipe: Recipe } | { ok: false; lines: string[]; goTo?: 'extract' | 'agents' };

/** What kind of file the first bytes say it is, when it is plainly not JSON text. */
export function sniff(bytes: Uint8Array): 'pdf' | 'image' | 'binary' | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46) || starts(0x52, 0x49, 0x46, 0x46)) return 'image';
  // A NUL byte in the first kilobyte: no text editor wrote this.
  if (bytes.subarray(0, 1024).includes(0)) return 'binary';
  return undefined;
}

/** The recipe in a file's bytes, or every reason it is not one, in the person's words. */
export function readRecipeBytes(bytes: Uint8Array): ReadResult {
  const kind = sniff(bytes);
  if (kind) return { ok: false, lines: [t(`apps:import.${kind}`)], goTo: kind === 'binary' ? undefined : 'extract' };
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return { ok: false, lines: [t('apps:import.empty')] };
  const parsed = parseRecipeText(text);
  if (parsed.ok) return parsed;
  const [first] = parsed.issues;
  if (parsed.issues.length === 1 && first.path === '') {
    const notJson = /^not valid JSON: (.*)$/.exec(first.message);
    if (notJson) return { ok: false, lines: [t('apps:import.notJson', { detail: notJson[1] })] };
    if (first.message.startsWith('not a recipe')) return { ok: false, lines: [t('apps:import.notRecipe')] };
  }
  const format = formatOf(text);
  if (typeof format === 'string' && format.startsWith(AGENT_FORMAT.split('/')[0])) return { ok: false, lines: [t('apps:import.agent')], goTo: 'agents' };
  // No format at all: most likely some other JSON file (a package.json), not a recipe with mistakes.
  if (parsed.issues.length === 1 && first.path === 'format' && format === undefined) return { ok: false, lines: [t('apps:import.notRecipe')] };
  return { ok: false, lines: parsed.issues.map(formatIssue) };
}

function formatOf(text: string): unknown {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown };
    return data && typeof data === 'object' ? data.format : undefined;
  } catch {
    return undefined;
  }
}

/** What the preview says of a recipe before anything is stored. */
export interface RecipePreview {
  name: string;
  id: string;
  description?: string;
  trigger: string;
  steps: number;
  effect: { label: string; tip: string };
  /** Lint's problems: the recipe still imports, but cannot run until they are fixed. */
  warnings: string[];
  /** The connections the recipe names, by their labels (`ERP (sandbox.erp)`). */
  connections: string[];
}

export function previewRecipe(recipe: Recipe, catalog: ConnectorCatalog, knownRecipes: readonly string[]): RecipePreview {
  const report = lintReport(recipe, catalog, { knownRecipes });
  return {
    name: recipe.name,
    id: recipe.id,
    description: recipe.description,
    trigger: triggerWords(recipe.trigger, catalog),
    steps: [...allSteps(recipe.steps)].length,
    effect: effectWords(report.effect),
    warnings: report.problems.map((p) => `${p.path}: ${problemText(p)}`),
    connections: Object.entries(recipe.connections ?? {}).map(([ref, c]) => `${c.label ?? catalog.connector(c.connector)?.label ?? ref} (${c.connector})`)
  };
}

function effectWords(effect: RecipeEffect): { label: string; tip: string } {
  return recipeEffectWords(effect, locale.current);
}

/** The trigger as a sentence: "When you press Run", "Every weekday at 09:00 (Europe/Seoul)". */
export function triggerWords(trigger: Trigger, catalog: ConnectorCatalog): string {
  switch (trigger.kind) {
    case 'manual':
    case 'callable':
      return t(`apps:import.trigger.${trigger.kind}`);
    case 'schedule': {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return describeSchedule(trigger, zone, locale.current);
    }
    case 'event': {
      const app = catalog.connector(trigger.connector);
      const event = app?.events && Object.hasOwn(app.events, trigger.event) ? app.events[trigger.event].label : trigger.event;
      return t('apps:import.trigger.event', {
        app: appLabel(trigger.connector, app?.label ?? trigger.connector),
        event: eventLabel(trigger.connector, trigger.event, event)
      });
    }
    case 'document':
      return trigger.accept?.length ? t('apps:import.trigger.documentOf', { types: trigger.accept.join(', ') }) : t('apps:import.trigger.document');
    case 'webhook':
      return t('apps:import.trigger.webhook', { path: trigger.path });
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger ${JSON.stringify(never)}`);
    }
  }
}
