/**
 * The studio's translator: i18next over the catalogues, one instance per locale choice. Plain TypeScript with
 * no DOM, so the worker, the command line and tests can use it; `locale.svelte.ts` makes it reactive.
 *
 * i18next (rather than code of our own) gives plural rules per language from `Intl.PluralRules`, number and
 * date interpolation, fallbacks to English for a key a language lacks, and the browser-language detector.
 */
import { createInstance, type i18n } from 'i18next';
import { RESOURCES, NAMESPACES, type MessageKey } from './catalog';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

export type { MessageKey } from './catalog';

/** Values put into a message (`{{name}}`); `count` also picks the plural form. */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

export function createTranslator(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = createInstance();
  void instance.init({
    resources: RESOURCES as unknown as Record<string, Record<string, object>>,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: NAMESPACES,
    defaultNS: 'common',
    // Svelte escapes what it renders; escaping here too would show `&amp;` to the person.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/** `t` bound to one language, for code outside the studio's reactive state (tests, the worker). */
export function fixedT(locale: Locale): (key: MessageKey, params?: MessageParams) => string {
  const instance = createTranslator(locale);
  return (key, params) => instance.t(key, params as Record<string, unknown>) as string;
}
