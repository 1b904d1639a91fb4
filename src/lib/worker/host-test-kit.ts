/**
 * For the worker's tests: a host whose imports also start the recipe, as a person would press Start. A
 * manual or callable recipe has no trigger to start (Start refuses it), so it is only imported.
 */
import type { EngineHost } from './host';

export function startingImports<H extends Pick<EngineHost, 'importRecipe' | 'startRecipe'>>(host: H): H {
  return {
    ...host,
    async importRecipe(text: string) {
      const result = await host.importRecipe(text);
      const kind = result.ok ? result.recipe.trigger.kind : undefined;
      if (result.ok && kind !== 'manual' && kind !== 'callable') {
        const started = await host.startRecipe(result.recipe.id, result.version);
        if (!started.ok) throw new Error(`recipe "${result.recipe.id}" could not start: ${started.reasons.join('; ')}`);
      }
      return result;
    }
  };
}
