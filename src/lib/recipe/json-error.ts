/**
 * Where a text stops being JSON, so the message can name the line and column. `JSON.parse` gives a
 * position for some errors only (V8's "Unexpected token" has none, and quotes the text instead), so
 * this small scanner, run only after `JSON.parse` failed, finds the place itself. It keeps its own
 * stack: a file of 100,000 `[` cannot overflow it.
 */
export interface JsonError {
  /** Offset of the first character that cannot be JSON (the text's length at its unexpected end). */
  offset: number;
  problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The first place `text` is not JSON, or undefined when the scanner finds none. */
export function findJsonError(text: string): JsonError | undefined {
  let i = 0;
  const stack: string[] = [];
  const fail = (problem?: string): JsonError => ({
    offset: i,
    problem: problem ?? (i >= text.length ? 'unexpected end of the text' : `unexpected ${JSON.stringify(text[i])}`)
  });
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): JsonError | undefined => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) return fail();
      const c = text[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return fail('a bad escape inside a string');
        i = ESCAPE.lastIndex;
        continue;
      }
      if (c < ' ') return fail(c === '\n' || c === '\r' ? 'unexpected line break inside a string' : 'unexpected control character inside a string');
      i++;
    }
  };
  /** A key and its colon, after `{` or a comma inside an object. */
  const key = (): JsonError | undefined => {
    space();
    if (text[i] !== '"') return fail();
    const bad = string();
    if (bad) return bad;
    space();
    if (text[i] !== ':') return fail();
    i++;
    return undefined;
  };

  for (;;) {
    // a value
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      space();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{') {
          const bad = key();
          if (bad) return bad;
        }
        continue;
      }
    } else if (c === '"') {
      const bad = string();
      if (bad) return bad;
    } else {
      const pattern = c === '-' || (c >= '0' && c <= '9') ? NUMBER : WORD;
      pattern.lastIndex = i;
      if (!pattern.test(text)) return fail();
      i = pattern.lastIndex;
    }
    // after a value: close what it ends, or go on to the next element
    for (;;) {
      space();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? fail() : undefined;
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          const bad = key();
          if (bad) return bad;
        }
        break;
      }
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        continue;
      }
      return fail();
    }
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
}
