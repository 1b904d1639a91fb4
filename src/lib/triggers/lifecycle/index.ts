/** Whether a recipe version may start (its triggers fire by themselves): the reasons it may not. */
export { startProblems, startReasons, lintReasons, SHOWN_LINT_PROBLEMS, type StartCatalog, type StartInputs, type StartReason } from './start-problems';
