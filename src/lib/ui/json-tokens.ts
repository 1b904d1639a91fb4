/** Pretty JSON cut into coloured pieces, for the viewer to draw as spans (no HTML is built from data). */
export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

// A key is a string followed by a colon; the rest is what JSON.stringify writes between them.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:\s]+)|(.)/gs;

export function jsonTokens(text: string): Token[] {
  const out: Token[] = [];
  const push = (kind: TokenKind, piece: string) => {
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += piece;
    else out.push({ kind, text: piece });
  };
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      push(m[2] !== undefined ? 'key' : 'string', m[1]);
      if (m[2] !== undefined) push('punct', m[2]);
    } else if (m[3] !== undefined) push('number', m[3]);
    else if (m[4] !== undefined) push('literal', m[4]);
    else push('punct', m[0]);
  }
  return out;
}
