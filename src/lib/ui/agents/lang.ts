/** The studio speaks the browser's language where it has the words: Korean for a Korean browser, else English. */
export type UiLang = 'en' | 'ko';

export function uiLang(): UiLang {
  return typeof navigator !== 'undefined' && /^ko\b/i.test(navigator.language ?? '') ? 'ko' : 'en';
}

/** The words of the agent parts of the studio, in both languages (labels the studio keeps stable stay as they are). */
export const WORDS = {
  en: {
    templatesHeading: 'Agent templates',
    templatesIntro: 'Genies that act on what you ask in the chat, on the sandbox apps: nothing to set up.',
    useTemplate: 'Use template',
    installing: 'Installing…',
    trySaying: 'Try saying',
    installed: (title: string, recipes: number, agents: number) =>
      `Installed “${title}”: ${recipes} recipe${recipes === 1 ? '' : 's'} and ${agents} agent${agents === 1 ? '' : 's'}.`,
    started: (names: string) => `Started (runs by itself): ${names}.`,
    notStarted: (name: string, why: string) => `“${name}” is installed but stopped: ${why}`
  },
  ko: {
    templatesHeading: '에이전트 템플릿',
    templatesIntro: '채팅으로 부탁하면 샌드박스 앱에서 일하는 지니들입니다. 설정할 것이 없습니다.',
    useTemplate: '템플릿 사용',
    installing: '설치 중…',
    trySaying: '이렇게 말해 보세요',
    installed: (title: string, recipes: number, agents: number) => `“${title}” 설치됨: 레시피 ${recipes}개, 에이전트 ${agents}개.`,
    started: (names: string) => `자동 실행 시작됨: ${names}.`,
    notStarted: (name: string, why: string) => `“${name}”은(는) 설치되었지만 중지되어 있습니다: ${why}`
  }
} as const;
