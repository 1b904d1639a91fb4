/**
 * The on-device model as chooser: tool calling over the skills' JSON Schemas. ModelClient only has
 * schema-constrained JSON, so the answer is constrained to `{tool, arguments}` with one `anyOf` branch per
 * tool (a skill: name = recipe id, parameters = its input fields; hand-offs; "ask which"; "none"), then
 * checked with zod. A failed or bad answer falls back to basic mode, and the conversation says so.
 * Only names, descriptions, fields, examples and instructions go into the prompt: never a connection.
 */
import { z } from 'zod';
import { askJson, type Checked } from '../../ai/ask-json';
import type { ModelClient, ModelMessage } from '../../ai/model-client';
import type { Field } from '../../recipe';
import { fieldsSchema } from '../skill-schema';
import type { ChooseRequest, Choice, Chooser, SkillView } from '../conversation/ports';
import { chooseBasic } from './basic';

export interface ModelChooserOptions {
  /** Repairs after an answer that does not pass the check (default 1: a small model rarely mends more). */
  maxRepairs?: number;
  /** Earlier turns given to the model as context (default 6). */
  historyTurns?: number;
  signal?: AbortSignal;
}

const HAND_OFF = 'hand_off';
const ASK_WHICH = 'ask_which';
const NONE = 'none';

export function createModelChooser(model: ModelClient, options: ModelChooserOptions = {}): Chooser {
  return {
    mode: 'model',
    async choose(request) {
      try {
        const { value } = await askJson(model, {
          messages: promptMessages(request, options.historyTurns ?? 6),
          schema: JSON.stringify(toolSchema(request)),
          check: (data) => checkAnswer(data, request),
          maxRepairs: options.maxRepairs ?? 1,
          signal: options.signal,
          max_tokens: 512
        });
        return value;
      } catch {
        return { ...chooseBasic(request), fellBack: true };
      }
    }
  };
}

/** Every input optional: the message may hold some values; the conversation asks for the rest. */
function looseFields(fields: Field[]): Field[] {
  return fields.map((f) => ({ ...f, required: false, ...(f.items ? { items: looseFields(f.items) } : {}) }));
}

function argumentsSchema(view: SkillView): z.ZodObject {
  return fieldsSchema(looseFields(view.fields));
}

function branches(request: ChooseRequest): z.ZodType[] {
  const out: z.ZodType[] = request.skills.map((view) => z.strictObject({ tool: z.literal(view.recipe.id), arguments: argumentsSchema(view) }));
  const agentIds = request.handoffs.map((a) => a.id);
  if (agentIds.length > 0) {
    out.push(z.strictObject({ tool: z.literal(HAND_OFF), arguments: z.strictObject({ agent: z.enum(agentIds as [string, ...string[]]) }) }));
  }
  const ids = [...request.skills.map((s) => s.recipe.id), ...agentIds];
  if (ids.length > 1) {
    out.push(z.strictObject({ tool: z.literal(ASK_WHICH), arguments: z.strictObject({ options: z.array(z.enum(ids as [string, ...string[]])).min(2) }) }));
  }
  out.push(z.strictObject({ tool: z.literal(NONE), arguments: z.strictObject({}) }));
  return out;
}

function answerSchema(request: ChooseRequest): z.ZodType {
  const all = branches(request);
  return all.length === 1 ? all[0] : z.union(all as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/** The JSON Schema the model's answer is held to: `anyOf` one `{tool: const, arguments}` branch per tool. */
export function toolSchema(request: ChooseRequest): Record<string, unknown> {
  const schema = z.toJSONSchema(answerSchema(request), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

type Answer = { tool: string; arguments: Record<string, unknown> };

export function checkAnswer(data: unknown, request: ChooseRequest): Checked<Choice> {
  const parsed = answerSchema(request).safeParse(tidy(data));
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`) };
  }
  const answer = parsed.data as Answer;
  switch (answer.tool) {
    case NONE:
      return { ok: true, value: { kind: 'none' } };
    case HAND_OFF:
      return { ok: true, value: { kind: 'handoff', agent: answer.arguments.agent as string } };
    case ASK_WHICH:
      return { ok: true, value: { kind: 'ambiguous', options: [...new Set(answer.arguments.options as string[])] } };
    default:
      return { ok: true, value: { kind: 'skill', skill: answer.tool, values: answer.arguments } };
  }
}

/**
 * What a small model often says for "not given" (`null`, `""`, no `arguments` at all) is read as absent,
 * so such an answer is not sent back for repair; everything else must pass the schema as it is.
 */
function tidy(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const answer = { ...(data as Record<string, unknown>) };
  if (answer.arguments === undefined || answer.arguments === null) answer.arguments = {};
  if (typeof answer.arguments === 'object' && !Array.isArray(answer.arguments)) {
    answer.arguments = Object.fromEntries(Object.entries(answer.arguments as Record<string, unknown>).filter(([, v]) => v !== null && v !== ''));
  }
  return answer;
}

function describeField(field: Field): string {
  const items = field.items?.length ? ` of {${field.items.map((i) => `${i.name}: ${i.type}`).join(', ')}}` : '';
  return `${field.name} (${field.type}${items}${field.required ? ', required' : ''})${field.description ? `: ${field.description}` : ''}`;
}

export function systemPrompt(request: ChooseRequest): string {
  const { agent } = request;
  const tools = request.skills.map((view) => {
    const examples = view.skill.examples?.length ? `\n  Examples: ${view.skill.examples.map((e) => JSON.stringify(e)).join(', ')}` : '';
    const inputs = view.fields.length ? `\n  Inputs: ${view.fields.map(describeField).join('; ')}` : '';
    return `- ${view.recipe.id}: ${view.recipe.name}${view.recipe.description ? `. ${view.recipe.description}` : ''}${inputs}${examples}`;
  });
  if (request.handoffs.length > 0) {
    const agents = request.handoffs.map((a) => {
      const skills = (request.handoffSkills?.[a.id] ?? []).map((s) => s.recipe.name).join(', ');
      return `${a.id} (${a.name}${a.description ? `: ${a.description}` : ''}${skills ? `; can: ${skills}` : ''})`;
    });
    tools.push(`- ${HAND_OFF}: hand the request on to another agent. arguments.agent is one of: ${agents.join('; ')}`);
  }
  tools.push(`- ${ASK_WHICH}: more than one tool fits; arguments.options lists their names`);
  tools.push(`- ${NONE}: nothing here fits the request`);
  return [
    `You are ${agent.name}, an agent in the Sous studio.${agent.description ? ` ${agent.description}` : ''}`,
    ...(agent.instructions ? [`Instructions: ${agent.instructions}`] : []),
    'Decide what the person\'s last message asks for and answer with exactly one tool call as JSON: {"tool": NAME, "arguments": {...}}.',
    'In arguments put only the values the message itself states, in the input\'s type; leave out every other input (they are asked for later).',
    'Tools:',
    ...tools
  ].join('\n');
}

function promptMessages(request: ChooseRequest, historyTurns: number): ModelMessage[] {
  const history: ModelMessage[] = request.history.slice(-historyTurns).map((t) => ({ role: t.role === 'user' ? 'user' : 'assistant', content: t.text }));
  return [{ role: 'system', content: systemPrompt(request) }, ...history, { role: 'user', content: request.text }];
}
