/**
 * The connector catalogue as a full-text index (MiniSearch): every action and every event, with its
 * label in English and Korean (the i18n catalogue's connector words), its connector's label, the words of
 * its name and its input field names, and the usual verbs people say for its kind of operation ("look up"
 * for a search, "register" for a create, "조회" for a get). A clause of a request is grounded by searching
 * it, with fuzzy and prefix matching and the labels boosted over the field names; the copilot chooses by the
 * score and the clause's role (an event for "when …", an action for a verb).
 */
import MiniSearch from 'minisearch';
import { en as enWords, ko as koWords } from '../../i18n/catalog/inspector';
import type { CatalogEntry } from './draft-result';
import { NAMES_CATALOG } from './names-catalog';

export type CatalogueRole = 'action' | 'event';

export interface CatalogueHit {
  role: CatalogueRole;
  connector: string;
  /** The action's or the event's name ("vendors.update", "invoice.created"). */
  name: string;
  label: string;
  /** The label in Korean, from the i18n catalogue (the English one where it has none). */
  labelKo: string;
  score: number;
  /** The words of the query that matched, as the index holds them. */
  terms: string[];
  /** For each matched word, the fields it matched in (`verbs`, `things`, `labels`, …). */
  match: Record<string, string[]>;
}

interface CatalogueDoc {
  id: string;
  role: CatalogueRole;
  connector: string;
  name: string;
  label: string;
  labelKo: string;
  labels: string;
  verbs: string;
  /** The things the entry works on: the nouns of its name, in English and Korean. */
  things: string;
  /** Its app: the connector's id and label. */
  app: string;
  fields: string;
}

/**
 * What people say for an operation, by the last word of an action's name or an event's; the same verbs
 * serve every connector, so a new connector's `things.search` is found by "look up the things".
 */
const VERBS: Record<string, string> = {
  search: 'search find look lookup check 검색 조회 찾기 찾아 확인',
  get: 'get fetch read look lookup check retrieve details record info 가져오기 조회 확인 정보 불러',
  list: 'list all every each fetch collect gather pull 목록 전체 모든 리스트 가져 모아 모으',
  create: 'create add make new register record enter book open 만들기 생성 등록 추가 기록 입력',
  update: 'update change edit modify set fix record 고치기 수정 변경 업데이트 바꾸 반영',
  set_status: 'mark status set change approve reject paid 상태 표시 변경 바꾸',
  send: 'send email mail reply write forward notify 보내기 발송 전송 답장 회신 메일',
  post: 'post tell notify share announce ping alert message 알리기 공유 게시 올리기 전달 알림',
  decide: 'decide decision approve reject grant answer outcome result record update 승인 반려 결정 처리 결과 결재 기록',
  lookup: 'lookup look find match check 조회 찾기 확인',
  add: 'add append save log record write insert 추가 저장 기록 남기',
  delete: 'delete remove clear 삭제 지우기 제거',
  request: 'call request fetch api endpoint http url 호출 요청',
  extract: 'extract read pull parse ocr scan fields 추출 읽기 뽑기 인식',
  classify: 'classify sort categorize label tag triage 분류 나누기',
  summarize: 'summarize summary recap digest 요약 정리',
  generate: 'generate write draft compose text 작성 쓰기 생성',
  created: 'created new added registered comes arrives placed 생기 등록 생성 추가 새 들어오',
  received: 'received arrives comes lands incoming new sends emails writes 도착 수신 들어오 오면 받 보내',
  requested: 'requested submitted asks applies comes 신청 요청 들어오'
};

/**
 * Other words for the nouns of action names, in English and Korean, so "거래처" or "supplier" finds
 * `vendors.*` and "the request" finds `leave.*` even where a label does not say it.
 */
const THINGS: Record<string, string> = {
  vendors: 'supplier 거래처 공급업체 벤더 업체',
  vendor: 'supplier 거래처 공급업체 벤더 업체',
  invoices: 'bill 송장 청구서 인보이스',
  invoice: 'bill 송장 청구서 인보이스',
  purchase_orders: 'po 구매 주문 발주',
  employees: 'staff employee person 직원 사원 임직원',
  // Not "time-off": its "off" would find leave in "sign off".
  leave: 'request vacation holiday pto 휴가 연차 신청',
  payslips: 'pay slip salary 급여 명세서 급여명세서 월급',
  orders: 'order 주문',
  order: 'order 주문',
  refunds: 'refund money-back 환불',
  stock: 'inventory sku quantity 재고 수량 품목',
  messages: 'mail email message 메일 이메일 메시지',
  mail: 'email message 메일 이메일',
  rows: 'table row 테이블 표 행',
  tables: 'table row 테이블 표 행'
};

const key = (id: string) => id.replace(/\./g, '_');

function i18nLabel(words: typeof enWords | typeof koWords, connector: string, name: string, role: CatalogueRole): string {
  const group = (role === 'action' ? words.connectors.actions : words.connectors.events) as Record<string, Record<string, string>>;
  return group[key(connector)]?.[key(name)] ?? '';
}

function fieldWords(inputs: string[]): string {
  const ko = koWords.fields as Record<string, string>;
  return inputs.flatMap((name) => [name.replace(/_/g, ' '), ko[name] ?? '']).join(' ');
}

function docsOf(entries: CatalogEntry[]): CatalogueDoc[] {
  return entries.flatMap((entry) => {
    const appKo = (koWords.connectors.apps as Record<string, string>)[key(entry.connector)] ?? '';
    const actions = entry.actions.map((action): CatalogueDoc => {
      const parts = action.name.split('.');
      const verb = parts[parts.length - 1];
      const nouns = parts.slice(0, -1).join(' ');
      return {
        id: `action:${entry.connector}:${action.name}`,
        role: 'action',
        connector: entry.connector,
        name: action.name,
        label: action.label,
        labelKo: i18nLabel(koWords, entry.connector, action.name, 'action') || action.label,
        labels: [action.label, i18nLabel(enWords, entry.connector, action.name, 'action'), i18nLabel(koWords, entry.connector, action.name, 'action')].join(' '),
        verbs: [verb.replace(/_/g, ' '), VERBS[verb] ?? ''].join(' '),
        // An action named by its verb alone (`tables:add`) works on its connector's thing: "the X table".
        things: [nouns.replace(/_/g, ' '), ...parts.slice(0, -1).map((p) => THINGS[p] ?? ''), parts.length === 1 ? (THINGS[entry.connector] ?? '') : ''].join(' '),
        app: [entry.connector.replace(/^sandbox\./, ''), entry.label, appKo].join(' '),
        fields: fieldWords(action.inputs)
      };
    });
    const events = (entry.events ?? []).map((event): CatalogueDoc => {
      const [noun, verb = ''] = event.split('.');
      return {
        id: `event:${entry.connector}:${event}`,
        role: 'event',
        connector: entry.connector,
        name: event,
        label: i18nLabel(enWords, entry.connector, event, 'event') || event,
        labelKo: i18nLabel(koWords, entry.connector, event, 'event') || event,
        labels: [i18nLabel(enWords, entry.connector, event, 'event'), i18nLabel(koWords, entry.connector, event, 'event')].join(' '),
        verbs: [verb, VERBS[verb] ?? ''].join(' '),
        things: [noun, THINGS[noun] ?? ''].join(' '),
        app: [entry.connector.replace(/^sandbox\./, ''), entry.label, appKo].join(' '),
        fields: ''
      };
    });
    return [...actions, ...events];
  });
}

/** Korean particles and endings at a word's end: "거래처를" is "거래처", "조회해서" is "조회". */
const KO_ENDING = /(?:에서는|에서|에게|한테|으로|로|을|를|이|가|은|는|의|와|과|도|만|해서|하고|하면|해줘|해주세요|하여|한\s*뒤|되면|이면|면|고)$/;

/** Words, and for Hangul words their stem and two-letter pieces, so compounds and particles still match. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.flatMap((word) => {
    if (!/[\uac00-\ud7a3]/.test(word)) return [word];
    const stem = word.length > 2 ? word.replace(KO_ENDING, '') || word : word;
    const pieces: string[] = [];
    for (let i = 0; i + 2 <= stem.length; i++) pieces.push(stem.slice(i, i + 2));
    return [...new Set([word, stem, ...pieces])];
  });
}

/** English words to a rough stem ("invoices" → "invoic", "looked" → "look"), so forms meet. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length < 2 || STOP.has(t)) return null;
  if (/[\uac00-\ud7a3]/.test(t)) return t;
  return t.replace(/(?:ies|es|s|ing|ed)$/, (end) => (t.length - end.length >= 3 ? (end === 'ies' ? 'y' : '') : end));
}

const STOP = new Set('a an the to of in on at for by and or it its is are be been was were this that these those their our my your we i me us them they then when if with from into as so please can could would should do does just also all any each every new'.split(' '));

/** Every word the index knows for an operation ("update", "조회", …), to tell a clause that asks for something. */
export const OPERATION_WORDS: ReadonlySet<string> = new Set(Object.values(VERBS).flatMap((v) => v.split(' ')).map((w) => processTerm(w) ?? w));

/** A search over one catalogue; built once per catalogue (a few hundred µs for the built-in one). */
export class CatalogueSearch {
  private readonly index: MiniSearch<CatalogueDoc>;
  private readonly docs: Map<string, CatalogueDoc>;

  constructor(readonly entries: CatalogEntry[]) {
    const docs = docsOf(entries);
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.index = new MiniSearch<CatalogueDoc>({
      fields: ['labels', 'verbs', 'things', 'app', 'fields'],
      storeFields: ['role', 'connector', 'name', 'label'],
      tokenize,
      processTerm
    });
    this.index.addAll(docs);
  }

  /** The best entries for the words, best first; `role` keeps only actions or only events. */
  search(words: string, role?: CatalogueRole, limit = 5): CatalogueHit[] {
    const general = new Set(['new', 'all', 'every', 'each']);
    if (!tokenize(words).some((t) => !general.has(t) && processTerm(t))) return [];
    return this.index
      .search(words, {
        boost: { labels: 3, things: 2, verbs: 1.5, app: 1, fields: 0.5 },
        fuzzy: (term) => (term.length > 5 && !/[\uac00-\ud7a3]/.test(term) ? 0.2 : false),
        prefix: (term) => term.length > 3,
        combineWith: 'OR',
        filter: role ? (r) => r.role === role : undefined
      })
      .slice(0, limit)
      .map((r) => {
        const doc = this.docs.get(String(r.id))!;
        return { role: doc.role, connector: doc.connector, name: doc.name, label: doc.label, labelKo: doc.labelKo, score: r.score, terms: r.terms, match: r.match };
      });
  }

  /**
   * Whether the words name both what the entry does (a verb of its operation) and, in another word, what
   * it works on (a noun of its name or its label): "update the vendor" grounds `vendors.update`; "update"
   * alone, "the vendor" alone, or an app's name ("have AI write") does not.
   */
  grounds(hit: CatalogueHit): boolean {
    const verbs = new Set(Object.keys(hit.match).filter((term) => hit.match[term].includes('verbs')));
    return verbs.size > 0 && Object.keys(hit.match).some((term) => !verbs.has(term) && hit.match[term].some((f) => f === 'things' || f === 'labels'));
  }
}

const built = new WeakMap<CatalogEntry[], CatalogueSearch>();

/** The search for a catalogue, built on first use and kept while the catalogue lives. */
export function catalogueSearch(entries: CatalogEntry[]): CatalogueSearch {
  let search = built.get(entries);
  if (!search) {
    search = new CatalogueSearch(entries);
    built.set(entries, search);
  }
  return search;
}

/** A request's clauses for searching: its sentences and comma parts, and the parts its connectives join. */
function searchClauses(words: string): string[] {
  return words
    .split(/[.;!?,\n]|\b(?:and|then|but|if|when|otherwise)\b|(?:하고|해서|한\s*뒤|한\s*다음|하면|되면|으면)(?=\s)/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 1);
}

/**
 * The catalogue entries a request needs: for each clause its best few actions and events, and for the
 * whole request its best ones, with their connectors' labels; a model's prompt then carries only those.
 * Recall comes first (a prompt without the action it needs cannot be right), so a few near misses stay in.
 */
export function catalogueFor(words: string, entries: CatalogEntry[] = NAMES_CATALOG, perClause = 4): CatalogEntry[] {
  const search = catalogueSearch(entries);
  // The studio's chat is how most recipes tell people anything, and it costs a line of prompt.
  const wanted = new Set<string>(entries.some((e) => e.connector === 'chat') ? ['action:chat:post'] : []);
  const keep = (hits: CatalogueHit[]) => {
    const best = hits[0]?.score ?? 0;
    for (const hit of hits) if (hit.score >= best * 0.3) wanted.add(`${hit.role}:${hit.connector}:${hit.name}`);
  };
  for (const clause of searchClauses(words)) {
    keep(search.search(clause, 'action', perClause));
    keep(search.search(clause, 'event', 1));
  }
  keep(search.search(words, 'action', perClause * 2));
  keep(search.search(words, 'event', 2));
  // What the kept steps need though the words do not say it: a document's fields are read first, and an
  // invoice needs its vendor's id.
  if (/invoice|document|pdf|receipt|attachment|scan|송장|청구서|문서|영수증|첨부/i.test(words)) wanted.add('action:ai:extract');
  if (wanted.has('action:sandbox.erp:invoices.create')) wanted.add('action:sandbox.erp:vendors.search');
  return entries
    .map((entry) => ({
      ...entry,
      actions: entry.actions.filter((a) => wanted.has(`action:${entry.connector}:${a.name}`)),
      events: (entry.events ?? []).filter((e) => wanted.has(`event:${entry.connector}:${e}`))
    }))
    .filter((entry) => entry.actions.length > 0 || entry.events.length > 0);
}
