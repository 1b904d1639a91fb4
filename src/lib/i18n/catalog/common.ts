import type { Messages } from './shape';

/**
 * Words every screen uses: the nav, the buttons that recur, job states. A screen's own words live in its
 * namespace's file beside this one; add a word here only when three or more screens share it.
 */
export const en = {
  nav: {
    label: 'Studio',
    home: 'Sous home',
    waiting: '{{label}}, {{count}} waiting',
    foot: 'Runs in this browser',
    recipes: 'Recipes',
    jobs: 'Jobs',
    inbox: 'Inbox',
    chat: 'Chat',
    agents: 'Agents',
    assistants: 'Assistants',
    tables: 'Tables',
    connectors: 'Connectors',
    connections: 'Connections',
    sandbox: 'Sandbox',
    models: 'Models',
    settings: 'Settings',
    help: 'Help'
  },
  language: {
    label: 'Language'
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    delete: 'Delete',
    run: 'Run',
    create: 'Create',
    edit: 'Edit',
    back: 'Back',
    retry: 'Try again',
    copy: 'Copy',
    download: 'Download',
    dismiss: 'Dismiss',
    next: 'Next',
    done: 'Done',
    add: 'Add',
    remove: 'Remove',
    search: 'Search',
    import: 'Import',
    export: 'Export',
    start: 'Start',
    stop: 'Stop',
    skip: 'Skip'
  },
  status: {
    queued: 'queued',
    running: 'running',
    waiting: 'waiting',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
    uncertain: 'uncertain',
    skipped: 'skipped',
    pending: 'pending'
  },
  words: {
    loading: 'Loading…',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    name: 'Name',
    recipe: 'Recipe',
    trigger: 'Trigger',
    step: 'Step',
    steps: 'Steps',
    job: 'Job',
    connection: 'Connection',
    details: 'Details',
    technicalDetails: 'Technical details'
  },
  time: {
    justNow: 'just now',
    minutesAgo: '{{count}} min ago',
    hoursAgo: '{{count}} h ago',
    daysAgo: '{{count}} d ago',
    ms: '{{ms}} ms',
    seconds: '{{s}} s',
    minutesSeconds: '{{m}} min {{s}} s',
    hoursMinutes: '{{h}} h {{m}} min'
  }
} as const;

export const ko: Messages<typeof en> = {
  nav: {
    label: '스튜디오',
    home: 'Sous 홈',
    waiting: '{{label}}, {{count}}건 대기 중',
    foot: '이 브라우저에서 실행됩니다',
    recipes: '레시피',
    jobs: '작업',
    inbox: '받은 편지함',
    chat: '채팅',
    agents: '에이전트',
    assistants: '어시스턴트',
    tables: '테이블',
    connectors: '커넥터',
    connections: '연결',
    sandbox: '샌드박스',
    models: '모델',
    settings: '설정',
    help: '도움말'
  },
  language: {
    label: '언어'
  },
  actions: {
    save: '저장',
    cancel: '취소',
    close: '닫기',
    delete: '삭제',
    run: '실행',
    create: '만들기',
    edit: '편집',
    back: '뒤로',
    retry: '다시 시도',
    copy: '복사',
    download: '내려받기',
    dismiss: '닫기',
    next: '다음',
    done: '완료',
    add: '추가',
    remove: '제거',
    search: '검색',
    import: '가져오기',
    export: '내보내기',
    start: '시작',
    stop: '중지',
    skip: '건너뛰기'
  },
  status: {
    queued: '대기열',
    running: '실행 중',
    waiting: '기다리는 중',
    succeeded: '성공',
    failed: '실패',
    cancelled: '취소됨',
    uncertain: '불확실',
    skipped: '건너뜀',
    pending: '보류'
  },
  words: {
    loading: '불러오는 중…',
    none: '없음',
    yes: '예',
    no: '아니요',
    name: '이름',
    recipe: '레시피',
    trigger: '트리거',
    step: '단계',
    steps: '단계',
    job: '작업',
    connection: '연결',
    details: '자세히',
    technicalDetails: '기술 정보'
  },
  time: {
    justNow: '방금',
    minutesAgo: '{{count}}분 전',
    hoursAgo: '{{count}}시간 전',
    daysAgo: '{{count}}일 전',
    ms: '{{ms}}ms',
    seconds: '{{s}}초',
    minutesSeconds: '{{m}}분 {{s}}초',
    hoursMinutes: '{{h}}시간 {{m}}분'
  }
};
