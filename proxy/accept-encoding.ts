/**
 * Which precompressed copies a client accepts, best first, from its Accept-Encoding header (RFC 9110
 * 12.5.3): brotli, then gzip; none when it named neither (or refused them with `q=0`). A wildcard `*` is
 * not taken as consent: a client that did not name an encoding gets the file as it is.
 */
export type Encoding = 'br' | 'gzip';

const PREFERENCE: Encoding[] = ['br', 'gzip'];

export function pickEncoding(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  return PREFERENCE.filter((encoding) => (weights.get(encoding) ?? 0) > 0).sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0));
}
