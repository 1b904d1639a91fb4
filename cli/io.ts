/** What a command gives back: lines on stdout and stderr, and an exit code (as the recipe format defines them). */

/** The exit codes of `sous`, from the recipe format's "Running a recipe without a browser". */
export const EXIT = {
  /** `run`: the job succeeded. `validate`: every file is a valid recipe. */
  ok: 0,
  /** `run`: the job failed or was cancelled. */
  failed: 1,
  /** Not a job's outcome: bad usage, a file that is not a (valid) recipe, bad input. Nothing ran. */
  invalid: 2,
  /** `run`: the job waits for an approval that no `--answer` gave. */
  waiting: 3,
  /** A bug in Sous itself (not in the recipe or the input). */
  internal: 4
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where the commands write (the terminal, in `sous.ts`). Each call is one line. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}
