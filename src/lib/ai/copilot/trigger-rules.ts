/**
 * What starts the recipe, read from the words (English and Korean): a schedule, an app's event, a
 * document or mail arriving, a webhook, or a person pressing Run. Each rule also says where the
 * things the rest of the words talk about (the vendor's name, the total) can be read from.
 */
import type { Trigger } from '../../recipe/schema';
import type { CatalogView } from './catalog-view';
import { pick, type Lang, type Said } from './lang';

export interface TriggerFound {
  trigger: Trigger;
  /** Where it was said, so the step rules skip those words. */
  start: number;
  end: number;
  /** concept → expression (without braces) the trigger's output gives. */
  bindings: Record<string, string>;
  assumptions: string[];
  /** The trigger carries a document whose fields are read by extraction. */
  document?: 'document' | 'mail';
}

interface TriggerRule {
  pattern: RegExp;
  make(m: RegExpExecArray, view: CatalogView, lang: Lang): Omit<TriggerFound, 'start' | 'end'> | undefined;
}

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, 일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6 };

function hourOf(hour: string | undefined, part: string | undefined): number {
  if (hour === undefined) return part && /evening|저녁|밤/i.test(part) ? 18 : part && /afternoon|오후/i.test(part) ? 14 : 9;
  let h = Number(hour);
  // "밤 12시", "12 at night": midnight.
  if (h === 12 && part && /night|밤/i.test(part)) return 0;
  if (part && /pm|evening|afternoon|오후|저녁|밤/i.test(part) && h < 12) h += 12;
  return h % 24;
}

function schedule(cron: string, said: string, lang: Lang, assumed?: Said): Omit<TriggerFound, 'start' | 'end'> {
  const words = said.trim();
  // "5:30pm", "오후 5시 30분", "9시 반": the minutes said with the hour.
  const minutes = /\d{1,2}:([0-5]\d)/.exec(words)?.[1] ?? /\d{1,2}\s*시\s*([0-5]?\d)\s*분/.exec(words)?.[1] ?? (/\d{1,2}\s*시\s*반/.test(words) ? '30' : undefined);
  if (minutes && cron.startsWith('0 ')) cron = `${Number(minutes)} ${cron.slice(2)}`;
  const plan = cron.includes(' ') ? [`cron "${cron}"`, `cron "${cron}" 일정`] : [`every ${cron}`, `${cron}마다 도는 일정`];
  const assumptions = [pick(lang, [`I assumed "${words}" means the schedule ${plan[0]}, while the studio is open.`, `"${words}"을(를) ${plan[1]}으로 가정했습니다(스튜디오가 열려 있는 동안).`])];
  if (assumed) assumptions.push(pick(lang, assumed));
  return { trigger: cron.includes(' ') ? { kind: 'schedule', cron } : { kind: 'schedule', every: cron }, bindings: {}, assumptions };
}

/** Said when a schedule names no time. */
const NINE: Said = ['I assumed 9 in the morning, as no time was given.', '시간을 말하지 않아 아침 9시로 가정했습니다.'];

const UNIT: Record<string, string> = { second: 's', minute: 'm', min: 'm', hour: 'h', day: 'd', 초: 's', 분: 'm', 시간: 'h', 일: 'd' };

/** The event payloads as names.md gives them (concept → where in the payload). */
const EVENT_BINDINGS: Record<string, Record<string, string>> = {
  'vendor.created': { vendor_name: 'trigger.name', vendor_email: 'trigger.email', vendor_id: 'trigger.id', email: 'trigger.email', text: 'trigger.name' },
  'invoice.created': { invoice_id: 'trigger.id', invoice_number: 'trigger.number', total: 'trigger.total', lines: 'trigger.lines', vendor_id: 'trigger.vendor_id', currency: 'trigger.currency', text: 'trigger.number' },
  'order.created': { order_id: 'trigger.id', total: '$sum(trigger.lines.(quantity * unit_price))', lines: 'trigger.lines', email: 'trigger.email', text: 'trigger.id' },
  'leave.requested': { leave_id: 'trigger.id', employee_id: 'trigger.employee_id', text: 'trigger.employee_id', days: '($toMillis(trigger.end) - $toMillis(trigger.start)) / 86400000 + 1' },
  // The mailbox splits the sender: its address for lookups, its name for naming (never the whole "Name <email>").
  'mail.received': {
    email: 'trigger.from_email', sender: 'trigger.from_name', sender_email: 'trigger.from_email', vendor_name: 'trigger.from_name', vendor_email: 'trigger.from_email',
    subject: 'trigger.subject', text: 'trigger.body', document: 'trigger.attachments[0]'
  }
};

export function event(connector: string, name: string, said: string, view: CatalogView, lang: Lang): Omit<TriggerFound, 'start' | 'end'> | undefined {
  if (!view.hasEvent(connector, name)) return undefined;
  return {
    trigger: { kind: 'event', connector, event: name },
    bindings: EVENT_BINDINGS[name] ?? {},
    assumptions: [pick(lang, [`I assumed "${said.trim()}" means the ${view.label(connector)} event "${name}".`, `"${said.trim()}"을(를) ${view.label(connector)}의 "${name}" 이벤트로 가정했습니다.`])],
    document: name === 'mail.received' ? 'mail' : undefined
  };
}

/** The words that open an event clause: "when", "whenever", "each time", "once", "after", "as soon as". */
const WHEN = String.raw`(?:when(?:ever)?|each\s+time|every\s+time|any\s*time|once|after|as\s+soon\s+as)`;
/** A record coming into being, in the passive: "is created", "gets added", "has been registered". */
const MADE = String.raw`(?:is|gets|got|has\s+been|was)\s+(?:created|added|registered|entered|set\s+up|made|booked)`;
/** Korean passive endings of the same: "생성되면", "등록될 때마다", "추가되었을 때". */
const KO_MADE = String.raw`(?:새로\s*)?(?:생성|등록|추가|입력)(?:되면|될\s*때마다|되었을\s*때|됐을\s*때)`;

const RULES: TriggerRule[] = [
  {
    // A day of the month said: "on the 25th of every month", "매달 25일에".
    pattern: /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:each|every|the)\s+month\b|\b(?:every|each)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b|매(?:달|월)\s*(\d{1,2})\s*일(?:에|마다)?/i,
    make: (m, _view, lang) => {
      const day = Math.min(28, Math.max(1, Number(m[1] ?? m[2] ?? m[3])));
      return schedule(`0 9 ${day} * *`, m[0], lang, ['I assumed 9 in the morning on that day.', '그날 아침 9시로 가정했습니다.']);
    }
  },
  {
    // The month's end: the 28th, the last day every month has.
    pattern: /\bat\s+the\s+end\s+of\s+(?:each|every|the)\s+month\b|\b(?:on\s+)?the\s+last\s+(?:working\s+|business\s+)?day\s+of\s+(?:each|every|the)\s+month\b|\bmonth[- ]end\b|\bend\s+of\s+(?:each|every)\s+month\b|매(?:달|월)\s*말(?:일)?에?|월말(?:에|마다)?/i,
    make: (m, _view, lang) => schedule('0 17 28 * *', m[0], lang, ['I assumed the 28th at 5 in the afternoon, a day every month has.', '모든 달에 있는 28일 오후 5시로 가정했습니다.'])
  },
  // Schedules; a time said before "every day" first.
  {
    pattern: /\bat\s+(\d{1,2})(?::[0-5]\d)?\s*(am|pm)?\s*(?:,\s*)?(?:every\s+day|each\s+day|daily|every\s+(weekday))/i,
    make: (m, _view, lang) => schedule(`0 ${hourOf(m[1], m[2])} * * ${m[3] ? '1-5' : '*'}`, m[0], lang)
  },
  { pattern: /\b(?:every|each)\s+(\d+)\s*(second|minute|min|hour|day)s?\b/i, make: (m, _view, lang) => schedule(`${m[1]}${UNIT[m[2].toLowerCase()]}`, m[0], lang) },
  { pattern: /(\d+)\s*(초|분|시간|일)\s*마다/, make: (m, _view, lang) => schedule(`${m[1]}${UNIT[m[2]]}`, m[0], lang) },
  { pattern: /\b(?:(?:every|each)\s+hour|hourly)\b|매\s*시간/i, make: (m, _view, lang) => schedule('1h', m[0], lang) },
  {
    pattern: /\b(?:every|each|on)\s+(mon|tue|wed|thu|fri|sat|sun)(?:day|s?day|nesday|rsday|urday|\.)?s?\b(?:\s+(morning|afternoon|evening))?(?:\s+at\s+(\d{1,2})(?::[0-5]\d)?\s*(am|pm)?)?/i,
    make: (m, _view, lang) => schedule(`0 ${hourOf(m[3], m[4] ?? m[2])} * * ${DAYS[m[1].toLowerCase()]}`, m[0], lang, m[3] || m[2] ? undefined : NINE)
  },
  {
    pattern: /매주\s*([월화수목금토일])요일(?:\s*(아침|오전|오후|저녁))?(?:\s*(\d{1,2})\s*시(?:\s*[0-5]?\d\s*분|\s*반)?)?/,
    make: (m, _view, lang) => schedule(`0 ${hourOf(m[3], m[2])} * * ${DAYS[m[1]]}`, m[0], lang, m[3] || m[2] ? undefined : NINE)
  },
  {
    pattern: /\b(?:(?:every|each)\s+(morning|evening|afternoon|day|weekday)|daily|on\s+(weekday)s)(?:\s+at\s+(\d{1,2})(?::[0-5]\d)?\s*(am|pm)?|\s+(\d{1,2})(?::[0-5]\d)?\s*(am|pm)\b)?/i,
    make: (m, _view, lang) => {
      const part = (m[1] ?? m[2])?.toLowerCase();
      // "daily 8am": the hour said right after, without "at".
      const said = m[3] ?? m[5];
      const hour = said ? hourOf(said, m[4] ?? m[6] ?? part) : part === 'evening' ? 18 : part === 'afternoon' ? 14 : 9;
      return schedule(`0 ${hour} * * ${part === 'weekday' ? '1-5' : '*'}`, m[0], lang, said || part === 'evening' || part === 'afternoon' ? undefined : NINE);
    }
  },
  {
    pattern: /매일(?:\s*(아침|오전|오후|저녁|밤))?(?:\s*(\d{1,2})\s*시(?:\s*[0-5]?\d\s*분|\s*반)?)?|(?:평일\s*)?(아침|오전)\s*(\d{1,2})\s*시(?:\s*[0-5]?\d\s*분|\s*반)?마다/,
    make: (m, _view, lang) => schedule(`0 ${hourOf(m[2] ?? m[4], m[1] ?? m[3])} * * *`, m[0], lang, m[2] || m[4] ? undefined : NINE)
  },
  {
    pattern: /\b(?:(?:every|each)\s+month|monthly|once\s+(?:a|per|each)\s+month|(?:on\s+)?the\s+(?:1st|first)\s+(?:day\s+)?of\s+(?:each|every|the)\s+month)\b|매월|매달|월초에?/i,
    make: (m, _view, lang) => schedule('0 9 1 * *', m[0], lang, ['I assumed the 1st of the month at 9 in the morning.', '매월 1일 아침 9시로 가정했습니다.'])
  },
  {
    pattern: /\b(?:(?:every|each)\s+week|weekly|once\s+(?:a|per|each)\s+week)\b|매주(?!\s*[월화수목금토일]요일)/i,
    make: (m, _view, lang) => schedule('0 9 * * 1', m[0], lang, ['I assumed Monday at 9 in the morning.', '월요일 아침 9시로 가정했습니다.'])
  },
  { pattern: /\bonce\s+(?:a|per|each)\s+day\b|\bonce\s+daily\b|하루\s*(?:에\s*)?한\s*번/i, make: (m, _view, lang) => schedule('0 9 * * *', m[0], lang, NINE) },
  {
    pattern: /([월화수목금토일])요일\s*마다(?:\s*(아침|오전|오후|저녁))?(?:\s*(\d{1,2})\s*시(?:\s*[0-5]?\d\s*분|\s*반)?)?/,
    make: (m, _view, lang) => schedule(`0 ${hourOf(m[3], m[2])} * * ${DAYS[m[1]]}`, m[0], lang, m[3] || m[2] ? undefined : NINE)
  },
  { pattern: /\b(?:every|each)\s+night\b|\bnightly\b|\bat\s+midnight\b|매일\s*밤|자정(?:마다|에)/i, make: (m, _view, lang) => schedule('0 0 * * *', m[0], lang) },
  // Webhooks before events: "when a webhook for a new order comes in" is a webhook.
  {
    pattern: /(?:(?:\b(?:when(?:ever)?|each\s+time|every\s+time|once|as\s+soon\s+as)\s+)?[^,.;]{0,50}?\s+(?:comes?\s+in|arrives?|is\s+sent|are\s+sent|is\s+posted|lands?|is\s+received)\s+(?:through|via|on|from|by|over)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(?:[\w-]+\s+)?)?\bwebhook(?:\s+(?:arrives|comes in|is received|is called|is posted))?(?:\s+(?:at|on|to)\s+\/?([A-Za-z0-9._~/-]+))?|웹\s?훅(?:으로|에|을\s*통해)?(?:\s*[^,.;]{0,30}?(?:오면|들어오면|도착하면|받으면|올\s*때마다))?/i,
    make: (m, _view, lang) => ({
      trigger: { kind: 'webhook', path: (m[1] ?? 'incoming').replace(/^\/+/, '') || 'incoming' },
      bindings: { text: 'trigger.body', email: 'trigger.body.email', vendor_name: 'trigger.body.name', vendor_email: 'trigger.body.email', order_id: 'trigger.body.order_id', total: 'trigger.body.total', lines: 'trigger.body.items' },
      assumptions: [pick(lang, [`I assumed the webhook's data comes as JSON in its body${m[1] ? '' : ', at the path "incoming"'}.`, `웹훅 데이터가 본문에 JSON으로${m[1] ? '' : ' "incoming" 경로로'} 온다고 가정했습니다.`])]
    })
  },
  // Mail before documents: "when an invoice arrives by email" comes from the mailbox.
  {
    pattern: /\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:an?\s+|new\s+|customer\s+)*(?:e-?mail|mail|message)\s+(?:arrives|comes in|is received|lands)|\b(?:if|when(?:ever)?)\s+(?:a\s+|the\s+)?(?:supplier|vendor|customer|client|someone|somebody)\s+(?:sends|emails|mails)\b[^.,;]{0,30}?\bby\s+e-?mail|\b(?:if|when(?:ever)?)\s+(?:a\s+|the\s+)?(?:supplier|vendor|customer|client|someone|somebody)\s+(?:emails|mails)\s+(?:us|me)\b|\b(?:if|when(?:ever)?|once|as\s+soon\s+as)\s+(?:a\s+|the\s+|any\s+)?(?:supplier|vendor|customer|client|someone|somebody|anyone|employee|colleague)\s+(?:e-?mails|mails|writes\s+in)\b|\b(?:if|when(?:ever)?|once|after|as\s+soon\s+as)\s+(?:a\s+|the\s+)?(?:supplier|vendor|customer|client|someone|somebody)\s+(?:writes\s+(?:in|to\s+us)|gets\s+in\s+touch)\b|\b(?:e-?mail|mail)\s+(?:arrives|comes in)|\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:we|I)\s+(?:get|receive)\s+(?:an?\s+|new\s+)*(?:e-?mail|mail|message)|\b(?:on|for)\s+(?:each|every)\s+(?:incoming|new)\s+(?:e-?mail|mail)|\b(?:if|when(?:ever)?|once)\s+(?:an?\s+|the\s+|any\s+)?(?:incoming\s+)?(?:e-?mail|mail|message)\s+(?:has|comes\s+with|contains|includes|brings)\b|\b(?:each|every|any)\s+(?:incoming\s+|new\s+)?(?:e-?mail|mail|message)\s+(?:from|that\s+(?:comes|arrives)|we\s+(?:get|receive))\b(?:\s+(?:an?\s+|the\s+|our\s+)?[\w-]+)?|\b(?:when(?:ever)?|each\s+time|every\s+time|once|as\s+soon\s+as)\s+[^,.;]{0,40}?\b(?:mailbox|inbox)\b(?:\s+(?:gets|receives)\s+(?:an?\s+)?(?:new\s+)?(?:e-?mail|mail|message))?|(?:메일함|받은\s*편지함)(?:에|으로)\s*[^,.;]{0,20}?(?:오면|들어오면|도착하면|올\s*때마다)|\b(?:when(?:ever)?|if|once)\s+(?:an?\s+|the\s+)?[\w-]+\s+(?:is|are|gets?|comes?)\s+(?:(?:requested|sent|asked\s+for|received|submitted)(?:\s+in)?|in)\s+(?:by|via|over|through)\s+(?:e-?)?mail\b|(?:메일|이메일)\s*(?:수신\s*시|이\s*수신되면)|(?:arrives?|comes in)\s+by\s+e-?mail|(?:이|새\s*)?메일(?:이|을)?\s*(?:오면|도착하면|들어오면|받으면|올\s*때마다)|메일로\s*(?:[가-힣\w]+(?:이|가)\s*)?(?:오면|들어오면|도착하면)|(?:메일|이메일|PDF|pdf|파일|청구서|송장)(?:을|를)?\s*(?:메일로\s*)?(?:보내면|보내\s*오면)/i,
    make: (m, view, lang) => event('sandbox.mail', 'mail.received', m[0], view, lang)
  },
  { pattern: new RegExp(String.raw`\b(?:for|on)\s+(?:each|every|a)\s+new\s+(?:vendor|supplier)\b|\b${WHEN}\s+(?:a\s+)?(?:new\s+(?:vendor|supplier)\b(?:\s+${MADE})?|(?:vendor|supplier)\s+${MADE})|(?:새로운|새|신규)?\s*(?:거래처|공급업체|벤더)(?:가|이)?\s*${KO_MADE}`, 'i'), make: (m, view, lang) => event('sandbox.erp', 'vendor.created', m[0], view, lang) },
  { pattern: new RegExp(String.raw`\b(?:for|on)\s+(?:each|every|a)\s+new\s+invoice\b|\b${WHEN}\s+(?:an?\s+)?(?:new\s+)?invoice\s+${MADE}|(?:새로운|새|신규)?\s*(?:송장|청구서)(?:이|가)?\s*${KO_MADE}`, 'i'), make: (m, view, lang) => event('sandbox.erp', 'invoice.created', m[0], view, lang) },
  { pattern: /\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:a\s+)?new\s+order\b(?:\s+(?:is\s+placed|comes in|arrives|is created))?|\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:an?\s+)?(?:customer\s+|new\s+)?order\s+(?:is\s+placed|gets\s+placed|comes in|arrives|is created|is received|is submitted)|\b(?:when(?:ever)?|each\s+time|every\s+time|any\s*time|once|after|as\s+soon\s+as)\s+(?:a\s+)?(?:customer|client|someone|somebody|a\s+buyer)\s+(?:places|makes|submits|sends)\s+(?:an?\s+)?(?:new\s+)?order|\b(?:when(?:ever)?|each\s+time|every\s+time|any\s*time|once|as\s+soon\s+as)\s+(?:we|I)\s+(?:get|receive|take)\s+(?:an?\s+|a\s+new\s+)?(?:new\s+)?order\b|\b(?:on|for)\s+(?:a\s+|each\s+|every\s+)new\s+order\b|(?:새로운\s*|새\s*|신규\s*)?주문(?:이)?\s*(?:새로\s*)?(?:들어오면|오면|생기면|접수되면|들어올\s*때마다|올\s*때마다|생성되면|등록되면)|(?:고객이|누가)\s*주문하면/i, make: (m, view, lang) => event('sandbox.orders', 'order.created', m[0], view, lang) },
  { pattern: /\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:someone|somebody|an employee|a person|a staff member)?\s*(?:requests|asks for|applies for|submits|files|puts in|sends|makes|books)\s+(?:a\s+|an?\s+|their\s+)?(?:new\s+)?(?:leave|time[\s-]off|vacation|holiday)|\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+a\s+(?:new\s+)?(?:leave|time[\s-]off|vacation)\s+request\b(?:\s+(?:comes in|arrives|is made|is submitted|gets submitted))?|(?:휴가|연차)\s*신청(?:이)?\s*(?:들어오면|오면|접수되면|올라오면|들어올\s*때마다)|휴가(?:를|을)?\s*신청하면/i, make: (m, view, lang) => event('sandbox.hr', 'leave.requested', m[0], view, lang) },
  {
    pattern: /\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:someone|somebody|anyone|I|we|a\s+colleague|staff)\s+(?:drops?|uploads?|adds?|puts?|scans?|sends?|brings?)\s+(?:in\s+|up\s+)?(?:an?\s+|the\s+|their\s+|new\s+)*(?:scanned\s+|paper\s+|photo\s+of\s+an?\s+)?(?:invoice|document|receipt|pdf|file|bill|scan|contract|form|statement)s?\b(?:\s+(?:in|into|on)\b)?|\b(?:when(?:ever)?|each\s+time|every\s+time|once|after|as\s+soon\s+as)\s+(?:an?\s+)?(?:new\s+)?(?:scanned\s+|paper\s+|signed\s+)?(?:(?:invoice|receipt|bill)\s+)?(invoice|document|receipt|pdf|file|bill|scan|contract|form|statement)\s+(?:arrives|is dropped|gets dropped|comes in|is uploaded|gets uploaded|lands|is added)|(?:PDF\s*)?(송장|청구서|문서|영수증|파일|PDF|pdf)(?:\s*(?:사진|스캔본?|이미지|파일|PDF))?(?:이|가|을|를)\s*(?:도착하면|들어오면|올라오면|업로드되면|올리면|업로드하면|넣으면|드롭하면)/i,
    make: (m, _view, lang) => ({
      trigger: { kind: 'document', accept: ['application/pdf', 'image/*', 'text/plain'] },
      bindings: { document: 'trigger', text: 'trigger.text' },
      assumptions: [pick(lang, [`I assumed "${m[0].trim()}" means a document dropped on the recipe or arriving in the sandbox mailbox.`, `"${m[0].trim()}"을(를) 레시피에 끌어다 놓거나 샌드박스 메일함에 도착한 문서로 가정했습니다.`])],
      document: 'document'
    })
  },
  {
    pattern: /\bmanually\b|\bwhen\s+I\s+(?:press|click|hit)\s+run\b|\bwhen\s+I\s+run\s+it\b|^\s*(?:직접\s*)?실행하면|\bon\s+demand\b|\bby\s+hand\b|\bwhen\s+I\s+(?:ask|want|say\s+so)\b|\bwhen\s+I\s+(?:press|click|hit)\s+(?:the\s+)?button\b|수동으로|수동\s*실행|내가\s*실행하면|필요할\s*때|실행\s*버튼을?\s*누르면|버튼을\s*누르면/i,
    make: () => ({ trigger: { kind: 'manual' }, bindings: {}, assumptions: [] })
  }
];

/** The first trigger the words name, in rule order; undefined when none does. */
export function findTrigger(words: string, view: CatalogView, lang: Lang = 'en'): TriggerFound | undefined {
  for (const rule of RULES) {
    const m = rule.pattern.exec(words);
    if (!m) continue;
    const made = rule.make(m, view, lang);
    if (made) return { ...made, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
