/**
 * A lint problem or a refused run's reason in the studio's language. (First version: the English message as
 * lint wrote it; the problems namespace fills in the words per problem code.)
 */
export interface ProblemLike {
  message: string;
  /** Lint's code for the problem, when it has one; the words in either language come from it. */
  code?: string;
  params?: Record<string, string | number>;
}

export function problemText(problem: ProblemLike | string): string {
  return typeof problem === 'string' ? problem : problem.message;
}
