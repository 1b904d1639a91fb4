/**
 * `crypto.randomUUID` where the browser leaves it out. It exists only in secure contexts (https, localhost),
 * so a workshop participant who opens the trainer's studio at http://LAN-IP:PORT has crypto.getRandomValues
 * but no randomUUID, and every id the studio makes would throw. Imported first by the page (hooks.client.ts)
 * and by the engine's worker; a browser that has it keeps its own.
 */
export function randomUuid(): `${string}-${string}-${string}-${string}-${string}` {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function fillRandomUuid(target: { crypto?: Crypto } = globalThis): void {
  const c = target.crypto;
  if (c && typeof c.randomUUID !== 'function') Object.defineProperty(c, 'randomUUID', { value: randomUuid, configurable: true, writable: true });
}

fillRandomUuid();
