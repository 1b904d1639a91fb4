/** `sous validate`: every file checked; one line per problem on stderr, `FILE: ok` on stdout for the rest. */
import { recipePolicyProblems } from '../src/lib/policy';
import type { ValidateArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { readPolicyOption, readRecipeFile } from './files';

export async function validateCommand(args: ValidateArgs, io: Io): Promise<ExitCode> {
  const read = await readPolicyOption(args.policy);
  if (!read.ok) {
    for (const line of read.lines) io.err(line);
    return EXIT.invalid;
  }
  const policy = read.policy;
  let problems = 0;
  for (const file of args.files) {
    const result = await readRecipeFile(file);
    const lines = result.ok ? (policy ? recipePolicyProblems(result.recipe, policy).map((p) => `${file}: ${p.message}`) : []) : result.lines;
    if (lines.length === 0) {
      io.out(`${file}: ok`);
      continue;
    }
    problems += lines.length;
    for (const line of lines) io.err(line);
  }
  return problems === 0 ? EXIT.ok : EXIT.invalid;
}
