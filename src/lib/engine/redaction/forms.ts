/**
 * The texts a secret may come back as. A server echoes what it was sent in the encoding of its answer:
 * inside a JSON string (escaped, by one of several libraries' rules), in a URL or a form body
 * (percent-encoded, with either case of hex), in an Authorization header (base64 of `user:password`),
 * or in an HTML page (entities). Each is a different string, so each must be blanked on its own.
 */

/** Every form of one secret value, the value itself first. */
export function secretEncodings(secret: string): string[] {
  const forms = new Set<string>(encodings(secret));
  // A server that trims what it was sent echoes the value without its outer spaces.
  const trimmed = secret.trim();
  if (trimmed !== secret && trimmed.length >= 4) for (const f of encodings(trimmed)) forms.add(f);
  return [...forms];
}

function encodings(secret: string): Set<string> {
  const forms = new Set<string>([secret]);
  for (const f of jsonForms(secret)) forms.add(f);
  const core = [...urlForms(secret), ...base64Forms(secret), ...htmlForms(secret)];
  for (const f of core) {
    forms.add(f);
    // PHP's json_encode writes `/` as `\/`, which base64 and some URL forms contain.
    forms.add(jsonEscape(f, JSON_DEFAULT));
    forms.add(jsonEscape(f, { ...JSON_DEFAULT, slash: true }));
  }
  return forms;
}

/** Basic auth sends base64 of `user:secret`: that base64 is as secret as the password. */
export function basicAuthEncodings(user: string, secret: string): string[] {
  const forms = new Set<string>();
  for (const f of base64Forms(`${user}:${secret}`)) {
    forms.add(f);
    forms.add(jsonEscape(f, { ...JSON_DEFAULT, slash: true }));
  }
  return [...forms];
}

interface JsonStyle {
  /** Characters past ASCII: as they are (JavaScript, Jackson, Go), or `\u00e9` (Python, PHP). */
  unicode: 'raw' | 'escaped';
  /** The hex of `\u` escapes (control characters too): lower (JavaScript, Python) or upper (Jackson). */
  upper: boolean;
  /** `\/` for `/` (PHP). */
  slash: boolean;
  /** `<`, `>`, `&` as `\u003c` (Go's encoding/json). */
  html: boolean;
}

const JSON_DEFAULT: JsonStyle = { unicode: 'raw', upper: false, slash: false, html: false };

function jsonForms(secret: string): string[] {
  const out: string[] = [];
  for (const unicode of ['raw', 'escaped'] as const) {
    for (const upper of [false, true]) {
      for (const slash of [false, true]) for (const html of [false, true]) out.push(jsonEscape(secret, { unicode, upper, slash, html }));
    }
  }
  // Every character escaped, and a JSON text that was itself put in a JSON string (an error body quoted
  // inside another service's error).
  out.push(allEscaped(secret, false), allEscaped(secret, true));
  out.push(jsonEscape(jsonEscape(secret, JSON_DEFAULT), JSON_DEFAULT));
  out.push(jsonEscape(jsonEscape(secret, { ...JSON_DEFAULT, unicode: 'escaped' }), JSON_DEFAULT));
  return out;
}

/** The inside of a JSON string for `text` (no quotes around it). */
export function jsonEscape(text: string, style: JsonStyle): string {
  let out = JSON.stringify(text).slice(1, -1);
  if (style.unicode === 'escaped') out = out.replace(/[\u0080-\uffff]/g, (c) => hex4(c.charCodeAt(0)));
  if (style.html) out = out.replace(/[<>&]/g, (c) => hex4(c.charCodeAt(0)));
  if (style.slash) out = out.replace(/\//g, '\\/');
  // Past an escaped backslash, a `u` is the secret's own letter, not an escape.
  if (style.upper) out = out.replace(/\\(?:\\|u[0-9a-f]{4})/g, (m) => (m.length === 2 ? m : `\\u${m.slice(2).toUpperCase()}`));
  return out;
}

function allEscaped(text: string, upper: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i), upper);
  return out;
}

function hex4(code: number, upper = false): string {
  const h = code.toString(16).padStart(4, '0');
  return `\\u${upper ? h.toUpperCase() : h}`;
}

function urlForms(secret: string): string[] {
  const out: string[] = [];
  const add = (encode: () => string) => {
    try {
      const f = encode();
      out.push(f, f.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    } catch {
      // A lone surrogate cannot be percent-encoded, so no server was sent it that way.
    }
  };
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
  // encodeURIComponent; RFC 3986 strict (`!'()*` too: Python's quote); PHP's urlencode (and `~`); each
  // with `%20` or, as forms write a space, `+`.
  for (const extra of [null, /[!'()*]/g, /[!'()*~]/g]) {
    for (const plus of [false, true]) {
      add(() => {
        let f = encodeURIComponent(secret);
        if (extra) f = f.replace(extra, hex);
        return plus ? f.replace(/%20/g, '+') : f;
      });
    }
  }
  add(() => encodeURI(secret));
  // application/x-www-form-urlencoded as URLSearchParams writes it (`*` kept, `~!'()` encoded).
  add(() => new URLSearchParams([['', secret]]).toString().slice(1));
  // Encoded twice, as a URL carried inside another URL's query.
  add(() => encodeURIComponent(encodeURIComponent(secret)));
  return out;
}

function base64Forms(text: string): string[] {
  const std = base64(text);
  const bare = std.replace(/=+$/, '');
  const url = bare.replace(/\+/g, '-').replace(/\//g, '_');
  return [std, bare, url, url + std.slice(bare.length)];
}

function htmlForms(secret: string): string[] {
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const numeric: Record<string, string> = { '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#x27;', '/': '&#x2F;' };
  return [
    secret.replace(/[&<>"']/g, (c) => named[c]),
    secret.replace(/[&<>"']/g, (c) => (c === "'" ? '&#x27;' : named[c])),
    secret.replace(/[&<>"'/]/g, (c) => numeric[c]),
    secret.replace(/[&<>"'/]/g, (c) => `&#${c.charCodeAt(0)};`)
  ];
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
