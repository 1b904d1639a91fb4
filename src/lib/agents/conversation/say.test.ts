/**
 * The conversation's flow over the real engine and a fresh in-memory sandbox (basic mode): the contract's
 * register-vendor dialogue, and the turn shapes `sous chat --json` prints.
 */
import { describe, expect, it } from 'vitest';
import { loadFixtures, sandboxSession } from '../corpus/harness';
import { ConversationStateSchema, newConversation, say, type ConversationState } from './index';
import type { Turn } from '../turn';

const workspace = loadFixtures();

async function talk(agent: string, says: string[], options: Parameters<typeof sandboxSession>[1] = {}) {
  const session = sandboxSession(workspace, options);
  let state: ConversationState = newConversation(agent);
  const turns: Turn[] = [];
  for (const text of says) {
    const result = await say(state, text, session.ports);
    expect(result.turns[0]).toEqual({ role: 'user', text });
    turns.push(...result.turns);
    state = result.state;
  }
  return { state, turns, session };
}

describe('say', () => {
  it('registers a vendor: asks the name, then the country, shows the card, runs on yes, answers with the job', async () => {
    const { state, turns, session } = await talk('erp-genie', ['register a vendor', 'Acme Ltd', 'DE', 'yes'], { jobLink: (id) => `/jobs/${id}` });
    const agentTurns = turns.filter((t) => t.role === 'agent');
    expect(agentTurns.map((t) => t.asks ?? t.card?.kind ?? 'answer')).toEqual(['name', 'country', 'confirm', 'answer']);
    expect(agentTurns[0]).toMatchObject({ agent: 'erp-genie', skill: 'register-vendor', asks: 'name', text: "What is the vendor's name?" });
    expect(agentTurns[2].card).toEqual({ kind: 'confirm', skill: 'register-vendor', values: { name: 'Acme Ltd', country: 'DE' } });
    const jobs = await session.jobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ recipe_id: 'register-vendor', status: 'succeeded', agent: 'erp-genie', trigger: { name: 'Acme Ltd', country: 'DE' } });
    // An optional input not given is left out of the trigger, never "" or null.
    expect(jobs[0].trigger).not.toHaveProperty('email');
    expect(agentTurns[3]).toMatchObject({ job: jobs[0].id, skill: 'register-vendor' });
    expect(agentTurns[3].text).toMatch(/^Done: vendor ven-[\w-]+ Acme Ltd\. \/jobs\/job-001$/);
    expect(state.jobs).toEqual([jobs[0].id]);
    expect(state.pending).toBeUndefined();
    // The state is plain JSON: it survives a round trip through the schema and JSON.
    expect(ConversationStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
