/**
 * "Why did this job fail, and how do I fix it" without a model: advice by the error's code, the same
 * codes the engine and connectors write. Honest about being a rule: it restates the error and says
 * where to look, and never invents a cause.
 */
import type { Job } from '../../recipe';

export interface BasicAdvice {
  mode: 'basic';
  cause: string;
  fix: string;
}

type Rule = { test: (code: string) => boolean; fix: (step: string) => string };

const RULES: Rule[] = [
  { test: (c) => c === 'http_401' || c === 'http_403', fix: () => 'The other system refused the sign-in. Open Connections, check the connection this step uses (its token or password), and run the job again.' },
  { test: (c) => c === 'http_404', fix: (s) => `The address step "${s}" calls does not exist. Check the URL (and any value put into it) in the step's input.` },
  { test: (c) => c === 'http_400' || c === 'http_422', fix: (s) => `The other system refused what step "${s}" sent. Compare the step's input with what that system expects.` },
  { test: (c) => /^http_5\d\d$/.test(c) || c === 'network' || c === 'timeout', fix: (s) => `The other system was down or slow. Add a retry to step "${s}", or run the job again later (Re-run from the failed step keeps what worked).` },
  { test: (c) => c === 'expression', fix: (s) => `A {{ }} expression in step "${s}" is wrong or reads a value that is not there. Open the step in the editor: the field with the problem is named in the error.` },
  { test: (c) => c === 'input', fix: (s) => `Step "${s}" got an input it cannot take. Open it in the editor and fill in the fields the error names.` },
  { test: (c) => c === 'connection', fix: () => 'The recipe needs a connection this machine does not have (or the vault is locked). Open Connections, set it up or unlock the vault, and run again.' },
  { test: (c) => c === 'needs_model', fix: () => 'Open Models, download a model and choose it, or change the step to an action that works in basic mode.' },
  { test: (c) => c.startsWith('model_'), fix: () => 'The on-device model could not give a valid answer. Try again, try a larger model on the Models page, or make the step\'s request simpler.' },
  { test: (c) => c === 'approval_timeout', fix: () => 'Nobody answered the approval in time. Give the approval a longer timeout, or answer it sooner from the Inbox.' },
  { test: (c) => c.startsWith('call'), fix: (s) => `Step "${s}" calls another recipe that is missing, refused the input, or failed. Open that recipe's job for its own error.` }
];

export function explainFailureBasic(job: Job): BasicAdvice | undefined {
  if (!job.error) return undefined;
  const step = job.error.step ?? 'the failed step';
  const rule = RULES.find((r) => r.test(job.error!.code));
  return {
    mode: 'basic',
    cause: `Step "${step}" failed: ${job.error.message}`,
    fix: rule ? rule.fix(step) : `Open step "${step}" to see its input and error; fix the recipe or the other system, then re-run from the failed step.`
  };
}
