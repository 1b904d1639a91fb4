import type { Messages } from './shape';

/** The workshop's words (issue 15): an exercise's task beside the editor, and its one-click check. */
export const en = {
  title: 'Workshop',
  panel: {
    region: 'Exercise',
    fromPack: 'From the pack “{{pack}}”',
    hide: 'Hide the task',
    show: 'Show the task',
    starterNote: 'This is the starter. Your answer is the recipe “{{id}}”: start it from here.',
    start: 'Start this exercise',
    starting: 'Starting…',
    check: 'Check',
    checking: 'Checking…',
    savedOnly: 'Checks version {{version}}, as last saved: save your changes first.',
    notChecked: 'Not checked yet.',
    summary: '{{passed}} of {{total}} tests passed',
    allPassed: 'All {{total}} tests passed.',
    passed: 'Passed',
    failed: 'Failed'
  }
};

export const ko: Messages<typeof en> = {
  title: '워크숍',
  panel: {
    region: '연습 문제',
    fromPack: '“{{pack}}” 팩에서',
    hide: '과제 숨기기',
    show: '과제 보기',
    starterNote: '시작용 레시피입니다. 답안은 “{{id}}” 레시피이며, 여기서 시작할 수 있습니다.',
    start: '이 연습 문제 시작',
    starting: '시작하는 중…',
    check: '검사',
    checking: '검사하는 중…',
    savedOnly: '마지막으로 저장한 버전 {{version}}을(를) 검사합니다. 먼저 변경 사항을 저장하세요.',
    notChecked: '아직 검사하지 않았습니다.',
    summary: '테스트 {{total}}개 중 {{passed}}개 통과',
    allPassed: '테스트 {{total}}개를 모두 통과했습니다.',
    passed: '통과',
    failed: '실패'
  }
};
