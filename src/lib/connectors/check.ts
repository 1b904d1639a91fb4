/**
 * "Check connection": ask a connector whether a connection works. Runs where the secrets are opened (the
 * engine's worker, or the CLI), with a time limit, and always answers in plain words, never by throwing.
 */
import type { CheckResult, ConnectorDef } from './sdk';

export const CHECK_TIMEOUT_MS = 15_000;

export async function checkConnection(
  connector: ConnectorDef | undefined,
  connection: Readonly<Record<string, string>>,
  options: { offer?: string; timeoutMs?: number; signal?: AbortSignal } = {}
): Promise<CheckResult> {
  if (!connector) return { ok: false, message: 'Sous does not know this connection’s connector, so it cannot check it.' };
  if (!connector.check) return { ok: null, message: `${connector.label} connections have no check; a recipe that uses this one will show whether it works.` };
  const timeout = AbortSignal.timeout(options.timeoutMs ?? CHECK_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await connector.check(connection, { signal, offer: options.offer });
  } catch (err) {
    if (timeout.aborted) return { ok: false, message: `No answer within ${duration(options.timeoutMs ?? CHECK_TIMEOUT_MS)}: the service may be down or the address wrong.` };
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`;
}
