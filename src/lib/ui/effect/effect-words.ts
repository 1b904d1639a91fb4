/**
 * The words for what a recipe or an action does to the world, in English and Korean (the jobs catalogue's
 * `effect` words): in the studio's language unless a language is asked for.
 */
import { locale, tIn } from '$lib/i18n';
import type { RecipeEffect } from '../../connectors/effects';
import type { ActionEffect } from '../../connectors/sdk';

export type UiLang = 'en' | 'ko';

export function uiLang(languages: readonly string[] | undefined = globalThis.navigator?.languages): UiLang {
  return languages?.[0]?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The badge of a recipe: its label, and a tooltip listing the actions that write. */
export function recipeEffectWords(effect: RecipeEffect, lang: UiLang = locale.current): { label: string; tip: string } {
  if (effect.effect === 'read') return { label: tIn(lang, 'jobs:effect.read'), tip: tIn(lang, 'jobs:effect.readTip') };
  return { label: tIn(lang, 'jobs:effect.write'), tip: tIn(lang, 'jobs:effect.writeTip', { writes: effect.writes.join(', ') }) };
}

/** The tag of one action on the Connectors page; `byInput` when its effect depends on the step (http). */
export function actionEffectWords(action: { effect: ActionEffect; idempotent: boolean; effectOf?: unknown }, lang: UiLang = locale.current): { label: string; tip: string } {
  if (action.effectOf) return { label: tIn(lang, 'jobs:effect.actionByInput'), tip: tIn(lang, 'jobs:effect.byInputTip') };
  const label = tIn(lang, action.effect === 'read' ? 'jobs:effect.actionRead' : 'jobs:effect.actionWrite');
  return { label, tip: tIn(lang, action.idempotent ? 'jobs:effect.repeatYes' : 'jobs:effect.repeatNo') };
}
