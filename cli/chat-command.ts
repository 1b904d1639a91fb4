/**
 * `sous chat`: a conversation with an agent in the terminal (docs/agent-format.md, "The conversation in a
 * terminal"), on the same conversation module as the studio, in basic mode. Each `--say` is one message;
 * the sandbox apps are seeded afresh and everything is kept in memory, so parallel runs share nothing.
 */
import { createBasicChooser } from '../src/lib/agents/choosers';
import { childAgentHook, createRunnerJobPort, newConversation, say, type ConversationPorts } from '../src/lib/agents/conversation';
import type { Turn } from '../src/lib/agents/turn';
import { recipeEffect, type RecipeEffect } from '../src/lib/connectors/effects';
import type { ChatArgs } from './args';
import { loadChatWorld } from './chat-load';
import { transcript } from './chat-transcript';
import { EXIT, type ExitCode, type Io } from './io';
import { cliUser } from './run-command';
import { cliSession } from './session';
import { consoleToStderr } from './quiet-console';

export async function chatCommand(args: ChatArgs, io: Io): Promise<ExitCode> {
  if (args.json) consoleToStderr(io);
  const loaded = await loadChatWorld(args);
  if (!loaded.ok) {
    for (const line of loaded.lines) io.err(line);
    return EXIT.invalid;
  }
  const { agent, agents, recipes } = loaded.world;
  const session = cliSession(recipes, cliUser(), { childAgent: childAgentHook((id) => agents.get(id)) });
  const effects = new Map<string, RecipeEffect>();
  const ports: ConversationPorts = {
    agent: (id) => agents.get(id),
    recipe: (id) => session.recipe(id),
    effect(id) {
      const recipe = session.recipe(id);
      if (!recipe) return { effect: 'write', idempotent: false, writes: [`${id}: unknown recipe`] };
      if (!effects.has(id)) effects.set(id, recipeEffect(recipe, { connectors: session.connectors, recipe: session.recipe }));
      return effects.get(id)!;
    },
    chooser: createBasicChooser(),
    jobs: createRunnerJobPort(session.runner, session.journal),
    user: session.user
    // No `now`: the turns carry no `at` (the contract's --json shows none).
  };

  let state = newConversation(agent.id);
  for (const text of args.say) state = (await say(state, text, ports)).state;

  const jobs = await session.jobs();
  const turns = state.turns.map(withoutAt);
  if (args.json) io.out(JSON.stringify({ agent: agent.id, turns, jobs }, null, 2));
  else for (const line of transcript(turns, agents, jobs)) io.out(line);
  return EXIT.ok;
}

function withoutAt(turn: Turn): Turn {
  const { at: _at, ...rest } = turn;
  return rest as Turn;
}
