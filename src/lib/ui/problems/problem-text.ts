/**
 * A lint problem or a refused run's reason in the studio's language. Lint gives every problem a stable
 * `code` and `params` beside its English `message`; the words for each code are in the `problems`
 * namespace (`problems:lint.<code>`). A problem without a code, or with one the studio has no words for
 * (a newer lint, a reason from elsewhere), is shown as its message.
 */
import { t, type MessageKey } from '$lib/i18n';
import { notAllowedIn } from '../../access/not-allowed';
import { LINT_CODES, type LintCode } from '../../lint/codes';
import type { StartReason } from '../../triggers/lifecycle';

export interface ProblemLike {
  message: string;
  /** Lint's code for the problem, when it has one; the words in either language come from it. */
  code?: string;
  params?: Record<string, string | number>;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLintCode(code: unknown): code is LintCode {
  return typeof code === 'string' && (LINT_CODES as readonly string[]).includes(code);
}

/** Words the store's StorageFullError (and the bare browser error) always has, also inside a longer message. */
const STORAGE_FULL = /storage for Sous is full, so (.+?) could not be saved\.|QuotaExceededError/;

/**
 * An error's message to show a person: a write refused for lack of space, or refused by the person's
 * role, in the studio's language (their messages are English, from the store or the worker); anything
 * else as it is.
 */
export function errorText(err: unknown): string {
  return errorTextWith(t, err);
}

export function errorTextWith(translate: Translate, err: unknown): string {
  const message = err instanceof Error ? err.message : typeof err === 'object' && err && 'message' in err ? String(err.message) : String(err);
  const refused = notAllowedIn(message);
  if (refused) return translate(`governance:notAllowed.${refused.permission}`, { role: translate(`governance:roles.${refused.role}`) });
  const full = STORAGE_FULL.exec(message) ?? (err instanceof Error && err.name === 'QuotaExceededError' ? [''] : null);
  if (!full) return message;
  return translate('problems:storageFull.message', { what: full[1] ?? translate('problems:storageFull.this') });
}

/** A reason Start refused (src/lib/triggers/lifecycle), in the studio's current language. */
export function startReasonText(reason: StartReason): string {
  return startReasonTextWith(t, reason);
}

export function startReasonTextWith(translate: Translate, reason: StartReason): string {
  const { code, params = {} } = reason;
  if (!code || !code.startsWith('start.')) return problemTextWith(translate, reason);
  if (code === 'start.lint' && reason.inner) {
    const place = params.where === 'step' ? translate('problems:start.placeStep', { step: params.step ?? '' }) : translate(params.where === 'trigger' ? 'problems:start.placeTrigger' : 'problems:start.placeRecipe');
    return translate('problems:start.lint', { n: params.n ?? '', total: params.total ?? '', place, problem: problemTextWith(translate, reason.inner) });
  }
  const text = translate(`problems:${code}` as MessageKey, params);
  return text && !text.startsWith('start.') ? text : reason.message;
}

/** The problem in the studio's current language. */
export function problemText(problem: ProblemLike | string): string {
  return problemTextWith(t, problem);
}

/** The problem in the language of `translate` (tests give a fixed language). */
export function problemTextWith(translate: Translate, problem: ProblemLike | string): string {
  if (typeof problem === 'string') return errorTextWith(translate, problem);
  if (!isLintCode(problem.code)) return errorTextWith(translate, problem.message);
  const params = localParams(translate, problem.params ?? {});
  const text = translate(`problems:lint.${problem.code}` as MessageKey, params);
  // A key i18next cannot find comes back as itself: the message then says it better.
  return text && !text.startsWith('lint.') ? text : problem.message;
}

/** Parameters that are words, said in the current language: types, given values, places. */
function localParams(translate: Translate, params: Record<string, string | number>): Record<string, string | number> {
  const out = { ...params };
  if (typeof params.expected === 'string' && /^[a-z|]+$/.test(params.expected)) {
    out.expected = params.expected
      .split('|')
      .map((type) => (TYPE_WORDS.has(type) ? translate(`problems:words.${type}` as MessageKey) : type))
      .join(translate('problems:words.or'));
  }
  if (typeof params.given === 'string') out.given = givenWords(translate, params.given);
  if (typeof params.steps === 'string') out.places = placeWords(translate, params.steps);
  return out;
}

const TYPE_WORDS = new Set(['string', 'number', 'integer', 'boolean']);

function givenWords(translate: Translate, json: string): string {
  if (json === '[…]') return translate('problems:words.list');
  if (json === '{…}') return translate('problems:words.object');
  if (json.startsWith('"')) return translate('problems:words.text', { value: json });
  if (/^-?\d/.test(json)) return translate('problems:words.theNumber', { value: json });
  return json;
}

/** `["", "a"]` → "the trigger and step "a"": the places a connection is used, as step ids (`""`: the trigger). */
function placeWords(translate: Translate, steps: string): string {
  let ids: unknown;
  try {
    ids = JSON.parse(steps);
  } catch {
    return steps;
  }
  if (!Array.isArray(ids)) return steps;
  return ids
    .map((id) => (id === '' ? translate('problems:words.trigger') : translate('problems:words.step', { id: String(id) })))
    .join(translate('problems:words.and'));
}
