/** An object answer: a JSON object, or "key: value, key2: value2" (also "key=value; …", one per line). */

export function readObject(raw: string): Record<string, unknown> | undefined {
  const t = raw.trim();
  if (t.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(t);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  const out: Record<string, unknown> = {};
  const parts = t.split(/\s*(?:[,;\n]|\band\b|그리고)\s*(?=[\p{L}_][\p{L}\p{N}_ -]{0,40}\s*[:=])/u);
  for (const part of parts) {
    const m = /^([\p{L}_][\p{L}\p{N}_ -]{0,40}?)\s*[:=]\s*(.+)$/su.exec(part.trim());
    if (!m) return undefined;
    out[m[1].trim()] = m[2].trim().replace(/[,;]+$/, '').replace(/^["'](.*)["']$/, '$1');
  }
  return Object.keys(out).length ? out : undefined;
}
