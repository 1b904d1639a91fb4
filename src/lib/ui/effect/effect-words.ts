/**
 * The words for what a recipe or an action does to the world, in English and Korean. The studio has no
 * locale module yet, so the language is the browser's (Korean when it prefers Korean, else English).
 */
import type { RecipeEffect } from '../../connectors/effects';
import type { ActionEffect } from '../../connectors/sdk';

export type UiLang = 'en' | 'ko';

export function uiLang(languages: readonly string[] | undefined = globalThis.navigator?.languages): UiLang {
  return languages?.[0]?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const WORDS = {
  en: {
    read: 'Reads only',
    write: 'Changes data',
    readTip: 'No step changes data, so an agent or assistant runs it without asking first.',
    writeTip: (writes: string) => `Changes data with: ${writes}. An agent or assistant asks to confirm before it runs.`,
    action: { read: 'reads', write: 'writes', byInput: 'reads or writes' },
    repeat: { yes: 'safe to repeat', no: 'not safe to repeat' },
    byInputTip: 'Depends on the step: a GET reads, a POST writes.'
  },
  ko: {
    read: '읽기만 함',
    write: '데이터 변경',
    readTip: '데이터를 바꾸는 단계가 없어서, 에이전트나 어시스턴트가 묻지 않고 실행합니다.',
    writeTip: (writes: string) => `데이터를 바꾸는 단계: ${writes}. 에이전트나 어시스턴트가 실행 전에 확인을 받습니다.`,
    action: { read: '읽기', write: '쓰기', byInput: '읽기 또는 쓰기' },
    repeat: { yes: '반복해도 안전', no: '반복하면 안전하지 않음' },
    byInputTip: '단계에 따라 다릅니다: GET은 읽고, POST는 씁니다.'
  }
} as const;

/** The badge of a recipe: its label, and a tooltip listing the actions that write. */
export function recipeEffectWords(effect: RecipeEffect, lang: UiLang = uiLang()): { label: string; tip: string } {
  const w = WORDS[lang];
  if (effect.effect === 'read') return { label: w.read, tip: w.readTip };
  return { label: w.write, tip: w.writeTip(effect.writes.join(', ')) };
}

/** The tag of one action on the Connectors page; `byInput` when its effect depends on the step (http). */
export function actionEffectWords(action: { effect: ActionEffect; idempotent: boolean; effectOf?: unknown }, lang: UiLang = uiLang()): { label: string; tip: string } {
  const w = WORDS[lang];
  if (action.effectOf) return { label: w.action.byInput, tip: w.byInputTip };
  return { label: w.action[action.effect], tip: action.idempotent ? w.repeat.yes : w.repeat.no };
}
