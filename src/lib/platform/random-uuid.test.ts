import { describe, expect, it } from 'vitest';
import { fillRandomUuid, randomUuid } from './random-uuid';

describe('randomUUID where an insecure origin leaves it out', () => {
  it('makes version 4 UUIDs, each different', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fills a crypto without one and leaves one that has it', () => {
    const bare = { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) } as unknown as Crypto;
    fillRandomUuid({ crypto: bare });
    expect(bare.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
    const own = () => 'own' as const;
    const secure = { randomUUID: own } as unknown as Crypto;
    fillRandomUuid({ crypto: secure });
    expect(secure.randomUUID).toBe(own);
  });
});
