/** Reading the files the command line is given. Expected failures are returned as one-line messages. */
import { readFile } from 'node:fs/promises';
import { formatIssue, parseRecipeText, type Recipe } from '../src/lib/recipe';
import { parsePolicyText, type Policy } from '../src/lib/policy';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** The file's text, or why it cannot be read ("no such file", "is a folder", …). */
export async function readText(file: string): Promise<Read<string>> {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (err) {
    return { ok: false, message: `cannot read the file: ${describeFsError(err)}` };
  }
}

/** A recipe file, or one line per problem, each `FILE: PLACE: MESSAGE` (the `validate` format). */
export async function readRecipeFile(file: string): Promise<{ ok: true; recipe: Recipe } | { ok: false; lines: string[] }> {
  const text = await readText(file);
  if (!text.ok) return { ok: false, lines: [`${file}: ${text.message}`] };
  const parsed = parseRecipeText(text.value);
  if (!parsed.ok) return { ok: false, lines: parsed.issues.map((issue) => `${file}: ${formatIssue(issue)}`) };
  return { ok: true, recipe: parsed.recipe };
}

/** A `--policy` file, or one line per problem (`FILE: PLACE: MESSAGE`). */
export async function readPolicyFile(file: string): Promise<{ ok: true; policy: Policy } | { ok: false; lines: string[] }> {
  const text = await readText(file);
  if (!text.ok) return { ok: false, lines: [`sous: --policy ${file}: ${text.message}`] };
  const parsed = parsePolicyText(text.value);
  if (!parsed.ok) return { ok: false, lines: parsed.issues.map((issue) => `${file}: ${formatIssue(issue)}`) };
  return parsed;
}

/** An optional `--policy` option: no file, no policy; a file that is not one, its problem lines. */
export async function readPolicyOption(file: string | undefined): Promise<{ ok: true; policy?: Policy } | { ok: false; lines: string[] }> {
  return file === undefined ? { ok: true } : readPolicyFile(file);
}

/** Any JSON file (the `--input`). */
export async function readJsonFile(file: string): Promise<Read<unknown>> {
  const text = await readText(file);
  if (!text.ok) return text;
  try {
    // A byte-order mark (some Windows editors write one) is not JSON; drop it.
    return { ok: true, value: JSON.parse(text.value.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function describeFsError(err: unknown): string {
  switch ((err as { code?: string }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
