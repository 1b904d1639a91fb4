import type { Messages } from './shape';

/**
 * The words of the recipe list, the jobs screens and the inbox (see common.ts for the shared ones).
 * Stable labels (studio-labels.md) keep their English words and their fixed Korean twins.
 */
export const en = {
  home: {
    subtitle: 'Automations you build, run and share, all in this browser.',
    newFromWords: 'New from words',
    newRecipe: '+ New recipe',
    templates: 'Templates',
    allRecipes: 'All recipes',
    search: 'Search by name or id',
    searchLabel: 'Search recipes',
    emptyBig: 'No recipes yet',
    emptyHelp: 'Use a template above, create one with “New recipe”, or import a recipe file.',
    noMatch: 'No recipe matches “{{query}}”.',
    needs_one: '{{text}} It needs a connection: {{refs}}.',
    needs_other: '{{text}} It needs connections: {{refs}}.',
    chooseConnections: 'Choose connections',
    renamed: 'Renamed to “{{name}}” (version {{version}}).',
    duplicated: 'Duplicated “{{name}}” as {{id}}.',
    exported: 'Exported {{file}}.',
    exportedBlanked: 'Exported {{file}}; secrets were blanked at {{paths}}.',
    deleted: 'Deleted {{name}}',
    undo: 'Undo',
    renameTitle: 'Rename “{{name}}”',
    rename: 'Rename',
    newTitle: 'New recipe',
    orTemplate: 'Or start from a template:',
    runTitle: 'Run “{{name}}”',
    draftTitle: 'New recipe from words',
    createRecipe: 'Create recipe'
  },
  table: {
    label: 'Recipes',
    state: 'State',
    version: 'Version',
    lastRun: 'Last run',
    updated: 'Updated',
    actions: 'Actions',
    run: '▶ Run',
    runName: 'Run {{name}}',
    rename: 'Rename',
    renameName: 'Rename {{name}}',
    duplicate: 'Duplicate',
    duplicateName: 'Duplicate {{name}}',
    export: 'Export',
    exportName: 'Export {{name}}',
    deleteName: 'Delete {{name}}'
  },
  status: {
    noJobs: 'no jobs yet'
  },
  list: {
    subtitle: 'Every run of every recipe, newest first, live as they run.',
    all: 'All jobs',
    noMatch: 'No job matches these filters.',
    none: 'No jobs yet: run a recipe from the Recipes page.',
    table: 'Jobs',
    status: 'Status',
    job: 'Job',
    recipe: 'Recipe',
    started: 'Started',
    duration: 'Duration',
    link: 'Job {{id}}, {{status}}, {{recipe}}',
    rerunTag: 're-run'
  },
  filters: {
    label: 'Filter jobs',
    recipe: 'Recipe',
    allRecipes: 'All recipes',
    status: 'Status',
    anyStatus: 'Any status',
    from: 'From',
    to: 'To',
    clear: 'Clear filters'
  },
  job: {
    headTitle: 'Job {{id}} · Sous',
    summary: 'Job summary',
    errorLabel: 'Job error',
    failed: 'Failed',
    failedAt: 'Failed at step',
    showStep: 'Show step',
    timeline: 'Timeline',
    triggerInput: 'Trigger input',
    output: 'Job output',
    pickStep: 'Pick a step on the timeline to see its input and output.',
    noJob: 'There is no job “{{id}}” here.',
    seeAll: 'See all jobs',
    readFailed: 'Could not read the job: {{error}}',
    rerun: 'Re-run',
    rerunFailed: 'Re-run from failed step',
    statusColon: 'Status: ',
    version: 'Version',
    finished: 'Finished',
    rerunOf: 'Re-run of',
    rerunOfLink: 're-run of'
  },
  timeline: {
    empty: 'No step has run yet.',
    label: 'Steps of job {{id}}',
    row: 'Step {{path}}, {{status}}, {{duration}}'
  },
  step: {
    label: 'Step {{path}}',
    kind: 'Kind',
    attempt: 'Attempt',
    attemptN: 'attempt {{n}}',
    took: 'Took',
    for: 'For {{who}}',
    errorLabel: 'Error of step {{path}}',
    input: 'Input',
    output: 'Output'
  },
  json: {
    copyLabel: 'Copy {{label}}',
    copied: 'Copied'
  },
  name: {
    label: 'Recipe name',
    needed: 'A recipe needs a name.'
  },
  run: {
    trigger: 'Trigger:',
    refused: 'The run was refused: {{message}}',
    reset: 'Reset input',
    starting: 'Starting…',
    inputJson: 'Trigger input (JSON)',
    input: 'Trigger input',
    checkMarked_one: 'Check the marked field: {{names}}.',
    checkMarked_other: 'Check the marked fields: {{names}}.',
    formNeedsObject: 'The form needs a JSON object ({ … }); keep editing as JSON.',
    required: ', required',
    earlier: 'Use input from an earlier job',
    chooseJob: 'Choose a job…',
    sampleFailed: 'No sample could be found; starting from an empty input.'
  },
  input: {
    required: '{{name}} is required.',
    number: '{{name}} must be a number.',
    date: '{{name}} must be a date (YYYY-MM-DD).',
    badJson: '{{name}} is not valid JSON: {{error}}',
    list: '{{name}} must be a JSON list, like [1, 2].',
    object: '{{name}} must be a JSON object, like {"a": 1}.',
    wholeBadJson: 'The input is not valid JSON: {{error}}'
  },
  approval: {
    label: 'Approval {{path}} of job {{id}}',
    waiting: 'An approval is waiting.',
    job: 'job',
    step: 'step',
    for: 'for {{who}}',
    anyone: 'anyone',
    since: 'waiting since {{ago}}',
    answer: 'Answer approval {{path}}'
  },
  uncertain: {
    label: 'Step {{step}} may have run',
    title: 'This step may have run',
    body: 'The job was interrupted while step {{step}} was making its call, and the answer was never saved. Sous cannot tell whether the call happened, and this step is not safe to repeat: running it again could do it twice (a second payment, a second message). Check in the other system, then choose.',
    sent: 'What the step sent',
    output: 'What it answered, if you know it (JSON, optional)',
    outputHelp: 'Later steps see this as the step’s output; left empty, they see nothing (null).',
    badOutput: 'This is not JSON: {{error}}',
    continue: 'It ran: continue',
    rerun: 'Run it again',
    stop: 'Stop the job',
    answered: '{{who}} answered “{{choice}}” {{ago}}.',
    choice: { continue: 'it ran: continue', rerun: 'run it again', stop: 'stop the job' }
  },
  inbox: {
    subtitle: 'Approvals, and steps that may have run, waiting for a person; a job goes on when you answer.',
    emptyBig: 'Nothing is waiting',
    emptyHelp: 'Approvals that jobs ask for show up here, and steps that may have run when a job was cut off.',
    list: 'Waiting approvals',
    uncertainList: 'Steps that may have run',
    uncertainMessage: 'Step {{step}} may have run: check in the app, then say what happened.',
    uncertainOpen: 'Check and answer'
  },
  lifecycle: {
    started: 'Started',
    stopped: 'Stopped',
    update: 'Update running recipe',
    starting: 'Starting…',
    stopping: 'Stopping…',
    refusedTitle: '“{{name}}” cannot start',
    refusedLead: 'Nothing was changed. Fix these first:',
    manual: 'Runs when a person runs it',
    callable: 'Runs when another recipe or an agent calls it',
    draft: 'Draft (v{{newest}}) · running v{{active}}',
    next: '{{described}} · next run {{at}}{{zone}}',
    zone: 'Time zone: {{zone}}',
    named: '{{word}} {{name}}'
  },
  effect: {
    read: 'Reads only',
    write: 'Changes data',
    readTip: 'No step changes data, so an agent or assistant runs it without asking first.',
    writeTip: 'Changes data with: {{writes}}. An agent or assistant asks to confirm before it runs.',
    actionRead: 'reads',
    actionWrite: 'writes',
    actionByInput: 'reads or writes',
    repeatYes: 'safe to repeat',
    repeatNo: 'not safe to repeat',
    byInputTip: 'Depends on the step: a GET reads, a POST writes.'
  },
  toast: {
    region: 'Notifications',
    close: 'Close notification'
  },
  templates: {
    heading: 'Start from a template',
    intro: 'Ready-made recipes on the sandbox apps: nothing to set up. Use one, then press Test run.',
    useTemplate: 'Use template',
    adding: 'Adding…',
    uses: 'Uses',
    list: 'Recipe templates',
    failed: 'the template “{{title}}” could not be added: {{issues}}',
    apps: { erp: 'ERP', hr: 'HR', orders: 'Shop', mail: 'Mailbox', chat: 'Chat', tables: 'Tables', ai: 'AI' }
  }
} as const;

export const ko: Messages<typeof en> = {
  home: {
    subtitle: '이 브라우저 안에서 만들고, 실행하고, 공유하는 자동화입니다.',
    newFromWords: '말로 새로 만들기',
    newRecipe: '+ 새 레시피',
    templates: '템플릿',
    allRecipes: '모든 레시피',
    search: '이름이나 ID로 검색',
    searchLabel: '레시피 검색',
    emptyBig: '아직 레시피가 없습니다',
    emptyHelp: '위의 템플릿을 사용하거나, “새 레시피”로 만들거나, 레시피 파일을 가져오세요.',
    noMatch: '“{{query}}”에 맞는 레시피가 없습니다.',
    needs_one: '{{text}} 연결이 필요합니다: {{refs}}.',
    needs_other: '{{text}} 연결이 필요합니다: {{refs}}.',
    chooseConnections: '연결 고르기',
    renamed: '“{{name}}”(으)로 이름을 바꿨습니다 (버전 {{version}}).',
    duplicated: '“{{name}}”을(를) {{id}}(으)로 복제했습니다.',
    exported: '{{file}} 파일로 내보냈습니다.',
    exportedBlanked: '{{file}} 파일로 내보냈습니다. 비밀 값은 비웠습니다: {{paths}}.',
    deleted: '{{name}} 삭제됨',
    undo: '되돌리기',
    renameTitle: '“{{name}}” 이름 바꾸기',
    rename: '이름 바꾸기',
    newTitle: '새 레시피',
    orTemplate: '또는 템플릿으로 시작하세요:',
    runTitle: '“{{name}}” 실행',
    draftTitle: '말로 새 레시피 만들기',
    createRecipe: '레시피 만들기'
  },
  table: {
    label: '레시피',
    state: '상태',
    version: '버전',
    lastRun: '최근 실행',
    updated: '수정',
    actions: '동작',
    run: '▶ 실행',
    runName: '{{name}} 실행',
    rename: '이름 바꾸기',
    renameName: '{{name}} 이름 바꾸기',
    duplicate: '복제',
    duplicateName: '{{name}} 복제',
    export: '내보내기',
    exportName: '{{name}} 내보내기',
    deleteName: '{{name}} 삭제'
  },
  status: {
    noJobs: '아직 작업 없음'
  },
  list: {
    subtitle: '모든 레시피의 모든 실행을 최신순으로, 실행되는 대로 보여 줍니다.',
    all: '모든 작업',
    noMatch: '이 필터에 맞는 작업이 없습니다.',
    none: '아직 작업이 없습니다. 레시피 페이지에서 레시피를 실행해 보세요.',
    table: '작업',
    status: '상태',
    job: '작업',
    recipe: '레시피',
    started: '시작',
    duration: '걸린 시간',
    link: '작업 {{id}}, {{status}}, {{recipe}}',
    rerunTag: '재실행'
  },
  filters: {
    label: '작업 필터',
    recipe: '레시피',
    allRecipes: '모든 레시피',
    status: '상태',
    anyStatus: '모든 상태',
    from: '시작일',
    to: '종료일',
    clear: '필터 지우기'
  },
  job: {
    headTitle: '작업 {{id}} · Sous',
    summary: '작업 요약',
    errorLabel: '작업 오류',
    failed: '실패',
    failedAt: '실패한 단계',
    showStep: '단계 보기',
    timeline: '타임라인',
    triggerInput: '트리거 입력',
    output: '작업 출력',
    pickStep: '타임라인에서 단계를 고르면 입력과 출력이 보입니다.',
    noJob: '여기에는 “{{id}}” 작업이 없습니다.',
    seeAll: '모든 작업 보기',
    readFailed: '작업을 읽지 못했습니다: {{error}}',
    rerun: '다시 실행',
    rerunFailed: '실패한 단계부터 다시 실행',
    statusColon: '상태: ',
    version: '버전',
    finished: '끝남',
    rerunOf: '원래 작업',
    rerunOfLink: '다시 실행한 작업'
  },
  timeline: {
    empty: '아직 실행된 단계가 없습니다.',
    label: '작업 {{id}}의 단계',
    row: '단계 {{path}}, {{status}}, {{duration}}'
  },
  step: {
    label: '단계 {{path}}',
    kind: '종류',
    attempt: '시도',
    attemptN: '{{n}}번째 시도',
    took: '걸린 시간',
    for: '담당: {{who}}',
    errorLabel: '단계 {{path}}의 오류',
    input: '입력',
    output: '출력'
  },
  json: {
    copyLabel: '{{label}} 복사',
    copied: '복사됨'
  },
  name: {
    label: '레시피 이름',
    needed: '레시피에는 이름이 있어야 합니다.'
  },
  run: {
    trigger: '트리거:',
    refused: '실행이 거부되었습니다: {{message}}',
    reset: '입력 되돌리기',
    starting: '시작하는 중…',
    inputJson: '트리거 입력 (JSON)',
    input: '트리거 입력',
    checkMarked_one: '표시된 필드를 확인하세요: {{names}}.',
    checkMarked_other: '표시된 필드를 확인하세요: {{names}}.',
    formNeedsObject: '양식에는 JSON 객체({ … })가 필요합니다. JSON으로 계속 고치세요.',
    required: ', 필수',
    earlier: '이전 작업의 입력 사용',
    chooseJob: '작업 고르기…',
    sampleFailed: '샘플을 찾지 못해 빈 입력으로 시작합니다.'
  },
  input: {
    required: '{{name}}은(는) 필수입니다.',
    number: '{{name}}은(는) 숫자여야 합니다.',
    date: '{{name}}은(는) 날짜(YYYY-MM-DD)여야 합니다.',
    badJson: '{{name}}은(는) 올바른 JSON이 아닙니다: {{error}}',
    list: '{{name}}은(는) [1, 2] 같은 JSON 목록이어야 합니다.',
    object: '{{name}}은(는) {"a": 1} 같은 JSON 객체여야 합니다.',
    wholeBadJson: '입력이 올바른 JSON이 아닙니다: {{error}}'
  },
  approval: {
    label: '작업 {{id}}의 승인 {{path}}',
    waiting: '승인을 기다리고 있습니다.',
    job: '작업',
    step: '단계',
    for: '담당: {{who}}',
    anyone: '누구나',
    since: '{{ago}}부터 기다리는 중',
    answer: '승인 {{path}}에 답하기'
  },
  uncertain: {
    label: '단계 {{step}}이(가) 실행되었을 수 있습니다',
    title: '이 단계는 이미 실행되었을 수 있습니다',
    body: '단계 {{step}}이(가) 호출하는 중에 작업이 중단되어 응답이 저장되지 않았습니다. Sous는 호출이 실제로 이루어졌는지 알 수 없고, 이 단계는 반복해도 안전한 단계가 아닙니다. 다시 실행하면 두 번 처리될 수 있습니다(결제 두 번, 메시지 두 번). 상대 시스템에서 확인한 뒤 선택하세요.',
    sent: '단계가 보낸 내용',
    output: '받은 응답(알고 있다면, JSON, 선택 사항)',
    outputHelp: '다음 단계들은 이 값을 이 단계의 출력으로 봅니다. 비워 두면 값이 없습니다(null).',
    badOutput: 'JSON이 아닙니다: {{error}}',
    continue: '실행됨: 계속하기',
    rerun: '다시 실행',
    stop: '작업 중지',
    answered: '{{who}}님이 {{ago}} “{{choice}}”(으)로 답했습니다.',
    choice: { continue: '실행됨: 계속하기', rerun: '다시 실행', stop: '작업 중지' }
  },
  inbox: {
    subtitle: '사람의 답을 기다리는 승인과, 실행되었을 수도 있는 단계입니다. 답하면 작업이 이어집니다.',
    emptyBig: '기다리는 것이 없습니다',
    emptyHelp: '작업이 요청한 승인과, 작업이 중간에 끊겨 실행되었을 수도 있는 단계가 여기에 나타납니다.',
    list: '기다리는 승인',
    uncertainList: '실행되었을 수도 있는 단계',
    uncertainMessage: '{{step}} 단계가 실행되었을 수도 있습니다. 앱에서 확인한 뒤 어떻게 되었는지 알려 주세요.',
    uncertainOpen: '확인하고 답하기'
  },
  lifecycle: {
    started: '시작됨',
    stopped: '중지됨',
    update: '실행 중인 레시피 업데이트',
    starting: '시작하는 중…',
    stopping: '중지하는 중…',
    refusedTitle: '“{{name}}”을(를) 시작할 수 없습니다',
    refusedLead: '아무것도 바뀌지 않았습니다. 먼저 다음을 고치세요:',
    manual: '사람이 실행할 때 실행됩니다',
    callable: '다른 레시피나 에이전트가 부를 때 실행됩니다',
    draft: '초안 (v{{newest}}) · v{{active}} 실행 중',
    next: '{{described}} · 다음 실행 {{at}}{{zone}}',
    zone: '시간대: {{zone}}',
    named: '{{name}} {{word}}'
  },
  effect: {
    read: '읽기만 함',
    write: '데이터 변경',
    readTip: '데이터를 바꾸는 단계가 없어서, 에이전트나 어시스턴트가 묻지 않고 실행합니다.',
    writeTip: '데이터를 바꾸는 단계: {{writes}}. 에이전트나 어시스턴트가 실행 전에 확인을 받습니다.',
    actionRead: '읽기',
    actionWrite: '쓰기',
    actionByInput: '읽기 또는 쓰기',
    repeatYes: '반복해도 안전',
    repeatNo: '반복하면 안전하지 않음',
    byInputTip: '단계에 따라 다릅니다: GET은 읽고, POST는 씁니다.'
  },
  toast: {
    region: '알림',
    close: '알림 닫기'
  },
  templates: {
    heading: '템플릿으로 시작하기',
    intro: '샌드박스 앱에서 바로 돌아가는 레시피입니다. 설정할 것이 없습니다. 하나를 고른 뒤 “테스트 실행”을 눌러 보세요.',
    useTemplate: '템플릿 사용',
    adding: '추가하는 중…',
    uses: '사용',
    list: '레시피 템플릿',
    failed: '“{{title}}” 템플릿을 추가하지 못했습니다: {{issues}}',
    apps: { erp: 'ERP', hr: '인사', orders: '쇼핑몰', mail: '메일함', chat: '채팅', tables: '표', ai: 'AI' }
  }
};
