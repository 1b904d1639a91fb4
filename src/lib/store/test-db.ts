/** For the store's tests (which import 'fake-indexeddb/auto' first of all): a fresh database per test. */
import { parseRecipeText, type Recipe } from '../recipe';
import { SousDb } from './db';

export function freshDb(): SousDb {
  return new SousDb(`sous-test-${crypto.randomUUID()}`);
}

export function recipe(text: string): Recipe {
  const parsed = parseRecipeText(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.recipe;
}

/** What IndexedDB throws when the disk (or the origin's quota) is full. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}
