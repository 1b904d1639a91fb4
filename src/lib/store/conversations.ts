/**
 * Conversations with agents: a direct one per agent, and channels where several agents are present. The
 * conversation module's state (plain JSON) is kept whole, so a reload (or another tab) goes on where it was.
 */
import { z } from 'zod';
import { ConversationStateSchema, newConversation, type ConversationState } from '../agents/conversation/state';
import { recordAudit } from './audit';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export const ConversationKindSchema = z.enum(['direct', 'channel']);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;

export const ConversationRowSchema = z.object({
  id: z.string().min(1),
  kind: ConversationKindSchema,
  /** The agents present (a direct conversation: one). */
  agents: z.array(z.string()).min(1),
  title: z.string(),
  state: ConversationStateSchema,
  /** Every job it started or waits on (also a skill's child job whose approval waits): an index. */
  jobs: z.array(z.string()),
  /** How the last message was understood: the on-device model or basic mode. */
  mode: z.enum(['basic', 'model']).optional(),
  updated_at: z.string()
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;

/** A direct conversation's id follows from its agent, so there is one per agent in every tab. */
export function directConversationId(agentId: string): string {
  return `direct:${agentId}`;
}

export interface NewConversation {
  kind: ConversationKind;
  agents: string[];
  title: string;
  id?: string;
}

export function newConversationRow(spec: NewConversation, now = new Date()): ConversationRow {
  if (spec.agents.length === 0) throw new Error('a conversation needs at least one agent');
  const id = spec.id ?? (spec.kind === 'direct' ? directConversationId(spec.agents[0]) : `channel:${crypto.randomUUID()}`);
  return { id, kind: spec.kind, agents: [...spec.agents], title: spec.title, state: newConversation(spec.agents[0]), jobs: [], updated_at: now.toISOString() };
}

/** The jobs a state refers to: those it started and those whose approval it waits on. */
export function jobsOf(state: ConversationState): string[] {
  return [...new Set([...state.jobs, ...state.waiting.flatMap((w) => [w.job, w.stepJob])])];
}

/** A conversation, checked on the way out: a damaged row is named instead of failing in the middle of a turn. */
export async function getConversation(db: SousDb, id: string): Promise<ConversationRow | undefined> {
  const row = await db.conversations.get(id);
  if (!row) return undefined;
  const parsed = ConversationRowSchema.safeParse(row);
  if (!parsed.success) throw new Error(`the saved conversation "${id}" is damaged: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Save a conversation with its new state (its job index follows the state). */
export async function putConversation(db: SousDb, row: ConversationRow, now = new Date()): Promise<ConversationRow> {
  const saved: ConversationRow = { ...row, jobs: [...new Set([...row.jobs, ...jobsOf(row.state)])], updated_at: now.toISOString() };
  const started = !(await db.conversations.get(row.id));
  await guardWrite(`the conversation "${row.title}"`, () => db.conversations.put(saved));
  // Once, when it starts; what is said in it is not recorded.
  if (started) await recordAudit(db, { action: 'conversation', target: { kind: 'conversation', id: row.id }, detail: { kind: row.kind, agents: row.agents.join(', ') } });
  return saved;
}

/** Every conversation, the most recent first. */
export async function listConversations(db: SousDb, kind?: ConversationKind): Promise<ConversationRow[]> {
  const rows = kind ? await db.conversations.where('kind').equals(kind).toArray() : await db.conversations.toArray();
  return rows.sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
}

/** The conversations that started (or wait on) this job. */
export function conversationsWithJob(db: SousDb, jobId: string): Promise<ConversationRow[]> {
  return db.conversations.where('jobs').equals(jobId).toArray();
}

export async function deleteConversation(db: SousDb, id: string): Promise<void> {
  await guardWrite(`the deletion of a conversation`, () => db.conversations.delete(id));
}
