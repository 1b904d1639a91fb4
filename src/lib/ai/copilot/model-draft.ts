/**
 * The model copilot: words → a recipe. The model is given the catalogue of connectors and actions and the
 * recipes that exist (summaries of their secret-free export), and its answer is constrained to the recipe
 * JSON Schema; the answer is then parsed by the recipe parser and checked against the catalogue, and the
 * problems go back to the model for up to `maxRepairs` repairs.
 */
import { askJson, type Checked } from '../ask-json';
import type { ModelClient } from '../model-client';
import { exportRecipe, formatIssue, parseRecipe, RECIPE_FORMAT, type Recipe, type Step } from '../../recipe';
import { childLists } from '../../recipe/walk';
import type { CatalogEntry, DraftResult } from './draft-result';
import { draftAnswerSchema } from './model-schema';
import { langOf, type Lang } from './lang';

export interface ModelDraftOptions {
  maxRepairs?: number;
  signal?: AbortSignal;
}

/** The workspace's recipes: whole ones are summarised for the model; `{id, name}` ones by name only. */
export type ExistingRecipe = Recipe | { id: string; name: string };

export async function modelDraft(
  words: string,
  catalog: CatalogEntry[],
  existing: ExistingRecipe[],
  client: ModelClient,
  options: ModelDraftOptions = {}
): Promise<DraftResult> {
  const taken = new Set(existing.map((r) => r.id));
  const { value, repairs } = await askJson(client, {
    messages: [
      { role: 'system', content: draftSystemPrompt(catalog, existing, langOf(words)) },
      { role: 'user', content: words }
    ],
    schema: JSON.stringify(draftAnswerSchema(catalog)),
    check: (data) => checkDraft(data, catalog),
    maxRepairs: options.maxRepairs ?? 2,
    signal: options.signal,
    max_tokens: 2048
  });
  const assumptions = [...value.assumptions];
  let recipe = value.recipe;
  if (taken.has(recipe.id)) {
    const id = freeId(recipe.id, taken);
    assumptions.push(langOf(words) === 'ko' ? `"${recipe.id}" 레시피가 이미 있어 이 레시피는 "${id}"(으)로 만들었습니다.` : `A recipe "${recipe.id}" exists already, so this one is "${id}".`);
    recipe = { ...recipe, id };
  }
  return { mode: 'model', recipe, assumptions, repairs };
}

/** The draft prompt; `lang` is the request's language, in which the names and assumptions are asked for. */
export function draftSystemPrompt(catalog: CatalogEntry[], existing: ExistingRecipe[], lang: Lang = 'en'): string {
  const connectors = catalog
    .map((c) => {
      const actions = c.actions.map((a) => `${a.name}(${a.inputs.join(', ')})`).join('; ');
      const events = c.events.length > 0 ? ` events: ${c.events.join(', ')}` : '';
      return `- ${c.connector} (${c.label}): ${actions}${events}`;
    })
    .join('\n');
  const recipes = existing.length === 0 ? '(none yet)' : existing.slice(0, 20).map(summarise).join('\n');
  return [
    'You write automation recipes for Sous as JSON. Answer {"recipe": {...}, "assumptions": ["..."]}.',
    `A recipe: {"format": "${RECIPE_FORMAT}", "id": "kebab-case-id", "name": "...", "trigger": {...}, "steps": [...]}.`,
    'Triggers: {"kind":"manual","input":[{"name","type"}]}, {"kind":"schedule","every":"1d"}, {"kind":"event","connector","event"}, {"kind":"document"}, {"kind":"webhook","path"}.',
    'Steps (each has a unique lowercase "id"): action {"kind":"action","connector","action","input":{...}}, if {"kind":"if","condition","then":[...],"else":[...]}, foreach {"kind":"foreach","items","steps":[...]}, approval {"kind":"approval","message"}, set {"kind":"set","values":{...}}, stop {"kind":"stop","outcome":"success"|"failure"}.',
    'Values may hold JSONata expressions in {{ }}: {{ trigger.field }}, {{ steps.stepid.field }} (a step\'s output), {{ item }} inside foreach. Conditions too: "{{ trigger.total > 500 }}". Make each step id from its English name, lowercase words joined by "_" ("Search vendors" → search_vendors), never with hyphens, so expressions read steps.search_vendors.',
    'Use only these connectors and actions:',
    connectors,
    'Recipes that exist (a new recipe may call them with {"kind":"call","recipe":"id"}):',
    recipes,
    'In "assumptions", say in plain sentences what you assumed that the request did not say.',
    lang === 'ko'
      ? 'The request is in Korean: write the recipe name, every step name and every assumption in Korean (한국어); ids stay English.'
      : 'Write the recipe name, the step names and the assumptions in English.'
  ].join('\n');
}

/** A secret-free, one-line summary: the recipe goes through the export (which blanks secrets) first. */
function summarise(known: ExistingRecipe): string {
  if (!('steps' in known)) return `- ${known.id}: ${known.name}`;
  const recipe = known;
  const clean = JSON.parse(exportRecipe(recipe).text) as Recipe;
  const uses = new Set<string>();
  walk(clean.steps, (s) => {
    if (s.kind === 'action') uses.add(`${s.connector}.${s.action}`);
  });
  return `- ${clean.id}: ${clean.name} (trigger ${clean.trigger.kind}${uses.size ? `; uses ${[...uses].join(', ')}` : ''})`;
}

export function checkDraft(data: unknown, catalog: CatalogEntry[]): Checked<{ recipe: Recipe; assumptions: string[] }> {
  if (typeof data !== 'object' || data === null || !('recipe' in data)) {
    return { ok: false, problems: ['expected {"recipe": {...}, "assumptions": [...]}'] };
  }
  const raw = data as { recipe: unknown; assumptions?: unknown };
  const parsed = parseRecipe(raw.recipe);
  if (!parsed.ok) return { ok: false, problems: parsed.issues.map((i) => `recipe.${formatIssue(i)}`) };
  const problems: string[] = [];
  const byId = new Map(catalog.map((c) => [c.connector, c]));
  walk(parsed.recipe.steps, (step) => {
    // A hyphenated id makes every expression that reads it need backticks: the model renames it.
    if (step.id.includes('-')) problems.push(`step "${step.id}": make its id from its name with "_" (${step.id.replace(/-+/g, '_')}), never "-", and read it as steps.${step.id.replace(/-+/g, '_')}`);
    if (step.kind !== 'action') return;
    const connector = byId.get(step.connector);
    if (!connector) problems.push(`step "${step.id}": there is no connector "${step.connector}"; use one of ${[...byId.keys()].join(', ')}`);
    else if (!connector.actions.some((a) => a.name === step.action)) {
      problems.push(`step "${step.id}": ${step.connector} has no action "${step.action}"; it has ${connector.actions.map((a) => a.name).join(', ')}`);
    }
  });
  const trigger = parsed.recipe.trigger;
  if (trigger.kind === 'event') {
    const connector = byId.get(trigger.connector);
    if (!connector?.events.includes(trigger.event)) problems.push(`trigger: "${trigger.connector}" has no event "${trigger.event}"`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const assumptions = Array.isArray(raw.assumptions) ? raw.assumptions.filter((a): a is string => typeof a === 'string') : [];
  return { ok: true, value: { recipe: parsed.recipe, assumptions } };
}

function walk(steps: Step[], visit: (step: Step) => void): void {
  for (const step of steps) {
    visit(step);
    for (const [, list] of childLists(step)) walk(list, visit);
  }
}

function freeId(id: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id.slice(0, 60)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
