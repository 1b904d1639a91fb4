/**
 * The engine worker's client, shared by every page through a typed Svelte context (not a module
 * singleton): the app shell creates one client per tab and closes it when the shell goes away.
 *
 *   layout:  const engine = provideEngine(createEngineClient());
 *   a page:  const engine = getEngine(); await engine.run(recipeId, input);
 */
import { createContext } from 'svelte';
import type { EngineClient } from '../worker/client';

const [getEngineContext, setEngineContext, hasEngineContext] = createContext<EngineClient>();

/** The engine client the app shell created; call it during a component's initialisation. */
export function getEngine(): EngineClient {
  if (!hasEngineContext()) throw new Error('getEngine() was called outside the app shell, which provides the engine');
  return getEngineContext();
}

/** For the app shell (and a component test): make `client` what `getEngine()` answers below it. */
export function provideEngine(client: EngineClient): EngineClient {
  return setEngineContext(client);
}
