/**
 * Which field a person means when they name one ("the address", "vendor name", "주소", "업체명"):
 * by the field's name (also with `_` as a space), by the synonym table, or by words of its description.
 */
import type { Field } from '../../recipe';
import { features } from './features';
import { squash, stripParticle } from './text';

function spacedName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
}

/** The mention as comparable text: without "the", "my", possessives and Korean particles at its end. */
function normalizeMention(mention: string): string {
  const m = squash(mention.replace(/'s\b/g, '')).replace(/^(?:the|my|our|your|its|their|a|an)\s+/, '');
  // Only a real particle goes: "국가" keeps its 가, "국가를" loses its 를.
  return stripParticle(m, ['은', '는', '이', '가', '을', '를', '으로', '로', '의']).trim();
}

/** "from_date"/"to_date": in a field's name, from and to say start and end (elsewhere they are stopwords). */
function withDirection(words: string, f: Set<string>): Set<string> {
  if (/(^|\s)(from|since|begin)(\s|$)/.test(words)) f.add('c:start');
  if (/(^|\s)(to|until|till|thru)(\s|$)/.test(words)) f.add('c:end');
  return f;
}

const fieldFeatureCache = new WeakMap<Field, { name: Set<string>; description: Set<string> }>();

function fieldFeatures(field: Field): { name: Set<string>; description: Set<string> } {
  let f = fieldFeatureCache.get(field);
  if (!f) {
    f = { name: withDirection(spacedName(field.name), features(spacedName(field.name))), description: features(field.description ?? '') };
    fieldFeatureCache.set(field, f);
  }
  return f;
}

/** How well `mention` names `field`, in [0, 1]; 1 for its exact name. */
export function mentionScore(mention: string, field: Field): number {
  const m = normalizeMention(mention);
  if (!m) return 0;
  const spaced = spacedName(field.name);
  if (m === field.name.toLowerCase() || m === spaced || m.replace(/\s+/g, '') === spaced.replace(/\s+/g, '')) return 1;
  const desc = (field.description ?? '').toLowerCase().trim();
  if (desc && m === squash(desc)) return 0.95;
  const mf = withDirection(m, features(m));
  if (mf.size === 0) return 0;
  const { name, description } = fieldFeatures(field);
  let hits = 0;
  let nameHit = false;
  for (const feature of mf) {
    if (name.has(feature)) {
      hits += 1;
      nameHit = true;
    } else if (description.has(feature)) hits += 0.6;
  }
  // The last word a person says is what they name ("vendor name" names the name): a field that misses it is weaker.
  const score = hits / mf.size;
  return nameHit ? score : score * 0.9;
}

/** The one field `mention` names, or undefined when none fits well or two fit as well. */
export function resolveField(mention: string, fields: Field[], min = 0.5): Field | undefined {
  let best: Field | undefined;
  let bestScore = 0;
  let tie = false;
  for (const field of fields) {
    const s = mentionScore(mention, field);
    if (s > bestScore + 1e-9) {
      best = field;
      bestScore = s;
      tie = false;
    } else if (best && Math.abs(s - bestScore) <= 1e-9 && s > 0) tie = true;
  }
  return best && !tie && bestScore >= min ? best : undefined;
}

function hasConcept(field: Field, concept: string): boolean {
  const { name, description } = fieldFeatures(field);
  return name.has(`c:${concept}`) || (!name.size && description.has(`c:${concept}`));
}

/** A text field meant for an email address (by its name, or by its description when the name says nothing). */
export function isEmailField(field: Field): boolean {
  if (field.type !== 'text') return false;
  if (/(^|[_\s-])e?-?mail([_\s-]|$)|email/i.test(field.name)) return true;
  return fieldFeatures(field).name.size === 0 ? hasConcept(field, 'mail') : false;
}

/** A text field that holds an identifier or code: order_id, sku, invoice_number, code, ref. */
export function isIdField(field: Field): boolean {
  if (field.type !== 'text') return false;
  return /(^|[_\s-])(id|ids|no|number|num|code|sku|ref|reference|key)$|Id$|^sku$/i.test(field.name) || /^(id|sku|code)$/i.test(field.name);
}

/** The words of a field's name, for matching a code's prefix ("ORD-1003" → the order_id field). */
export function nameWords(field: Field): string[] {
  return spacedName(field.name).split(' ').filter(Boolean);
}

export function fieldHasConcept(field: Field, concept: string): boolean {
  return hasConcept(field, concept);
}
