/**
 * Every answer the app constrains a model to, as the app itself asks for it: each entry runs the app's
 * own function (modelDraft, extractWithModel, classifyWithModel, …) against a stand-in ModelClient, so
 * the JSON Schema is the one the app really sends and the verdict on an answer is the app's own check
 * and zod schema, not a copy of them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ModelClient } from '../model-client';
import { modelDraft } from '../copilot/model-draft';
import { modelAdvise, modelExplain } from '../copilot/model-explain';
import { NAMES_CATALOG } from '../copilot/names-catalog';
import { DraftResultSchema, type CatalogEntry } from '../copilot/draft-result';
import { ExtractedValueSchema, INVOICE_FIELDS, type FieldSpec } from '../extract/fields';
import { classifyWithModel, extractWithModel, generateWithModel, summarizeWithModel } from '../../connectors/ai/model-actions';
import { ClassifyOutputSchema, SummarizeOutputSchema, GenerateOutputSchema } from '../../connectors/ai/schemas';
import { catalogEntries } from '../../connectors/catalog-entries';
import { createCatalog } from '../../connectors/catalog';
import { createModelChooser } from '../../agents/choosers/model';
import { inputFields } from '../../agents/skill-schema';
import type { ChooseRequest } from '../../agents/conversation/ports';
import type { Agent } from '../../agents/format';
import type { Recipe } from '../../recipe';
import { draftShapeProblems } from './recipe-shape';

export interface ConstrainedAnswer {
  name: string;
  /** Asks through the app's own function; resolves with what that function returns. */
  ask(client: ModelClient): Promise<unknown>;
  /** The app's zod schema for that return value. */
  result: z.ZodType;
  /**
   * Problems the grammar is known to leave to the check after it (keywords XGrammar cannot take, catalogue
   * checks), in the decoded data; the app sends them back to the model for repair. [] when none is known.
   */
  knownGaps?(data: unknown): string[];
}

const DOCUMENT = 'Invoice INV-2041 from Acme GmbH, 2026-03-01. Net EUR 1,000.00, VAT 190.00, total EUR 1,190.00.';

/** Every field type a person can ask an extraction for (custom field lists mix them). */
const EVERY_FIELD_TYPE: FieldSpec[] = [
  { name: 'reference', type: 'text' },
  { name: 'quantity', type: 'number' },
  { name: 'amount', type: 'money' },
  { name: 'delivered_on', type: 'date' },
  { name: 'items', type: 'list', description: 'each {sku, qty}' }
];

const blank = (s: unknown) => typeof s === 'string' && s.trim() === '';
const blankIn = (data: unknown, keys: string[]) =>
  keys.filter((k) => blank((data as Record<string, unknown>)?.[k])).map((k) => `"${k}" is blank: the grammar allows an empty string, the check refuses it`);

/**
 * A JSON number such as 4e561 is grammar-valid but JSON.parse makes it ±Infinity, which the check refuses
 * (XGrammar's number rule has no bound on the exponent, and the schema keeps no `maximum`).
 */
function infiniteNumbers(data: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(data, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) out.push(`"${key}" is ${value}: a number beyond what JSON.parse keeps finite`);
    return value;
  });
  return out;
}

export function studioCatalogue(): CatalogEntry[] {
  return catalogEntries(createCatalog());
}

function draft(name: string, catalog: () => CatalogEntry[]): ConstrainedAnswer {
  return {
    name,
    ask: (client) => modelDraft('When a new vendor is created, tell #finance', catalog(), [], client, { maxRepairs: 0 }),
    result: DraftResultSchema,
    knownGaps: (data) => draftShapeProblems(data, catalog()).gaps
  };
}

function extraction(name: string, fields: FieldSpec[]): ConstrainedAnswer {
  return {
    name,
    ask: async (client) => (await extractWithModel(client, DOCUMENT, fields)).value,
    result: z.record(z.string(), ExtractedValueSchema),
    knownGaps: infiniteNumbers
  };
}

export function constrainedAnswers(): ConstrainedAnswer[] {
  return [
    draft('copilot draft (studio catalogue)', studioCatalogue),
    draft('copilot draft (names catalogue)', () => NAMES_CATALOG),
    extraction('extract: invoice preset', INVOICE_FIELDS),
    extraction('extract: every field type', EVERY_FIELD_TYPE),
    { name: 'classify', ask: (c) => classifyWithModel(c, DOCUMENT, ['invoice', 'receipt', 'complaint']), result: ClassifyOutputSchema },
    { name: 'summarize', ask: (c) => summarizeWithModel(c, DOCUMENT, 40), result: SummarizeOutputSchema, knownGaps: (d) => blankIn(d, ['summary']) },
    { name: 'generate', ask: (c) => generateWithModel(c, 'A two-line thank-you note to Acme.'), result: GenerateOutputSchema },
    { name: 'explain a recipe', ask: (c) => modelExplain(fixtureRecipe('register-vendor'), c), result: z.object({ summary: z.string().min(1) }), knownGaps: (d) => blankIn(d, ['explanation']) },
    {
      name: 'advise on a failure',
      ask: (c) => modelAdvise({ step: 'post', connector: 'http', action: 'request', code: 'http_500', message: 'The server answered 500.' }, undefined, c),
      result: z.object({ cause: z.string().min(1), fixes: z.array(z.string().min(1)) }),
      knownGaps: (d) => blankIn(d, ['cause', 'fix'])
    },
    { name: 'agent chooser (tool call)', ask: (c) => chooseStrictly(c), result: z.object({ kind: z.enum(['skill', 'handoff', 'ambiguous', 'none']) }) }
  ];
}

const FIXTURES = new URL('../../../../tests/fixtures/agents/', import.meta.url);

function fixtureRecipe(id: string): Recipe {
  return JSON.parse(readFileSync(new URL(`${id}.json`, FIXTURES), 'utf8')) as Recipe;
}

/** The agents corpus's ERP Genie with its skills (fields of several types) and a hand-off. */
function chooseRequest(): ChooseRequest {
  const agent = JSON.parse(readFileSync(new URL('erp-genie.agent.json', FIXTURES), 'utf8')) as Agent;
  const checker = JSON.parse(readFileSync(new URL('checker.agent.json', FIXTURES), 'utf8')) as Agent;
  const skills = agent.skills.map((skill) => {
    const recipe = fixtureRecipe(skill.recipe);
    return { skill, recipe, fields: inputFields(recipe), effect: { effect: 'write' as const, idempotent: false, writes: [] } };
  });
  return { text: 'register Acme GmbH', lang: 'en', agent, skills, handoffs: [checker], history: [] };
}

/** The chooser falls back to basic mode on a bad answer; here that counts as the answer refused. */
async function chooseStrictly(client: ModelClient): Promise<unknown> {
  const choice = await createModelChooser(client, { maxRepairs: 0 }).choose(chooseRequest());
  if ('fellBack' in choice && choice.fellBack) throw new Error('the chooser refused the answer and fell back to basic mode');
  return choice;
}
