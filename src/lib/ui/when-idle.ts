/**
 * Start background work once the page has drawn: when `after` settles (a promise, or a delay in ms: the
 * browser is idle while a page waits for IndexedDB, so idleness alone comes too early), then when idle, at
 * most `timeoutMs` after that; the work may import its code then. Answers a stop that works before the start too (a page left at once).
 * A start that fails is reported in plain words, not thrown.
 */
export function whenIdle(start: () => Promise<(() => void) | void>, report: (problem: string) => void, after: number | Promise<unknown> = 400, timeoutMs = 1500): () => void {
  let stopped = false;
  let stop: (() => void) | void;
  const begin = () =>
    start().then(
      (got) => (stopped ? got?.() : (stop = got)),
      (err) => stopped || report(`could not start the studio's background work: ${err instanceof Error ? err.message : String(err)}`)
    );
  let idle: number | undefined;
  const ready = typeof after === 'number' ? new Promise((resolve) => setTimeout(resolve, after)) : after;
  void ready.then(() => {
    if (stopped) return;
    // Safari has no requestIdleCallback: at once there.
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => void begin(), { timeout: timeoutMs });
    else void begin();
  });
  return () => {
    stopped = true;
    if (idle !== undefined) cancelIdleCallback(idle);
    stop?.();
  };
}
