/**
 * Agents and their conversations as the worker hosts them. A message is understood and acted on here, in
 * the worker, with the host's own runner: the jobs it starts are journaled, locked and resumable, and run
 * as the person the studio acts as. The new state is saved after every message; the page reads it live.
 */
import { jobChanged, messages, say, skillViews, type Chooser, type ConversationState } from '../agents/conversation';
import { childAgentHook } from '../agents/conversation';
import { reachableSkills } from '../agents/conversation/skills';
import { createBasicChooser, createModelChooser } from '../agents/choosers';
import type { Agent } from '../agents/format';
import type { AgentTurn, Turn } from '../agents/turn';
import type { ModelClient } from '../ai/model-client';
import type { Clock } from '../engine/ports';
import type { Job, User } from '../recipe';
import {
  agentsWithSkill,
  conversationsWithJob,
  listAgents,
  deleteAgent,
  directConversationId,
  getConversation,
  importAgentText,
  newConversationRow,
  putConversation,
  saveAgent,
  type AgentSaveResult,
  type ConversationRow,
  type SousDb
} from '../store';
import { flattenFamily, jobFamily } from '../store/agents-jobs';
import { waitingApprovals, type WaitingApproval } from '../store/job-queries';
import { guardWrite } from '../store/storage-errors';
import type { LockRequester } from './job-locks';
import { routeMessage } from './channel-routing';
import { conversationPorts, readWorkspace, type PortsDeps, type Workspace } from './conversation-ports';

export interface ConversationHostDeps extends PortsDeps {
  db: SousDb;
  /** Web Locks (or the in-memory stand-in): one conversation answers one message at a time, in every tab. */
  lockRequester: LockRequester;
  actingUser: () => Promise<User>;
  model?: () => Promise<ModelClient | undefined>;
  report: (problem: string) => void;
  clock: Clock;
}

export interface StartOptions {
  /** A channel's name (several agents); a single agent without it gets its direct conversation. */
  title?: string;
  /** A new conversation even for one agent (e.g. a try-out beside the agent's editor). */
  fresh?: boolean;
}

export function createConversationHost(deps: ConversationHostDeps) {
  const { db } = deps;
  /** The agents as last read: the runner's hook asks synchronously which agent a called skill's job is for. */
  let known = new Map<string, Agent>();
  const refreshAgents = () =>
    listAgents(db).then(
      (list) => void (known = new Map(list.map((a) => [a.id, a]))),
      (err) => deps.report(`could not read the agents: ${err instanceof Error ? err.message : String(err)}`)
    );
  void refreshAgents();
  const childAgent = childAgentHook((id) => known.get(id));

  function exclusive<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return deps.lockRequester.request(`sous-conversation:${conversationId}`, () => work()) as unknown as Promise<T>;
  }

  let lastModelProblem: string | undefined;
  /** The on-device model when one is chosen and cached (and loads); basic mode otherwise. */
  async function chooser(): Promise<Chooser> {
    try {
      const model = await deps.model?.();
      if (model) return createModelChooser(model);
    } catch (err) {
      const problem = `the on-device model could not be loaded for the chat, so basic mode answers: ${err instanceof Error ? err.message : String(err)}`;
      // Said once, not on every message: the provider tries the load again each time.
      if (problem !== lastModelProblem) deps.report(problem);
      lastModelProblem = problem;
    }
    return createBasicChooser();
  }

  /** The ports for one piece of work; only a message needs a chooser, so nothing else loads the model. */
  async function context(conversationId?: string) {
    const workspace = await readWorkspace(db, deps.report);
    known = workspace.agents;
    const onStart = conversationId ? (jobId: string) => noteJob(conversationId, jobId) : undefined;
    const choosing = conversationId ? await chooser() : createBasicChooser();
    const ports = conversationPorts(deps, workspace, await deps.actingUser(), choosing, onStart);
    return { workspace, ports };
  }

  /** The job goes into the conversation's job index at once, before the state that names it is saved. */
  async function noteJob(conversationId: string, jobId: string): Promise<void> {
    await guardWrite('the conversation', () =>
      db.conversations
        .where('id')
        .equals(conversationId)
        .modify((row) => {
          if (!row.jobs.includes(jobId)) row.jobs.push(jobId);
        })
    );
  }

  /**
   * Jobs a message started whose answer was never saved (the page closed while the job ran; the worker
   * resumed it): the conversation follows them as if it waited on them, so it says how they ended.
   */
  function cutOff(row: ConversationRow, familyIds: string[], agentOf: (jobId: string) => string): ConversationState {
    const state = structuredClone(row.state);
    for (const jobId of row.jobs.filter((j) => familyIds.includes(j) && !state.jobs.includes(j) && !state.waiting.some((w) => w.stepJob === j))) {
      state.jobs.push(jobId);
      state.waiting.push({ job: jobId, stepJob: jobId, step: '', skill: '', agent: agentOf(jobId), choices: [] });
    }
    return state;
  }

  async function mustRead(conversationId: string): Promise<ConversationRow> {
    const row = await getConversation(db, conversationId);
    if (!row) throw new Error(`there is no conversation "${conversationId}"`);
    return row;
  }

  /** Who in a channel the message is for; the state is moved to that agent (a named one drops what the last was doing). */
  function routed(row: ConversationRow, text: string, workspace: Workspace, ports: Awaited<ReturnType<typeof context>>['ports']) {
    const members = row.agents.map((id) => workspace.agents.get(id)).filter((a): a is Agent => a !== undefined);
    if (row.kind !== 'channel' || members.length === 0) return { state: row.state, text };
    // A front desk's skills are those it can hand on to.
    const skillsOf = (agent: Agent) => [...skillViews(agent, ports), ...Object.values(reachableSkills(agent, ports)).flat()];
    const route = routeMessage(text, members, row.state, skillsOf);
    const same = route.agent === row.state.agent;
    // Staying with the same agent keeps `active` too: it may be an agent it handed the request on to.
    if (same && (!route.addressed || route.agent === row.state.active)) return { state: row.state, text: route.text };
    const state: ConversationState = { ...row.state, agent: route.agent, active: route.agent };
    if (route.addressed) {
      state.pending = undefined;
      state.offered = undefined;
    }
    return { state, text: route.text };
  }

  async function sayNow(conversationId: string, text: string): Promise<AgentTurn[]> {
    const row = await mustRead(conversationId);
    const { workspace, ports } = await context(conversationId);
    if (!row.agents.some((id) => workspace.agents.has(id))) throw new Error(`the agents of "${row.title}" are not here any more`);
    const { state, text: said } = routed(row, text, workspace, ports);
    const before = state.turns.length;
    const result = await say(state, said, ports);
    const next = result.state;
    // A channel's message keeps the words the person typed ("@ERP Genie …"), not the routed rest.
    const heard = next.turns[before];
    if (heard?.role === 'user' && said !== text) next.turns[before] = { ...heard, text };
    await putConversation(db, { ...row, state: next, mode: ports.chooser.mode }, deps.clock.now());
    return next.turns.slice(before).filter((t): t is AgentTurn => t.role === 'agent');
  }

  /** Tell each conversation that knows a job of this family how it stands now. */
  async function notify(familyIds: string[]): Promise<boolean> {
    const rows = new Map<string, ConversationRow>();
    for (const id of familyIds) for (const row of await conversationsWithJob(db, id)) rows.set(row.id, row);
    if (rows.size === 0) return false;
    const { ports } = await context();
    for (const id of rows.keys()) {
      await exclusive(id, async () => {
        const row = await mustRead(id);
        const jobs = new Map<string, Job>();
        for (const jobId of familyIds) {
          const job = await ports.jobs.get(jobId);
          if (job) jobs.set(jobId, job);
        }
        const recipeOf = (jobId: string) => jobs.get(jobId)?.recipe_id ?? '';
        let state = cutOff(row, familyIds, (jobId) => jobs.get(jobId)?.agent ?? row.state.active);
        for (const w of state.waiting) if (!w.skill) w.skill = recipeOf(w.job);
        // Only what it waits on: a job it already reported on is not reported twice.
        const known = new Set(state.waiting.flatMap((w) => [w.job, w.stepJob]));
        let changed = false;
        for (const jobId of familyIds.filter((j) => known.has(j))) {
          const job = jobs.get(jobId);
          if (!job) continue;
          const moved = await jobChanged(state, job, ports);
          if (moved.turns.length > 0 || moved.state.waiting.length !== state.waiting.length) changed = true;
          state = moved.state;
        }
        if (changed) await putConversation(db, { ...row, state }, deps.clock.now());
      });
    }
    return true;
  }

  /**
   * An approval of a job no conversation started (a mail's recipe calling a skill): it shows as a card in
   * the direct conversation of the agent whose job (or skill) it is, and that chat follows the job from then on.
   */
  async function adopt(approval: WaitingApproval, family: Awaited<ReturnType<typeof jobFamily>>): Promise<void> {
    if (!family) return;
    const byId = new Map(flattenFamily(family).map((j) => [j.id, j]));
    // From the waiting job up: the nearest job that is an agent's (or an agent's skill).
    for (let job = byId.get(approval.job.id); job; job = job.parent_job ? byId.get(job.parent_job) : undefined) {
      const agent = job.agent ?? (await agentsWithSkill(db, job.recipe_id))[0]?.id;
      if (agent) return adoptInto(agent, job.id, job.recipe_id, approval);
    }
  }

  async function adoptInto(agentId: string, jobId: string, skill: string, approval: WaitingApproval): Promise<void> {
    const id = directConversationId(agentId);
    await exclusive(id, async () => {
      const row = (await getConversation(db, id)) ?? newConversationRow({ kind: 'direct', agents: [agentId], title: known.get(agentId)?.name ?? agentId }, deps.clock.now());
      if (row.state.waiting.some((w) => w.stepJob === approval.job.id && w.step === approval.path)) return;
      const state = structuredClone(row.state);
      const message = approval.message || skill;
      state.waiting.push({ job: jobId, stepJob: approval.job.id, step: approval.path, skill, agent: agentId, message, choices: approval.choices });
      if (!state.jobs.includes(jobId)) state.jobs.push(jobId);
      const turn: Turn = {
        role: 'agent',
        agent: agentId,
        text: messages(state.lang).waitingApproval(message, approval.choices),
        skill,
        job: jobId,
        card: { kind: 'approval', skill, job: approval.job.id, step: approval.path, message, choices: approval.choices },
        at: deps.clock.now().toISOString()
      };
      state.turns.push(turn);
      await putConversation(db, { ...row, state }, deps.clock.now());
    });
  }

  return {
    /** Save an agent (e.g. from the Agents page's editor); a bad one is refused with its issues, nothing saved. */
    saveAgent: (data: unknown): Promise<AgentSaveResult> => saveAgent(db, data, deps.clock.now()).finally(refreshAgents),
    /** Import an agent file's text; refused with every issue at once, nothing saved. */
    importAgent: (text: string): Promise<AgentSaveResult> => importAgentText(db, text, deps.clock.now()).finally(refreshAgents),
    deleteAgent: (id: string): Promise<boolean> => deleteAgent(db, id).finally(refreshAgents),

    /** For the runner: a skill's job that calls another agent's skill records that agent (handed on by the first). */
    childAgent,

    /** Open a conversation with these agents; answers its id (one agent: its direct conversation, made once). */
    async startConversation(agentIds: string[], options: StartOptions = {}): Promise<string> {
      const { workspace } = await context();
      const ids = [...new Set(agentIds)];
      const missing = ids.filter((id) => !workspace.agents.has(id));
      if (ids.length === 0) throw new Error('choose at least one agent to talk to');
      if (missing.length > 0) throw new Error(`there is no agent ${missing.map((m) => `"${m}"`).join(', ')}`);
      const names = ids.map((id) => workspace.agents.get(id)!.name);
      if (ids.length === 1 && !options.fresh && !options.title) {
        const id = directConversationId(ids[0]);
        return exclusive(id, async () => {
          const found = await getConversation(db, id);
          if (!found) await putConversation(db, newConversationRow({ kind: 'direct', agents: ids, title: names[0] }), deps.clock.now());
          return id;
        });
      }
      const row = newConversationRow({ kind: 'channel', agents: ids, title: options.title?.trim() || names.join(', ') }, deps.clock.now());
      await putConversation(db, row, deps.clock.now());
      return row.id;
    },

    /** The person says `text`: answers the agent's new turns once they are saved. */
    say: (conversationId: string, text: string): Promise<AgentTurn[]> => {
      if (!text.trim()) return Promise.reject(new Error('say something first'));
      return exclusive(conversationId, () => sayNow(conversationId, text));
    },

    /**
     * A job ended or waits (answered in the Inbox, resumed after a reload, started by an event): the
     * conversations that know it hear how it stands, and an approval nobody's chat knows finds its agent's.
     */
    async jobSettled(jobId: string): Promise<void> {
      const family = await jobFamily(db, jobId);
      if (!family) return;
      const ids = flattenFamily(family).map((j) => j.id);
      if (await notify(ids)) return;
      const inFamily = new Set(ids);
      for (const approval of (await waitingApprovals(db)).filter((a) => inFamily.has(a.job.id))) await adopt(approval, family);
    }
  };
}

export type ConversationHost = ReturnType<typeof createConversationHost>;
