/** Why the database did not open, in words: a full disk in the storage-full words, anything else with its message in one sentence. */
import { describe, expect, it } from 'vitest';
import { databaseProblem } from './database-problem';

describe('databaseProblem', () => {
  it('puts the browser’s own message in one sentence, without a second full stop', () => {
    const err = Object.assign(new Error('The user denied permission to access the database.'), { name: 'OpenFailedError' });
    expect(databaseProblem(err)).toBe('The studio could not open its data in this browser: The user denied permission to access the database. Nothing was changed; reload the page to try again.');
  });

  it('says a full disk during an upgrade in the storage-full words', () => {
    const err = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(databaseProblem(err)).toMatch(/full/);
    expect(databaseProblem(err)).not.toMatch(/could not open its data/);
  });
});
