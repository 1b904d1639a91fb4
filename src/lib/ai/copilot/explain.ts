/**
 * Basic mode of "explain this recipe": a plain-language walk over the trigger and the steps, one line
 * each, indented by nesting. No model; the model-backed explainer gives the same shape.
 */
import type { Recipe, Step } from '../../recipe/schema';
import { describeTrigger } from './draft-basic';
import { pick, type Lang } from './lang';

export interface Explanation {
  mode: 'basic' | 'model';
  /** A one-sentence overview. */
  summary: string;
  /** One line per step, with its depth for indentation. */
  lines: Array<{ depth: number; step: string | null; text: string }>;
}

/** `{{ steps.look_up_vendor.vendors[0].id }}` reads as "(from step "look_up_vendor")" in prose: keep it short. */
function plain(text: string, lang: Lang): string {
  return text.replace(/\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const step = /\bsteps\.`?([A-Za-z0-9_-]+)/.exec(expr);
    if (step) return pick(lang, [`(from step "${step[1]}")`, `("${step[1]}" 단계의 값)`]);
    const trig = /^trigger\.([\w.[\]]+)/.exec(expr);
    if (trig) return pick(lang, [`(the trigger's ${trig[1]})`, `(트리거의 ${trig[1]})`]);
    return `(${expr.length > 40 ? pick(lang, ['a computed value', '계산된 값']) : expr})`;
  });
}

function actionText(step: Extract<Step, { kind: 'action' }>, lang: Lang): string {
  const inputs = Object.entries(step.input ?? {})
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .slice(0, 3)
    .map(([k, v]) => `${k} ${plain(String(v), lang)}`);
  const action = step.action.replace(/[._]/g, ' ');
  if (lang === 'ko') {
    return `${step.connector}의 ${action} 동작을 실행합니다${inputs.length ? ` (${inputs.join('; ')})` : ''}${step.retry ? `. 최대 ${step.retry.attempts}번 시도합니다` : ''}.`;
  }
  return `uses ${step.connector} to ${action}${inputs.length ? `, with ${inputs.join('; ')}` : ''}${step.retry ? `, trying up to ${step.retry.attempts} times` : ''}.`;
}

function describeStep(step: Step, lang: Lang): string {
  const label = step.name ? `"${step.name}": ` : '';
  const ko = lang === 'ko';
  switch (step.kind) {
    case 'action':
      return `${label}${actionText(step, lang)}`;
    case 'if': {
      const what = plain(step.condition.includes('{{') ? step.condition : `{{ ${step.condition} }}`, lang).replace(/^\(|\)$/g, '');
      return ko
        ? `${label}${what}인지 확인하고, 그렇다면 아래 단계를 실행합니다${step.else?.length ? '. 아니면 "그렇지 않으면" 아래 단계를 실행합니다' : ''}.`
        : `${label}checks whether ${what}; if so, it runs the steps below${step.else?.length ? ', otherwise the ones under "otherwise"' : ''}.`;
    }
    case 'foreach':
      return ko
        ? `${label}${plain(step.items, lang)}의 각 요소${step.as ? `("${step.as}")` : ''}마다 다음을 실행합니다:`
        : `${label}goes through each element of ${plain(step.items, lang)}${step.as ? `, calling it "${step.as}"` : ''}, and for each one:`;
    case 'try':
      return ko
        ? `${label}아래 단계를 실행하고, 그중 하나가 실패하면 "실패하면" 아래 단계를 실행합니다.`
        : `${label}runs the steps below, and if one fails, runs the steps under "if it fails".`;
    case 'set':
      return ko ? `${label}뒤의 단계를 위해 ${Object.keys(step.values).join(', ')}을(를) 기억합니다.` : `${label}remembers ${Object.keys(step.values).join(', ')} for later steps.`;
    case 'approval':
      return approvalText(step, label, lang);
    case 'call':
      return ko ? `${label}"${step.recipe}" 레시피를 실행하고 결과를 기다립니다.` : `${label}runs the recipe "${step.recipe}" and waits for its result.`;
    case 'stop':
      return ko
        ? `${label}작업을 ${step.outcome === 'success' ? '성공' : '실패'}(으)로 끝냅니다${step.message ? `: "${plain(step.message, lang)}"` : ''}.`
        : `${label}ends the job as a ${step.outcome}${step.message ? `, saying "${plain(step.message, lang)}"` : ''}.`;
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

function approvalText(step: Extract<Step, { kind: 'approval' }>, label: string, lang: Lang): string {
  if (lang === 'ko') {
    const who = step.assignee ?? '담당자';
    const what = step.choices ? `${step.choices.join(' 또는 ')} 중에서 고르도록` : '승인 또는 거절하도록';
    return `${label}받은 편지함에서 ${who}에게 ${what} 요청하고${step.timeout ? ` (최대 ${step.timeout} 기다림)` : ''} 답을 기다립니다.`;
  }
  return `${label}asks ${step.assignee ?? 'someone'} to ${step.choices ? `choose ${step.choices.join(' or ')}` : 'approve or reject'} in the inbox${step.timeout ? ` (waiting at most ${step.timeout})` : ''}, and waits for the answer.`;
}

/** The recipe in plain words, in `lang` (the studio's language: explaining has no request to read it from). */
export function explainBasic(recipe: Recipe, lang: Lang = 'en'): Explanation {
  const ko = lang === 'ko';
  const lines: Explanation['lines'] = [{ depth: 0, step: null, text: ko ? `${describeTrigger(recipe.trigger, lang)} 시작합니다.` : `It starts ${describeTrigger(recipe.trigger)}.` }];
  const walk = (steps: Step[], depth: number) => {
    for (const step of steps) {
      lines.push({ depth, step: step.id, text: `${step.disabled ? pick(lang, ['(Turned off) ', '(꺼짐) ']) : ''}${describeStep(step, lang)}` });
      if (step.kind === 'if') {
        walk(step.then, depth + 1);
        if (step.else?.length) {
          lines.push({ depth, step: null, text: pick(lang, ['Otherwise:', '그렇지 않으면:']) });
          walk(step.else, depth + 1);
        }
      } else if (step.kind === 'foreach') walk(step.steps, depth + 1);
      else if (step.kind === 'try') {
        walk(step.steps, depth + 1);
        lines.push({ depth, step: null, text: pick(lang, ['If it fails:', '실패하면:']) });
        walk(step.catch, depth + 1);
      }
    }
  };
  walk(recipe.steps, 0);
  const count = lines.filter((l) => l.step !== null).length;
  const summary = ko
    ? `"${recipe.name}"은(는) ${describeTrigger(recipe.trigger, lang)} 시작하며 단계가 ${count}개 있습니다.${recipe.description ? ` 설명: ${recipe.description}` : ''}`
    : `"${recipe.name}" starts ${describeTrigger(recipe.trigger)} and has ${count} step${count === 1 ? '' : 's'}.${recipe.description ? ` Its description: ${recipe.description}` : ''}`;
  return { mode: 'basic', summary, lines };
}
