import type { Messages } from './shape';

/** The words of the help panel (glossary, the README's tour) and the first-run tour. */
export const en = {
  panel: {
    title: 'Help',
    open: 'Open help',
    glossary: 'Words you will see',
    restartTour: 'Restart the tour',
    readme: "Read the README's tour",
    readmeNote: 'From README.md, in the folder Sous was started from.',
    readmeMissing: 'The README is not part of this build.'
  },
  glossary: {
    recipe: { term: 'Recipe', text: 'An automation: one trigger and the steps that follow it. You build it in the editor and share it as a file.' },
    trigger: { term: 'Trigger', text: 'What starts a recipe: a person pressing Run, a schedule, a webhook, or an event in an app (a new mail, a new order).' },
    step: { term: 'Step', text: 'One thing the recipe does, in order: an action, a condition, a loop, an approval, a value to keep.' },
    action: { term: 'Action', text: 'A step that uses an app through its connector: search vendors, post a message, send an HTTP request.' },
    job: { term: 'Job', text: 'One run of a recipe. The Jobs page shows each step with its input, output and any error, and can re-run it.' },
    connection: { term: 'Connection', text: 'An account a recipe uses (a token, a password), kept encrypted in this browser and never exported.' },
    pill: { term: 'Pill', text: 'A value from the trigger or an earlier step, dropped into a field instead of typing its path.' },
    approval: { term: 'Approval', text: 'A step that waits until a person approves or rejects in the Inbox, then goes on.' },
    sample: { term: 'Sample', text: "Example data for the trigger, so a test run and the pills show real values before anything happens for real." },
    version: { term: 'Version', text: 'Each save keeps a version; Versions shows them and brings an older one back.' },
    started: {
      term: 'Started / stopped',
      text: 'A recipe with a schedule, webhook or app event runs by itself only while it is started; stopped, it runs only when you test it.'
    }
  },
  tour: {
    label: 'Getting started',
    progress: '{{step}} of {{total}}',
    templates: {
      title: 'Start from a template',
      text: 'Each card on the Recipes page is a working recipe on the sandbox apps. Its button copies it into your recipes, ready to run.'
    },
    editor: {
      title: 'Change it in the editor',
      text: 'The trigger is at the top and the steps follow. Click a step to change it on the right; pick values with pills instead of typing.'
    },
    test: {
      title: 'Try it with sample data',
      text: 'The test button at the top of the editor runs the recipe with sample data, without starting it for real.'
    },
    jobs: {
      title: 'See what happened',
      text: 'Every run is a job. Jobs shows each step, its data and, if one failed, why and what to do.'
    },
    help: {
      title: 'Help is here',
      text: 'Help explains the words (recipe, trigger, pill…) and starts this tour again.'
    }
  }
} as const;

export const ko: Messages<typeof en> = {
  panel: {
    title: '도움말',
    open: '도움말 열기',
    glossary: '자주 보게 될 말',
    restartTour: '둘러보기 다시 시작',
    readme: 'README의 둘러보기 읽기',
    readmeNote: 'Sous를 시작한 폴더의 README.md에서 가져왔습니다.',
    readmeMissing: '이 빌드에는 README가 들어 있지 않습니다.'
  },
  glossary: {
    recipe: { term: '레시피', text: '자동화 하나: 트리거 하나와 그 뒤에 이어지는 단계들입니다. 편집기에서 만들고 파일로 공유합니다.' },
    trigger: { term: '트리거', text: '레시피를 시작하는 것: 사람이 실행을 누르거나, 일정, 웹훅, 앱의 이벤트(새 메일, 새 주문)입니다.' },
    step: { term: '단계', text: '레시피가 차례로 하는 일 하나: 동작, 조건, 반복, 승인, 보관할 값입니다.' },
    action: { term: '동작', text: '커넥터로 앱을 쓰는 단계: 거래처 검색, 메시지 보내기, HTTP 요청 보내기 등입니다.' },
    job: { term: '작업', text: '레시피를 한 번 실행한 것. 작업 페이지에서 각 단계의 입력, 출력, 오류를 보고 다시 실행할 수 있습니다.' },
    connection: { term: '연결', text: '레시피가 쓰는 계정(토큰, 비밀번호). 이 브라우저에 암호화해 보관하고 내보내지 않습니다.' },
    pill: { term: '데이터 필', text: '트리거나 앞 단계의 값. 경로를 입력하는 대신 필드에 넣습니다.' },
    approval: { term: '승인', text: '받은 편지함에서 사람이 승인하거나 거절할 때까지 기다렸다가 이어지는 단계입니다.' },
    sample: { term: '샘플', text: '트리거의 예시 데이터. 실제로 일이 일어나기 전에도 테스트 실행과 데이터 필에 실제 값이 보입니다.' },
    version: { term: '버전', text: '저장할 때마다 버전이 남습니다. 버전 메뉴에서 보고 예전 버전으로 되돌릴 수 있습니다.' },
    started: {
      term: '시작됨 / 중지됨',
      text: '일정, 웹훅, 앱 이벤트가 있는 레시피는 시작된 동안에만 스스로 실행됩니다. 중지되어 있으면 테스트할 때만 실행됩니다.'
    }
  },
  tour: {
    label: '시작하기',
    progress: '{{total}}단계 중 {{step}}',
    templates: {
      title: '템플릿으로 시작하세요',
      text: '레시피 페이지의 카드마다 샌드박스 앱에서 동작하는 레시피가 있습니다. 카드의 버튼을 누르면 내 레시피로 복사되어 바로 실행할 수 있습니다.'
    },
    editor: {
      title: '편집기에서 바꾸세요',
      text: '맨 위에 트리거가 있고 단계가 이어집니다. 단계를 누르면 오른쪽에서 바꿀 수 있고, 값은 입력하지 않고 데이터 필로 고릅니다.'
    },
    test: {
      title: '샘플 데이터로 해 보세요',
      text: '편집기 위쪽의 테스트 버튼은 레시피를 실제로 시작하지 않고 샘플 데이터로 실행합니다.'
    },
    jobs: {
      title: '무슨 일이 있었는지 보세요',
      text: '실행할 때마다 작업이 하나 생깁니다. 작업 페이지에서 각 단계와 데이터, 실패했다면 그 이유와 할 일을 볼 수 있습니다.'
    },
    help: {
      title: '도움말은 여기 있습니다',
      text: '도움말은 용어(레시피, 트리거, 데이터 필…)를 설명하고 이 둘러보기를 다시 시작합니다.'
    }
  }
};
