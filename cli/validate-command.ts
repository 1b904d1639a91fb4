/** `sous validate`: every file checked; one line per problem on stderr, `FILE: ok` on stdout for the rest. */
import type { ValidateArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { readRecipeFile } from './files';

export async function validateCommand(args: ValidateArgs, io: Io): Promise<ExitCode> {
  let problems = 0;
  for (const file of args.files) {
    const result = await readRecipeFile(file);
    if (result.ok) {
      io.out(`${file}: ok`);
      continue;
    }
    problems += result.lines.length;
    for (const line of result.lines) io.err(line);
  }
  return problems === 0 ? EXIT.ok : EXIT.invalid;
}
