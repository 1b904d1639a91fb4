/** `sous run --connector [ID=]FILE`: OpenAPI documents imported as connectors for one run. */
import { readFile } from 'node:fs/promises';
import { buildOpenApiConnector, connectorIdProblem, parseOpenApi, suggestConnectorId } from '../src/lib/connectors/openapi';
import type { ConnectorRegistry } from '../src/lib/connectors/sdk';

export async function loadOpenApiConnectors(
  specs: readonly { id?: string; file: string }[],
  registry: ConnectorRegistry
): Promise<{ ok: true } | { ok: false; message: string }> {
  for (const spec of specs) {
    let text: string;
    try {
      text = await readFile(spec.file, 'utf8');
    } catch (err) {
      return { ok: false, message: `--connector ${spec.file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    }
    try {
      const parsed = parseOpenApi(text);
      const id = spec.id ?? suggestConnectorId(parsed.info?.title);
      const problem = connectorIdProblem(id, registry.list().map((c) => c.id));
      if (problem) return { ok: false, message: `--connector ${spec.file}: the id "${id}" cannot be used: ${problem}` };
      registry.register(buildOpenApiConnector({ id, label: parsed.info?.title ?? id, parsed }));
    } catch (err) {
      return { ok: false, message: `--connector ${spec.file}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return { ok: true };
}
