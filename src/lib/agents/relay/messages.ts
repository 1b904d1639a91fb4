/** What the MCP relay's parts of the studio say, in English and Korean (the browser's language picks). */
export type RelayLang = 'en' | 'ko';

export function relayLang(languages: readonly string[] | undefined = globalThis.navigator?.languages): RelayLang {
  return languages?.[0]?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const WORDS = {
  en: {
    notOffered: (id: string) => `"${id}" is not offered to assistants in the Sous studio (tick it on the Assistants page)`,
    denied: 'the person denied it in the Sous studio',
    confirmTitle: 'An assistant wants to run a recipe',
    confirmLead: (title: string) => `An assistant wants to run ${title} with:`,
    noValues: '(no values)',
    changes: (writes: string) => `It changes data: ${writes}.`,
    allow: 'Allow',
    deny: 'Deny',
    pageTitle: 'Assistants (MCP)',
    pageLead:
      'Offer recipes to an outside AI assistant (Claude Desktop, Cursor, any MCP client). It calls them as tools while this studio is open; each call is a job you can see in Jobs, and a recipe that changes data asks you (or the assistant\'s own prompt) first.',
    url: 'MCP address',
    token: 'Token (send as Authorization: Bearer …)',
    copy: 'Copy',
    copied: 'Copied',
    show: 'Show',
    hide: 'Hide',
    tokenFile: (file: string) => `Kept in ${file}.`,
    noServer: 'The MCP endpoint is not running here: start the studio with npm start to offer recipes to assistants.',
    offer: 'Offer to assistants (MCP)',
    noCallable: 'No callable recipes yet: a recipe with a "callable" trigger can be offered as a tool.',
    state: { connecting: 'Connecting to the local server…', serving: 'This tab serves the assistants.', standby: 'Another studio tab serves the assistants.', offline: 'Not connected to the local server.' },
    reads: 'reads only',
    writes: 'changes data'
  },
  ko: {
    notOffered: (id: string) => `"${id}"은(는) Sous 스튜디오에서 어시스턴트에게 제공되지 않습니다(어시스턴트 페이지에서 선택하세요)`,
    denied: 'Sous 스튜디오에서 사용자가 거부했습니다',
    confirmTitle: '어시스턴트가 레시피를 실행하려고 합니다',
    confirmLead: (title: string) => `어시스턴트가 ${title}을(를) 다음 값으로 실행하려고 합니다:`,
    noValues: '(값 없음)',
    changes: (writes: string) => `데이터를 바꿉니다: ${writes}.`,
    allow: '허용',
    deny: '거부',
    pageTitle: '어시스턴트 (MCP)',
    pageLead:
      '외부 AI 어시스턴트(Claude Desktop, Cursor 등 MCP 클라이언트)에게 레시피를 제공합니다. 이 스튜디오가 열려 있는 동안 도구로 호출되며, 각 호출은 작업 목록에서 볼 수 있는 작업이 됩니다. 데이터를 바꾸는 레시피는 먼저 확인을 받습니다.',
    url: 'MCP 주소',
    token: '토큰 (Authorization: Bearer … 로 보냄)',
    copy: '복사',
    copied: '복사됨',
    show: '보기',
    hide: '숨기기',
    tokenFile: (file: string) => `${file}에 보관됩니다.`,
    noServer: '여기서는 MCP 엔드포인트가 실행되지 않습니다. 어시스턴트에게 레시피를 제공하려면 npm start로 스튜디오를 시작하세요.',
    offer: '어시스턴트에게 제공 (MCP)',
    noCallable: '호출 가능한 레시피가 아직 없습니다. "callable" 트리거가 있는 레시피를 도구로 제공할 수 있습니다.',
    state: { connecting: '로컬 서버에 연결 중…', serving: '이 탭이 어시스턴트 요청을 처리합니다.', standby: '다른 스튜디오 탭이 어시스턴트 요청을 처리합니다.', offline: '로컬 서버에 연결되지 않았습니다.' },
    reads: '읽기만 함',
    writes: '데이터 변경'
  }
} as const;

export type RelayWords = (typeof WORDS)[RelayLang];

export function relayWords(lang: RelayLang = relayLang()): RelayWords {
  return WORDS[lang];
}
