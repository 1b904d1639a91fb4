/**
 * The words of the inspector's pickers (trigger app and event, schedule in words, condition builder), in
 * English and Korean; the language is the browser's, as src/lib/ui/agents/lang.ts reads it.
 */
import { uiLang, type UiLang } from '../../ui/agents/lang';

const en = {
  app: 'App',
  chooseApp: 'Choose an app…',
  event: 'Event',
  chooseEvent: 'Choose an event…',
  chooseAppFirst: 'Choose an app first.',
  fieldsHeading: 'What the event gives',
  noFields: 'This event gives no fields the studio knows of.',
  showNames: 'Show internal names',
  hideNames: 'Hide internal names',
  rawConnector: 'Connector id',
  rawEvent: 'Event name',
  unknownApp: (id: string) => `No app named “${id}” is installed here; choose one of the apps that raise events.`,
  unknownEvent: (event: string, app: string) => `${app} does not raise “${event}”; choose one of its events.`,
  noEventApps: 'No installed app raises events.',
  // schedule
  repeat: 'Repeats',
  scheduleHeading: 'When it runs',
  shapes: {
    minutes: 'Every N minutes',
    hours: 'Every N hours',
    daily: 'Every day',
    weekdays: 'Every weekday (Monday to Friday)',
    weekly: 'Every week',
    monthly: 'Every month',
    custom: 'Custom (interval or cron as text)'
  },
  everyN: 'How many',
  at: 'At',
  onDay: 'On',
  dayOfMonth: 'Day of the month',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  customHint: 'This schedule has no simple form in words; edit it as text below.',
  writes: 'Writes',
  // condition
  builderHeading: 'Build the condition',
  field: 'Field',
  chooseField: 'Choose data…',
  operator: 'Operator',
  value: 'Value',
  addRow: '+ Add a condition',
  addGroup: '+ Add a group',
  remove: 'Remove condition',
  group: 'Group',
  joinRows: 'Join the conditions of group',
  joinGroups: 'Join the groups',
  and: 'and',
  or: 'or',
  always: 'No conditions: “then” always runs. Add a condition to choose.',
  unreadable: 'This condition is written as a formula the builder cannot show. Edit it in the field below, or start over with the builder.',
  startOver: 'Start over with the builder',
  ops: {
    eq: 'is',
    ne: 'is not',
    empty: 'is empty',
    notEmpty: 'is not empty',
    contains: 'contains',
    gt: '>',
    lt: '<',
    ge: '≥',
    le: '≤',
    true: 'is true',
    false: 'is false'
  }
};

type Words = typeof en;

const ko: Words = {
  app: '앱',
  chooseApp: '앱을 고르세요…',
  event: '이벤트',
  chooseEvent: '이벤트를 고르세요…',
  chooseAppFirst: '먼저 앱을 고르세요.',
  fieldsHeading: '이벤트가 주는 데이터',
  noFields: '이 이벤트가 주는 필드를 스튜디오가 알지 못합니다.',
  showNames: '내부 이름 보기',
  hideNames: '내부 이름 숨기기',
  rawConnector: '커넥터 id',
  rawEvent: '이벤트 이름',
  unknownApp: (id: string) => `“${id}” 앱이 여기 설치되어 있지 않습니다. 이벤트를 보내는 앱 중에서 고르세요.`,
  unknownEvent: (event: string, app: string) => `${app}은(는) “${event}” 이벤트를 보내지 않습니다. 이 앱의 이벤트 중에서 고르세요.`,
  noEventApps: '이벤트를 보내는 앱이 설치되어 있지 않습니다.',
  repeat: '반복',
  scheduleHeading: '실행 시각',
  shapes: {
    minutes: 'N분마다',
    hours: 'N시간마다',
    daily: '매일',
    weekdays: '평일마다 (월~금)',
    weekly: '매주',
    monthly: '매월',
    custom: '직접 입력 (간격 또는 cron)'
  },
  everyN: '간격',
  at: '시각',
  onDay: '요일',
  dayOfMonth: '날짜',
  weekdays: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
  customHint: '이 일정은 간단한 말로 나타낼 수 없습니다. 아래에서 직접 고치세요.',
  writes: '저장되는 값',
  builderHeading: '조건 만들기',
  field: '데이터',
  chooseField: '데이터를 고르세요…',
  operator: '비교',
  value: '값',
  addRow: '+ 조건 추가',
  addGroup: '+ 그룹 추가',
  remove: '조건 삭제',
  group: '그룹',
  joinRows: '그룹 안의 조건 연결',
  joinGroups: '그룹 연결',
  and: '그리고',
  or: '또는',
  always: '조건이 없습니다: “then”이 항상 실행됩니다. 조건을 추가하세요.',
  unreadable: '이 조건은 조건 만들기로 보여 줄 수 없는 수식입니다. 아래 칸에서 고치거나 조건 만들기로 새로 시작하세요.',
  startOver: '조건 만들기로 새로 시작',
  ops: {
    eq: '같음',
    ne: '같지 않음',
    empty: '비어 있음',
    notEmpty: '비어 있지 않음',
    contains: '포함',
    gt: '>',
    lt: '<',
    ge: '≥',
    le: '≤',
    true: '참',
    false: '거짓'
  }
};

export const PICKER_WORDS: Record<UiLang, Words> = { en, ko };

export function pickerWords(lang: UiLang = uiLang()): Words {
  return PICKER_WORDS[lang];
}
