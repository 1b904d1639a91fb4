/**
 * The `*.json` files of a `--recipes DIR` folder (not its subfolders), and whether a file's data claims to be
 * a recipe (`"format": "sous.recipe/…"`): shared by `sous run`'s callable recipes and `sous serve`'s started ones.
 */
import { readdir } from 'node:fs/promises';
import { describeFsError } from './files';

export async function listJsonFiles(dir: string): Promise<{ ok: true; names: string[] } | { ok: false; message: string }> {
  try {
    const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && d.name.endsWith('.json')).map((d) => d.name);
    return { ok: true, names: names.sort() };
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ENOENT';
    return { ok: false, message: `--recipes ${dir}: ${missing ? 'no such folder' : describeFsError(err)}` };
  }
}

/** Whether parsed JSON data says it is a recipe file (input and expectation files beside recipes do not). */
export function claimsRecipeFormat(data: unknown): data is { format: string } & Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && typeof (data as { format?: unknown }).format === 'string'
    && (data as { format: string }).format.startsWith('sous.recipe/');
}
