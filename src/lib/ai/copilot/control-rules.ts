/**
 * Loops, conditions, approvals, error handling and calls to other recipes. A container opens a step list
 * that the steps said after it go into, until "otherwise" (the else branch) or "finally" (the top level).
 */
import type { ForeachStep, IfStep, Step, TryStep } from '../../recipe/schema';
import type { DraftBuilder } from './draft-builder';
import { messageText, type StepRule } from './rule';
import { parseAmount, teamName, sref } from './words';
import { OUTPUT, out } from './outputs';
import { conceptWords } from './lang';

/** What each element of a loop gives, by the loop's noun. */
interface LoopNoun {
  pattern: RegExp;
  as: string;
  /** The noun in Korean, for step names and assumptions. */
  ko: string;
  list: string;
  binds: Record<string, string>;
  /** The action that lists these when nothing before the loop did ("go through all employees"). */
  lister?: [connector: string, action: string, output: string];
}
const LOOP_NOUNS: LoopNoun[] = [
  { pattern: /line|item|항목|품목|줄|라인/i, as: 'line', ko: '항목', list: 'lines', binds: { sku: 'sku', quantity: 'quantity', total: '(quantity * unit_price)', description: 'description' } },
  { pattern: /invoice|송장|청구서/i, as: 'invoice', ko: '송장', list: 'list', binds: { invoice_id: 'id', invoice_number: 'number', total: 'total', vendor_id: 'vendor_id' }, lister: ['sandbox.erp', 'invoices.list', OUTPUT.invoices] },
  { pattern: /sku|product|stock|inventory|상품|제품|재고/i, as: 'sku', ko: '재고 품목', list: 'list', binds: { sku: 'sku', quantity: 'on_hand', stock: 'on_hand' }, lister: ['sandbox.orders', 'stock.list', OUTPUT.stockItems] },
  { pattern: /order|주문/i, as: 'order', ko: '주문', list: 'list', binds: { order_id: 'id', lines: 'lines', email: 'email' }, lister: ['sandbox.orders', 'orders.list', OUTPUT.orders] },
  { pattern: /vendor|supplier|거래처/i, as: 'vendor', ko: '거래처', list: 'list', binds: { vendor_name: 'name', vendor_email: 'email', vendor_id: 'id', email: 'email' } },
  { pattern: /employee|person|staff|직원|사원/i, as: 'employee', ko: '직원', list: 'list', binds: { employee_id: 'id', email: 'email' }, lister: ['sandbox.hr', 'employees.list', OUTPUT.employees] },
  { pattern: /request|신청/i, as: 'request', ko: '신청', list: 'list', binds: { leave_id: 'id', employee_id: 'employee_id' } },
  { pattern: /row|행/i, as: 'row', ko: '행', list: 'list', binds: {} }
];

const EN_NOUNS = String.raw`(?:line\s+)?item|line|invoice|order|vendor|supplier|employee|person|staff\s+member|request|row|sku|SKU|product|stock|inventory`;
const KO_NOUNS = '항목|품목|줄|라인|송장|청구서|주문|거래처|직원|사원|신청|행|SKU|sku|상품|제품';

const COMPARE: Array<[RegExp, string]> = [
  [/at least|or more|no less than|이상|>=/i, '>='],
  [/at most|or less|no more than|up to|이하|<=/i, '<='],
  [/under|below|less than|fewer than|smaller than|미만|보다\s*(?:적|작)|<|lower than/i, '<'],
  [/over|above|more than|greater than|bigger than|larger than|exceeds?|higher than|tops|초과|넘|보다\s*(?:크|많)|>/i, '>']
];

/** List the loop's things first when nothing before it did and the workspace can ("모든 직원마다" → employees.list). */
function listFor(b: DraftBuilder, kind: LoopNoun): string | undefined {
  if (!kind.lister || !b.view.hasAction(kind.lister[0], kind.lister[1])) return undefined;
  const [connector, action, output] = kind.lister;
  const id = b.action(connector, action, {}, [`List ${kind.as}s`, `${kind.ko} 목록`]);
  b.assume(`I assumed the loop goes through all ${kind.as}s, listed first.`, `먼저 모든 ${kind.ko}을(를) 가져와 하나씩 처리한다고 가정했습니다.`);
  return out(id, output);
}

function subjectOf(word: string): string {
  if (/quantit|수량|개\s*$/i.test(word)) return 'quantity';
  if (/stock|inventory|재고/i.test(word)) return 'stock';
  return 'total';
}

function openIf(b: DraftBuilder, base: string, condition: string, name: string, gate = false): void {
  // The id comes from the base (`check_total`): a name such as "total > 500" makes no id.
  const step: IfStep = { id: b.id(base), kind: 'if', name, condition, then: [] };
  b.add(step);
  b.open(gate ? 'approved' : 'if', step.then, step);
}

/**
 * An if on a compared value. When the value cannot be read here, the if is kept on the likeliest field of
 * the trigger and marked unsure with a question, rather than the condition being left out.
 */
function guardedIf(b: DraftBuilder, concept: string, compare: string, amount: number, said: string): void {
  const known = b.ref(concept, 'number');
  const subject = known ?? `trigger.${concept}`;
  const id = b.id(`check_${concept}`);
  const step: IfStep = { id, kind: 'if', name: `${conceptWords(b.lang, concept)} ${compare} ${amount}`, condition: `{{ ${subject} ${compare} ${amount} }}`, then: [] };
  b.add(step);
  b.open('if', step.then, step);
  b.assume(`I assumed "${said}" means ${concept} ${compare} ${amount}.`, `"${said}"을(를) ${conceptWords('ko', concept)} ${compare} ${amount}(으)로 가정했습니다.`);
  if (!known) {
    b.doubt(id, 0.5, `Which value should "${said}" compare? I guessed {{ ${subject} }}.`, `"${said}"은(는) 어떤 값을 비교하나요? {{ ${subject} }}(으)로 짐작했습니다.`);
  }
}

export const CONTROL_RULES: StepRule[] = [
  {
    name: 'try',
    control: true,
    pattern: /\bif\s+the\s+[\w\s-]{1,40}?\s+(?:fails|is\s+down|errors|times?\s+out|does\s*n[o']t\s+(?:answer|respond))\b|\bif\s+(?:it|that|this|anything|something|any\s+step|the\s+\w+(?:\s+\w+)?)\s+(?:fails|errors(?:\s+out)?|times?\s+out|is\s+down|breaks|goes\s+wrong|(?:does\s*n[o']t|doesn't|won't|can't)\s+(?:answer|respond|reply|work|go\s+through|succeed))|\bif\s+(?:there(?:'s|\s+is)\s+)?no\s+(?:answer|response|reply)|\bon\s+(?:failure|error|timeout)|\bif\s+there(?:'s|\s+is)\s+an?\s+(?:error|failure|problem)|\bwhen\s+(?:it|something|anything)\s+(?:fails|goes\s+wrong)|\b(?:when|if)\s+(?:it|that|the\s+\w+(?:\s+\w+)?)(?:'s|\s+is|\s+goes)\s+(?:down|offline|unreachable)\b|\bin\s+case\s+(?:of\s+(?:an?\s+)?(?:error|failure)|it\s+fails)|실패하면|실패할\s*경우|(?:오류|에러|문제)(?:가)?\s*(?:나면|발생하면|생기면|있으면)|응답(?:이|을)?\s*(?:없으면|안\s*하면|받지\s*못하면)|응답하지\s*않으면|타임아웃(?:이)?\s*(?:나면|되면)/i,
    build: (b) => {
      const steps = b.takeRootSteps();
      if (steps.length === 0) return b.assume('I ignored "if it fails": nothing comes before it to watch.', '"실패하면" 앞에 지켜볼 단계가 없어 무시했습니다.');
      const step: TryStep = { id: b.id('watch'), kind: 'try', name: b.say('If a step fails', '단계가 실패하면'), steps, catch: [] };
      b.add(step);
      b.open('catch', step.catch);
      b.bind('failure', 'error.message');
      b.bind('summary', 'error.message');
      b.assume('I assumed the steps after "if it fails" run only when one of the steps before it fails.', '"실패하면" 뒤의 단계는 그 앞의 단계 중 하나가 실패할 때만 실행된다고 가정했습니다.');
    }
  },
  {
    name: 'loop',
    control: true,
    pattern: new RegExp(String.raw`\bfor\s+(?:each|every|all)\s+(?:of\s+the\s+)?(${EN_NOUNS})s?\b|\bfor\s+each\s+(one|of\s+them)\b|\beach\s+(line\s+item|item|line|sku|product|employee)\b|\b(?:go|loop|iterate|run)\s+(?:through|over)\s+(?:all|every|each)(?:\s+of)?\s+(?:the\s+)?(?:(?:unpaid|open|overdue|pending|new|active|current|outstanding)\s+)?(${EN_NOUNS})s?\b|각\s*(${KO_NOUNS})\s*(?:마다|에\s*대해|별로)?|모든\s*(${KO_NOUNS})\s*(?:마다|에\s*대해|별로|에게)|(${KO_NOUNS})\s*(?:마다|별로)`, 'i'),
    build: (b, m) => {
      // "for each one": the things the list before it holds.
      const said = m.slice(1).find(Boolean) ?? 'item';
      const noun = /^(?:one|of\s+them)$/i.test(said) ? (b.known('list_noun') ?? 'item') : said;
      const named = LOOP_NOUNS.find((n) => n.pattern.test(noun)) ?? LOOP_NOUNS[0];
      // "주문의 상품마다", "each product in it": where the trigger or a step gives line items and no list
      // was fetched, the products are those lines, not the whole stock.
      const asLines = named.as === 'sku' && b.known('lines') && !b.known('list') ? LOOP_NOUNS[0] : named;
      // "송장을 모아서 거래처별로": a loop named by another noun than the list fetched goes through that list.
      const listNoun = b.known('list') ? b.known('list_noun') : undefined;
      const kind = listNoun && listNoun !== asLines.as && asLines.list === 'list' ? (LOOP_NOUNS.find((n) => n.as === listNoun) ?? asLines) : asLines;
      const items = (kind.list === 'list' ? b.known('list') ?? listFor(b, kind) : undefined) ?? b.ref(kind.list === 'list' ? `${kind.as}s` : 'lines', 'list') ?? b.known('list');
      if (!items) return b.assume(`I could not tell which list "${m[0].trim()}" goes through, so I left the loop out.`, `"${m[0].trim()}"이(가) 어떤 목록을 도는지 알 수 없어 반복을 뺐습니다.`);
      const step: ForeachStep = { id: b.id(`each_${kind.as}`), kind: 'foreach', name: b.say(`For each ${kind.as}`, `각 ${kind.ko}마다`), items: `{{ ${items} }}`, as: kind.as, steps: [] };
      b.add(step);
      b.open('loop', step.steps);
      for (const [concept, key] of Object.entries(kind.binds)) b.bind(concept, `${kind.as}.${key}`);
      if (kind.as === 'order') b.bind('total', OUTPUT.orderTotal(kind.as));
      b.bind('list', `[${kind.as}]`);
    }
  },
  {
    name: 'condition',
    control: true,
    pattern: /\bif\s+(?:the\s+|its\s+|their\s+)?(total|amount|sum|price|value|quantity|stock|inventory|balance|count)(?:\s+\w+)?\s+(?:is\s+|are\s+|goes\s+|falls\s+)?(no more than|no less than|more than|greater than|higher than|bigger than|larger than|less than|fewer than|lower than|smaller than|at least|at most|up to|exceeds|exceeding|tops|over|above|under|below)\s+[$€£₩]?([\d,.]+\s*[km]?)|\b(?:invoices?|orders?|totals?|amounts?|payments?|expenses?|bills?|claims?|refunds?)\s+(no more than|no less than|more than|greater than|higher than|bigger than|larger than|less than|fewer than|lower than|smaller than|at least|at most|up to|exceeds|exceeding|tops|over|above|under|below)\s+[$€£₩]?([\d,.]+\s*[km]?)|(금액|합계|총액|가격|수량|재고|잔액|단가)(?:이|가|은|는)?\s*((?:[\d,.]+\s*(?:억|천만|백만|십만|만|천)?|억|천만|백만|십만)[\d,]*)\s*(?:원|달러|유로|개|건|명|%|일)?\s*(?:이|가|을|를)?\s*(이상|초과|이하|미만|넘으면|넘는|넘어가면|넘을\s*때|을\s*넘으면|를\s*넘으면|보다\s*(?:크|많|적|작)(?:으면|은|ㄴ)?)|(?:^|\s)(no more than|no less than|more than|greater than|higher than|bigger than|larger than|less than|fewer than|lower than|smaller than|at least|at most|up to|exceeds|exceeding|tops|over|above|under|below)\s+[$€£₩]?(\d[\d,.]*\s*[km]?%?)(?=[\s,.;]|$)|((?:[\d,.]+\s*(?:억|천만|백만|십만|만|천)?|억|천만|백만|십만)[\d,]*)\s*(?:원|달러|유로|개|건|일|명|%|퍼센트)\s*(?:이|가|을|를)?\s*(이상|초과|이하|미만|넘으면|넘는|넘을\s*때|넘어가면|을\s*넘으면|를\s*넘으면|보다\s*(?:크|많|적|작)(?:으면|다면|은|을\s*때)?)/i,
    build: (b, m, words) => {
      // "when stock is under 20": a bare "under 20" compares what is named just before it.
      const subjectWord = m[1] ?? m[6] ?? words.slice(Math.max(0, m.index - 25), m.index);
      const op = m[2] ?? m[4] ?? m[8] ?? m[9] ?? m[12] ?? '>';
      const amount = parseAmount(m[3] ?? m[5] ?? m[7] ?? m[10] ?? m[11] ?? '0') ?? 0;
      const compare = COMPARE.find(([p]) => p.test(op))?.[1] ?? '>';
      const after = words.slice(m.index + m[0].length, m.index + m[0].length + 8);
      // "more than 5 days", "5일 이상": a count of days (a leave's length), not an amount.
      // "with more than 5 items": a count of the lines the recipe has, not an amount.
      const lines = b.known('lines');
      if (lines && /^\s*(?:line\s+)?(?:items?|lines?|products?|skus?)\b|^\s*(?:개\s*)?(?:품목|항목|상품)/i.test(after)) b.bind('item_count', `$count(${lines})`);
      const concept = /^\s*days?\b/i.test(after) || /\d\s*일\s*(?:이|가|을|를)?\s*(?:이상|초과|이하|미만|넘)/.test(m[0]) ? 'days' : b.known('item_count') && lines && /^\s*(?:line\s+)?(?:items?|lines?|products?|skus?)\b|^\s*(?:개\s*)?(?:품목|항목|상품)/i.test(after) ? 'item_count' : subjectOf(subjectWord);
      guardedIf(b, concept, compare, amount, m[0].trim());
      b.assume(`I assumed "${m[0].trim()}" means ${concept} ${compare} ${amount}.`, `"${m[0].trim()}"을(를) ${conceptWords('ko', concept)} ${compare} ${amount}(으)로 가정했습니다.`);
    }
  },
  {
    name: 'out of stock',
    control: true,
    pattern: /\bif\s+(?:it(?:'s|\s+is)|they(?:'re|\s+are)|the\s+(?:item|sku|product)\s+is)\s+(?:out\s+of\s+stock|sold\s+out)|\b(?:when|once)\s+(?:it\s+)?(?:runs?|goes)\s+out(?:\s+of\s+stock)?|(?:재고가?\s*(?:없으면|없을\s*때|바닥나면|떨어지면|0\s*개?\s*(?:인|이면|일\s*때))|품절(?:이면|되면|인))/i,
    build: (b, m) => guardedIf(b, 'stock', '<=', 0, m[0].trim())
  },
  {
    name: 'condition on it',
    control: true,
    pattern: /\b(?:if|when|once)\s+(?:it|that|they|the\s+level|(?:the\s+)?stock|(?:the\s+)?quantity)\s+(?:is|are|falls|drops|goes|gets)\s+(no more than|no less than|more than|greater than|higher than|bigger than|larger than|less than|fewer than|lower than|smaller than|at least|at most|up to|exceeds|exceeding|tops|over|above|under|below)\s+[$€£₩]?(\d[\d,.]*\s*[km]?)/i,
    build: (b, m) => {
      const compare = COMPARE.find(([p]) => p.test(m[1]))?.[1] ?? '>';
      const amount = parseAmount(m[2]) ?? 0;
      const concept = b.known('stock') ? 'stock' : b.known('quantity') ? 'quantity' : 'total';
      guardedIf(b, concept, compare, amount, m[0].trim());
    }
  },
  {
    // "check whether it's in the blocklist table and warn #ops if it isn't", "조회해서 있으면": on what the lookup found.
    name: 'found condition',
    control: true,
    pattern: /\bif\s+(?:it|they|the\s+[\w-]+)\s+(?:isn't|is\s+not|aren't|are\s+not|wasn't|is\s+missing|does\s*n[o']t\s+exist|doesn't\s+exist)(?:\s+(?:there|listed|found|in\s+(?:it|there)|on\s+(?:it|the\s+list)))?|\bif\s+(?:it's|it\s+is|they're|they\s+are)\s+(?:not\s+)?(?:there|listed|found|in\s+(?:it|there)|on\s+(?:it|the\s+list))\b|\bif\s+(?:found|not\s+found|nothing\s+(?:is\s+)?found|there(?:'s|\s+is)\s+(?:a|no)\s+match|there\s+(?:are|is)\s+none|there\s+(?:are|is)\s+no\s+[\w-]+|none\s+(?:is|are)\s+found)\b|(?:^|\s)(?:있으면|없으면|찾으면|못\s*찾으면|조회되면|검색되면)(?=[\s,]|$)/i,
    build: (b, m) => {
      const row = b.known('row');
      const vendors = b.known('vendors');
      if (!row && !vendors) return;
      const missing = /n't|\bnot\b|\bno\s+[\w-]+|\bnone\b|nothing|missing|없으면|못/i.test(m[0]);
      const found = row ? `$type(${row}) = 'object'` : `$count(${vendors}) > 0`;
      openIf(b, missing ? 'check_missing' : 'check_found', `{{ ${missing ? `$not(${found})` : found} }}`, missing ? b.say('Not found?', '없나요?') : b.say('Found?', '있나요?'));
    }
  },
  {
    // "forward the tax ones to #payroll": after a classify, the mails of that label; read before the message.
    name: 'label ones',
    control: true,
    pattern: /\b(?:the\s+|any\s+)?([a-z][\w-]*)\s+ones\b/i,
    build: (b, m) => {
      const category = b.known('category');
      if (!category) return;
      const label = m[1].toLowerCase();
      openIf(b, 'check_category', `{{ ${category} = '${label.replace(/'/g, '')}' }}`, b.say(`Is it ${label}?`, `${label}인가요?`));
    }
  },
  {
    name: 'label condition',
    control: true,
    pattern: /\b(?:(?:only\s+)?(?:if|when)|in\s+case)\s+(?:it(?:'s|\s+is)|they\s+are|they're|the\s+(?:mail|message|text)\s+is)\s+(?:an?\s+)?([a-z][\w-]*)|\bif\s+so\b|\bif\s+it\s+is\b(?=\s*[,;])|그렇다면|맞으면|([가-힣\w]{1,8}?)(?:이면|라면|면)(?=[\s,]|$)|\b(?:for|with)\s+(?:the\s+)?(?!an?\b)([a-z][\w-]*?)(?:e?s)?(?=\s*,|\s{2,}|\s+(?:reply|send|post|tell|notify|email|forward|refund|mark|create|add|escalate|ask|answer|ping|alert)\b)/i,
    build: (b, m) => {
      const category = b.known('category');
      if (!category) return;
      // "if so": the label a "check whether it's a X" asked about.
      const label = (m[1] ?? m[2] ?? m[3] ?? b.known('asked_label'))?.toLowerCase();
      if (!label) return;
      openIf(b, 'check_category', `{{ ${category} = '${label.replace(/'/g, '')}' }}`, b.say(`Is it ${label}?`, `${label}인가요?`));
    }
  },
  {
    name: 'table loop',
    control: true,
    uses: [['tables', 'list']],
    pattern: /\b(?:for\s+)?(?:each|every)\s+(?:item|row|entry|record|line)\s+(?:in|of)\s+the\s+([\w-]+)\s+table|\b(?:go|loop|iterate|run)\s+(?:through|over)\s+(?:the\s+|our\s+|my\s+)?([\w-]+)\s+table(?:\s*(?:and\s*)?,?\s*(?:for\s+)?(?:each|every)\s+(?:item|row|entry|record|line|sku|product|employee|vendor|order|invoice)s?\b)?|([\w가-힣-]+)\s*(?:테이블|표)의\s*(?:각|모든)\s*(?:항목|행|줄)(?:마다|에\s*대해|별로|을|를)?/i,
    build: (b, m) => {
      const table = m[1] ?? m[2] ?? m[3];
      const id = b.action('tables', 'list', { table }, [`List ${table}`, `${table} 목록`]);
      const step: ForeachStep = { id: b.id('each_row'), kind: 'foreach', name: b.say(`For each row of ${table}`, `${table}의 각 행마다`), items: `{{ ${out(id, OUTPUT.tableRows)} }}`, as: 'row', steps: [] };
      b.add(step);
      b.open('loop', step.steps);
      for (const concept of ['sku', 'quantity', 'total', 'email', 'vendor_name']) b.bind(concept, `row.${concept === 'vendor_name' ? 'name' : concept}`);
      b.assume(`I assumed the rows of the "${table}" table come as "rows", with columns named like sku, quantity, email.`, `"${table}" 테이블의 행은 "rows"로 오고, 열 이름은 sku, quantity, email 같은 식이라고 가정했습니다.`);
    }
  },
  {
    name: 'approval',
    control: true,
    pattern: /\b(?:ask|get)\s+(?:the\s+|their\s+|our\s+|my\s+)?([\w-]+)(?:\s+(?:team|lead|manager|head|director|owner))?(?:\s+(?:in|from|on)\s+[\w-]+)?\s+(?:to\s+approve|for\s+(?:an?\s+)?approval|to\s+sign\s+off)|\b(?:needs?|require|requires|request|get)\s+(?:an?\s+)?approval(?:\s+from\s+(?:the\s+)?([\w-]+))?|\bapproval\s+from\s+(?:the\s+)?([\w-]+)|\bhave\s+(?:their|the|a|his|her)?\s*([\w-]+)\s+approve|\b(?:needs?|requires?|get|wait\s+for)\s+(?:an?\s+|the\s+)?(?:sign[- ]?off|ok|okay|go-ahead)\b|(?:(\S+?)(?:에게|에|한테|께)\s*)?(?:승인|결재)(?:을|를)?\s*(?:요청|받|올려|구하|올리)|(?:승인|결재)\s*(?:후|되면|나면|하면)|\b(?:send|route|forward|pass)\s+(?:it|them|this)\s+to\s+(?:the\s+|their\s+|his\s+|her\s+)?([\w-]+)(?:\s+(?:team|lead|manager|head|director))?\s+for\s+(?:an?\s+)?(?:approval|sign[- ]?off)|(?:\bbut\s+)?\bonly\s+(?:after|once|when|if)\s+(?:the\s+|their\s+|our\s+)?([\w-]+)(?:\s+(?:team|lead|manager|head|director))?\s+(?:approves|has\s+approved|signs\s+off|okays|oks)(?:\s+(?:it|them))?|\bafter\s+(?:the\s+|their\s+|our\s+)?([\w-]+)(?:\s+(?:team|lead|manager|head|director))?\s+(?:approves|has\s+approved|signs\s+off)(?:\s+(?:it|them))?|\b(?:hold|keep|park)\s+(?:it|them|this)\s+(?:for|until)\s+(?:the\s+|their\s+|our\s+)?([\w-]+?)(?:'s)?\s+(?:sign[- ]?off|approval|ok|okay|go-ahead)|\b(?:the\s+|their\s+|our\s+)?([\w-]+?)'s\s+(?:sign[- ]?off|approval)|\b(?:loop\s+in|bring\s+in|involve|escalate\s+to)\s+(?:the\s+)?([\w-]+)(?:\s+team)?\s+for\s+(?:an?\s+)?(?:approval|sign[- ]?off)/i,
    build: (b, m, words) => {
      // "재무팀 승인을 받고": the team is said just before, without a particle.
      // "ask them to approve it": a pronoun is the team named earlier in the words, else a manager.
      const named = m.slice(1).find(Boolean);
      const pronoun = named !== undefined && /^(?:them|him|her|they|it|someone|somebody)$/i.test(named);
      const said = (pronoun ? teamName(words.slice(Math.max(0, m.index - 80), m.index)) : named) ?? teamName(words.slice(Math.max(0, m.index - 12), m.index));
      const assignee = said ? (teamName(said) ?? said.toLowerCase().replace(/[^a-z0-9-]/g, '')) || 'finance' : 'manager';
      const id = b.id('approve');
      b.add({ id, kind: 'approval', name: b.say(`Ask ${assignee} to approve`, `${assignee}에게 승인 요청`), message: messageText(b, b.say('Please approve', '승인해 주세요')), assignee, timeout: 'P3D' });
      b.assume(`I assumed "${assignee}" answers the approval in the inbox, within 3 days.`, `"${assignee}"이(가) 3일 안에 받은 편지함에서 승인 요청에 답한다고 가정했습니다.`);
      b.assume('I assumed the steps after the approval run only when it is approved.', '승인 뒤의 단계는 승인되었을 때만 실행된다고 가정했습니다.');
      b.bind('approval_choice', `${sref(id)}.choice`);
      openIf(b, 'if_approved', `{{ ${sref(id)}.choice = 'approve' }}`, b.say('Approved?', '승인되었나요?'), true);
    }
  },
  {
    // "if they reject it, mail the requester", "반려되면 …": the approval's other branch.
    name: 'approval rejected',
    control: true,
    pattern: /\bif\s+(?:they|he|she|the\s+[\w-]+(?:\s+(?:team|lead|manager|head|director))?)\s+(?:rejects?|declines?|denies|deny|refuses?|says\s+no)\b(?:\s+(?:it|them|this))?|\b(?:if|when|once)\s+(?:it(?:'s|\s+is|\s+gets|\s+was)|they(?:'re|\s+are|\s+get)|the\s+[\w-]+\s+(?:is|gets))\s+(?:rejected|declined|denied|turned\s+down|not\s+approved)\b|\bif\s+(?:rejected|declined|denied|not\s+approved)\b|\bon\s+(?:a\s+)?rejection\b|(?:반려|거절|거부|기각)(?:가\s*)?(?:되면|될\s*경우|된\s*경우|당하면|하면|시)|승인(?:이)?\s*(?:되지\s*않으면|안\s*되면|나지\s*않으면)/i,
    build: (b, m, words) => approvalAnswer(b, m, words, false)
  },
  {
    name: 'approval approved',
    control: true,
    pattern: /\b(?:if|when|once)\s+(?:it(?:'s|\s+is|\s+gets|\s+was)|they(?:'re|\s+are|\s+get))\s+approved\b|\bif\s+approved\b|\bif\s+(?:they|he|she)\s+approve(?:s)?\b(?:\s+(?:it|them))?|승인(?:이)?\s*(?:되면|나면|될\s*경우|된\s*경우|시)/i,
    build: (b, m, words) => approvalAnswer(b, m, words, true)
  },
  {
    name: 'retry',
    control: true,
    pattern: /\bretry(?:\s+(?:it|that|the\s+\w+))?\s+(\d+|once|twice|three|four|five)(?:\s+times)?\b|\b(?:try|attempt)\s+(?:it\s+)?(?:again\s+)?(\d+|twice|three|four|five)\s+times\b|\bretr(?:y|ies)\b|(\d+)\s*(?:번|회)\s*(?:다시\s*시도|재시도)|재시도|다시\s*시도/i,
    build: (b, m) => {
      const words: Record<string, number> = { once: 1, twice: 2, three: 3, four: 4, five: 5 };
      const said = m[1] ?? m[2] ?? m[3];
      // "retry 3 times" is three tries after the first.
      const retries = said === undefined ? 3 : Number(said) || words[said.toLowerCase()] || 3;
      if (!b.retryLast(retries + 1)) b.assume(`I ignored "${m[0].trim()}": no step before it to retry.`, `"${m[0].trim()}" 앞에 다시 시도할 단계가 없어 무시했습니다.`);
      else b.assume(`I assumed "${m[0].trim()}" means ${retries} more tries of the step before it, waiting longer each time.`, `"${m[0].trim()}"을(를) 앞 단계를 ${retries}번 더, 점점 길게 기다리며 시도하는 것으로 가정했습니다.`);
    }
  },
  {
    name: 'otherwise',
    control: true,
    pattern: /\botherwise\b|\bif\s+not\b|\belse\b|그렇지\s*않으면|아니면/i,
    build: (b) => {
      if (!b.otherwise()) b.assume('I ignored "otherwise": there is no condition before it.', '"그렇지 않으면" 앞에 조건이 없어 무시했습니다.');
    }
  },
  {
    // "either way, record the decision": after both answers of an approval, not inside one.
    name: 'either way',
    control: true,
    pattern: /\b(?:either\s+way|in\s+(?:any|either)\s+case|regardless(?:\s+of\s+the\s+(?:answer|outcome|decision))?|whatever\s+the\s+(?:answer|outcome|decision)|approved\s+or\s+not)\b|어느\s*쪽이든|어느\s*경우(?:든|에도)|(?:결과|승인\s*여부|결정)(?:와|에)?\s*(?:관계|상관)\s*없이|승인되든\s*(?:반려되든|안\s*되든)/i,
    build: (b) => void b.afterApproval()
  },
  {
    name: 'finally',
    control: true,
    pattern: /\bfinally\b|\bafterwards\b|\bat\s+the\s+end\b|\bwhen\s+(?:all\s+)?(?:is\s+)?done\b|\bafter\s+the\s+loop\b|마지막으로|모두\s*끝나면|다\s*끝나면/i,
    build: (b) => b.closeAll()
  }
];

/** A rule that calls an existing recipe when the words name it ("run Notify finance", "월말 정산 레시피 실행"). */
export function callRules(existing: Array<{ id: string; name: string }>): StepRule[] {
  return existing
    .filter((r) => r.name.trim().length >= 3)
    .map((r) => ({
      name: `call ${r.id}`,
      control: true,
      pattern: new RegExp(`["“'‘]?(?:${escape(r.name.trim())}|\\b${escape(r.id)}\\b)["”'’]?`, 'i'),
      build: (b: DraftBuilder) => {
        const input: Record<string, unknown> = {};
        for (const concept of ['vendor_name', 'vendor_id', 'invoice_id', 'order_id', 'total']) {
          const expr = b.known(concept);
          if (expr) input[concept] = `{{ ${expr} }}`;
        }
        const step: Step = { id: b.id(`run_${r.id}`.slice(0, 60)), kind: 'call', name: b.say(`Run "${r.name}"`, `"${r.name}" 실행`), recipe: r.id, input };
        b.add(step);
        const keys = Object.keys(input).join(', ');
        b.assume(`I assumed "${r.name}" takes ${keys || 'no input'}: check its input fields.`, `"${r.name}"이(가) ${keys ? `${keys}을(를) 입력으로 받는다고` : '입력을 받지 않는다고'} 가정했습니다. 입력 필드를 확인하세요.`);
      }
    }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An approval's answer said as its own branch; an answer with no approval before it asks one first. */
function approvalAnswer(b: DraftBuilder, m: RegExpExecArray, words: string, approved: boolean): void {
  if (!b.inApproval()) CONTROL_RULES.find((r) => r.name === 'approval')!.build(b, m, words);
  b.approvalBranch(approved);
  if (!approved) b.assume(`I put the steps after "${m[0].trim()}" on the approval's rejected side.`, `"${m[0].trim()}" 뒤의 단계는 승인이 반려되었을 때 실행되도록 넣었습니다.`);
}
