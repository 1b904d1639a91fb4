/**
 * The language the agent parts of the studio speak: the studio's own (its switch, else the browser's).
 * Their words live in the i18n catalogue (`agents:`); templates carry their texts in both languages.
 */
import { locale, type Locale } from '$lib/i18n';

export type UiLang = Locale;

export function uiLang(): UiLang {
  return locale.current;
}
