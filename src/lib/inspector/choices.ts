/**
 * Inputs that name something the workspace already has: a chat channel, a recipient (a person, or a role
 * for an approval), a lookup table. The inspector offers what exists as a choice (with "other…" for a
 * value or a pill of one's own), not a blank box. Pure: the lists come from `workspace.ts`.
 */
import type { StepKind } from '../recipe';

export type ChoiceKind = 'channel' | 'recipient' | 'assignee' | 'table';

export interface Workspace {
  /** Chat channels with messages, the recipe's own, and the teams (HR departments) as channels. */
  channels: string[];
  people: Array<{ name: string; email: string }>;
  /** Roles a person has in jobs (their HR department, lower-case). */
  roles: string[];
  tables: string[];
}

export const EMPTY_WORKSPACE: Workspace = { channels: [], people: [], roles: [], tables: [] };

export interface Choice {
  value: string;
  /** What the option shows; the value itself where it says enough. */
  label: string;
  group: 'channels' | 'people' | 'roles' | 'tables';
}

/** `connector action` → the input keys that name something that exists. */
const ACTION_INPUTS: Readonly<Record<string, Readonly<Record<string, ChoiceKind>>>> = {
  'chat post': { channel: 'channel' },
  'sandbox.mail messages.send': { to: 'recipient' },
  'tables lookup': { table: 'table' },
  'tables list': { table: 'table' },
  'tables add': { table: 'table' },
  'tables update': { table: 'table' },
  'tables delete': { table: 'table' }
};

export function actionChoiceKind(connector: string, action: string, key: string): ChoiceKind | undefined {
  return ACTION_INPUTS[`${connector} ${action}`]?.[key];
}

export function stepChoiceKind(kind: StepKind, key: string): ChoiceKind | undefined {
  return kind === 'approval' && key === 'assignee' ? 'assignee' : undefined;
}

/** The options for one kind of input, each list sorted and without repeats. */
export function choicesFor(kind: ChoiceKind | undefined, ws: Workspace): Choice[] {
  const people = (): Choice[] => unique(ws.people.filter((p) => p.email !== '').map((p) => p.email)).map((email) => ({ value: email, label: personLabel(ws, email), group: 'people' }));
  switch (kind) {
    case undefined:
      return [];
    case 'channel':
      return unique(ws.channels).map((c) => ({ value: c, label: `#${c}`, group: 'channels' }));
    case 'table':
      return unique(ws.tables).map((name) => ({ value: name, label: name, group: 'tables' }));
    case 'recipient':
      return people();
    case 'assignee':
      return [...unique(ws.roles).map((role): Choice => ({ value: role, label: role, group: 'roles' })), ...people()];
  }
}

function personLabel(ws: Workspace, email: string): string {
  const person = ws.people.find((p) => p.email === email);
  return person && person.name ? `${person.name} <${email}>` : email;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Channels a recipe already posts to (a plain name in a chat step's input), so the next step can reuse them. */
export function recipeChannels(steps: Iterable<{ kind: string; connector?: string; input?: Record<string, unknown> }>): string[] {
  const out: string[] = [];
  for (const step of steps) {
    const channel = step.kind === 'action' && step.connector === 'chat' ? step.input?.channel : undefined;
    if (typeof channel === 'string' && /^[A-Za-z0-9_.-]+$/.test(channel)) out.push(channel);
  }
  return out;
}
