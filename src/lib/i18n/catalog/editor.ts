import type { Messages } from './shape';

/** The words of the studio's editor screens (see common.ts for the shared ones). */
export const en = {
  page: {
    title: 'Edit recipe · Sous',
    opening: 'Opening the recipe…',
    missing: 'There is no recipe “{{id}}”.',
    backToRecipes: 'Back to recipes'
  },
  header: {
    back: 'Back to recipes',
    recipeName: 'Recipe name',
    unsaved: 'Unsaved changes',
    saved: 'Saved · version {{version}}',
    history: 'History',
    undo: 'Undo',
    undoWhat: 'Undo: {{what}}',
    undoTitle: 'Undo ({{keys}})',
    redo: 'Redo',
    redoWhat: 'Redo: {{what}}',
    redoTitle: 'Redo ({{keys}})',
    save: 'Save',
    saveTitle: 'Save ({{keys}})',
    saving: 'Saving…',
    explain: 'Explain',
    reword: 'Change with words',
    testRun: 'Test run'
  },
  notes: {
    reworded: 'Changed with words and saved as version {{version}}; Undo or Versions bring the old one back.',
    restored: 'Version {{from}} restored as version {{to}}.'
  },
  reword: {
    title: 'Change “{{name}}” with words',
    accept: 'Apply as a new version',
    note: 'Basic mode drafts the whole recipe again from your words. Applying saves it as a new version; the current one stays in Versions.'
  },
  history: {
    renameRecipe: 'Rename recipe',
    reword: 'Change with words',
    restore: 'Restore version',
    add: 'Add {{what}}',
    disable: 'Disable {{id}}',
    enable: 'Enable {{id}}',
    duplicate: 'Duplicate {{id}}',
    delete: 'Delete {{id}}',
    moveUp: 'Move {{id}} up',
    moveDown: 'Move {{id}} down'
  },
  testRun: {
    title: 'Test run',
    inputLabel: 'Trigger data (JSON)',
    problems_one: 'This recipe has {{count}} problem. Fix it to run it; you can still save.',
    problems_other: 'This recipe has {{count}} problems. Fix them to run it; you can still save.',
    run: 'Run',
    starting: 'Starting…'
  },
  problems: {
    heading: 'Problems',
    none: 'No problems found.',
    trigger: 'trigger'
  },
  versions: {
    button: 'Versions',
    buttonCurrent: 'Versions · v{{version}}',
    region: 'Saved versions',
    notSaved: 'Not saved yet.',
    version: 'Version {{version}}',
    current: 'current',
    restore: 'Restore',
    restoreLabel: 'Restore version {{version}}'
  },
  side: {
    label: 'Step details'
  },
  records: {
    label: 'In the latest test job',
    heading: 'In the test job',
    open: 'open job',
    notRun: 'This step did not run in that job.'
  },
  canvas: {
    label: 'Recipe canvas',
    zoom: 'Zoom controls',
    minimap: 'Minimap of the recipe',
    placing: 'Laying out the recipe…',
    end: 'End',
    loop: 'Loop',
    noSteps: 'No steps',
    addStep: 'Add a step',
    addStepWhere: 'Add a step {{where}}',
    where: {
      after: 'after {{id}}',
      start: 'at the start',
      startOf: 'at the start of {{branch}} in {{parent}}',
      theLoop: 'the loop'
    },
    trigger: 'Trigger: {{kind}}',
    triggerKind: 'Trigger · {{kind}}',
    step: 'Step {{title}}, {{kind}}',
    stepShort: 'Step {{title}} ({{kind}})',
    disabledSuffix: ', disabled',
    disabledTag: ' · disabled',
    problemsSuffix_one: ', {{count}} problem',
    problemsSuffix_other: ', {{count}} problems'
  },
  toolbar: {
    label: 'Actions for step {{title}}',
    moveUp: 'Move {{title}} up (Alt+Up)',
    moveUpTitle: 'Move up (Alt+↑)',
    moveDown: 'Move {{title}} down (Alt+Down)',
    moveDownTitle: 'Move down (Alt+↓)',
    enable: 'Enable {{title}}',
    enableTitle: 'Enable',
    disable: 'Disable {{title}}',
    disableTitle: 'Disable',
    duplicate: 'Duplicate {{title}}',
    duplicateTitle: 'Duplicate',
    delete: 'Delete {{title}} (Delete)',
    deleteTitle: 'Delete (Del)'
  },
  picker: {
    title: 'Add a step',
    close: 'Close the step picker',
    search: 'Search steps',
    placeholder: 'Search actions and steps…',
    none: 'No step matches “{{query}}”.',
    control: 'Control'
  },
  kinds: {
    action: 'Action',
    if: 'If',
    foreach: 'For each',
    try: 'Try',
    set: 'Set variables',
    approval: 'Approval',
    call: 'Call recipe',
    stop: 'Stop',
    ai: 'AI step'
  },
  triggerKinds: {
    manual: 'manual',
    schedule: 'schedule',
    event: 'event',
    document: 'document',
    webhook: 'webhook',
    callable: 'callable'
  },
  control: {
    if: 'If / else',
    ifText: 'Run one of two branches on a condition.',
    foreach: 'For each',
    foreachText: 'Run steps for every item of a list.',
    try: 'Try / catch',
    tryText: 'Handle a failure of the steps inside.',
    set: 'Set variables',
    setText: 'Keep values in vars for later steps.',
    approval: 'Ask for approval',
    approvalText: 'Wait until a person answers.',
    call: 'Call a recipe',
    callText: 'Run another recipe and use its output.',
    stop: 'Stop',
    stopText: 'End the job now.'
  },
  detail: {
    noInput: 'no input yet',
    when: 'when {{condition}}',
    each: '{{as}} in {{items}}',
    item: 'item',
    onFailure: 'on failure, run catch',
    noValues: 'no values yet',
    recipe: 'recipe {{id}}',
    noFields: 'no input fields',
    every: 'every {{every}}',
    cron: 'cron {{cron}}',
    anyDocument: 'any document'
  },
  testStep: {
    button: 'Test this step',
    running: 'Testing…',
    fromJob: 'Using data from the job at {{at}}.',
    fromFailedJob: 'Using data from the job at {{at}} (it did not succeed).',
    fromSample: 'Using the trigger’s sample; earlier steps have not run yet: test run the recipe first.',
    fromSampleOnly: 'Using the trigger’s sample.',
    failed: 'The test could not run: {{message}}',
    missing: 'Not in that job: {{steps}}.',
    confirm: 'This changes data in {{app}}. Test it anyway?',
    confirmGeneric: 'This step changes data. Test it anyway?',
    confirmYes: 'Test it anyway',
    output: 'Output',
    input: 'The input it used',
    noJob: 'Nothing was saved: a test of one step makes no job.',
    cannot: 'Only action and AI steps can be tested on their own.'
  }
} as const;

export const ko: Messages<typeof en> = {
  page: {
    title: '레시피 편집 · Sous',
    opening: '레시피를 여는 중…',
    missing: '“{{id}}” 레시피가 없습니다.',
    backToRecipes: '레시피로 돌아가기'
  },
  header: {
    back: '레시피로 돌아가기',
    recipeName: '레시피 이름',
    unsaved: '저장하지 않은 변경 사항',
    saved: '저장됨 · 버전 {{version}}',
    history: '편집 기록',
    undo: '실행 취소',
    undoWhat: '실행 취소: {{what}}',
    undoTitle: '실행 취소 ({{keys}})',
    redo: '다시 실행',
    redoWhat: '다시 실행: {{what}}',
    redoTitle: '다시 실행 ({{keys}})',
    save: '저장',
    saveTitle: '저장 ({{keys}})',
    saving: '저장 중…',
    explain: '설명',
    reword: '말로 바꾸기',
    testRun: '테스트 실행'
  },
  notes: {
    reworded: '말로 바꾼 레시피를 버전 {{version}}(으)로 저장했습니다. 실행 취소나 버전에서 이전 것을 되살릴 수 있습니다.',
    restored: '버전 {{from}}을(를) 버전 {{to}}(으)로 복원했습니다.'
  },
  reword: {
    title: '“{{name}}”을(를) 말로 바꾸기',
    accept: '새 버전으로 적용',
    note: '기본 모드는 말씀하신 내용으로 레시피 전체를 다시 작성합니다. 적용하면 새 버전으로 저장되고, 지금 버전은 버전 목록에 남습니다.'
  },
  history: {
    renameRecipe: '레시피 이름 바꾸기',
    reword: '말로 바꾸기',
    restore: '버전 복원',
    add: '{{what}} 추가',
    disable: '{{id}} 끄기',
    enable: '{{id}} 켜기',
    duplicate: '{{id}} 복제',
    delete: '{{id}} 삭제',
    moveUp: '{{id}} 위로 이동',
    moveDown: '{{id}} 아래로 이동'
  },
  testRun: {
    title: '테스트 실행',
    inputLabel: '트리거 데이터 (JSON)',
    problems_one: '이 레시피에 문제가 {{count}}개 있습니다. 실행하려면 고치세요. 저장은 할 수 있습니다.',
    problems_other: '이 레시피에 문제가 {{count}}개 있습니다. 실행하려면 고치세요. 저장은 할 수 있습니다.',
    run: '실행',
    starting: '시작하는 중…'
  },
  problems: {
    heading: '문제',
    none: '문제가 없습니다.',
    trigger: '트리거'
  },
  versions: {
    button: '버전',
    buttonCurrent: '버전 · v{{version}}',
    region: '저장된 버전',
    notSaved: '아직 저장하지 않았습니다.',
    version: '버전 {{version}}',
    current: '현재',
    restore: '복원',
    restoreLabel: '버전 {{version}} 복원'
  },
  side: {
    label: '단계 정보'
  },
  records: {
    label: '최근 테스트 작업에서',
    heading: '테스트 작업에서',
    open: '작업 열기',
    notRun: '이 단계는 그 작업에서 실행되지 않았습니다.'
  },
  canvas: {
    label: '레시피 캔버스',
    zoom: '확대/축소',
    minimap: '레시피 미니맵',
    placing: '레시피를 배치하는 중…',
    end: '끝',
    loop: '반복',
    noSteps: '단계 없음',
    addStep: '단계 추가',
    addStepWhere: '{{where}} 단계 추가',
    where: {
      after: '{{id}} 다음에',
      start: '맨 앞에',
      startOf: '{{parent}}의 {{branch}} 맨 앞에',
      theLoop: '반복'
    },
    trigger: '트리거: {{kind}}',
    triggerKind: '트리거 · {{kind}}',
    step: '단계 {{title}}, {{kind}}',
    stepShort: '단계 {{title}} ({{kind}})',
    disabledSuffix: ', 꺼짐',
    disabledTag: ' · 꺼짐',
    problemsSuffix_one: ', 문제 {{count}}개',
    problemsSuffix_other: ', 문제 {{count}}개'
  },
  toolbar: {
    label: '{{title}} 단계 작업',
    moveUp: '{{title}} 위로 이동 (Alt+위쪽)',
    moveUpTitle: '위로 이동 (Alt+↑)',
    moveDown: '{{title}} 아래로 이동 (Alt+아래쪽)',
    moveDownTitle: '아래로 이동 (Alt+↓)',
    enable: '{{title}} 켜기',
    enableTitle: '켜기',
    disable: '{{title}} 끄기',
    disableTitle: '끄기',
    duplicate: '{{title}} 복제',
    duplicateTitle: '복제',
    delete: '{{title}} 삭제 (Delete)',
    deleteTitle: '삭제 (Del)'
  },
  picker: {
    title: '단계 추가',
    close: '단계 선택 닫기',
    search: '단계 검색',
    placeholder: '동작과 단계 검색…',
    none: '“{{query}}”에 맞는 단계가 없습니다.',
    control: '흐름 제어'
  },
  kinds: {
    action: '동작',
    if: '조건',
    foreach: '각 항목마다',
    try: '시도',
    set: '변수 설정',
    approval: '승인',
    call: '레시피 호출',
    stop: '멈춤',
    ai: 'AI 단계'
  },
  triggerKinds: {
    manual: '수동',
    schedule: '일정',
    event: '이벤트',
    document: '문서',
    webhook: '웹훅',
    callable: '호출용'
  },
  control: {
    if: '조건 (만약 / 아니면)',
    ifText: '조건에 따라 두 갈래 중 하나를 실행합니다.',
    foreach: '각 항목마다',
    foreachText: '목록의 항목마다 단계를 실행합니다.',
    try: '시도 / 실패 처리',
    tryText: '안쪽 단계가 실패했을 때 처리합니다.',
    set: '변수 설정',
    setText: '뒤 단계에서 쓸 값을 vars에 보관합니다.',
    approval: '승인 요청',
    approvalText: '사람이 답할 때까지 기다립니다.',
    call: '레시피 호출',
    callText: '다른 레시피를 실행하고 그 결과를 씁니다.',
    stop: '멈춤',
    stopText: '작업을 지금 끝냅니다.'
  },
  detail: {
    noInput: '아직 입력 없음',
    when: '{{condition}}일 때',
    each: '{{items}}의 각 {{as}}',
    item: '항목',
    onFailure: '실패하면 catch 실행',
    noValues: '아직 값 없음',
    recipe: '레시피 {{id}}',
    noFields: '입력 필드 없음',
    every: '{{every}}마다',
    cron: 'cron {{cron}}',
    anyDocument: '모든 문서'
  },
  testStep: {
    button: '이 단계 테스트',
    running: '테스트하는 중…',
    fromJob: '{{at}} 작업의 데이터를 씁니다.',
    fromFailedJob: '{{at}} 작업의 데이터를 씁니다 (성공하지 못한 작업).',
    fromSample: '트리거의 샘플을 씁니다. 앞 단계는 아직 실행되지 않았습니다. 먼저 레시피를 테스트 실행하세요.',
    fromSampleOnly: '트리거의 샘플을 씁니다.',
    failed: '테스트를 실행하지 못했습니다: {{message}}',
    missing: '그 작업에 없는 단계: {{steps}}.',
    confirm: '이 단계는 {{app}}의 데이터를 바꿉니다. 그래도 테스트할까요?',
    confirmGeneric: '이 단계는 데이터를 바꿉니다. 그래도 테스트할까요?',
    confirmYes: '그래도 테스트',
    output: '출력',
    input: '사용한 입력',
    noJob: '저장된 것은 없습니다. 단계 하나의 테스트는 작업을 만들지 않습니다.',
    cannot: '동작과 AI 단계만 따로 테스트할 수 있습니다.'
  }
};
