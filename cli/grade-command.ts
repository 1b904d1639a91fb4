/** `sous grade PACK DIR [--json]`: a workshop's submissions checked against the pack's exercises. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gradeAll, gradeTable, type Submission } from '../src/lib/exercises';
import { parsePackText } from '../src/lib/packs';
import { formatIssue } from '../src/lib/recipe';
import type { GradeArgs } from './args';
import { describeFsError, readText } from './files';
import { pooledFetch } from './http-pool';
import { EXIT, type ExitCode, type Io } from './io';

export async function gradeCommand(args: GradeArgs, io: Io): Promise<ExitCode> {
  const text = await readText(args.pack);
  if (!text.ok) return refuse(io, [`sous: ${args.pack}: ${text.message}`]);
  const parsed = parsePackText(text.value);
  if (!parsed.ok) return refuse(io, parsed.issues.map((issue) => `sous: ${args.pack}: ${formatIssue(issue)}`));
  let names: string[];
  try {
    names = (await readdir(args.dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.recipe.json')).map((e) => e.name).sort();
  } catch (err) {
    return refuse(io, [`sous: ${args.dir}: cannot read the folder: ${describeFsError(err)}`]);
  }
  const submissions: Submission[] = [];
  for (const name of names) {
    const read = await readText(join(args.dir, name));
    // An unreadable file gets its row like a broken one: the rest are still graded.
    submissions.push(read.ok ? { file: name, text: read.value } : { file: name, text: '', unreadable: read.message });
  }
  const rows = await gradeAll(parsed.pack, submissions, { fetch: pooledFetch });
  if (args.json) io.out(JSON.stringify({ rows }, null, 2));
  else {
    if (rows.length === 0) io.err(`sous: no *.recipe.json files in ${args.dir}`);
    for (const line of gradeTable(rows)) io.out(line);
  }
  return EXIT.ok;
}

function refuse(io: Io, lines: string[]): ExitCode {
  for (const line of lines) io.err(line);
  return EXIT.invalid;
}
