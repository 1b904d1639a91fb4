/**
 * The words a person may use to name a field in a message ("address", "주소", "order number", "주문번호"):
 * its name, its name with `_` as a space, a short description, and the synonyms of the concepts its name
 * holds. Words too loose to name a field on their own ("no", "when", "called") are left out.
 */
import type { Field } from '../../../recipe';
import { features } from '../features';
import { CONCEPTS } from '../synonyms';

const LOOSE = new Set(['called', 'named', 'title', 'when', 'how much', 'how many', 'number of', 'value', 'no', 'text', 'left', 'where',
  'open', 'due', 'pending', 'from', 'day', 'date', 'note', 'unit', 'units', 'pieces', 'pcs', 'count', 'ref', 'code', 'number', 'id',
  'check', 'name', 'list', 'get', 'find', 'see', 'view', 'read', 'total', 'sum', 'cost', '날', '대기', '확인']);

function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
}

const cache = new WeakMap<Field, string[]>();

export function fieldLabels(field: Field): string[] {
  const hit = cache.get(field);
  if (hit) return hit;
  const labels = new Set<string>([field.name.toLowerCase(), spaced(field.name)]);
  const description = (field.description ?? '').trim();
  if (description && description.split(/\s+/).length <= 3) labels.add(description.toLowerCase().replace(/[.:]$/, ''));
  const concepts = [...features(spaced(field.name))].filter((f) => f.startsWith('c:')).map((f) => f.slice(2));
  const words = (concept: string) => (CONCEPTS[concept] ?? []).filter((w) => !LOOSE.has(w));
  if (concepts.length === 1) for (const w of words(concepts[0])) labels.add(w);
  if (concepts.length === 2) {
    const [a, b] = concepts.map((c) => CONCEPTS[c] ?? []);
    for (const x of a) for (const y of b) {
      const ko = /[\uac00-\ud7a3]/;
      if (ko.test(x) !== ko.test(y)) continue;
      labels.add(`${x} ${y}`);
      if (ko.test(x)) labels.add(`${x}${y}`);
    }
  }
  const out = [...labels].filter((l) => l.length >= 2).sort((a, b) => b.length - a.length);
  cache.set(field, out);
  return out;
}
