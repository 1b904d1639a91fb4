/**
 * Why the studio's database did not open, in the person's language: a full disk during an upgrade (the
 * storage-full words), or anything else (site data blocked by the browser's settings, a broken profile)
 * with its own message. Until it opens, every page is empty, so this is said at once.
 */
import { t } from '$lib/i18n';
import { errorText } from './problem-text';

export function databaseProblem(err: unknown): string {
  const said = errorText(err);
  // The message goes mid-sentence: its own full stop would make two.
  return said === (err instanceof Error ? err.message : String(err)) ? t('app:database.failed', { message: said.replace(/\.\s*$/, '') }) : said;
}
