/** For tests and the bench: the OpenAPI documents kept in tests/fixtures/openapi (large ones gzipped). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../../tests/fixtures/openapi/', import.meta.url));

export function readFixture(name: string): string {
  const buf = readFileSync(DIR + name);
  return (name.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** The large real-world specs, with how many operations each has (counted independently in the test). */
export const LARGE_SPECS = [
  { file: 'github-api.json.gz', name: 'GitHub REST API' },
  { file: 'stripe.json.gz', name: 'Stripe API' },
  { file: 'jira.json.gz', name: 'Jira Cloud platform REST API' }
] as const;
