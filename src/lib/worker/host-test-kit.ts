/** For the worker's tests: a host whose imports also start the recipe, as a person would press Start. */
import type { EngineHost } from './host';

export function startingImports<H extends Pick<EngineHost, 'importRecipe' | 'startRecipe'>>(host: H): H {
  return {
    ...host,
    async importRecipe(text: string) {
      const result = await host.importRecipe(text);
      if (result.ok) {
        const started = await host.startRecipe(result.recipe.id, result.version);
        if (!started.ok) throw new Error(`recipe "${result.recipe.id}" could not start: ${started.reasons.join('; ')}`);
      }
      return result;
    }
  };
}
