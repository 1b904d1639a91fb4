import type { Messages } from './shape';

/**
 * The studio's problems in plain words: lint's problems by code (`lint.*`, the English as lint writes it),
 * the failure hints behind "Why did this fail?" and PlainError (`hints.*`), and PlainError's own words.
 * `{{open}}`/`{{close}}` stand for `{{`/`}}`, which a message cannot hold as they are.
 */
export const en = {
  /** Why Start refused (src/lib/triggers/lifecycle/start-problems.ts); the English as it writes it. */
  start: {
    manual: 'this recipe runs when a person runs it; it has no trigger to start',
    callable: 'this recipe runs when another recipe or an agent calls it; it has no trigger to start',
    lint: 'problem {{n}} of {{total}}, {{place}}: {{problem}}',
    placeStep: 'at step "{{step}}"',
    placeTrigger: 'in the trigger',
    placeRecipe: 'in the recipe',
    more_one: "and {{count}} more problem: the editor's Problems list shows them all",
    more_other: "and {{count}} more problems: the editor's Problems list shows them all",
    schedule: 'the schedule cannot run: {{message}}',
    webhookEmpty: 'the webhook path needs at least one letter or digit',
    webhookTaken: 'webhook path "{{path}}" is already used by the started recipe "{{name}}" ({{id}}): stop that one or choose another path',
    noRecipe: 'there is no recipe "{{id}}"',
    noVersion: 'recipe "{{id}}" has no version {{version}}'
  },
  lint: {
    duplicate_id: 'the id "{{id}}" is used by another step too',
    after_stop: 'never runs: it comes after a stop',
    items_required: 'the list to go through is required',
    condition_required: 'the condition is required',
    no_connector: 'there is no connector "{{connector}}"',
    no_action: 'the connector "{{connector}}" has no action "{{action}}"',
    input_required: 'the input "{{key}}" is required',
    input_type: 'the input "{{key}}" must be {{expected}}, not {{given}}',
    input_enum: 'the input "{{key}}" must be one of {{expected}}, not {{given}}',
    choose_recipe: 'choose the recipe to call',
    no_recipe: 'there is no recipe "{{id}}"',
    choose_app: 'choose the app whose event starts this recipe',
    unknown_event: 'connector "{{connector}}" raises no event "{{event}}"; it raises {{events}}',
    unknown_event_none: 'connector "{{connector}}" raises no event "{{event}}"; it raises no events',
    choose_event: 'choose the event to wait for: connector "{{connector}}" raises {{events}}',
    choose_event_none: 'choose the event to wait for: connector "{{connector}}" raises no events',
    bad_expression: '{{detail}}',
    hyphen_ref: 'steps.{{id}} reads as steps.{{head}} minus {{rest}}: write steps.`{{id}}` or rename the step to {{rename}}',
    error_outside_catch: '"error" is only set inside a catch',
    loop_name_outside: '"{{name}}" is only set inside a foreach loop',
    loop_name_other: '"{{name}}" is not set here: the loop around this step calls its element {{names}}',
    step_disabled: 'steps.{{id}} is disabled, so it has no output',
    no_step: 'steps.{{id}}: there is no step "{{id}}"',
    step_not_done: 'steps.{{id}} is not done yet when this runs',
    step_not_before: 'steps.{{id}} does not run before this step',
    connection_not_named_one: '{{places}} uses connection "{{ref}}", which the recipe does not name under its connections',
    connection_not_named_other: '{{places}} use connection "{{ref}}", which the recipe does not name under its connections',
    connection_other_connector: 'step "{{id}}" uses connection "{{ref}}", which is for {{for}}, not {{connector}}',
    connection_not_set_up: 'connection "{{ref}}" ({{label}}) is not set up: choose one on the Connections page',
    policy_connector: '{{place}}: the policy {{policy}} does not allow the connector {{subject}}',
    policy_action: '{{place}}: the policy {{policy}} does not allow the action {{subject}}',
    policy_host: '{{place}}: the policy {{policy}} does not allow the host {{subject}} (it allows {{allowed}})',
    policy_host_none: '{{place}}: the policy {{policy}} does not allow the host {{subject}} (it allows no host)',
    policy_approval: '{{place}}: the policy {{policy}} requires an approval step before {{subject}}',
    policy_ai: '{{place}}: the policy {{policy}} does not allow AI steps'
  },
  /** The words lint's parameters are said with. */
  words: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    or: ' or ',
    and: ' and ',
    text: 'the text {{value}}',
    theNumber: 'the number {{value}}',
    list: 'a list',
    object: 'an object',
    trigger: 'the trigger',
    step: 'step "{{id}}"'
  },
  hints: {
    where: {
      step: 'The step "{{step}}"',
      any: 'A step',
      loop: '"{{step}}"',
      loopAny: 'a step'
    },
    needs_model: {
      cause: '{{where}} needs an on-device model, and none is chosen and downloaded{{detail}}',
      fix1: 'Open Models, download a model and choose it, then re-run from the failed step.',
      fix2: 'Or change the step to an action that works in basic mode.'
    },
    model: {
      cause: 'The on-device model could not give a valid answer for {{whereLc}}{{detail}}',
      fix1: 'Re-run from the failed step; a model may answer better the second time.',
      fix2: "Try a larger model on the Models page, or make the step's request simpler."
    },
    approval_timeout: {
      cause: 'Nobody answered the approval of {{whereLc}} in time.',
      fix1: 'Give the approval a longer timeout, or answer it sooner from the Inbox.'
    },
    call: {
      cause: '{{where}} calls another recipe, which is missing, refused the input, or failed{{detail}}',
      fix1: "Open that recipe's own job for its error, or check that the recipe it calls exists and takes this input."
    },
    vault_locked: {
      cause: "{{where}} needed a connection's secret, but the connections vault was locked.",
      fix1: 'Open Connections and unlock the vault with its passphrase, then re-run from the failed step.'
    },
    unreachable: {
      cause: '{{where}} could not reach the address it calls{{detail}}',
      fix1: 'Check that the address and port are right and that the service there is running.',
      fix2: 'Re-run from the failed step once it is up; add a retry to the step if it is often slow.'
    },
    proxy_rate_limited: {
      cause: "The studio's proxy held back {{whereLc}}: too many requests in a short time.",
      fix1: 'Add a retry to the step (3 attempts, exponential backoff).',
      fix2: 'In a loop, lower its concurrency to 1.'
    },
    too_large: {
      cause: "The data of {{whereLc}} was too large for the studio's proxy{{detail}}",
      fix1: 'Ask the API for less at once (a page, a filter, a smaller file).'
    },
    forbidden_address: {
      cause: "The studio's proxy refused the address {{whereLc}} calls{{detail}}",
      fix1: 'Check the address: the proxy refuses private, local and cloud metadata addresses unless they are allowed.',
      fix2: 'If the address is right and yours, start the proxy with --allow for it (for example --allow 127.0.0.1).'
    },
    proxy_other: {
      cause: "The studio's proxy did not send the request of {{whereLc}}{{detail}}",
      fix1: 'Open the studio from the address the proxy serves (start it with npm start) and try again.',
      fix2: 'Check the address the step calls.'
    },
    not_allowed: {
      cause: '{{where}} tried something its connection is not allowed to do.',
      fix1: 'Open Connections and check what this connection may do, or choose another connection for the step.',
      fix2: 'Ask the owner of the account to grant the permission.'
    },
    duplicate: {
      cause: '{{where}} tried to create something that already exists{{detail}}',
      fix1: 'Look it up first (for example a vendor search) and create it only when none is found; the copilot does this for "new vendors".',
      fix2: 'Or use the existing record from the message instead of creating a new one.'
    },
    not_set_up: {
      cause: '{{where}} uses a connection that is not set up on this machine{{detail}}',
      fix1: 'Open Connections, create the connection this recipe names (or pick an existing one), and choose it for the recipe.',
      fix2: 'Then re-run from the failed step.'
    },
    connection: {
      cause: '{{where}} has no usable connection{{detail}}',
      fix1: 'Open Connections, create or pick the connection this recipe names, and choose it for the recipe.',
      fix2: 'Then re-run from the failed step.'
    },
    input: {
      cause: '{{where}} did not get an input it needs{{detail}}',
      fix1: "Open the step in the editor and fill in the input the message names, or point it at an earlier step's output with a data pill.",
      fix2: 'If the value comes from the trigger, check that the trigger gives it (try a run with sample input).'
    },
    items: {
      cause: 'The loop {{loop}} was not given a list{{detail}}',
      fix1: 'Open the loop and point "items" at a list, for example an earlier step\'s list output (a data pill shows which are lists).'
    },
    expression: {
      cause: 'An expression in {{whereLc}} could not be worked out{{detail}}',
      fix1: 'Open the step and check the text between {{open}} and {{close}}: a step id, field name or bracket may be wrong.',
      fix2: 'Use a data pill to insert a value from an earlier step rather than typing its path.'
    },
    auth: {
      cause: 'The other side refused the credentials of {{whereLc}} ({{status}}).',
      fix1: "Open Connections and check the connection's token or password; it may have expired.",
      fix2: 'Check that the step uses the right connection.'
    },
    not_found: {
      cause: 'The address {{whereLc}} called does not exist (404).',
      fix1: 'Check the URL and any id inside it; an earlier step may have given an empty id.'
    },
    too_many: {
      cause: 'The other side said {{whereLc}} sent too many requests (429).',
      fix1: 'Add a retry to the step (3 attempts, exponential backoff) so it waits and tries again.',
      fix2: 'In a loop, lower its concurrency to 1.'
    },
    server: {
      cause: 'The other side had a problem of its own while {{whereLc}} called it ({{status}}).',
      fix1: 'Re-run from the failed step later; it is usually temporary.',
      fix2: 'Add a retry to the step so it tries again by itself.'
    },
    network: {
      cause: '{{where}} could not reach the other side{{detail}}',
      fix1: 'Check that the address is right and the service is up, then re-run from the failed step.',
      fix2: 'Raise the timeout_ms input if the service is slow.'
    },
    not_recipe: {
      cause: 'This file is not a recipe Sous can read{{detail}}',
      fix1: 'Choose a recipe file exported from Sous (.json or .yaml); a PDF, an image or a document cannot be imported as a recipe.',
      fix2: 'To read a document, use the Extract page or a recipe with a document step instead.'
    },
    storage_full: {
      cause: "The browser's storage for Sous is full, so the job's progress could not be saved and the job stopped.",
      fix1: "Free some space: delete old jobs, or other sites' data in the browser's settings.",
      fix2: 'Then re-run from the failed step; everything saved before is still there.'
    },
    other: {
      cause: '{{where}} failed{{code}}{{detail}}',
      fix1: 'Open the failed step in the job and compare its input with what it needs.',
      fix2: 'Fix the step in the editor, then re-run the job from the failed step.'
    }
  },
  plain: {
    what: 'What happened',
    todo: 'What to do',
    details: 'Technical details',
    code: 'Code: {{code}}',
    step: 'Step: {{step}}',
    allow: 'Allow {{host}} for this studio',
    allowing: 'Allowing…',
    allowed: '{{host}} is allowed for this studio until the local server stops.',
    allowFailed: 'Could not allow {{host}}: {{reason}}',
    noServer:
      'This studio is not opened from the local server (npm start), so it cannot allow {{host}} from here. Open the studio with npm start, or ask whoever runs the proxy to allow {{host}}.',
    rerun: 'Re-run from this step',
    rerunning: 'Re-running…',
    rerunFailed: 'Could not re-run: {{reason}}'
  },
  banner: {
    label: 'Background problems'
  },
  /** A write the browser refused for lack of space (StorageFullError), wherever a person saved something. */
  storageFull: {
    this: 'this',
    message:
      "The browser's storage for Sous is full, so {{what}} could not be saved. Everything saved before is still there; free some space (delete old jobs, or other sites' data) and try again."
  }
} as const;

export const ko: Messages<typeof en> = {
  start: {
    manual: '이 레시피는 사람이 실행할 때 실행됩니다. 시작할 트리거가 없습니다',
    callable: '이 레시피는 다른 레시피나 에이전트가 호출할 때 실행됩니다. 시작할 트리거가 없습니다',
    lint: '문제 {{n}}/{{total}}, {{place}}: {{problem}}',
    placeStep: '단계 "{{step}}"',
    placeTrigger: '트리거',
    placeRecipe: '레시피',
    more_one: '문제가 {{count}}개 더 있습니다: 편집기의 문제 목록에 모두 나옵니다',
    more_other: '문제가 {{count}}개 더 있습니다: 편집기의 문제 목록에 모두 나옵니다',
    schedule: '일정을 실행할 수 없습니다: {{message}}',
    webhookEmpty: '웹훅 경로에는 글자나 숫자가 하나 이상 있어야 합니다',
    webhookTaken: '웹훅 경로 "{{path}}"은(는) 시작된 레시피 "{{name}}"({{id}})이(가) 이미 쓰고 있습니다: 그 레시피를 멈추거나 다른 경로를 고르세요',
    noRecipe: '레시피 "{{id}}"이(가) 없습니다',
    noVersion: '레시피 "{{id}}"에 버전 {{version}}이(가) 없습니다'
  },
  lint: {
    duplicate_id: 'ID "{{id}}"을(를) 다른 단계도 쓰고 있습니다',
    after_stop: '실행되지 않습니다: 중지 단계 뒤에 있습니다',
    items_required: '반복할 목록을 지정해야 합니다',
    condition_required: '조건을 입력해야 합니다',
    no_connector: '"{{connector}}" 커넥터가 없습니다',
    no_action: '"{{connector}}" 커넥터에는 "{{action}}" 동작이 없습니다',
    input_required: '입력 "{{key}}"은(는) 필수입니다',
    input_type: '입력 "{{key}}"은(는) {{expected}}이어야 합니다. 지금 값: {{given}}',
    input_enum: '입력 "{{key}}"은(는) {{expected}} 중 하나여야 합니다. 지금 값: {{given}}',
    choose_recipe: '호출할 레시피를 고르세요',
    no_recipe: '"{{id}}" 레시피가 없습니다',
    choose_app: '이 레시피를 시작할 이벤트의 앱을 고르세요',
    unknown_event: '"{{connector}}" 커넥터에는 "{{event}}" 이벤트가 없습니다. 있는 이벤트: {{events}}',
    unknown_event_none: '"{{connector}}" 커넥터에는 "{{event}}" 이벤트가 없습니다. 이 커넥터는 이벤트를 내지 않습니다',
    choose_event: '기다릴 이벤트를 고르세요: "{{connector}}" 커넥터의 이벤트는 {{events}}입니다',
    choose_event_none: '기다릴 이벤트를 고르세요: "{{connector}}" 커넥터는 이벤트를 내지 않습니다',
    bad_expression: '식을 읽을 수 없습니다: {{detail}}',
    hyphen_ref:
      'steps.{{id}}는 steps.{{head}} 빼기 {{rest}}(으)로 읽힙니다: steps.`{{id}}`처럼 백틱으로 감싸거나 단계 이름을 {{rename}}(으)로 바꾸세요',
    error_outside_catch: '"error"는 오류 처리(catch) 안에서만 값이 있습니다',
    loop_name_outside: '"{{name}}"은(는) 반복(foreach) 안에서만 값이 있습니다',
    loop_name_other: '여기에는 "{{name}}" 값이 없습니다: 이 단계를 감싼 반복은 각 항목을 {{names}}(이)라고 부릅니다',
    step_disabled: 'steps.{{id}} 단계는 꺼져 있어서 출력이 없습니다',
    no_step: 'steps.{{id}}: "{{id}}" 단계가 없습니다',
    step_not_done: 'steps.{{id}} 단계는 이 부분이 실행될 때 아직 끝나지 않았습니다',
    step_not_before: 'steps.{{id}} 단계는 이 단계보다 먼저 실행되지 않습니다',
    connection_not_named_one: '{{places}}에서 연결 "{{ref}}"을(를) 쓰지만 레시피의 연결 목록에 그 이름이 없습니다',
    connection_not_named_other: '{{places}}에서 연결 "{{ref}}"을(를) 쓰지만 레시피의 연결 목록에 그 이름이 없습니다',
    connection_other_connector: '"{{id}}" 단계가 쓰는 연결 "{{ref}}"은(는) {{connector}}가 아니라 {{for}}용입니다',
    connection_not_set_up: '연결 "{{ref}}"({{label}})이(가) 설정되지 않았습니다: 연결 페이지에서 하나를 고르세요',
    policy_connector: '{{place}}: 정책 {{policy}}은(는) 커넥터 {{subject}}을(를) 허용하지 않습니다',
    policy_action: '{{place}}: 정책 {{policy}}은(는) 작업 {{subject}}을(를) 허용하지 않습니다',
    policy_host: '{{place}}: 정책 {{policy}}은(는) 호스트 {{subject}}을(를) 허용하지 않습니다 (허용하는 호스트: {{allowed}})',
    policy_host_none: '{{place}}: 정책 {{policy}}은(는) 호스트 {{subject}}을(를) 허용하지 않습니다 (허용하는 호스트가 없습니다)',
    policy_approval: '{{place}}: 정책 {{policy}}은(는) {{subject}} 전에 승인 단계를 요구합니다',
    policy_ai: '{{place}}: 정책 {{policy}}은(는) AI 단계를 허용하지 않습니다'
  },
  words: {
    string: '텍스트',
    number: '숫자',
    integer: '정수',
    boolean: '참 또는 거짓',
    or: ' 또는 ',
    and: ' 및 ',
    text: '텍스트 {{value}}',
    theNumber: '숫자 {{value}}',
    list: '목록',
    object: '객체',
    trigger: '트리거',
    step: '"{{id}}" 단계'
  },
  hints: {
    where: {
      step: '"{{step}}" 단계',
      any: '한 단계',
      loop: '"{{step}}"',
      loopAny: '단계'
    },
    needs_model: {
      cause: '{{where}}에는 기기 내 모델이 필요한데, 골라서 내려받은 모델이 없습니다{{detail}}',
      fix1: '모델 페이지에서 모델을 내려받아 고른 뒤, 실패한 단계부터 다시 실행하세요.',
      fix2: '또는 이 단계를 기본 모드에서 동작하는 작업으로 바꾸세요.'
    },
    model: {
      cause: '기기 내 모델이 {{whereLc}}에 맞는 답을 내지 못했습니다{{detail}}',
      fix1: '실패한 단계부터 다시 실행하세요. 두 번째에는 더 잘 답할 수 있습니다.',
      fix2: '모델 페이지에서 더 큰 모델을 고르거나, 단계의 요청을 더 간단하게 하세요.'
    },
    approval_timeout: {
      cause: '{{whereLc}}의 승인에 제때 아무도 답하지 않았습니다.',
      fix1: '승인 대기 시간을 늘리거나, 받은 편지함에서 더 빨리 답하세요.'
    },
    call: {
      cause: '{{where}}에서 호출한 다른 레시피가 없거나, 입력을 거부했거나, 실패했습니다{{detail}}',
      fix1: '그 레시피의 작업에서 오류를 확인하거나, 호출하는 레시피가 있고 이 입력을 받는지 확인하세요.'
    },
    vault_locked: {
      cause: '{{where}}에는 연결의 비밀 값이 필요했지만 연결 보관함이 잠겨 있었습니다.',
      fix1: '연결 페이지에서 암호로 보관함을 연 다음, 실패한 단계부터 다시 실행하세요.'
    },
    unreachable: {
      cause: '{{where}}이(가) 호출하는 주소에 연결하지 못했습니다{{detail}}',
      fix1: '주소와 포트가 맞는지, 그곳의 서비스가 실행 중인지 확인하세요.',
      fix2: '서비스가 켜지면 실패한 단계부터 다시 실행하세요. 자주 느리다면 단계에 재시도를 추가하세요.'
    },
    proxy_rate_limited: {
      cause: '짧은 시간에 요청이 너무 많아서 스튜디오의 프록시가 {{whereLc}}을(를) 멈춰 두었습니다.',
      fix1: '단계에 재시도를 추가하세요(3회, 점점 길게 기다림).',
      fix2: '반복 안이라면 동시 실행 수를 1로 낮추세요.'
    },
    too_large: {
      cause: '{{whereLc}}의 데이터가 스튜디오 프록시에 비해 너무 큽니다{{detail}}',
      fix1: 'API에 한 번에 더 적게 요청하세요(페이지 나누기, 필터, 더 작은 파일).'
    },
    forbidden_address: {
      cause: '스튜디오의 프록시가 {{whereLc}}이(가) 호출하는 주소를 거부했습니다{{detail}}',
      fix1: '주소를 확인하세요: 프록시는 허용하지 않은 사설, 로컬, 클라우드 메타데이터 주소를 거부합니다.',
      fix2: '주소가 맞고 내 것이라면 프록시를 그 주소에 대한 --allow와 함께 시작하세요(예: --allow 127.0.0.1).'
    },
    proxy_other: {
      cause: '스튜디오의 프록시가 {{whereLc}}의 요청을 보내지 않았습니다{{detail}}',
      fix1: '프록시가 제공하는 주소에서 스튜디오를 열고(npm start로 시작) 다시 시도하세요.',
      fix2: '단계가 호출하는 주소를 확인하세요.'
    },
    not_allowed: {
      cause: '{{where}}이(가) 연결에 허락되지 않은 일을 하려고 했습니다.',
      fix1: '연결 페이지에서 이 연결이 할 수 있는 일을 확인하거나, 단계에 다른 연결을 고르세요.',
      fix2: '계정 주인에게 권한을 달라고 요청하세요.'
    },
    duplicate: {
      cause: '{{where}}이(가) 이미 있는 것을 만들려고 했습니다{{detail}}',
      fix1: '먼저 찾아보고(예: 거래처 검색) 없을 때만 만드세요. 코파일럿은 "새 거래처"에 대해 이렇게 합니다.',
      fix2: '또는 새로 만들지 말고 메시지에 나온 기존 레코드를 쓰세요.'
    },
    not_set_up: {
      cause: '{{where}}이(가) 이 컴퓨터에 설정되지 않은 연결을 씁니다{{detail}}',
      fix1: '연결 페이지에서 이 레시피가 쓰는 연결을 만들거나(또는 있는 연결을 골라) 레시피에 지정하세요.',
      fix2: '그다음 실패한 단계부터 다시 실행하세요.'
    },
    connection: {
      cause: '{{where}}에 쓸 수 있는 연결이 없습니다{{detail}}',
      fix1: '연결 페이지에서 이 레시피가 쓰는 연결을 만들거나 골라서 레시피에 지정하세요.',
      fix2: '그다음 실패한 단계부터 다시 실행하세요.'
    },
    input: {
      cause: '{{where}}에 필요한 입력이 들어오지 않았습니다{{detail}}',
      fix1: '편집기에서 단계를 열고 메시지에 나온 입력을 채우거나, 데이터 필로 앞 단계의 출력을 가리키세요.',
      fix2: '값이 트리거에서 온다면 트리거가 그 값을 주는지 확인하세요(샘플 입력으로 실행해 보세요).'
    },
    items: {
      cause: '{{loop}} 반복에 목록이 주어지지 않았습니다{{detail}}',
      fix1: '반복을 열고 "items"를 목록으로 지정하세요. 예를 들어 앞 단계의 목록 출력입니다(데이터 필에서 목록인 것을 볼 수 있습니다).'
    },
    expression: {
      cause: '{{whereLc}}의 식을 계산할 수 없었습니다{{detail}}',
      fix1: '단계를 열고 {{open}}와 {{close}} 사이의 글을 확인하세요: 단계 ID, 필드 이름, 괄호가 틀렸을 수 있습니다.',
      fix2: '경로를 직접 입력하지 말고 데이터 필로 앞 단계의 값을 넣으세요.'
    },
    auth: {
      cause: '상대 서비스가 {{whereLc}}의 인증 정보를 거부했습니다({{status}}).',
      fix1: '연결 페이지에서 연결의 토큰이나 비밀번호를 확인하세요. 만료되었을 수 있습니다.',
      fix2: '단계가 올바른 연결을 쓰는지 확인하세요.'
    },
    not_found: {
      cause: '{{whereLc}}이(가) 호출한 주소가 없습니다(404).',
      fix1: 'URL과 그 안의 ID를 확인하세요. 앞 단계가 빈 ID를 주었을 수 있습니다.'
    },
    too_many: {
      cause: '상대 서비스가 {{whereLc}}의 요청이 너무 많다고 했습니다(429).',
      fix1: '단계에 재시도를 추가해(3회, 점점 길게 기다림) 기다렸다가 다시 시도하게 하세요.',
      fix2: '반복 안이라면 동시 실행 수를 1로 낮추세요.'
    },
    server: {
      cause: '{{whereLc}}이(가) 호출하는 동안 상대 서비스에 자체 문제가 있었습니다({{status}}).',
      fix1: '나중에 실패한 단계부터 다시 실행하세요. 대개 잠깐의 문제입니다.',
      fix2: '단계에 재시도를 추가해 스스로 다시 시도하게 하세요.'
    },
    network: {
      cause: '{{where}}이(가) 상대 서비스에 연결하지 못했습니다{{detail}}',
      fix1: '주소가 맞고 서비스가 켜져 있는지 확인한 다음, 실패한 단계부터 다시 실행하세요.',
      fix2: '서비스가 느리다면 timeout_ms 입력을 늘리세요.'
    },
    not_recipe: {
      cause: '이 파일은 Sous가 읽을 수 있는 레시피가 아닙니다{{detail}}',
      fix1: 'Sous에서 내보낸 레시피 파일(.json 또는 .yaml)을 고르세요. PDF, 이미지, 문서는 레시피로 가져올 수 없습니다.',
      fix2: '문서를 읽으려면 추출 페이지나 문서 단계가 있는 레시피를 쓰세요.'
    },
    storage_full: {
      cause: '브라우저에서 Sous가 쓰는 저장 공간이 가득 차서 작업의 진행 상황을 저장하지 못했고, 작업이 멈췄습니다.',
      fix1: '공간을 비우세요: 오래된 작업을 지우거나, 브라우저 설정에서 다른 사이트의 데이터를 지우세요.',
      fix2: '그런 다음 실패한 단계부터 다시 실행하세요. 전에 저장한 것은 모두 그대로 있습니다.'
    },
    other: {
      cause: '{{where}}이(가) 실패했습니다{{code}}{{detail}}',
      fix1: '작업에서 실패한 단계를 열고 입력을 단계에 필요한 것과 비교하세요.',
      fix2: '편집기에서 단계를 고친 다음, 실패한 단계부터 작업을 다시 실행하세요.'
    }
  },
  plain: {
    what: '무슨 일이 있었나요',
    todo: '이렇게 하세요',
    details: '기술 정보',
    code: '코드: {{code}}',
    step: '단계: {{step}}',
    allow: '이 스튜디오에서 {{host}} 허용',
    allowing: '허용하는 중…',
    allowed: '로컬 서버가 멈출 때까지 이 스튜디오에서 {{host}}을(를) 허용합니다.',
    allowFailed: '{{host}}을(를) 허용하지 못했습니다: {{reason}}',
    noServer:
      '이 스튜디오는 로컬 서버(npm start)에서 열리지 않아 여기서 {{host}}을(를) 허용할 수 없습니다. npm start로 스튜디오를 열거나, 프록시를 운영하는 사람에게 {{host}}을(를) 허용해 달라고 요청하세요.',
    rerun: '이 단계부터 다시 실행',
    rerunning: '다시 실행하는 중…',
    rerunFailed: '다시 실행하지 못했습니다: {{reason}}'
  },
  banner: {
    label: '백그라운드 문제'
  },
  storageFull: {
    this: '이 항목',
    message:
      '브라우저에서 Sous가 쓰는 저장 공간이 가득 차서 저장하지 못했습니다({{what}}). 전에 저장한 것은 모두 그대로 있습니다. 공간을 비운 뒤(오래된 작업을 지우거나 다른 사이트의 데이터 삭제) 다시 시도하세요.'
  }
};
