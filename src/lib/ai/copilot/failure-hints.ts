/**
 * Basic mode of "why did this job fail and how do I fix it": rules over the failed step, the error code
 * and the message. Each hint says what happened in plain words and what to do.
 */
export interface FailureFacts {
  /** The failed step's id and, when known, its kind and connector. */
  step: string | null;
  connector?: string;
  action?: string;
  code?: string;
  message: string;
}

export interface FailureAdvice {
  mode: 'basic' | 'model';
  /** What went wrong, in one sentence. */
  cause: string;
  /** What to do, most likely fix first. */
  fixes: string[];
}

interface Hint {
  test: (code: string, message: string) => boolean;
  cause: (f: FailureFacts) => string;
  fixes: string[];
}

const status = (message: string) => Number(/\b(?:HTTP|status)\s*(\d{3})\b/i.exec(message)?.[1] ?? /\b([45]\d\d)\b/.exec(message)?.[1] ?? NaN);
const where = (f: FailureFacts) => (f.step ? `The step "${f.step}"` : 'A step');

const HINTS: Hint[] = [
  {
    test: (c) => c === 'needs_model',
    cause: (f) => `${where(f)} needs an on-device model, and none is chosen and downloaded: ${f.message}`,
    fixes: ['Open Models, download a model and choose it, then re-run from the failed step.', 'Or change the step to an action that works in basic mode.']
  },
  {
    test: (c) => c.startsWith('model_'),
    cause: (f) => `The on-device model could not give a valid answer for ${where(f).toLowerCase()}: ${f.message}`,
    fixes: ['Re-run from the failed step; a model may answer better the second time.', "Try a larger model on the Models page, or make the step's request simpler."]
  },
  {
    test: (c) => c === 'approval_timeout',
    cause: (f) => `Nobody answered the approval of ${where(f).toLowerCase()} in time.`,
    fixes: ['Give the approval a longer timeout, or answer it sooner from the Inbox.']
  },
  {
    test: (c) => c === 'call' || c.startsWith('call_'),
    cause: (f) => `${where(f)} calls another recipe, which is missing, refused the input, or failed: ${f.message}`,
    fixes: ["Open that recipe's own job for its error, or check that the recipe it calls exists and takes this input."]
  },
  {
    test: (c, m) => c === 'vault_locked' || c.includes('locked') || (c === 'connection' && /locked/i.test(m)),
    cause: (f) => `${where(f)} needed a connection's secret, but the connections vault was locked.`,
    fixes: ['Open Connections and unlock the vault with its passphrase, then re-run from the failed step.']
  },
  {
    test: (c) => c === 'proxy_upstream_unreachable' || c === 'proxy_timeout',
    cause: (f) => `${where(f)} could not reach the address it calls: ${f.message}`,
    fixes: ['Check that the address and port are right and that the service there is running.', 'Re-run from the failed step once it is up; add a retry to the step if it is often slow.']
  },
  {
    test: (c) => c === 'proxy_rate_limited',
    cause: (f) => `The studio's proxy held back ${where(f).toLowerCase()}: too many requests in a short time.`,
    fixes: ['Add a retry to the step (3 attempts, exponential backoff).', 'In a loop, lower its concurrency to 1.']
  },
  {
    test: (c) => c === 'proxy_request_too_large' || c === 'proxy_response_too_large',
    cause: (f) => `The data of ${where(f).toLowerCase()} was too large for the studio's proxy: ${f.message}`,
    fixes: ['Ask the API for less at once (a page, a filter, a smaller file).']
  },
  {
    test: (c) => c === 'proxy_forbidden_address',
    cause: (f) => `The studio's proxy refused the address ${where(f).toLowerCase()} calls: ${f.message}`,
    fixes: [
      'Check the address: the proxy refuses private, local and cloud metadata addresses unless they are allowed.',
      'If the address is right and yours, start the proxy with --allow for it (for example --allow 127.0.0.1).'
    ]
  },
  {
    test: (c) => c.startsWith('proxy_'),
    cause: (f) => `The studio's proxy did not send the request of ${where(f).toLowerCase()}: ${f.message}`,
    fixes: ['Open the studio from the address the proxy serves (start it with npm start) and try again.', 'Check the address the step calls.']
  },
  {
    test: (c) => c === 'not_allowed' || c === 'forbidden_action',
    cause: (f) => `${where(f)} tried something its connection is not allowed to do.`,
    fixes: ['Open Connections and check what this connection may do, or choose another connection for the step.', 'Ask the owner of the account to grant the permission.']
  },
  {
    test: (c) => c === 'duplicate',
    cause: (f) => `${where(f)} tried to create something that already exists: ${f.message}`,
    fixes: ['Look it up first (for example a vendor search) and create it only when none is found; the copilot does this for "new vendors".', 'Or use the existing record from the message instead of creating a new one.']
  },
  {
    test: (c) => c === 'connection',
    cause: (f) => `${where(f)} has no usable connection: ${f.message}`,
    fixes: ['Open Connections, create or pick the connection this recipe names, and choose it for the recipe.', 'Then re-run from the failed step.']
  },
  {
    test: (c, m) => ['input', 'missing_input', 'invalid_input', 'input_invalid'].includes(c) || (!c.startsWith('http_') && /required|missing/i.test(m)),
    cause: (f) => `${where(f)} did not get an input it needs: ${f.message}`,
    fixes: ["Open the step in the editor and fill in the input the message names, or point it at an earlier step's output with a data pill.", 'If the value comes from the trigger, check that the trigger gives it (try a run with sample input).']
  },
  {
    test: (c) => c === 'items',
    cause: (f) => `The loop ${where(f).toLowerCase().replace('the step ', '')} was not given a list: ${f.message}`,
    fixes: ['Open the loop and point "items" at a list, for example an earlier step\'s list output (a data pill shows which are lists).']
  },
  {
    test: (c) => c === 'expression' || c === 'bad_expression' || c.startsWith('expression'),
    cause: (f) => `An expression in ${where(f).toLowerCase()} could not be worked out: ${f.message}`,
    fixes: ['Open the step and check the text between {{ and }}: a step id, field name or bracket may be wrong.', 'Use a data pill to insert a value from an earlier step rather than typing its path.']
  },
  {
    test: (c, m) => c === 'http_401' || c === 'http_403' || [401, 403].includes(status(m)),
    cause: (f) => `The other side refused the credentials of ${where(f).toLowerCase()} (${status(f.message) || f.code}).`,
    fixes: ["Open Connections and check the connection's token or password; it may have expired.", 'Check that the step uses the right connection.']
  },
  {
    test: (c, m) => c === 'http_404' || status(m) === 404,
    cause: (f) => `The address ${where(f).toLowerCase()} called does not exist (404).`,
    fixes: ['Check the URL and any id inside it; an earlier step may have given an empty id.']
  },
  {
    test: (c, m) => c === 'http_429' || status(m) === 429,
    cause: (f) => `The other side said ${where(f).toLowerCase()} sent too many requests (429).`,
    fixes: ['Add a retry to the step (3 attempts, exponential backoff) so it waits and tries again.', 'In a loop, lower its concurrency to 1.']
  },
  {
    test: (c, m) => /^http_5\d\d$/.test(c) || (status(m) >= 500 && status(m) < 600),
    cause: (f) => `The other side had a problem of its own while ${where(f).toLowerCase()} called it (${status(f.message) || f.code}).`,
    fixes: ['Re-run from the failed step later; it is usually temporary.', 'Add a retry to the step so it tries again by itself.']
  },
  {
    test: (c) => c === 'timeout' || c === 'network' || c === 'network_error',
    cause: (f) => `${where(f)} could not reach the other side: ${f.message}`,
    fixes: ['Check that the address is right and the service is up, then re-run from the failed step.', 'Raise the timeout_ms input if the service is slow.']
  }
];

export function adviseBasic(facts: FailureFacts): FailureAdvice {
  const code = (facts.code ?? '').toLowerCase();
  const hint = HINTS.find((h) => h.test(code, facts.message));
  if (hint) return { mode: 'basic', cause: hint.cause(facts), fixes: hint.fixes };
  return {
    mode: 'basic',
    cause: `${where(facts)} failed${facts.code ? ` (${facts.code})` : ''}: ${facts.message}`,
    fixes: ["Open the failed step in the job and compare its input with what it needs.", 'Fix the step in the editor, then re-run the job from the failed step.']
  };
}
