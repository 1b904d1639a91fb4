/** Checking a typed answer against its field's type, with the reason in the person's language when it does not fit. */
import type { Field } from '../../../recipe';
import { descriptionOptions } from '../extract/options';
import type { Lang } from '../lang';
import { readBoolean } from './boolean';
import { readDate } from './date';
import { readItems } from './items';
import { readList } from './list';
import { readNumber } from './number';
import { readObject } from './object';
import { reason } from './reasons';
import { answerText, readEmail, wantsEmail } from './text-value';

function listedChoice(field: Field, text: string): string | undefined {
  return descriptionOptions(field).find((o) => o.toLowerCase() === text.trim().toLowerCase());
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

const fail = (key: Parameters<typeof reason>[0], lang: Lang): Parsed => ({ ok: false, reason: reason(key, lang) });

/**
 * The value `raw` gives `field`, or why it gives none. `now` is what "today"/"내일" count from.
 * A number is digits ("two" is refused), a date becomes YYYY-MM-DD, a list of objects is read by its items.
 */
export function parseFieldValue(field: Field, raw: string, lang: Lang, now: Date = new Date()): Parsed {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  if (!input.trim()) return fail(field.type === 'file' ? 'file' : 'empty', lang);
  switch (field.type) {
    case 'text': {
      const text = answerText(field, input);
      if (!text) return fail('empty', lang);
      if (wantsEmail(field)) {
        const email = readEmail(text);
        return email ? { ok: true, value: email } : fail('email', lang);
      }
      // A field whose description lists its choices takes a choice typed in another case as written ("Sick" → sick);
      // anything else stays as typed (the app says whether it is one), not mapped by meaning.
      return { ok: true, value: listedChoice(field, text) ?? text };
    }
    case 'number': {
      const n = readNumber(answerText(field, input));
      return n === undefined || !Number.isFinite(n) ? fail('number', lang) : { ok: true, value: n };
    }
    case 'boolean': {
      const b = readBoolean(answerText(field, input));
      return b === undefined ? fail('boolean', lang) : { ok: true, value: b };
    }
    case 'date': {
      const d = readDate(answerText(field, input), now);
      return d.ok ? { ok: true, value: d.value } : fail(d.why, lang);
    }
    case 'list': {
      if (field.items?.length) {
        const r = readItems(field.items, input, lang, (f, v) => parseFieldValue(f, v, lang, now));
        return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
      }
      const list = readList(input);
      return list ? { ok: true, value: list } : fail('list', lang);
    }
    case 'object': {
      const obj = readObject(input);
      return obj ? { ok: true, value: obj } : fail('object', lang);
    }
    case 'file':
      return fail('file', lang);
    default: {
      const never: never = field.type;
      return { ok: false, reason: String(never) };
    }
  }
}
