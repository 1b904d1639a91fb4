/**
 * The clauses no rule read, grounded in the catalogue. After the rules have blanked the words they used,
 * what is left is cut into clauses (at punctuation, "and"/"then", Korean connective endings); each clause
 * that names an operation and a thing the catalogue has ("update the vendor", "기록을 추가") becomes an
 * action step where it was said, its inputs filled from what the steps before it give; a clause that asks
 * for something nothing matches becomes a stated assumption and a question, never silence.
 */
import type { DraftBuilder } from './draft-builder';
import { OPERATION_WORDS, processTerm, type CatalogueHit, type CatalogueSearch } from './catalogue-search';
import { messageText, type StepRule } from './rule';
import { channelName } from './words';
import { OUTPUT, out } from './outputs';
import type { CatalogView } from './catalog-view';
import { event, type TriggerFound } from './trigger-rules';
import type { Lang } from './lang';

export interface Clause {
  text: string;
  start: number;
}

/**
 * Where a clause ends: punctuation, arrows, English connectives, Korean connective endings (kept in the
 * clause), and a run of blanks where a rule read words (what is on either side of them was said apart).
 */
const CUT = /(?:[.;!?,](?!\d)|\n)+|\s(?:->|→|=>|-)\s|\s{4,}|\b(?:and|then|but|so|also|after\s+that)\b|(?<=[\uac00-\ud7a3](?:고|서|면|며))(?=\s)|(?<=\s(?:때|때만|다음|뒤|후|후에))(?=\s)/giu;

/** The clauses of a text whose used words are blanked (positions kept), with where each starts. */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim()) clauses.push({ text: piece.trim().replace(/\s+/g, ' '), start: from + lead });
  };
  for (const m of text.matchAll(CUT)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return clauses;
}

/** A clause that opens on these is no command: "the order", "it is", "in sales". */
const NOT_A_VERB = /^(?:a|an|the|its|their|our|my|your|this|that|these|those|it|they|we|i|you|he|she|in|on|at|of|for|to|from|with|by|as|if|when|so|just|only|then|also|is|are|was|be)\b/i;

/** Words that carry no step of their own: "have AI …", "let it …", a recipe (a call step says it). */
const FILLER = new Set(['have', 'let', 'run', 'make', 'use', 'using', 'ai', 'want', 'need', 'like', 'recipe', '레시피', '실행', '실행해줘', '정말', '바로']);

/** The words of a clause that can mean something (not "the", not a number, not an address or a channel). */
function contentWords(text: string): string[] {
  const plain = text.replace(/https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|#[\w가-힣-]+|\d[\d,.]*/g, ' ');
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => processTerm(w))
    .filter((w): w is string => !!w && (w.length > 2 || /[\uac00-\ud7a3]/.test(w)) && !FILLER.has(w));
}

const KOREAN_OPERATIONS = [...OPERATION_WORDS].filter((op) => /[\uac00-\ud7a3]/.test(op));

function isOperation(word: string): boolean {
  return OPERATION_WORDS.has(word) || KOREAN_OPERATIONS.some((op) => word.startsWith(op));
}

/** Whether a clause asks for an operation: a word the catalogue's verbs know, or a Korean request ending. */
function asksSomething(text: string): boolean {
  // A word after an article or a possessive is a thing, not a verb: "the customer's email", "a mail".
  const words = contentWords(text.replace(/\b(?:the|a|an|their|its|his|her|our|your|my|[\w-]+'s)\s+(?:[\w'-]+\s+)?[\w'-]+/gi, (m) => m.replace(/\S+$/, '')));
  if (words.some(isOperation)) return true;
  // An English clause of three words or more that opens with a verb-like word, not an article or a
  // pronoun ("translate the customer note into French"), is a part of the request too.
  if (words.length >= 3 && !/[\uac00-\ud7a3]/.test(text) && !/^(?:a|an|the|its|their|our|my|your|this|that|these|those|it|they|we|i|you|he|she|\d)\b/i.test(text)) return true;
  return /[\uac00-\ud7a3](?:해\s*줘|해\s*주세요|하기|해라)(?=\s|$)/.test(text);
}

/**
 * The left-over text with only whole words: a word a rule read part of ("them" of "email them") is what
 * that rule used, and addresses, links and channels are values, not clauses, so both are blanked.
 */
function intactWords(leftover: string, said: string): string {
  let text = leftover;
  for (const m of said.matchAll(/https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S+/g)) {
    const piece = leftover.slice(m.index, m.index + m[0].length);
    const value = /^(?:https?:|[\w.+-]+@)/.test(m[0]);
    if (value || (piece !== m[0] && piece.trim() !== '')) text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  return text;
}

export interface Grounded {
  clause: Clause;
  hit?: CatalogueHit;
}

/**
 * Each left-over clause that asks for something: the catalogue action it grounds in (a verb and a noun of
 * the same entry both said), or no hit when nothing does. Actions the draft has already are left to it.
 */
export function groundClauses(leftover: string, said: string, search: CatalogueSearch, taken: (connector: string, action: string) => boolean, topic?: { connector: string; noun: string }): Grounded[] {
  const out: Grounded[] = [];
  for (const clause of clausesOf(intactWords(leftover, said))) {
    const words = contentWords(clause.text);
    if (words.length < 2) continue;
    const hits = search.search(clause.text, 'action', 3);
    // "reserve stock": a verb nothing here knows, said of a thing the apps have, is a part not to drop.
    const ofThing = /^[a-z]+\s/i.test(clause.text) && !NOT_A_VERB.test(clause.text) && hits.some((h) => Object.values(h.match).some((f) => f.includes('things')));
    if (!asksSomething(clause.text) && !ofThing) continue;
    // A clause whose best match is a step the draft has already is that step's words ("API를 호출하고").
    if (hits[0] && taken(hits[0].connector, hits[0].name)) continue;
    // "approve or reject it": "it" is what the trigger brings, so a verb of an action on that thing is enough.
    const pronoun = /\b(?:it|them|this|that|one)\b/i.test(clause.text) && topic;
    const hit = hits.find((h) => search.grounds(h)) ?? (pronoun ? hits.find((h) => h.connector === topic.connector && h.name.startsWith(`${topic.noun}.`) && Object.values(h.match).some((f) => f.includes('verbs'))) : undefined);
    if (hit && taken(hit.connector, hit.name)) continue;
    if (!hit && hits.some((h) => taken(h.connector, h.name))) continue;
    // Verbs alone ("create", "call") are what is left of a clause a rule read: nothing to ask about.
    if (hit || words.some((w) => !isOperation(w))) out.push({ clause, hit });
  }
  return out;
}

/** The concept an `id` input means, by the action's noun: `vendors.update` → `vendor_id`. */
function idConcept(action: string): string {
  const noun = action.split('.')[0].replace(/_/g, ' ');
  const singular = noun.replace(/ies$/, 'y').replace(/s$/, '').replace(/ /g, '_');
  return singular === 'leave' ? 'leave_id' : `${singular}_id`;
}

/** An input's value: what an earlier step or the trigger gives for it, else a blank said as an assumption. */
function inputValue(b: DraftBuilder, action: string, field: string, clause: string): unknown {
  if (field === 'id') return b.value(idConcept(action), '');
  if (field === 'channel') return channelName(clause) ?? 'general';
  if (field === 'table') return /([\w-]+)\s+table\b/i.exec(clause)?.[1] ?? /([\w가-힣-]+)\s*(?:테이블|표)/.exec(clause)?.[1];
  if (['text', 'body', 'message', 'prompt'].includes(field)) return messageText(b, clause);
  if (field === 'decision') {
    const choice = b.known('approval_choice');
    if (choice) return `{{ ${choice} = 'approve' ? 'approved' : 'rejected' }}`;
    // "approve or reject it": both said and no approval asked, so the answer is the person's to fill in.
    const rejects = /reject|deny|decline|반려|거절/i.test(clause);
    if (rejects && /approv|승인/i.test(clause)) return b.value('decision', '');
    return rejects ? 'rejected' : 'approved';
  }
  if (field === 'to' || field === 'email') return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(clause)?.[0] ?? b.value('email', '');
  const known = b.known(field);
  return known === undefined ? undefined : `{{ ${known} }}`;
}

/** The concepts a fetched record gives, by the action's noun (the fields the sandbox apps' records have). */
const RECORD_GIVES: Record<string, Record<string, string>> = {
  vendors: { vendor_name: 'name', vendor_email: 'email', email: 'email', vendor_id: 'id' },
  employees: { email: OUTPUT.employeeEmail, employee_id: 'id' },
  orders: { lines: OUTPUT.orderLines, email: 'email', order_id: 'id' },
  invoices: { invoice_number: 'number', total: 'total', vendor_id: 'vendor_id', invoice_id: 'id' }
};

/** A step rule that builds the grounded action with its inputs, marked as less sure than a rule's step. */
export function groundedRule(g: Required<Grounded>, search: CatalogueSearch): StepRule {
  const { clause, hit } = g;
  return {
    name: `grounded ${hit.connector}:${hit.name}`,
    pattern: /[\s\S]+/,
    build: (b) => {
      const fields = search.entries.find((e) => e.connector === hit.connector)?.actions.find((a) => a.name === hit.name)?.inputs ?? [];
      // "ask the manager, then record the result": a step that records the answer runs for either answer.
      if (fields.includes('decision') && b.known('approval_choice') && b.inImpliedApproval()) b.afterApproval();
      const input: Record<string, unknown> = {};
      for (const field of fields) {
        const value = inputValue(b, hit.name, field, clause.text);
        if (value !== undefined) input[field] = value;
      }
      const id = b.action(hit.connector, hit.name, input, [hit.label, hit.labelKo]);
      // What a record fetched by search gives the steps after it ("거래처 정보를 가져와서 … 이메일로").
      for (const [concept, path] of Object.entries(RECORD_GIVES[hit.name.split('.')[0]] ?? {})) if (hit.name.endsWith('.get')) b.bind(concept, out(id, path));
      const app = b.view.label(hit.connector);
      b.assume(`I read "${clause.text}" as "${hit.label}" in ${app}.`, `"${clause.text}"을(를) ${app}의 "${hit.labelKo}"(으)로 읽었습니다.`);
      b.doubt(id, 0.7, `I read "${clause.text}" as "${hit.label}" (${app}): is that the step you meant?`, `"${clause.text}"을(를) ${app}의 "${hit.labelKo}" 단계로 읽었습니다. 맞나요?`);
    }
  };
}

/** A clause nothing matched: said as left out, with a question, so no part of the request goes silently. */
export function unmatched(b: DraftBuilder, clause: Clause): void {
  b.assume(`I could not match "${clause.text}" to a step of the apps here, so it is not in the draft.`, `"${clause.text}"을(를) 여기 앱의 단계와 맞추지 못해 초안에 넣지 않았습니다.`);
  b.doubt(undefined, 0.4, `What should "${clause.text}" do? I could not match it to an app's action.`, `"${clause.text}"은(는) 어떤 일을 해야 하나요? 앱의 동작과 맞추지 못했습니다.`);
}

/** A polite lead before what is asked: "hey, ", "please ", "I'd like ", "could you make ". */
const POLITE = String.raw`(?:(?:hey|hi|hello|please|so|ok)\W+)*(?:(?:i'd|i\s+would|we'd|we\s+would)\s+like\s+|i\s+want\s+|we\s+want\s+|(?:can|could)\s+you\s+make\s+(?:sure\s+)?)?`;
/** Words that say a thing came in: "comes into the ERP", "arrives", "is created", "gets submitted". */
const ARRIVES = /\b(?:comes?\s+in(?:to)?|arrives?|lands|is\s+(?:created|added|placed|submitted|registered)|gets\s+(?:created|added|placed|submitted|registered))\b/i;

/** A clause that says when: "when/if/once/after …" first, or a Korean one ending in "-면", "-때", "-마다". */
const WHEN_CLAUSE = /^(?:when(?:ever)?|if|once|after|as\s+soon\s+as|each\s+time|every\s+time|any\s*time|on)\b/i;
const KO_WHEN_CLAUSE = /(?:면|때|마다)$/;

/** Whether "new" is said of the event's thing ("a new vendor", "새 거래처"), not of another ("a new PO for a vendor"). */
function newThing(text: string, hit: CatalogueHit): boolean {
  const things = Object.keys(hit.match).filter((t) => hit.match[t].includes('things'));
  return things.some((t) => new RegExp(`(?:\\bnew|새로운|새|신규)\\s*(?:\\S+\\s+)?${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(text));
}

/**
 * Whether the clause names a longer thing of the catalogue that ends in the event's noun: "a purchase order"
 * is not an order, so `order.created` does not start on it.
 */
function longerNoun(text: string, hit: CatalogueHit, search: CatalogueSearch): boolean {
  const noun = hit.name.split('.')[0];
  const longer = search.entries.flatMap((e) => e.actions.map((a) => a.name.split('.')[0])).filter((n) => n.includes('_') && n.replace(/s$/, '').endsWith(`_${noun}`));
  return longer.some((n) => new RegExp(`\\b${n.replace(/s$/, '').replace(/_/g, '\\s+')}s?\\b`, 'i').test(text));
}

/**
 * The event that starts the recipe when no trigger rule read one ("if a customer places an order"): the
 * first "when" clause that grounds in a catalogue event (a verb and a thing of it), up to its last matched
 * word, so a condition said in the same clause stays for the rules.
 */
export function groundTrigger(words: string, search: CatalogueSearch, view: CatalogView, lang: Lang): (TriggerFound & { label: string; text: string }) | undefined {
  for (const clause of clausesOf(words)) {
    // A chat-box request may open on the thing alone: "new vendor in the ERP -> mail them".
    // A chat-box request may open on the thing alone, after a polite lead: "I'd like new leave requests to …".
    const opening = clause.start === 0 && new RegExp(`^${POLITE}(?:(?:on|for|take|handle|process|with)\\s+)?(?:a\\s+|each\\s+|every\\s+|all\\s+|any\\s+)?new\\b`, 'i').test(clause.text);
    // "for every invoice over $10k that comes into the ERP": a "for each" with an arrival verb is an event.
    const arriving = /^(?:for|on)\s+(?:each|every|any)\b/i.test(clause.text) && ARRIVES.test(clause.text);
    if (!WHEN_CLAUSE.test(clause.text) && !KO_WHEN_CLAUSE.test(clause.text) && !opening && !arriving) continue;
    // "there's a new order": "new" says the created event's verb (the index leaves the word out).
    const isNew = /\bnew\b|새로운|새\s|신규/i.test(clause.text);
    const hit = search.search(clause.text, 'event', 3).find((h) => (search.grounds(h) || (isNew && h.name.endsWith('.created') && newThing(clause.text, h))) && !longerNoun(clause.text, h, search));
    if (!hit) continue;
    const made = event(hit.connector, hit.name, clause.text, view, lang);
    if (!made) continue;
    // Only the words that matched are the trigger's: "if an invoice over 10k comes in" keeps "over 10k".
    const matched = Object.keys(hit.match);
    let text = words;
    let end = clause.start;
    for (const w of words.slice(clause.start, clause.start + clause.text.length).matchAll(/[\p{L}\p{N}]+/gu)) {
      const term = processTerm(w[0]);
      if (!term || !matched.some((m) => term.startsWith(m) || m.startsWith(term))) continue;
      const at = clause.start + w.index;
      text = text.slice(0, at) + ' '.repeat(w[0].length) + text.slice(at + w[0].length);
      end = at + w[0].length;
    }
    text = text.slice(0, clause.start) + text.slice(clause.start, end).replace(/^\s*(?:when(?:ever)?|if|once|after|as\s+soon\s+as|each\s+time|every\s+time|on)\b/i, (m) => ' '.repeat(m.length)) + text.slice(end);
    return { ...made, start: clause.start, end, text, label: lang === 'ko' ? hit.labelKo : hit.label };
  }
  return undefined;
}
