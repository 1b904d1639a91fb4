/** Job and step states in words: the studio's language, with the machine word kept where they differ. */
import { t } from '$lib/i18n';
import type { JobStatus, StepStatus } from '../recipe';

/** A status in the studio's language (`성공`, `succeeded`). */
export function statusWord(status: JobStatus | StepStatus): string {
  return t(`common:status.${status}`);
}

/**
 * A status for a sentence or an accessible name: the word, and the machine word beside it where they differ
 * (`성공 succeeded`), so a person can match it with the JSON and the command line.
 */
export function statusText(status: JobStatus | StepStatus): string {
  const word = statusWord(status);
  return word === status ? word : `${word} ${status}`;
}
