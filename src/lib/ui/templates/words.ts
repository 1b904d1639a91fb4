/** The template gallery's words in both languages (labels the studio keeps stable stay as they are). */
export const WORDS = {
  en: {
    heading: 'Start from a template',
    intro: 'Ready-made recipes on the sandbox apps: nothing to set up. Use one, then press Test run.',
    useTemplate: 'Use template',
    adding: 'Adding…',
    uses: 'Uses',
    list: 'Recipe templates'
  },
  ko: {
    heading: '템플릿으로 시작하기',
    intro: '샌드박스 앱에서 바로 돌아가는 레시피입니다. 설정할 것이 없습니다. 하나를 고른 뒤 "Test run"을 눌러 보세요.',
    useTemplate: '템플릿 사용',
    adding: '추가하는 중…',
    uses: '사용',
    list: '레시피 템플릿'
  }
} as const;

/** Connector ids as a person knows them. */
export const APP_WORDS: Record<string, { en: string; ko: string }> = {
  'sandbox.erp': { en: 'ERP', ko: 'ERP' },
  'sandbox.hr': { en: 'HR', ko: '인사' },
  'sandbox.orders': { en: 'Shop', ko: '쇼핑몰' },
  'sandbox.mail': { en: 'Mailbox', ko: '메일함' },
  chat: { en: 'Chat', ko: '채팅' },
  tables: { en: 'Tables', ko: '표' },
  ai: { en: 'AI', ko: 'AI' }
};
