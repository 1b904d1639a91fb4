/**
 * Basic mode of the copilot: a recipe from a request in words (English or Korean) by rules and
 * templates, no model. It finds what starts the recipe, then the steps, loops, conditions and approvals
 * in the order they are said, builds them with expressions that read earlier steps, and checks the
 * result with the recipe parser and lint before anyone sees it.
 */
import { lintRecipe } from '../../lint/lint';
import { parseRecipe } from '../../recipe/parse';
import { RECIPE_FORMAT, type Recipe, type Step, type Trigger } from '../../recipe/schema';
import { APP_RULES } from './app-rules';
import { CatalogView } from './catalog-view';
import { callRules, CONTROL_RULES } from './control-rules';
import { DraftBuilder } from './draft-builder';
import type { CatalogEntry, DraftResult } from './draft-result';
import { messageText, type StepRule } from './rule';
import { TOOL_RULES, extract } from './tool-rules';
import { findTrigger, type TriggerFound } from './trigger-rules';
import { blank, channelName, isKorean, slugOf } from './words';
import { langOf, pick, type Lang, type Said } from './lang';
import { catalogueSearch, type CatalogueSearch } from './catalogue-search';
import { groundClauses, groundedRule, groundTrigger, unmatched, type Grounded } from './clause-grounding';
import { allSteps } from '../../recipe/walk';

/** The words could not be turned into a recipe; the message says what to try instead. */
export class DraftRefused extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'no_trigger' | 'no_steps'
  ) {
    super(message);
    this.name = 'DraftRefused';
  }
}

interface Found {
  index: number;
  rule: StepRule;
  match: RegExpExecArray;
}

const byName = (rules: StepRule[], ...names: string[]) => rules.filter((r) => names.includes(r.name));
const except = (rules: StepRule[], ...names: string[]) => rules.filter((r) => !names.includes(r.name));

/** Rules in the order they claim words: the specific ones first, so "vendors table" is not an ERP vendor. */
function rulesInOrder(existing: Array<{ id: string; name: string }>): StepRule[] {
  return [
    ...callRules(existing),
    // "look up each SKU in the price table": a loop said inside a step's words is read before that step.
    ...byName(CONTROL_RULES, 'table loop'),
    ...byName(CONTROL_RULES, 'loop'),
    // A summary said inside a message ("send a summary of them to Slack") is a step of its own.
    ...byName(TOOL_RULES, 'table lookup', 'table add', 'table words', 'http request', 'ai classify', 'ai generate', 'ai summarize'),
    ...byName(CONTROL_RULES, 'try', 'approval', 'approval rejected', 'approval approved', 'out of stock', 'condition', 'condition on it', 'label ones'),
    ...APP_RULES,
    // A mail said with a notify verb ("메일로 알려줘", "let them know by email") is a mail, not a chat post.
    ...byName(TOOL_RULES, 'send mail'),
    ...except(TOOL_RULES, 'table lookup', 'table add', 'table words', 'http request', 'ai classify', 'ai generate', 'ai summarize', 'send mail'),
    ...byName(CONTROL_RULES, 'retry', 'found condition', 'label condition', 'otherwise', 'either way', 'finally')
  ];
}

/**
 * A draft from words, written in the request's language (step names, assumptions, refusals); `lang`
 * says which language to answer in when the words have none (an empty request).
 */
export function draftBasic(words: string, catalog: CatalogEntry[], existing: Array<{ id: string; name: string }> = [], lang?: Lang): DraftResult {
  const said = words.trim();
  const l = said ? langOf(said) : (lang ?? 'en');
  if (!said) throw new DraftRefused(pick(l, ['Say what the recipe should do, for example "when a new vendor is created, tell #finance".', '레시피가 할 일을 적어 주세요. 예: "새 거래처가 등록되면 #finance에 알려줘".']), 'empty');
  const view = new CatalogView(catalog);
  const read = readWords(said, view, catalogueSearch(catalog), existing, l);
  try {
    return compose(said, read, view, existing, l);
  } catch (err) {
    // A step found by search that the checks refuse is left out (and said) rather than losing the whole draft.
    if (err instanceof DraftRefused || !read.found.some((f) => f.rule.name.startsWith('grounded '))) throw err;
    const kept = read.found.filter((f) => !f.rule.name.startsWith('grounded '));
    const result = compose(said, { ...read, found: kept }, view, existing, l);
    const note = pick(l, ['I left out the steps I found by searching the apps, as they did not fit the rest of the draft.', '앱을 검색해 찾은 단계는 초안의 나머지와 맞지 않아 뺐습니다.']);
    return { ...result, assumptions: [...result.assumptions, note], confidence: Math.min(result.confidence ?? 1, 0.4), question: result.question ?? note };
  }
}

interface Read {
  trigger?: TriggerFound;
  searched?: ReturnType<typeof groundTrigger>;
  /** A "whenever …" said first that no app's event matches: the words of a start, not of steps. */
  unknownStart?: string;
  found: Found[];
  grounded: Grounded[];
  skipped: string[];
}

/** What the words say: the trigger, the steps the rules read, then the left-over clauses grounded by search. */
function readWords(said: string, view: CatalogView, search: CatalogueSearch, existing: Array<{ id: string; name: string }>, l: Lang): Read {
  const ruled = findTrigger(said, view, l);
  const searched = ruled ? undefined : groundTrigger(said, search, view, l);
  const trigger = ruled ?? searched;
  let text = searched ? searched.text : trigger ? blank(said, trigger.start, trigger.end) : said;
  // "Whenever an order gets refunded, …" with no such event: those words say when, so no step is made of them.
  const lead = trigger ? null : /(?:^|\s)(?:whenever|any\s*time|every\s+time|each\s+time|as\s+soon\s+as)\b[^,;.]*|^[^,.;]{1,30}?(?:등록되면|등록될\s*때마다|생성되면|생성될\s*때마다|추가되면|들어오면|들어올\s*때마다|생기면|도착하면|올라오면|접수되면)(?=\s|$)/i.exec(said);
  const unknownStart = lead && !APPROVAL_WORDS.test(lead[0]) ? lead[0].trim() : undefined;
  if (lead && unknownStart) text = blank(text, lead.index, lead.index + lead[0].length);
  const found: Found[] = [];
  const skipped: string[] = [];
  for (const rule of rulesInOrder(existing)) {
    // A message said twice ("post it to #cs, and tell the manager too") is two messages; other rules read once.
    for (let n = 0; n < (MESSAGES.includes(rule.name) ? 3 : 1); n++) {
      const match = rule.pattern.exec(text);
      if (!match || match[0].trim() === '') break;
      text = blank(text, match.index, match.index + match[0].length);
      const missing = (rule.uses ?? []).filter(([c, a]) => !view.hasAction(c, a));
      if (missing.length) skipped.push(leftOut(l, match[0].trim(), missing));
      else found.push({ index: match.index, rule, match });
    }
  }
  // What no rule read: each clause that asks for something becomes a step found in the catalogue, or is said.
  const taken = (c: string, a: string) => found.some((f) => f.rule.uses?.some(([fc, fa]) => fc === c && fa === a));
  // A clause that only says an approval is needed ("POs need the manager's ok") is the approval step's.
  const approves = found.some((f) => f.rule.name.startsWith('approval'));
  const event = trigger?.trigger.kind === 'event' ? trigger.trigger : undefined;
  const topic = event ? { connector: event.connector, noun: event.event.split('.')[0] } : undefined;
  const grounded = groundClauses(text, said, search, taken, topic).filter((g) => g.hit || !approves || !APPROVAL_WORDS.test(g.clause.text));
  for (const g of grounded) if (g.hit) found.push({ index: g.clause.start, rule: groundedRule({ clause: g.clause, hit: g.hit }, search), match: wholeMatch(g.clause) });
  return { trigger, searched, found, grounded, skipped, unknownStart };
}

const APPROVAL_WORDS = /\bapprov|\bsign[- ]?off\b|\bok(?:ay)?\b|\bgo-ahead\b|승인|결재/i;

/** The draft from what was read: steps built in the order said, checked by the parser and lint. */
function compose(words: string, read: Read, view: CatalogView, existing: Array<{ id: string; name: string }>, l: Lang): DraftResult {
  const { trigger, searched, grounded } = read;
  const found = [...read.found];
  const skipped = [...read.skipped];
  const steps = found.filter((f) => !f.rule.control || f.rule.name.startsWith('call ') || f.rule.name.startsWith('approval'));
  if (!trigger && steps.length === 0) throw noTrigger(l);
  // A trigger alone ("when a new vendor is created") is drafted with a first step to change, not refused;
  // words that asked for steps this workspace cannot make are still refused, with what is missing.
  const placeholder = steps.length === 0 && trigger !== undefined && skipped.length === 0 && view.hasAction('chat', 'post');
  if (steps.length === 0 && !placeholder) throw noSteps(l, trigger?.trigger, skipped);
  found.sort((a, b) => a.index - b.index);
  // A label branch ("for complaints") means something only after a classify step; else it is noise in the order.
  if (!found.some((f) => f.rule.name === 'ai classify')) found.splice(0, found.length, ...found.filter((f) => f.rule.name !== 'label condition' && f.rule.name !== 'label ones'));
  // Twice: a step moved before a message may then meet what it reads ("a digest of pending leave").
  reorderTrailingConditions(found, words);
  reorderTrailingConditions(found, words);

  const start: Trigger = trigger?.trigger ?? { kind: 'manual' };
  const b = new DraftBuilder(view, trigger?.bindings ?? {}, start.kind === 'manual', l);
  b.topic = topicOf(start, l);
  if (searched) {
    const said = words.slice(searched.start, searched.end).trim();
    b.doubt(undefined, 0.7, `I read "${said}" as the event "${searched.label}": is that what starts it?`, `"${said}"을(를) "${searched.label}" 이벤트로 읽었습니다. 이것으로 시작하나요?`);
  }
  const assumptions = [...(trigger?.assumptions ?? [])];
  const unknown = read.unknownStart;
  if (!trigger && unknown) assumptions.push(pick(l, [`No app here raises an event for "${unknown}", so I assumed you start it yourself with Run.`, `"${unknown}"에 해당하는 앱 이벤트가 없어 직접 실행(실행 버튼)으로 시작한다고 가정했습니다.`]));
  else if (!trigger) assumptions.push(pick(l, ['I assumed you start it yourself with Run, as the words do not say what starts it.', '무엇으로 시작하는지 말하지 않아 직접 실행(실행 버튼)으로 시작한다고 가정했습니다.']));
  // A dropped document's amounts are its own; a mail's only when it brings an invoice or its vendor (an
  // amount in a refund mail is the order's, looked up).
  // "every mail from a vendor": who sends it is the trigger's words, not a call to read its fields.
  const fields = trigger?.document === 'mail' ? /invoice|\bbills?\b|receipt|attachment|vendor|supplier|송장|청구서|영수증|첨부|거래처|공급업체/i.test(withoutLabels(blank(words, trigger.start, trigger.end), found)) : mentionsInvoiceFields(withoutLabels(words, found));
  if (trigger?.document && !found.some((f) => f.rule.name === 'ai extract') && fields) {
    if (view.hasAction('ai', 'extract')) extract(b);
    else skipped.push(pick(l, ['I could not read the invoice fields: this workspace has no ai extract.', '송장 항목을 읽을 수 없었습니다. 이 작업 공간에는 ai extract가 없습니다.']));
  }
  for (const f of found) f.rule.build(b, f.match, words);
  if (placeholder) firstStep(b, words, start, l);
  for (const g of grounded) if (!g.hit) unmatched(b, g.clause);
  if (!trigger && unknown) b.doubt(undefined, 0.4, `What starts it? No app here has an event for "${unknown}": a schedule, a webhook, or you pressing Run?`, `무엇으로 시작할까요? "${unknown}"에 해당하는 앱 이벤트가 없습니다. 일정, 웹훅, 아니면 직접 실행인가요?`);
  else if (!trigger) b.doubt(undefined, 0.6, 'What starts it: a schedule, an app event, a webhook, or you pressing Run?', '무엇으로 시작할까요? 일정, 앱 이벤트, 웹훅, 아니면 직접 실행인가요?');

  const recipe = checked(assemble(words, start, b, existing, l), view, existing);
  return { mode: 'basic', recipe, assumptions: [...assumptions, ...b.assumptions, ...skipped], repairs: 0, ...sureness(recipe, b, skipped.length > 0) };
}

/** The step a trigger said alone gets: a chat post of what came in, marked as the part to change. */
function firstStep(b: DraftBuilder, words: string, start: Trigger, l: Lang): void {
  const id = b.action('chat', 'post', { channel: channelName(words) ?? 'general', text: messageText(b, b.topic ?? pick(l, ['Started', '시작됨'])) }, ['Post to chat', '채팅에 알리기']);
  const how = describeTrigger(start, l);
  b.assume('The words say what starts it but not what it should do, so I put a chat post of what came in as its first step: change it to what you need.', '무엇으로 시작하는지만 있고 할 일이 없어, 들어온 내용을 채팅에 알리는 단계를 첫 단계로 넣었습니다. 필요한 일로 바꾸세요.');
  b.doubt(id, 0.4, `What should it do ${how}? I put a chat post of it as a start.`, `${how} 무엇을 할까요? 우선 채팅에 알리는 단계를 넣었습니다.`);
}

/** What a trigger starts the recipe on, as a message's lead. */
const TOPICS: Record<string, Said> = {
  'vendor.created': ['New vendor', '새 거래처'],
  'invoice.created': ['New invoice', '새 송장'],
  'order.created': ['New order', '새 주문'],
  'leave.requested': ['Leave request', '휴가 신청'],
  'mail.received': ['New mail', '새 메일']
};

function topicOf(trigger: Trigger, lang: Lang): string {
  if (trigger.kind === 'event' && TOPICS[trigger.event]) return pick(lang, TOPICS[trigger.event]);
  if (trigger.kind === 'document') return pick(lang, ['New document', '새 문서']);
  if (trigger.kind === 'webhook') return pick(lang, ['Webhook received', '웹훅 수신']);
  if (trigger.kind === 'schedule') return pick(lang, ['Scheduled report', '정기 알림']);
  return pick(lang, ['Done', '완료']);
}

/** A clause as the match a rule would have given, at its place in the words. */
function wholeMatch(clause: { text: string; start: number }): RegExpExecArray {
  const m = /[\s\S]+/.exec(clause.text) as RegExpExecArray;
  m.index = clause.start;
  return m;
}

/** What a rule read is about 0.9 sure; each doubt lowers its step, and the least sure part is the draft's. */
const RULE_SURE = 0.9;

function sureness(recipe: Recipe, b: DraftBuilder, leftOut: boolean): Pick<DraftResult, 'confidence' | 'stepConfidence' | 'question'> {
  const stepConfidence: Record<string, number> = {};
  for (const step of allSteps(recipe.steps)) stepConfidence[step.id] = RULE_SURE;
  for (const d of b.doubts) if (d.step && d.step in stepConfidence) stepConfidence[d.step] = Math.min(stepConfidence[d.step], d.confidence);
  const parts = [RULE_SURE, ...Object.values(stepConfidence), ...b.doubts.map((d) => d.confidence), ...(leftOut ? [0.5] : [])];
  const least = [...b.doubts].sort((x, y) => x.confidence - y.confidence)[0];
  return { confidence: Math.min(...parts), stepConfidence, ...(least ? { question: least.question } : {}) };
}

/** The words less the classify labels: a label "invoice" does not ask for an invoice's fields. */
function withoutLabels(words: string, found: Found[]): string {
  return found.filter((f) => f.rule.name === 'ai classify').reduce((text, f) => blank(text, f.index, f.index + f.match[0].length), words);
}

function mentionsInvoiceFields(words: string): boolean {
  return /vendor|supplier|total|amount|line item|invoice|거래처|금액|합계|항목|송장|청구서/i.test(words);
}

/**
 * "Post to #finance if the total is over 500", "tell #ops if it fails": a condition or a failure said
 * after an action in the same clause belongs before it.
 */
const MESSAGES = ['slack post', 'chat post', 'send mail'];

function reorderTrailingConditions(found: Found[], words: string): void {
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1];
    const cur = found[i];
    // A pair an earlier swap put out of the words' order stays as it is.
    if (cur.index < prev.index) continue;
    // "if the API at https://… times out": the step said inside a failure's words is the one it watches.
    if (prev.rule.name === 'try' && !cur.rule.control && cur.index < prev.index + prev.match[0].length) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    if (prev.rule.control) continue;
    const between = words.slice(prev.index + prev.match[0].length, cur.index);
    // "check the stock of each item": the loop said after its action goes around it.
    const loopAfter = /^\s*(?:of|for|on)\s*$/i.test(between) || (/^\s*$/.test(between) && /^(?:for|of)\b/i.test(cur.match[0]));
    if ((cur.rule.name === 'loop' || cur.rule.name === 'table loop') && loopAfter) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    // "refund it, but only after the manager approves": the approval goes first.
    if (cur.rule.name === 'approval' && /^(?:but\s+)?only\b|^after\b/i.test(cur.match[0].trim())) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    // "send a summary of them to Slack": a step said inside a message's words is what it carries, so it
    // comes first.
    if ((MESSAGES.includes(prev.rule.name) || ['loop', 'label ones'].includes(cur.rule.name)) && cur.index < prev.index + prev.match[0].length) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    // "export all orders to the daily table": what is said between a row's verb and its table goes in it, first.
    if (prev.rule.name === 'table add' && !cur.rule.control && prev.match[1] && cur.index < words.indexOf(`${prev.match[1]} table`, prev.index)) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    // "send the finance team a summary of …": what is said right after a message's recipient is what it carries.
    if (MESSAGES.includes(prev.rule.name) && !cur.rule.control && !MESSAGES.includes(cur.rule.name) && /^\s*(?:(?:an?|the|their|our|its)\s+)?(?:[\w-]+\s+){0,2}?(?:of|for|about|with)?\s*$/i.test(between)) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    // "a summary of the open invoices": what is summarised comes first.
    if (prev.rule.name === 'ai summarize' && /^\s*(?:of|on|for)?\s*$/i.test(between) && !cur.rule.control) {
      [found[i - 1], found[i]] = [cur, prev];
      continue;
    }
    if (!['condition', 'condition on it', 'out of stock', 'found condition', 'try'].includes(cur.rule.name)) continue;
    // A sentence's end or a comma parts them; the dots of an address or a URL do not.
    // "금액을 읽어서 30만원 이상이면": a Korean ending left after a step's verb ("-서", "-고") parts them too.
    if (!/[,;]|[.!?](?:\s|$)/.test(between) && !/\b(?:and|then)\b|하고|해서|하여|면|[가-힣]고\s|^(?:서|고|며|면서)\s/.test(between)) [found[i - 1], found[i]] = [cur, prev];
  }
}

function assemble(words: string, trigger: Trigger, b: DraftBuilder, existing: Array<{ id: string }>, lang: Lang): Recipe {
  const korean = isKorean(words);
  const firstClause = words.split(/[.;!?](?=\s|$)|\n/)[0].trim();
  const name = (firstClause.length > 60 ? `${firstClause.slice(0, 57).trimEnd()}…` : firstClause) || pick(lang, ['Drafted recipe', '초안 레시피']);
  const taken = new Set(existing.map((r) => r.id));
  const base = korean ? `draft-${trigger.kind}` : slugOf(words, `draft-${trigger.kind}`);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 58)}-${n}`;
  const start: Trigger = trigger.kind === 'manual' && b.inputs.length ? { kind: 'manual', input: b.inputs } : trigger;
  return {
    format: RECIPE_FORMAT,
    id,
    name: name.charAt(0).toUpperCase() + name.slice(1),
    description: words,
    trigger: start,
    steps: pruneEmpty(b.root),
    ...(Object.keys(b.connections).length ? { connections: b.connections } : {}),
    meta: { drafted_by: 'copilot-basic' }
  };
}

/** An if with nothing in it (an approval gate nothing followed) says nothing: leave it out. */
function pruneEmpty(steps: Step[]): Step[] {
  return steps.flatMap((step): Step[] => {
    switch (step.kind) {
      case 'if': {
        const then = pruneEmpty(step.then);
        const otherwise = step.else && pruneEmpty(step.else);
        if (then.length === 0 && !otherwise?.length) return [];
        return [{ ...step, then, ...(otherwise ? { else: otherwise } : {}) }];
      }
      case 'foreach':
        return [{ ...step, steps: pruneEmpty(step.steps) }];
      case 'try':
        return [{ ...step, steps: pruneEmpty(step.steps), catch: pruneEmpty(step.catch) }];
      default:
        return [step];
    }
  });
}

/** The parser and lint must accept every draft; a problem here is a bug in a template, said plainly. */
function checked(recipe: Recipe, view: CatalogView, existing: Array<{ id: string }>): Recipe {
  const parsed = parseRecipe(JSON.parse(JSON.stringify(recipe)));
  if (!parsed.ok) throw new Error(`the basic copilot made an invalid recipe: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const problems = lintRecipe(parsed.recipe, view, { knownRecipes: existing.map((r) => r.id) });
  if (problems.length) throw new Error(`the basic copilot made a recipe with problems: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.recipe;
}

/** How a trigger starts a recipe, as the end of "It starts …" / "… 시작합니다". */
export function describeTrigger(trigger: Trigger, lang: Lang = 'en'): string {
  switch (trigger.kind) {
    case 'manual':
      return pick(lang, ['when you press Run', '실행 버튼을 누르면']);
    case 'schedule':
      if (trigger.every) return pick(lang, [`every ${trigger.every}`, `${trigger.every}마다`]);
      return pick(lang, [`on the schedule "${trigger.cron}"`, `일정 "${trigger.cron}"에 따라`]);
    case 'event':
      return pick(lang, [`when ${trigger.connector} raises "${trigger.event}"`, `${trigger.connector}에서 "${trigger.event}" 이벤트가 나면`]);
    case 'document':
      return pick(lang, ['when a document arrives', '문서가 도착하면']);
    case 'webhook':
      return pick(lang, [`when a webhook arrives at "${trigger.path}"`, `웹훅이 "${trigger.path}"(으)로 오면`]);
    case 'callable':
      return pick(lang, ['when another recipe calls it', '다른 레시피가 호출하면']);
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger ${JSON.stringify(never)}`);
    }
  }
}

function leftOut(lang: Lang, said: string, missing: Array<[string, string]>): string {
  const names = missing.map(([c, a]) => `${c} ${a}`);
  return pick(lang, [
    `I left out "${said}": this workspace has no ${names.join(' or ')}.`,
    `"${said}"은(는) 뺐습니다. 이 작업 공간에는 ${names.join(' 또는 ')}이(가) 없습니다.`
  ]);
}

function noTrigger(lang: Lang): DraftRefused {
  return new DraftRefused(
    pick(lang, [
      'I could not tell what should start this recipe; try "when a new vendor is created, …", "every morning at 9, …" or "when an invoice arrives, …" (or in Korean, "새 주문이 들어오면 …").',
      '이 레시피를 무엇으로 시작할지 알 수 없었습니다. "새 거래처가 등록되면 …", "매일 아침 9시 …", "송장이 도착하면 …"처럼 적어 보세요.'
    ]),
    'no_trigger'
  );
}

function noSteps(lang: Lang, trigger: Trigger | undefined, skipped: string[]): DraftRefused {
  const how = trigger ? describeTrigger(trigger, lang) : undefined;
  const started = pick(lang, [`I understood what starts it${how ? ` (${how})` : ''}`, `무엇으로 시작하는지는 알았지만${how ? `(${how})` : ''}`]);
  const message = skipped.length
    ? pick(lang, [`${started}, but none of the steps it asks for can be made here. ${skipped.join(' ')}`, `${started}, 요청한 단계를 여기서는 하나도 만들 수 없습니다. ${skipped.join(' ')}`])
    : pick(lang, [
        `${started}, but not what it should do; try "… tell #finance", "… look up the vendor", "… send an email" or "… 채팅으로 알려줘".`,
        `${started}, 무엇을 할지는 알 수 없었습니다. "… #finance에 알려줘", "… 거래처를 조회하고", "… 메일을 보내줘"처럼 적어 보세요.`
      ]);
  return new DraftRefused(message, 'no_steps');
}
