/**
 * A mail's sender split into its name and its email (RFC 5322 `From`): `Bluefin Paper <ap@bluefin.example>`,
 * `"Kim, Dana" <dana@x.example>`, `ap@bluefin.example (Bluefin Paper)`, `<ap@x.example>`, `=?UTF-8?B?…?=`
 * encoded names. Recipes read `from_email` to find a vendor and `from_name` to name one, instead of
 * splitting the string themselves (a search with the whole string finds nothing and still succeeds).
 */

export interface Sender {
  /** The display name as a person reads it ("" when the mail gives none). */
  from_name: string;
  /** The address alone ("" when the sender has none that looks like one). */
  from_email: string;
  /** Why no email could be read from the sender, in plain words; absent when one was. */
  from_problem?: string;
}

const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/;
const EMAIL_IN_TEXT = /[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+/;

/** The sender's name and email; text with no address gives `from_email: ""` and a problem that says so. */
export function parseSender(raw: string): Sender {
  const text = decodeWords(raw ?? '').trim();
  const angle = angleAddress(text);
  if (angle) {
    const email = angle.email.trim();
    const name = displayName(text.slice(0, angle.start)) || displayName(text.slice(angle.end));
    if (EMAIL.test(email)) return { from_name: name, from_email: email };
    return { from_name: name, from_email: '', from_problem: noEmail(raw) };
  }
  const [bare, comment] = splitComment(text);
  if (EMAIL.test(bare)) return { from_name: displayName(comment), from_email: bare };
  // "Dana Kim dana@x.example" or an unclosed "<": an address among words; the words are the name.
  const found = EMAIL_IN_TEXT.exec(text);
  if (found) return { from_name: displayName(text.replace(found[0], ' ').replace(/[<>]/g, ' ')), from_email: found[0] };
  return { from_name: displayName(text), from_email: '', from_problem: noEmail(raw) };
}

function noEmail(raw: string): string {
  return raw.trim() ? `the sender "${raw.trim()}" has no email address` : 'the mail has no sender';
}

/** The first `<…>` outside quotes and comments, with where it starts and ends. */
function angleAddress(text: string): { email: string; start: number; end: number } | undefined {
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"' && depth === 0) quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === '<' && depth === 0) {
      const close = text.indexOf('>', i);
      if (close < 0) return undefined;
      return { email: text.slice(i + 1, close), start: i, end: close + 1 };
    }
  }
  return undefined;
}

/** `ap@x.example (Bluefin Paper)` → the address and the comment's text. */
function splitComment(text: string): [string, string] {
  const m = /^(\S+)\s*\((.*)\)$/.exec(text);
  return m ? [m[1], m[2]] : [text, ''];
}

/** A display name as a person reads it: quotes and escapes gone, spaces collapsed. */
function displayName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) out += text[++i];
    else if (c !== '"') out += c;
  }
  const name = out.replace(/\s+/g, ' ').trim();
  // A stray comma or semicolon left around the name (a list of one) says nothing.
  return name.replace(/^[,;\s]+|[,;\s]+$/g, '');
}

/** RFC 2047 encoded words (`=?UTF-8?B?7ZmN6ri464+Z?=`), as some mail programs write non-ASCII names. */
function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g, (whole, charset: string, kind: string, data: string) => {
      try {
        const bytes = kind.toUpperCase() === 'B' ? base64Bytes(data) : qBytes(data);
        return new TextDecoder(charset.toLowerCase(), { fatal: true }).decode(bytes);
      } catch {
        // An unknown charset or broken data: keep the text as it came, rather than guess.
        return whole;
      }
    });
}

function base64Bytes(data: string): Uint8Array {
  const binary = atob(data);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function qBytes(data: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}
