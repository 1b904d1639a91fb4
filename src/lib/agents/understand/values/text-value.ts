/** A text answer: the value itself, without "it's …" / "the name is …" around it or a Korean copula after it. */
import type { Field } from '../../../recipe';
import { fieldLabels } from '../extract/labels';
import { isEmailField } from '../fields';
import { cleanValue, hasHangul, stripCopula, trimPunct, unquote } from '../text';

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/;

function spaced(name: string): string {
  return name.replace(/[_-]+/g, ' ');
}

/** "it's Acme Ltd", "the name is Acme Ltd", "name: Acme Ltd" → "Acme Ltd". */
export function answerText(field: Field, raw: string): string {
  let t = trimPunct(unquote(raw));
  const names = [field.name, spaced(field.name), field.description ?? ''].filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const named = new RegExp(`^(?:the\\s+|my\\s+|our\\s+)?(?:${names.join('|')})\\s*(?:is|=|:|should be|will be)\\s+`, 'i');
  t = t.replace(named, '');
  t = t.replace(/^(?:please\s+)?(?:it'?s|it is|that'?s|that is|its|call it|use|make it)\s+/i, '').replace(/^please\s+/i, '');
  t = t.replace(/,?\s+(?:please|thanks|thank you)$/i, '');
  if (hasHangul(t)) {
    // "이름은 한빛이에요", "주소: 서울시 …": the field named first, then its value.
    for (const label of fieldLabels(field).filter((l) => /[\uac00-\ud7a3]/.test(l))) {
      const m = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:은|는|이|가)?\\s*[:：]?\\s+`).exec(t);
      if (m) {
        t = t.slice(m[0].length);
        break;
      }
    }
    t = t.replace(/\s*(?:주세요|줘요|줘|부탁해요|부탁합니다|부탁드려요)$/, '');
    t = stripCopula(t);
  }
  return cleanValue(t) || t;
}

export function readEmail(raw: string): string | undefined {
  const t = raw.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '');
  return EMAIL.test(t) ? t : undefined;
}

export function wantsEmail(field: Field): boolean {
  return isEmailField(field);
}
