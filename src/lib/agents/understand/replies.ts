/**
 * Bare replies to a question or a card: yes, no or cancel. Only a reply made of nothing but such words
 * (and fillers like "please", "thanks") counts; "no, the address is X" is a correction, not a no.
 */
export type Reply = 'yes' | 'no' | 'cancel';

const YES_EN = [
  'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'ok', 'okay', 'okey', 'k', 'kk', 'sure', 'sure thing', 'of course', 'certainly',
  'absolutely', 'definitely', 'go ahead', 'go', 'go on', 'proceed', 'confirm', 'confirmed', 'i confirm', 'do it', 'just do it',
  'correct', 'right', "that's right", 'thats right', 'that is right', "that's correct", 'that is correct', 'all good',
  'looks good', 'sounds good', 'good', 'fine', 'lgtm', 'alright', 'all right', 'affirmative', 'please do', 'yes do it',
  'run it', 'submit', 'send it', 'perfect', 'great', 'go for it', "let's do it", 'lets do it', "let's go", 'continue', 'yes go',
  'yes, correct', 'exactly', 'indeed', 'why not'
];
const NO_EN = ['no', 'n', 'nope', 'nah', 'no way', 'not really', "don't", 'dont', 'do not', "don't do it", 'do not do it', 'not now', 'negative', 'wrong', "that's wrong", 'incorrect'];
const CANCEL_EN = [
  'cancel', 'cancel it', 'cancel that', 'cancel this', 'stop', 'stop it', 'stop that', 'abort', 'quit', 'exit', 'never mind',
  'nevermind', 'nvm', 'forget it', 'forget about it', 'forget that', 'drop it', 'skip it', "let's not", 'lets not', 'cancel please', 'scrap that',
  'i changed my mind', "i've changed my mind", 'changed my mind', 'cancel the request', 'cancel this request', 'stop this', 'no need', 'not needed'
];

/** Korean stems with the endings people add to them ("진행해", "진행해 주세요", "확인했어요"). */
function withEndings(stems: string[], endings: string[]): string[] {
  return stems.flatMap((s) => endings.map((e) => s + e));
}
const KO_DO = ['', '해', '해요', '해줘', '해 줘', '해주세요', '해 주세요', '해줄래', '하세요', '합니다', '할게요', '할게', '하자', '시켜', '시켜줘'];

const YES_KO = [
  '네', '넵', '넹', '예', '응', '웅', '어', 'ㅇㅇ', 'ㅇㅋ', '오케이', '오키', '그래', '그래요', '그럼요', '좋아', '좋아요', '좋습니다', '좋네요',
  '맞아', '맞아요', '맞습니다', '맞네요', '알겠어', '알겠어요', '알겠습니다', '물론', '물론이죠', '당연하죠', '그렇게 해', '그렇게 해줘',
  '그렇게 해 주세요', '부탁해', '부탁해요', '부탁드려요', '부탁합니다', '확인', '확인했어요', '확인했습니다', '예스', '콜', '고고',
  ...withEndings(['진행', '실행', '승인'], KO_DO)
];
const NO_KO = ['아니', '아니요', '아니오', '아뇨', '아니야', '아니에요', '아닙니다', '아니지', '싫어', '싫어요', '안 돼', '안돼', '안 돼요', '안돼요', 'ㄴㄴ', '노', '하지 마', '하지마', '하지 마세요', '하지마세요', '틀려', '틀렸어요', '틀려요'];
const CANCEL_KO = [
  '그만', '그만해', '그만해요', '그만할게요', '그만둘래', '그만두자', '됐어', '됐어요', '됐습니다', '관둬', '관둘래', '필요 없어', '필요없어',
  '필요 없어요', '필요없어요', '중지', '멈춰', '없던 일로', '없던 일로 해줘', '그만할래', '그만할래요', '마음이 바뀌었어요', '안 할래', '안할래', '안 할래요', '안할래요', ...withEndings(['취소', '중단'], [...KO_DO, '할래', '할래요'])
];
/** Words that go with a yes or a no but are neither alone ("네 등록해 주세요", "yes, register it"). */
const ALONG = [
  'and', 'register it', 'add it', 'create it', 'save it', 'send it', 'do that', 'please do it', 'it',
  ...withEndings(['등록', '추가', '처리', '환불', '결제', '생성', '신청', '저장'], KO_DO), '해', '해줘', '해주세요', '해 주세요', '해요'
];
const FILLERS = [...ALONG, 'please', 'pls', 'plz', 'thanks', 'thank you', 'thx', 'ty', 'then', 'now', 'just', 'oh', 'ah', 'well', 'hmm', 'sir', 'actually',
  '요', '좀', '그냥', '감사합니다', '고마워', '고마워요', '이제', '음', '아', '그럼', '제발'];

type Kind = Reply | 'filler';
const PHRASES: Array<[string, Kind]> = [
  ...YES_EN.map((p) => [p, 'yes'] as [string, Kind]),
  ...YES_KO.map((p) => [p, 'yes'] as [string, Kind]),
  ...NO_EN.map((p) => [p, 'no'] as [string, Kind]),
  ...NO_KO.map((p) => [p, 'no'] as [string, Kind]),
  ...CANCEL_EN.map((p) => [p, 'cancel'] as [string, Kind]),
  ...CANCEL_KO.map((p) => [p, 'cancel'] as [string, Kind]),
  ...FILLERS.map((p) => [p, 'filler'] as [string, Kind])
];
/** Spaces dropped, so "진행해주세요" and "진행해 주세요" read alike; longest first. */
const KEYS = PHRASES.map(([p, k]) => [p.replace(/\s+/g, ''), k] as [string, Kind]).sort((a, b) => b[0].length - a[0].length);

/** Every way the text splits into known phrases; the kinds of the first full split found. */
function split(text: string, at = 0, memo = new Map<number, Kind[] | null>()): Kind[] | null {
  if (at === text.length) return [];
  if (memo.has(at)) return memo.get(at)!;
  let found: Kind[] | null = null;
  for (const [key, kind] of KEYS) {
    if (!text.startsWith(key, at)) continue;
    const rest = split(text, at + key.length, memo);
    if (rest) {
      found = [kind, ...rest];
      break;
    }
  }
  memo.set(at, found);
  return found;
}

/** "yes", "ok go ahead", "네 진행해 주세요" → yes; "no" / "아니요" → no; "cancel", "취소", "never mind" → cancel. */
export function classifyReply(text: string): Reply | null {
  if (/^\s*(?:👍|👌|✅|🙆|⭕)+\s*$/u.test(text)) return 'yes';
  if (/^\s*(?:👎|❌|🙅)+\s*$/u.test(text)) return 'no';
  const t = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.,!?;:~…"“”()。！？、👍🙏\-—–]/gu, ' ')
    .replace(/\s+/g, '')
    .trim();
  if (!t || t.length > 40) return null;
  const kinds = split(t);
  if (!kinds) return null;
  const set = new Set(kinds.filter((k) => k !== 'filler'));
  if (set.size === 0) return null;
  if (set.size === 1) return [...set][0] as Reply;
  // "no, cancel it" / "아니 취소해": a no that also cancels is a cancel; yes mixed with anything else is unclear.
  if (!set.has('yes')) return 'cancel';
  return null;
}
