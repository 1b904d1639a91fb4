/**
 * Does a job match what a test expects (docs/pack-format.md)? Objects match when every key given matches
 * (extra keys are fine); lists element by element, with the same length; other values must be equal.
 * The answer is the first difference in words, or undefined when it matches.
 */
import type { ChatMessage } from '../connectors/chat';
import { quote, type Job } from '../recipe';
import type { Expect, ExpectedChat } from './schema';

export function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected a list of ${expected.length}, got ${describe(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} item${expected.length === 1 ? '' : 's'}, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object, got ${describe(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const has = Object.prototype.hasOwnProperty.call(actual, key);
      const at = path ? `${path}.${key}` : key;
      if (!has) return `${at}: expected ${quote(value)}, got nothing`;
      const found = firstDifference(value, (actual as Record<string, unknown>)[key], at);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) || expected === actual ? undefined : `${path}: expected ${quote(expected)}, got ${describe(actual)}`;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : quote(value);
}

/** The messages posted, in order, against the expected ones. */
export function chatDifference(expected: readonly ExpectedChat[], posted: readonly ChatMessage[]): string | undefined {
  if (posted.length !== expected.length) {
    return `chat: expected ${expected.length} message${expected.length === 1 ? '' : 's'}, got ${posted.length}${posted.length > 0 ? ` (${posted.slice(0, 3).map((m) => `#${m.channel}: ${quote(m.text, 60)}`).join('; ')})` : ''}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i];
    const got = posted[i];
    if (want.channel !== undefined && want.channel.replace(/^#/, '') !== got.channel.replace(/^#/, '')) return `chat[${i}].channel: expected ${quote(want.channel)}, got ${quote(got.channel)}`;
    if (want.text !== undefined && want.text !== got.text) return `chat[${i}].text: expected ${quote(want.text)}, got ${quote(got.text)}`;
    if (want.text_contains !== undefined && !got.text.includes(want.text_contains)) return `chat[${i}].text: expected it to contain ${quote(want.text_contains)}, got ${quote(got.text)}`;
  }
  return undefined;
}

/** The first way `job` (and the messages it posted) differs from `expect`, in the contract's order. */
export function jobDifference(expect: Expect, job: Job, posted: readonly ChatMessage[]): string | undefined {
  if (expect.status !== undefined && job.status !== expect.status) {
    const why = job.error ? ` (${job.error.step ? `${job.error.step}: ` : ''}${quote(job.error.message, 160).replace(/^"|"$/g, '')})` : '';
    return `status: expected ${expect.status}, got ${job.status}${why}`;
  }
  if (expect.error_step !== undefined && job.error?.step !== expect.error_step) {
    return `error_step: expected ${quote(expect.error_step)}, got ${job.error?.step ? quote(job.error.step) : 'no failed step'}`;
  }
  if (Object.prototype.hasOwnProperty.call(expect, 'output')) {
    const found = firstDifference(expect.output, job.output, 'output');
    if (found) return found;
  }
  for (const [stepId, output] of Object.entries(expect.steps ?? {})) {
    const record = [...job.steps].reverse().find((s) => s.step_id === stepId);
    if (!record) return `steps.${stepId}: expected the step to run, it did not`;
    const found = firstDifference(output, record.output, `steps.${stepId}`);
    if (found) return found;
  }
  return expect.chat ? chatDifference(expect.chat, posted) : undefined;
}
