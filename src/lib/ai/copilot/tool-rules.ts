/** Steps with the general tools: mail, chat and Slack messages, HTTP requests, tables and AI. */
import type { DraftBuilder } from './draft-builder';
import { channelName, sref } from './words';
import { messageText, type StepRule } from './rule';
import { OUTPUT, out } from './outputs';

/** The words around a match (to its sentence's end), where "#finance" or a quoted text is said. */
function clause(words: string, m: RegExpExecArray): string {
  const rest = words.slice(m.index);
  const end = rest.search(/[.;!?\n]|,\s*(?:and\s+)?(?:then|if|otherwise|finally)\b|(?:하고|한\s*뒤|한\s*후),?\s/);
  return end === -1 ? rest : rest.slice(0, Math.max(end, m[0].length));
}

function quoted(text: string): string | undefined {
  return /["“‘]([^"”’]{2,})["”’]/.exec(text)?.[1];
}

function post(b: DraftBuilder, m: RegExpExecArray, words: string, slack: boolean): void {
  const around = clause(words, m);
  const channel = channelName(around) ?? channelName(words.slice(Math.max(0, m.index - 30), m.index + m[0].length));
  if (!channel) b.assume('I assumed the message goes to the "general" channel, as no channel was named.', '채널을 말하지 않아 "general" 채널로 보낸다고 가정했습니다.');
  const text = quoted(around) ?? messageText(b, askedFor(around) ?? leadOf(b));
  // Slack names channels with their "#"; the studio's chat names them without.
  if (slack) b.action('slack', 'post', { channel: `#${channel ?? 'general'}`, text }, ['Post to Slack', '슬랙에 게시']);
  else b.action('chat', 'post', { channel: channel ?? 'general', text }, ['Post to chat', '채팅에 알리기']);
}

/** Words that name no content of their own: "tell them", "send it", "post a message". */
const EMPTY_ASK = /^(?:it|them|this|that|him|her|us|me|know|channel|team|a\s+(?:message|note|line|ping)|an?\s+(?:update|alert|notification)|message|update|알림|메시지|내용|결과)$/i;

/**
 * What the words ask the message to say: "post the order number to #warehouse" → "Order number",
 * "#인사 채널에 이름과 휴가 기간을 올려줘" → "이름과 휴가 기간"; undefined when they name nothing.
 */
export function askedFor(clauseText: string): string | undefined {
  const en = new RegExp(String.raw`\b(?:${NOTIFY_EN})\s+(?:(?:the\s+)?#[\w-]+(?:\s+channel)?\s+|(?:the\s+)?[\w-]+\s+(?:team|channel)\s+)?(?:with\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(.+?)(?=\s+(?:to|in|on|into|via)\s+(?:#|slack\b|chat\b|the\s+[\w-]+\s+(?:channel|team))|\s+(?:if|when|whenever|once|and|then|by|every|each)\b|\s*[,.;]|\s*$)`, 'i').exec(clauseText);
  const ko = new RegExp(String.raw`(?:(?:#[\w가-힣-]+|[가-힣]+)\s*(?:채널|팀|방)?\s*(?:에|에게|으로|로|한테)\s+)([^,.;]+?)(?:을|를)\s*(?:${NOTIFY_KO})`).exec(clauseText);
  const said = (en?.[1] ?? ko?.[1])?.trim().replace(/^#[\w가-힣-]+\s*/, '').replace(/\s+of\s+(?:them|it|those|these|that)$/i, '');
  if (!said || said.length > 60 || EMPTY_ASK.test(said) || /#|https?:/.test(said) || /^(?:if|when|and|then|by|once|after|whenever)\b/i.test(said)) return undefined;
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/** Words that say how a mail is, not what it is: "a short welcome note" is a welcome note. */
const MAIL_MANNER = /^(?:short|quick|brief|small|little|nice|friendly|polite|automatic|automated|simple|new)$/i;

/** What a mail is when the words say it: "email them a welcome note" → "Welcome note", "환영 메일을 보내" → "환영 메일". */
export function mailTopic(text: string): string | undefined {
  const en = /\b(?:an?|the|our|your|their)\s+((?:[a-z][\w-]*\s+){0,3}?)(e-?mail|mail|note|letter|reminder|notice|confirmation|summary|form|guide|pack|packet|instructions)\b/i.exec(text);
  if (en) {
    const kept = en[1].trim().split(/\s+/).filter((w) => w && !MAIL_MANNER.test(w));
    // "the employee by email" names who, not what.
    if (kept.some((w) => /^(?:by|to|for|with|of|in|on|from|about|via|them|him|her|it|their|his|its|and|or|then)$/i.test(w))) return undefined;
    if (kept.length === 0 && /^(?:e-?mail|mail|note|letter)$/i.test(en[2])) return undefined;
    const said = [...kept, en[2]].join(' ');
    return said.charAt(0).toUpperCase() + said.slice(1);
  }
  // "접수 확인 메일을": up to three words before it, none ending in a particle (who or how, not what).
  const ko = /(?:^|\s)((?:[가-힣]{1,6}\s){0,2}[가-힣]{1,6})\s*(메일|이메일|안내문)(?:을|를)/.exec(text);
  const particle = /(?:에게|한테|께|에|로|으로|을|를|이|가|은|는|고|서|면|요)$/;
  const words = ko?.[1].split(/\s+/).filter((w) => !particle.test(w));
  if (ko && words?.length && !particle.test(ko[1].split(/\s+/).pop()!)) return `${words.join(' ')} ${ko[2]}`;
  return undefined;
}

/** A mail's body: "mail it to them" carries what the step before gave; else what the recipe knows. */
function mailBody(b: DraftBuilder, around: string, lead: string): string {
  const generated = b.known('generated');
  if (generated) return `{{ ${generated} }}`;
  const last = b.readableLast();
  if (last && /\b(?:e-?mail|mail|send|forward)\s+(?:it|them)\s+(?:to|over|along|on)\b|(?:그것을|그걸|이것을|이걸|그\s*내용을)\s*[^,.;]{0,20}?(?:보내|전달)/i.test(around) && !['messages.send', 'post'].includes(last.action)) {
    return `${lead}: {{ $string(${sref(last.id)}) }}`;
  }
  return messageText(b, lead);
}

/** The lead of a message nothing in the words names: what happened (the failure, the trigger's event), never "Update". */
function leadOf(b: DraftBuilder): string {
  if (b.known('failure')) return b.say('Failed', '실패');
  if (b.inRejected()) return b.say('Not approved', '승인되지 않음');
  if (b.inLoop()) return b.say('Item', '항목');
  return b.topic ?? b.say('Update', '알림');
}

/** English verbs that send a line to people: "post", "share", "send", "ping", "warn", "forward". */
const NOTIFY_EN = 'post(?:ing)?|share|sharing|send|forward|say|notify|tell|message|ping|warn|alert|drop|route|flag|escalate';
/** Korean verb stems of the same: "알려줘", "공유해줘", "보내줘", "올려줘", "전달해줘", "게시", "핑". */
/** One label of a list said after "into"/"as", quoted or not. */
const LABEL = String.raw`["“'‘]?[\w-]+["”'’]?`;
/** A quoted Korean label ("환불"). */
const KO_LABEL = String.raw`["“'‘][^"”'’]{1,20}["”'’]`;
const NOTIFY_KO = '알려|공유|보내|올려|전달|게시|남겨|핑|경고';

export const TOOL_RULES: StepRule[] = [
  {
    name: 'slack post',
    // The whole "post to Slack #ops" / "슬랙 #ops 채널에 공유해줘" clause, so the chat rule does not read it again.
    pattern: new RegExp(String.raw`\blet\s+[^.;]{0,30}?\bknow\s+(?:on|in|via|through)\s+slack(?:\s+#[\w-]+)?|\b(?:${NOTIFY_EN})\b[^.;]{0,70}?\b(?:on|in|to|via)\s+slack(?:\s+#[\w-]+)?(?:\s+channel)?|\bslack\s+#[\w-]+(?:\s+channel)?|\bslack\b|슬랙\s*[^.,;]{0,24}?(?:${NOTIFY_KO})|슬랙(?:으로|에)?`, 'i'),
    build: (b, m, words) => {
      const slack = b.view.hasAction('slack', 'post');
      if (!slack) b.assume("This workspace has no Slack connector, so I posted to the studio's chat instead.", '이 작업 공간에는 슬랙 커넥터가 없어 스튜디오 채팅에 대신 게시했습니다.');
      post(b, m, words, slack);
    }
  },
  {
    name: 'chat post',
    pattern: new RegExp(String.raw`\blet\s+(?:#[\w-]+|(?:the\s+)?[\w-]+\s+(?:team|channel)|the\s+team)\s+know|\b(?:tell|notify|alert|ping|warn|message|update|send|remind)\s+(?:#[\w-]+|the\s+[\w-]+\s+(?:team|channel))|\b(?:tell|notify|alert|ping|warn)\s+[\w-]+|\b(?:${NOTIFY_EN})\b[^.;#]{0,30}?\b(?:to|in|on|with|into)\s+(?:#[\w-]+|(?:the\s+)?chat|(?:the\s+)?[\w-]+\s+(?:channel|team))|\b(?:${NOTIFY_EN}|write)\b[^.;#]{0,70}?\b(?:to|in|on|into|for)\s+(?:#[\w-]+|the\s+[\w-]+\s+channel)|\bin\s+(?:the\s+)?chat\b|채팅(?:으로|에|방에)?\s*(?:${NOTIFY_KO})|(?:팀|채널|방|#[\w-]+)\s*(?:에|에게|으로|로|한테|쪽에)?\s*(?:${NOTIFY_KO})|(?:채널|채팅방|단톡방|방|#[\w가-힣-]+)\s*(?:에|에게|으로|로)\s*[^.;,]{0,30}?(?:${NOTIFY_KO})|(?:팀장|담당자|매니저|관리자|책임자)(?:님)?(?:에게|께|한테)(?:도)?\s*(?:${NOTIFY_KO})|알려\s*줘|알림을?\s*(?:보내|줘)`, 'i'),
    uses: [['chat', 'post']],
    build: (b, m, words) => post(b, m, words, false)
  },
  {
    name: 'send mail',
    pattern: /\b(?:send|write)\s+(?:(?:them|him|her|us|me|the\s+[\w-]+|each\s+[\w-]+|every\s+[\w-]+)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:e-?mail|mail|reply|confirmation)|\b(?:e-?)?mail\s+(?:the|them|him|her|it|a|me|us|[\w.+-]+@)|\breply\s+to\b|\b(?:send|forward|mail)\s+(?:it|them|this|that|the\s+[\w-]+)\s+(?:over\s+)?to\s+[\w.+-]+@[\w-]+|\b(?:notify|tell|inform|let|thank|remind|warn|post|send|forward|share)\b[^.;#]{0,40}?\bby\s+e-?mail|(?:[가-힣]+\s+)?(?:이메일|메일)(?:로|으로)\s+(?:[가-힣]+\s+){0,3}(?:이메일|메일)(?:을|를)\s*(?:보내|발송)|(?:이메일|메일)(?:을|를|로)?\s*(?:보내|발송|회신|답장|알려|통보|전달)|메일(?:을|를)\s*(?:\S+\s*)?보내|답장(?:을|를)?\s*(?:보내|해)/i,
    uses: [['sandbox.mail', 'messages.send']],
    build: (b, m, words) => {
      const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(words)?.[0];
      const to = address ?? b.value('email', '');
      const fromStep = b.known('email')?.startsWith('steps.');
      if (!address && fromStep) b.assume('I assumed the mail goes to the address the step before gives.', '앞 단계가 주는 주소로 메일을 보낸다고 가정했습니다.');
      else if (!address) b.assume('I assumed the mail goes to the address the trigger gives.', '트리거가 주는 주소로 메일을 보낸다고 가정했습니다.');
      const around = clause(words, m);
      // "a welcome note", "환영 메일": what the mail is, as its subject and its body's lead.
      const topic = mailTopic(words.slice(Math.max(0, m.index - 20), m.index + around.length));
      const subject = b.known('subject') ? `Re: {{ ${b.known('subject')} }}` : topic ?? (b.inRejected() ? b.say('Not approved', '승인되지 않음') : b.say('Update from Sous', 'Sous 알림'));
      b.action('sandbox.mail', 'messages.send', { to, subject, body: quoted(around) ?? mailBody(b, around, topic ?? leadOf(b)) }, ['Send a mail', '메일 보내기']);
    }
  },
  {
    name: 'http request',
    // A link ends before the punctuation after it ("…/rates; if it fails"), so that ";" still parts clauses.
    pattern: /(?:\b(?:ping|call|hit|poll|query|fetch|check|get|post\s+to|send\s+it\s+to)\s+)?https?:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)]|\b(?:call|hit|query)\s+(?:the|an|our|their)\s+(?:[\w-]+\s+){0,2}?(?:api|endpoint|service)\b|\bhttp\s+request|(?:API|엔드포인트)(?:를|을)?\s*호출/i,
    uses: [['http', 'request']],
    build: (b, m, words) => {
      const url = /https?:\/\/[^\s"'<>]+/.exec(words)?.[0]?.replace(/[.,;)]+$/, '');
      const method = /\b(post|send|push|submit)\b|보내|전송/i.test(clause(words, { ...m, index: Math.max(0, m.index - 25) } as RegExpExecArray)) ? 'POST' : 'GET';
      const input: Record<string, unknown> = { method, url: url ?? 'https://example.com/api' };
      if (method === 'POST') input.body = { text: messageText(b, b.say('Update', '알림')) };
      if (!url) b.assume('I put https://example.com/api as the address: change it to the real one.', '주소를 https://example.com/api로 넣었습니다. 실제 주소로 바꾸세요.');
      const id = b.action('http', 'request', input, ['HTTP request', 'HTTP 요청']);
      b.bind('response', out(id, OUTPUT.httpBody));
    }
  },
  {
    name: 'table lookup',
    pattern: /\b(?:look\s*up|look\s+(?:it|them|the\s+[\w-]+)\s+up|find|check|search)\b[^.;,]{0,40}?\b(?:in|against)\s+(?:the\s+|our\s+|my\s+)?([\w-]+)\s+table|\b(?:check|consult|search)\s+(?:the\s+|our\s+|my\s+)?([\w-]+)\s+table\b|\b([\w-]+)\s+table\b[^.;,]{0,10}?\blookup|([\w가-힣-]+)\s*(?:테이블|표)에서\s*(?:\S+\s*)?(?:조회|찾|확인)|((?:[가-힣]+(?<![로에를을이가는은의와과도서고면])\s)?[\w가-힣-]+)\s*(?:테이블|표)(?:를|을)\s*(?:찾아\s*보|조회|확인|참고|참조|검색|찾)/i,
    uses: [['tables', 'lookup']],
    build: (b, m) => {
      const table = m.slice(1).find(Boolean) as string;
      // What the recipe knows of the thing looked up: its name, a SKU, an address, else the vendor's id.
      const value = b.known('vendor_name') ?? b.known('sku') ?? b.known('email') ?? b.known('vendor_id') ?? b.ref('key');
      const column = b.known('vendor_name') ? 'name' : b.known('sku') ? 'sku' : b.known('email') ? 'email' : b.known('vendor_id') ? 'vendor_id' : 'key';
      const id = b.action('tables', 'lookup', { table, column, value: value ? `{{ ${value} }}` : '' }, [`Look up in ${table}`, `${table}에서 조회`]);
      b.assume(`I assumed the "${table}" table is looked up by its "${column}" column.`, `"${table}" 테이블을 "${column}" 열로 조회한다고 가정했습니다.`);
      b.bind('row', sref(id));
    }
  },
  {
    name: 'table add',
    pattern: /\b(?:add|append|save|log|record|write|export|copy|store|put|sync|create|insert|keep)\b(?=[^.;,]{0,40}?\b(?:to|in|into)\s+(?:the\s+|our\s+|my\s+)?([\w-]+)\s+table)|((?:[가-힣]+(?<!하고|해서|하여|하며|(?<!재|창|광)고)\s)?[\w가-힣-]+)\s*(?:테이블|표)에\s*(?:\S+\s*){0,2}?(?:추가|저장|기록|넣|남기|남겨)/i,
    uses: [['tables', 'add']],
    build: (b, m) => {
      const table = m[1] ?? m[2];
      const row: Record<string, string> = {};
      for (const concept of ['vendor_name', 'invoice_number', 'order_id', 'sku', 'quantity', 'total', 'category', 'summary', 'subject', 'email']) {
        const expr = b.known(concept);
        if (expr) row[concept] = `{{ ${expr} }}`;
      }
      if (Object.keys(row).length === 0) row.value = messageText(b, b.say('Entry', '기록'));
      row.at = '{{ now }}';
      b.action('tables', 'add', { table, row }, [`Add a row to ${table}`, `${table}에 행 추가`]);
    }
  },
  {
    // The table a "table add" read ahead: its words are that step's, not a step of their own.
    name: 'table words',
    control: true,
    pattern: /\b(?:to|in|into)\s+(?:the\s+|our\s+|my\s+)?[\w-]+\s+table\b/i,
    build: () => undefined
  },
  {
    name: 'ai extract',
    pattern: /\bextract|\bread\s+(?:the\s+)?(?:invoice|document|receipt|attachment)|\bread\s+(?:it|them)(?:\s+with\s+ai)?\b|AI로\s*읽|\bpull\s+out\b|\bparse\s+(?:the\s+|it|them)|\bocr\b|\bscan\s+(?:it|them|the\s+(?:pdf|document|invoice|receipt))|추출|읽어|인식해/i,
    uses: [['ai', 'extract']],
    build: (b) => extract(b)
  },
  {
    name: 'ai classify',
    // The label list is part of the match, so a label ("refund", "invoice") is not read as a step of its own.
    pattern: new RegExp(String.raw`\b(?:check|tell|decide|see|work\s+out|figure\s+out|find\s+out|judge)\s+(?:whether|if)\s+(?:it|this|that|the\s+[\w-]+)(?:'s|\s+is)\s+(?:really\s+|actually\s+|truly\s+)?(?:an?\s+)?([\w-]+)(?:\s+(?:request|claim|mail|case))?|((?:[가-힣\w]{1,8}\s*,\s*)+[가-힣\w]{1,8})\s*(?:중\s*하나로|으로|로)\s*(?:분류|나눠|나누)|\b(?:classif(?:y|ies)|categori[sz]e|sort|label|tag|triage)\b(?:\s+(?:it|them|each\s+one|the\s+[\w-]+))?\s+(?:into|as)\s+${LABEL}(?:\s*,\s*${LABEL})*(?:,?\s*(?:or|and)\s+${LABEL})?|(?:${KO_LABEL}\s*,?\s*(?:이나|나|또는|와|과)?\s*)+(?:중\s*하나로|으로|로)?\s*(?:분류|나눠|나누)|\bclassif(?:y|ies)|\bcategori[sz]e|\bsort\s+(?:it|them)\s+into|\btriage|분류`, 'i'),
    uses: [['ai', 'classify']],
    build: (b, m, words) => {
      const list = /\b(?:into|as)\s+([\w-]+(?:\s*,\s*[\w-]+)*(?:,?\s*(?:or|and)\s+[\w-]+))/i.exec(words.slice(m.index));
      const korean = [...words.slice(Math.max(0, m.index - 40), m.index).matchAll(/([가-힣\w]+?)인지/g)].map((k) => k[1]);
      const quotedLabels = [...m[0].matchAll(/["“'‘]([^"”'’]+)["”'’]/g)].map((q) => q[1].trim().toLowerCase());
      // "check whether it's really a refund": that label or not; "환불, 배송, 기타로 분류": the list said.
      const asked = m[1]?.toLowerCase();
      const koList = m[2]?.split(/\s*,\s*/).filter(Boolean);
      const labels = asked
        ? [asked, 'other']
        : koList
        ? koList
        : quotedLabels.length >= 2
        ? quotedLabels
        : list
        ? list[1].split(/\s*,\s*|\s+(?:or|and)\s+/).map((s) => s.trim().toLowerCase()).filter(Boolean)
        : korean.length ? (korean.length === 1 ? [korean[0], '기타'] : korean) : ['urgent', 'normal'];
      if (!asked && !koList && !list && !korean.length) b.assume('I assumed the labels "urgent" and "normal": change them to yours.', '분류 이름을 "urgent"와 "normal"로 가정했습니다. 원하는 이름으로 바꾸세요.');
      const id = b.action('ai', 'classify', { text: b.value('text', ''), labels }, ['Classify', '분류']);
      // "if so", "맞으면": the first label, the one the words asked about.
      b.bind('asked_label', labels[0]);
      b.bind('category', out(id, OUTPUT.classifyLabel));
    }
  },
  {
    // "have AI write a thank-you note", "AI로 답장 초안을 작성해서": text the model writes for the next step.
    name: 'ai generate',
    pattern: /\b(?:have|let|ask|get)\s+(?:the\s+)?AI\s+(?:to\s+)?(?:write|draft|compose|generate|prepare)\b(?!\s+(?:an?\s+|the\s+)?(?:short\s+|brief\s+|quick\s+|daily\s+|weekly\s+)?(?:summary|recap|digest|overview))(?:\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:reply|note|message|answer|text|response|description|email|letter))?|\buse\s+AI\s+to\s+(?:write|draft|compose|generate)\b|\b(?:write|draft|compose|generate)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:reply|note|message|answer|text|response)\s+with\s+AI\b|AI(?:로|가)\s*(?:[^,.;]{0,20}?)(?:작성|써\s*서|써서|쓰고|초안)/i,
    uses: [['ai', 'generate']],
    build: (b, m, words) => {
      const asked = clause(words, m).trim();
      const id = b.action('ai', 'generate', { prompt: messageText(b, asked.charAt(0).toUpperCase() + asked.slice(1)) }, ['Write the text', '글 작성']);
      b.assume('I assumed the AI writes the text from what the recipe knows at that point; it needs the on-device model.', 'AI가 그 시점에 레시피가 아는 내용으로 글을 쓴다고 가정했습니다. 기기 안의 모델이 필요합니다.');
      b.bind('generated', out(id, 'text'));
    }
  },
  {
    name: 'ai summarize',
    // "post a summary to #finance" is the message itself; "a summary of them" names what AI summarises.
    pattern: /\bsummari[sz]e|\bsummary\b(?!\s+(?:to|in|on|into|via)\b)|\bsum\s+(?:it|them)\s+up\b|\brecap\b|\bdigest\b|\btl;?dr\b|요약|정리해서/i,
    uses: [['ai', 'summarize']],
    build: (b) => {
      // Nothing to read from the trigger (a schedule): summarise the list the steps before fetched.
      const list = b.known('text') ? undefined : b.known('list');
      const text = list ? `{{ $string(${list}) }}` : b.value('text', '');
      const id = b.action('ai', 'summarize', { text, max_words: 60 }, ['Summarize', '요약']);
      b.bind('summary', out(id, OUTPUT.summary));
    }
  }
];

/** Read an invoice's fields from the document; later steps read `steps.extract_invoice_fields.fields.NAME.value`. */
export function extract(b: DraftBuilder): void {
  const id = b.action('ai', 'extract', { document: b.value('document', ''), preset: 'invoice' }, ['Extract the invoice fields', '송장 항목 추출']);
  const field = (name: string) => out(id, OUTPUT.extracted(name));
  b.bind('vendor_name', field('vendor'));
  b.bind('invoice_number', field('invoice_number'));
  b.bind('invoice_date', field('invoice_date'));
  b.bind('currency', field('currency'));
  b.bind('total', field('total'));
  b.bind('lines', field('line_items'));
  b.assume('I assumed the invoice fields (vendor, number, date, total, line items) are read with AI extraction.', '송장 항목(거래처, 번호, 날짜, 합계, 품목)을 AI 추출로 읽는다고 가정했습니다.');
}
