import type { Messages } from './shape';

/** The workshop's words (issue 15): an exercise's task beside the editor, and its one-click check. */
export const en = {
  title: 'Workshop',
  page: {
    subtitle: 'The exercises of the packs you imported: start one, build it, check it.',
    room: 'Room: serve a workshop from this laptop, or join the trainer’s',
    none: 'No exercises are installed yet. A pack with exercises installs them when you import it.',
    importPack: 'Import a pack',
    packLabel: 'Exercises of “{{pack}}”',
    yourRecipe: 'Your recipe: {{id}}',
    tests_one: '{{count}} test',
    tests_other: '{{count}} tests',
    start: 'Start',
    starting: 'Starting…',
    open: 'Open',
    startLabel: 'Start “{{title}}”',
    openLabel: 'Open “{{title}}”'
  },
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
  },
  export: {
    includesAnswer: 'This pack includes the answer to “{{title}}”.',
    answerWithheld: 'The answer to “{{title}}” is left out; choose the recipe “{{id}}” itself to include it.'
  }
};

export const ko: Messages<typeof en> = {
  title: '워크숍',
  page: {
    subtitle: '가져온 팩의 연습 문제입니다. 하나를 시작해 만들고 검사하세요.',
    room: '강의실: 이 노트북에서 워크숍을 열거나 강사의 강의실에 참여',
    none: '아직 설치된 연습 문제가 없습니다. 연습 문제가 있는 팩을 가져오면 함께 설치됩니다.',
    importPack: '팩 가져오기',
    packLabel: '“{{pack}}”의 연습 문제',
    yourRecipe: '내 레시피: {{id}}',
    tests_one: '테스트 {{count}}개',
    tests_other: '테스트 {{count}}개',
    start: '시작',
    starting: '시작하는 중…',
    open: '열기',
    startLabel: '“{{title}}” 시작',
    openLabel: '“{{title}}” 열기'
  },
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
  },
  export: {
    includesAnswer: '이 팩에는 “{{title}}”의 정답이 들어 있습니다.',
    answerWithheld: '“{{title}}”의 정답은 빠졌습니다. 넣으려면 “{{id}}” 레시피 자체를 선택하세요.'
  }
};
