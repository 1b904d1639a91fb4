/**
 * Basic mode of "why did this job fail and how do I fix it": rules over the failed step, the error code
 * and the message. Each hint says what happened in plain words and what to do, in English or Korean (the
 * words are in the `problems` namespace, `problems:hints.*`). The same rules give PlainError its words
 * (`plainAdvice`: the cause without the technical message, which it folds away).
 *
 * Plain TypeScript with no studio state, since the command line and the worker load the copilot too: the
 * language is given, else read from `<html lang>` (the studio keeps it set to the language it speaks).
 */
import type { MessageKey } from '../../i18n/catalog';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n/locales';
import { fixedT } from '../../i18n/translator';

export interface FailureFacts {
  /** The failed step's id and, when known, its kind and connector. */
  step: string | null;
  connector?: string;
  action?: string;
  code?: string;
  message: string;
}

export interface FailureAdvice {
  mode: 'basic' | 'model';
  /** What went wrong, in one sentence. */
  cause: string;
  /** What to do, most likely fix first. */
  fixes: string[];
}

/** The hints by their words' key in `problems:hints`; `fixes` is how many fixes (`fix1`, `fix2`) it has. */
export type HintKey =
  | 'needs_model' | 'model' | 'approval_timeout' | 'call' | 'vault_locked' | 'unreachable' | 'proxy_rate_limited'
  | 'too_large' | 'forbidden_address' | 'proxy_other' | 'not_allowed' | 'duplicate' | 'not_recipe' | 'not_set_up'
  | 'connection' | 'input' | 'items' | 'expression' | 'auth' | 'not_found' | 'too_many' | 'server' | 'network' | 'storage_full' | 'other';

interface Hint {
  key: HintKey;
  test: (code: string, message: string) => boolean;
  fixes: 1 | 2;
}

const status = (message: string) => Number(/\b(?:HTTP|status)\s*(\d{3})\b/i.exec(message)?.[1] ?? /\b([45]\d\d)\b/.exec(message)?.[1] ?? NaN);
/** What the browser or Node says when nothing answers: no code of ours, only these words. */
const UNREACHABLE_WORDS = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|fetch failed|failed to fetch|networkerror|load failed|timed? ?out/i;

const HINTS: Hint[] = [
  // First: a job stopped by a full disk says so whatever step it was at (its message names no step's fault).
  { key: 'storage_full', test: (c, m) => c === 'storage_full' || /storage for Sous is full|QuotaExceededError/.test(m), fixes: 2 },
  { key: 'needs_model', test: (c) => c === 'needs_model', fixes: 2 },
  { key: 'model', test: (c) => c.startsWith('model_'), fixes: 2 },
  { key: 'approval_timeout', test: (c) => c === 'approval_timeout', fixes: 1 },
  { key: 'call', test: (c) => c === 'call' || c.startsWith('call_'), fixes: 1 },
  { key: 'vault_locked', test: (c, m) => c === 'vault_locked' || c.includes('locked') || (c === 'connection' && /locked/i.test(m)), fixes: 1 },
  { key: 'unreachable', test: (c) => c === 'proxy_upstream_unreachable' || c === 'proxy_timeout', fixes: 2 },
  { key: 'proxy_rate_limited', test: (c) => c === 'proxy_rate_limited', fixes: 2 },
  { key: 'too_large', test: (c) => c === 'proxy_request_too_large' || c === 'proxy_response_too_large', fixes: 1 },
  { key: 'forbidden_address', test: (c) => c === 'proxy_forbidden_address', fixes: 2 },
  { key: 'proxy_other', test: (c) => c.startsWith('proxy_'), fixes: 2 },
  { key: 'not_allowed', test: (c) => c === 'not_allowed' || c === 'forbidden_action', fixes: 2 },
  { key: 'duplicate', test: (c) => c === 'duplicate', fixes: 2 },
  // A dropped PDF reads as `unexpected "%"` to the recipe parser: say what the file is not, not the parser's words.
  { key: 'not_recipe', test: (c, m) => c === 'not_a_recipe' || c === 'not_recipe' || /%PDF|unexpected "%"|not a (sous )?recipe/i.test(m), fixes: 2 },
  { key: 'not_set_up', test: (c, m) => c === 'connection_not_set_up' || (c === '' && /connection .* is not set up/i.test(m)), fixes: 2 },
  { key: 'connection', test: (c) => c === 'connection', fixes: 2 },
  {
    key: 'input',
    test: (c, m) => ['input', 'missing_input', 'invalid_input', 'input_invalid'].includes(c) || (!c.startsWith('http_') && /required|missing/i.test(m)),
    fixes: 2
  },
  { key: 'items', test: (c) => c === 'items', fixes: 1 },
  {
    key: 'expression',
    test: (c, m) => c === 'expression' || c === 'bad_expression' || c.startsWith('expression') || (c === '' && /expression .* (is not valid|could not)/i.test(m)),
    fixes: 2
  },
  { key: 'auth', test: (c, m) => c === 'http_401' || c === 'http_403' || [401, 403].includes(status(m)), fixes: 2 },
  { key: 'not_found', test: (c, m) => c === 'http_404' || status(m) === 404, fixes: 1 },
  { key: 'too_many', test: (c, m) => c === 'http_429' || status(m) === 429, fixes: 2 },
  { key: 'server', test: (c, m) => /^http_5\d\d$/.test(c) || (status(m) >= 500 && status(m) < 600), fixes: 2 },
  { key: 'network', test: (c, m) => c === 'timeout' || c === 'network' || c === 'network_error' || UNREACHABLE_WORDS.test(m), fixes: 2 }
];

const translators = new Map<Locale, ReturnType<typeof fixedT>>();
function translator(lang: Locale): ReturnType<typeof fixedT> {
  let found = translators.get(lang);
  if (!found) translators.set(lang, (found = fixedT(lang)));
  return found;
}

/** The studio's language where there is a page (it keeps `<html lang>` set), else English. */
function pageLanguage(): Locale {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** Which hint fits the failure; `other` when none does. */
export function hintFor(facts: Pick<FailureFacts, 'code' | 'message'>): HintKey {
  const code = (facts.code ?? '').toLowerCase();
  return HINTS.find((h) => h.test(code, facts.message))?.key ?? 'other';
}

function words(facts: FailureFacts, lang: Locale, detail: string): { key: HintKey; cause: string; fixes: string[] } {
  const t = translator(lang);
  const key = hintFor(facts);
  const fixes = HINTS.find((h) => h.key === key)?.fixes ?? 2;
  const where = facts.step ? t('problems:hints.where.step', { step: facts.step }) : t('problems:hints.where.any');
  // English lower-cases the whole phrase mid-sentence (as it always has); Korean has no case.
  const lower = (text: string) => (lang === 'en' ? text.toLowerCase() : text);
  const params = {
    where,
    whereLc: lower(where),
    loop: facts.step ? t('problems:hints.where.loop', { step: lower(facts.step) }) : t('problems:hints.where.loopAny'),
    detail,
    status: String(status(facts.message) || facts.code),
    code: facts.code ? ` (${facts.code})` : '',
    open: '{{',
    close: '}}'
  };
  const say = (part: string) => t(`problems:hints.${key}.${part}` as MessageKey, params);
  return { key, cause: say('cause'), fixes: fixes === 2 ? [say('fix1'), say('fix2')] : [say('fix1')] };
}

export function adviseBasic(facts: FailureFacts, lang: Locale = pageLanguage()): FailureAdvice {
  const { cause, fixes } = words(facts, lang, `: ${facts.message}`);
  return { mode: 'basic', cause, fixes };
}

/** For PlainError: which hint, the cause in plain words (the technical message left out) and the fixes. */
export function plainAdvice(facts: FailureFacts, lang: Locale = pageLanguage()): { key: HintKey; cause: string; fixes: string[] } {
  return words(facts, lang, '.');
}
