/**
 * The conversation's JobPort over the engine runner (the CLI and the studio's worker), and the runner's
 * `childAgent` hook, so a skill's recipe that calls another agent's skill records that agent ran it.
 */
import type { Journal, Runner, RunnerDeps } from '../../engine';
import type { Agent } from '../format';
import type { JobPort } from './ports';

export function createRunnerJobPort(runner: Pick<Runner, 'start' | 'answer'>, journal: Pick<Journal, 'loadJob'>): JobPort {
  return {
    start: (recipe, input, who) =>
      runner.start(recipe, input, {
        user: who.user,
        agent: who.agent,
        handedBy: who.handedBy ?? null,
        ...(who.parentJob ? { parentJob: who.parentJob } : {})
      }),
    answer: (jobId, stepPath, choice, by) => runner.answer(jobId, stepPath, { choice, by: by.id }),
    get: (jobId) => journal.loadJob(jobId)
  };
}

/**
 * For `createRunner({ childAgent })`: when a job of agent A calls a recipe that is not A's own skill but
 * is a skill of one of the agents A hands on to (B), the child job records agent B, handed on by A.
 * Otherwise the runner's default (the parent's agent) stands.
 */
export function childAgentHook(agentById: (id: string) => Agent | undefined): NonNullable<RunnerDeps['childAgent']> {
  return (recipeId, parent) => {
    const agent = parent.agent ? agentById(parent.agent) : undefined;
    if (!agent || agent.skills.some((s) => s.recipe === recipeId)) return undefined;
    for (const id of agent.agents ?? []) {
      const other = agentById(id);
      if (other?.skills.some((s) => s.recipe === recipeId)) return { agent: other.id, handedBy: agent.id };
    }
    return undefined;
  };
}
