/**
 * The language the studio speaks now, as a rune: every `t()` in markup re-renders when the person switches,
 * with nothing reloaded (an unsaved edit stays). The choice is remembered in localStorage and followed by the
 * other open tabs; without one, the browser's languages decide (i18next's detector reads them).
 */
import LanguageDetector from 'i18next-browser-languagedetector';
import { createTranslator, type MessageKey, type MessageParams } from './translator';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, formatTag, isLocale, pickLocale, type Locale } from './locales';

const inBrowser = typeof window !== 'undefined';

function browserLanguages(): string[] {
  if (!inBrowser) return [];
  return [...(navigator.languages ?? [navigator.language])].filter(Boolean);
}

function detect(): Locale {
  if (!inBrowser) return DEFAULT_LOCALE;
  // The person's own choice first (remembered), then the browser's languages in order.
  const detector = new LanguageDetector(null, { order: ['localStorage', 'navigator'], lookupLocalStorage: LOCALE_STORAGE_KEY, caches: [] });
  const found = detector.detect();
  return pickLocale(Array.isArray(found) ? found : found ? [found] : []);
}

const state = $state({ locale: detect() });
const translator = createTranslator(state.locale);

if (inBrowser) {
  document.documentElement.lang = state.locale;
  window.addEventListener('storage', (event) => {
    if (event.key === LOCALE_STORAGE_KEY && isLocale(event.newValue)) apply(event.newValue);
  });
}

function apply(locale: Locale): void {
  state.locale = locale;
  if (inBrowser) document.documentElement.lang = locale;
}

/** The message for `key` in the current language (English where a language lacks one). */
export function t(key: MessageKey, params?: MessageParams): string {
  return translator.getFixedT(state.locale)(key, params as Record<string, unknown>) as string;
}

/** The message for `key` in a given language, whatever the studio speaks now. */
export function tIn(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translator.getFixedT(locale)(key, params as Record<string, unknown>) as string;
}

export const locale = {
  get current(): Locale {
    return state.locale;
  },
  /** The tag for `Intl` formatting: `en-GB` for a British browser speaking English, `ko-KR` for Korean. */
  get tag(): string {
    return formatTag(state.locale, browserLanguages());
  }
};

/** Switch the studio's language and remember the choice. */
export function setLocale(next: Locale): void {
  apply(next);
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
  } catch {
    // Storage refused (private mode, full): the switch still holds for this tab.
  }
}

/** `1,234.5` / `1,234.5` formatted for the current language. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale.tag, options).format(value);
}

/** A date and time formatted for the current language (`Dec 7, 2026, 9:00 AM` / `2026. 12. 7. 오전 9:00`). */
export function formatDateTime(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale.tag, options).format(at);
}
