/** The studio's languages: `t()` for words, `formatNumber` / `formatDateTime` for figures (see README.md). */
export { t, tIn, locale, setLocale, formatNumber, formatDateTime } from './locale.svelte';
export { LOCALES, LOCALE_NAMES, type Locale } from './locales';
export type { MessageKey, MessageParams } from './translator';
