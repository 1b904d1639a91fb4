import type { Messages } from './shape';

/** The versions area's words (issue 15): comparing two versions side by side, version notes. */
export const en = {
  title: 'Versions',
  compare: {
    title: 'Compare versions of “{{name}}”',
    before: 'Before',
    after: 'After',
    version: 'Version {{version}}',
    versionCurrent: 'Version {{version}} (current)',
    loading: 'Reading the versions…',
    none: 'No differences.',
    summary: 'Changed: {{changed}} · Added: {{added}} · Removed: {{removed}} · Moved: {{moved}}',
    table: 'Steps of {{before}} and {{after}}, side by side',
    change: 'Change',
    recipe: 'The recipe',
    trigger: 'The trigger',
    steps: 'Steps',
    showSame: 'Show unchanged steps',
    kinds: {
      same: 'Unchanged',
      added: 'Added',
      removed: 'Removed',
      moved: 'Moved',
      changed: 'Changed',
      movedChanged: 'Changed and moved'
    },
    notThere: 'Not in this version',
    absent: '(not set)',
    removedWords: 'removed:',
    addedWords: 'added:',
    endWords: 'end of change',
    top: 'step {{index}}',
    inside: 'step {{index}} in {{branch}} of {{parent}}',
    note: 'Note: {{note}}',
    restore: 'Restore version {{version}}',
    restoreHint: 'Restoring saves that version again as the newest; no version is overwritten.',
    close: 'Close'
  },
  menu: {
    compare: 'Compare',
    compareLabel: 'Compare version {{version}} with the current one',
    comparePrevious: 'Compare version {{version}} with the one before'
  },
  saveNote: {
    open: 'Save with a note…',
    title: 'Save with a note',
    label: 'Note (optional)',
    hint: 'A few words on what changed; it shows in Versions.',
    save: 'Save',
    cancel: 'Cancel'
  },
  pack: {
    compare: 'Compare',
    compareLabel: 'Compare “{{name}}” side by side with version {{version}} here',
    title: '“{{name}}”: what is here and what the pack holds',
    here: 'Here (version {{version}})',
    incoming: 'In the pack'
  }
};

export const ko: Messages<typeof en> = {
  title: '버전',
  compare: {
    title: '“{{name}}” 버전 비교',
    before: '이전',
    after: '이후',
    version: '버전 {{version}}',
    versionCurrent: '버전 {{version}} (현재)',
    loading: '버전을 읽는 중…',
    none: '차이가 없습니다.',
    summary: '변경: {{changed}} · 추가: {{added}} · 삭제: {{removed}} · 이동: {{moved}}',
    table: '{{before}}와(과) {{after}}의 단계 나란히 보기',
    change: '변경',
    recipe: '레시피',
    trigger: '트리거',
    steps: '단계',
    showSame: '바뀌지 않은 단계도 보기',
    kinds: {
      same: '그대로',
      added: '추가됨',
      removed: '삭제됨',
      moved: '이동됨',
      changed: '변경됨',
      movedChanged: '변경 및 이동됨'
    },
    notThere: '이 버전에는 없음',
    absent: '(없음)',
    removedWords: '삭제:',
    addedWords: '추가:',
    endWords: '변경 끝',
    top: '{{index}}번째 단계',
    inside: '{{parent}}의 {{branch}} 안 {{index}}번째 단계',
    note: '메모: {{note}}',
    restore: '버전 {{version}} 복원',
    restoreHint: '복원하면 그 버전을 최신 버전으로 다시 저장합니다. 어떤 버전도 덮어쓰지 않습니다.',
    close: '닫기'
  },
  menu: {
    compare: '비교',
    compareLabel: '버전 {{version}}을(를) 현재 버전과 비교',
    comparePrevious: '버전 {{version}}을(를) 이전 버전과 비교'
  },
  saveNote: {
    open: '메모와 함께 저장…',
    title: '메모와 함께 저장',
    label: '메모 (선택)',
    hint: '무엇이 바뀌었는지 짧게 적으세요. 버전 목록에 보입니다.',
    save: '저장',
    cancel: '취소'
  },
  pack: {
    compare: '비교',
    compareLabel: '“{{name}}”을(를) 여기 있는 버전 {{version}}과(와) 나란히 비교',
    title: '“{{name}}”: 여기 있는 것과 팩에 든 것',
    here: '여기 (버전 {{version}})',
    incoming: '팩에 든 것'
  }
};
