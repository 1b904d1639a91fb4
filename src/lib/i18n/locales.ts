/** The languages the studio speaks, and how a browser's languages map onto them. Pure: no DOM, no state. */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The name of each language in itself, for the switch (a person looks for their own language's name). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** Where the person's own choice is remembered; without one the browser's languages decide. */
export const LOCALE_STORAGE_KEY = 'sous.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages the studio speaks (`ko-KR` → `ko`), else English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/**
 * The BCP 47 tag dates and numbers are formatted with: the browser's own tag when it is in the chosen
 * language (so `en-GB` keeps day-first dates), else the language's usual region.
 */
export function formatTag(locale: Locale, languages: readonly string[]): string {
  const own = languages.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === locale);
  return own ?? (locale === 'ko' ? 'ko-KR' : 'en-US');
}
