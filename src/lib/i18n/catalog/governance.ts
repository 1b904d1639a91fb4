import type { Messages } from './shape';

/** The governance area's words (issue 15): the policy and its PIN lock, people and roles, the nav's new sections. */
export const en = {
  title: 'Governance',
  subtitle: 'The policy every run is held to, and the people of this workspace with what each may do.',
  nav: {
    governance: 'Governance',
    audit: 'Audit',
    workshop: 'Workshop'
  },
  policy: {
    heading: 'Policy',
    none: 'No policy: recipes may use every connector and host the proxy allows.',
    inForce: 'In force: "{{name}}", set by {{by}} on {{date}}.',
    dropLabel: 'Drop a policy file here',
    inputLabel: 'Policy file (.policy.json)',
    refused: 'This file is not a policy; nothing was changed:',
    previewHeading: '{{file}}: "{{name}}"',
    previewIntro: 'Every run will be held to these rules:',
    set: 'Use this policy',
    replace: 'Replace the policy',
    cancel: 'Cancel',
    clear: 'Clear the policy',
    clearConfirm: 'Clear the policy "{{name}}"? Recipes will no longer be held to it.',
    lock: 'Lock with a PIN',
    unlock: 'Unlock',
    locked: 'Locked by {{by}} on {{date}}: replacing or clearing it needs the PIN.',
    unlocked: 'Not locked: anyone who may change the policy can replace or clear it.',
    pinLabel: 'PIN',
    newPinLabel: 'New PIN (4 to 12 digits)',
    pinNeeded: 'The policy is locked: enter its PIN.',
    done: {
      set: 'The policy "{{name}}" is in force.',
      cleared: 'The policy was cleared.',
      locked: 'The policy is locked.',
      unlocked: 'The policy is unlocked.'
    },
    rules: {
      connectorsAllow: 'Only these connectors may be used: {{names}}.',
      connectorsDeny: 'These connectors may not be used: {{names}}.',
      actionsAllow: 'Only these actions may run: {{names}}.',
      actionsDeny: 'These actions may not run: {{names}}.',
      hosts: 'Web requests may reach only: {{names}}.',
      hostsNone: 'Web requests may reach no host.',
      approval: 'These actions need an approval step before them: {{names}}.',
      aiOff: 'AI steps and the copilot are off.',
      aiOn: 'AI steps are allowed.',
      mcp: 'Only these recipes may be offered to outside assistants: {{names}}.',
      mcpNone: 'No recipe may be offered to outside assistants.',
      nothing: 'This policy sets no rules.'
    },
    mayNot: 'Only an admin may change the policy.'
  },
  people: {
    heading: 'People and roles',
    intro: 'With nobody added, this studio is its owner’s, an admin. The first person added is an admin with a PIN.',
    empty: 'Nobody has been added.',
    name: 'Name',
    role: 'Role',
    pin: 'PIN',
    hasPin: 'has a PIN',
    noPin: 'no PIN',
    add: 'Add person',
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    remove: 'Remove',
    removeConfirm: 'Remove {{name}}?',
    pinKeep: 'New PIN (empty: keep)',
    pinNew: 'PIN (4 to 12 digits; an admin needs one)',
    clearPin: 'Remove the PIN',
    mayNot: 'Only an admin may add, edit or remove people.',
    added: '{{name}} was added.',
    saved: '{{name}} was saved.',
    removed: '{{name}} was removed.'
  },
  roles: {
    admin: 'admin',
    builder: 'builder',
    runner: 'runner'
  },
  roleWhat: {
    admin: 'everything: recipes, connections, the policy and the people',
    builder: 'builds, starts and runs recipes and sets up connections; not the policy or the people',
    runner: 'runs recipes and answers approvals; cannot edit'
  },
  you: {
    label: 'You are: {{name}} · {{role}}',
    owner: 'owner',
    nobody: 'nobody chosen',
    switch: 'Switch person',
    heading: 'Who is using the studio?',
    pinFor: 'PIN of {{name}}',
    go: 'Switch',
    cancel: 'Cancel',
    switched: 'You are now {{name}}.'
  },
  notAllowed: {
    edit: 'A {{role}} may not edit recipes: ask an admin to switch to someone who may.',
    start: 'A {{role}} may not start or stop recipes: ask an admin to switch to someone who may.',
    run: 'A {{role}} may not run recipes: ask an admin to switch to someone who may.',
    answer: 'A {{role}} may not answer approvals: ask an admin to switch to someone who may.',
    connections: 'A {{role}} may not change connections: ask an admin to switch to someone who may.',
    policy: 'A {{role}} may not change the policy: ask an admin to switch to someone who may.',
    people: 'A {{role}} may not manage people: ask an admin to switch to someone who may.'
  },
  errors: {
    pin_wrong: 'That PIN is not right ({{left}} more before a wait).',
    pin_wait: 'Too many wrong PINs: try again in {{seconds}} s.',
    pin_short: 'A PIN is 4 to 12 digits.',
    pin_digits: 'A PIN has digits only.',
    policy_locked: 'The policy is locked: enter the PIN to change or clear it.',
    not_locked: 'The policy is not locked.',
    already_locked: 'The policy is locked already.',
    no_policy: 'There is no policy to lock: import one first.',
    admin_needs_pin: 'An admin must have a PIN.',
    last_admin: 'The workspace needs at least one admin.',
    first_admin: 'The first person added must be an admin (with a PIN), so someone can manage the others.',
    no_person: 'There is no person "{{id}}".',
    name_taken: 'There is a person called "{{name}}" already.',
    name_required: 'Give the person a name.'
  }
};

export const ko: Messages<typeof en> = {
  title: '거버넌스',
  subtitle: '모든 실행이 따라야 하는 정책과, 이 작업 공간의 사람들 및 각자 할 수 있는 일입니다.',
  nav: {
    governance: '거버넌스',
    audit: '감사 기록',
    workshop: '워크숍'
  },
  policy: {
    heading: '정책',
    none: '정책 없음: 레시피는 프록시가 허용하는 모든 커넥터와 호스트를 쓸 수 있습니다.',
    inForce: '적용 중: "{{name}}", {{by}}님이 {{date}}에 설정.',
    dropLabel: '정책 파일을 여기에 놓으세요',
    inputLabel: '정책 파일 (.policy.json)',
    refused: '이 파일은 정책이 아닙니다. 아무것도 바뀌지 않았습니다:',
    previewHeading: '{{file}}: "{{name}}"',
    previewIntro: '모든 실행이 다음 규칙을 따르게 됩니다:',
    set: '이 정책 사용',
    replace: '정책 교체',
    cancel: '취소',
    clear: '정책 지우기',
    clearConfirm: '정책 "{{name}}"을(를) 지울까요? 레시피가 더 이상 이 정책을 따르지 않습니다.',
    lock: 'PIN으로 잠그기',
    unlock: '잠금 해제',
    locked: '{{by}}님이 {{date}}에 잠금: 교체하거나 지우려면 PIN이 필요합니다.',
    unlocked: '잠겨 있지 않음: 정책을 바꿀 수 있는 사람은 누구나 교체하거나 지울 수 있습니다.',
    pinLabel: 'PIN 번호',
    newPinLabel: '새 PIN (숫자 4~12자리)',
    pinNeeded: '정책이 잠겨 있습니다. PIN을 입력하세요.',
    done: {
      set: '정책 "{{name}}"이(가) 적용되었습니다.',
      cleared: '정책을 지웠습니다.',
      locked: '정책을 잠갔습니다.',
      unlocked: '정책 잠금을 해제했습니다.'
    },
    rules: {
      connectorsAllow: '다음 커넥터만 쓸 수 있습니다: {{names}}.',
      connectorsDeny: '다음 커넥터는 쓸 수 없습니다: {{names}}.',
      actionsAllow: '다음 동작만 실행할 수 있습니다: {{names}}.',
      actionsDeny: '다음 동작은 실행할 수 없습니다: {{names}}.',
      hosts: '웹 요청은 다음 호스트에만 보낼 수 있습니다: {{names}}.',
      hostsNone: '웹 요청을 어떤 호스트에도 보낼 수 없습니다.',
      approval: '다음 동작 앞에는 승인 단계가 있어야 합니다: {{names}}.',
      aiOff: 'AI 단계와 코파일럿을 쓸 수 없습니다.',
      aiOn: 'AI 단계를 쓸 수 있습니다.',
      mcp: '외부 어시스턴트에 제공할 수 있는 레시피는 다음뿐입니다: {{names}}.',
      mcpNone: '외부 어시스턴트에 어떤 레시피도 제공할 수 없습니다.',
      nothing: '이 정책에는 규칙이 없습니다.'
    },
    mayNot: '정책은 관리자만 바꿀 수 있습니다.'
  },
  people: {
    heading: '사람과 역할',
    intro: '아무도 추가하지 않으면 이 스튜디오는 소유자(관리자)의 것입니다. 처음 추가하는 사람은 PIN이 있는 관리자여야 합니다.',
    empty: '추가된 사람이 없습니다.',
    name: '이름',
    role: '역할',
    pin: 'PIN 번호',
    hasPin: 'PIN 있음',
    noPin: 'PIN 없음',
    add: '사람 추가',
    edit: '편집',
    save: '저장',
    cancel: '취소',
    remove: '삭제',
    removeConfirm: '{{name}}님을 삭제할까요?',
    pinKeep: '새 PIN (비워 두면 그대로)',
    pinNew: 'PIN (숫자 4~12자리, 관리자는 필수)',
    clearPin: 'PIN 없애기',
    mayNot: '사람을 추가, 편집, 삭제하는 일은 관리자만 할 수 있습니다.',
    added: '{{name}}님을 추가했습니다.',
    saved: '{{name}}님을 저장했습니다.',
    removed: '{{name}}님을 삭제했습니다.'
  },
  roles: {
    admin: '관리자',
    builder: '빌더',
    runner: '실행자'
  },
  roleWhat: {
    admin: '모든 일: 레시피, 연결, 정책, 사람',
    builder: '레시피를 만들고 시작하고 실행하며 연결을 설정합니다. 정책과 사람은 다루지 않습니다',
    runner: '레시피를 실행하고 승인에 답합니다. 편집은 할 수 없습니다'
  },
  you: {
    label: '사용자: {{name}} · {{role}}',
    owner: '소유자',
    nobody: '선택된 사람 없음',
    switch: '사람 바꾸기',
    heading: '누가 스튜디오를 쓰고 있나요?',
    pinFor: '{{name}}님의 PIN',
    go: '바꾸기',
    cancel: '취소',
    switched: '이제 {{name}}님입니다.'
  },
  notAllowed: {
    edit: '{{role}}은(는) 레시피를 편집할 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    start: '{{role}}은(는) 레시피를 시작하거나 멈출 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    run: '{{role}}은(는) 레시피를 실행할 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    answer: '{{role}}은(는) 승인에 답할 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    connections: '{{role}}은(는) 연결을 바꿀 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    policy: '{{role}}은(는) 정책을 바꿀 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.',
    people: '{{role}}은(는) 사람을 관리할 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.'
  },
  errors: {
    pin_wrong: 'PIN이 맞지 않습니다 (기다려야 하기 전까지 {{left}}번 남음).',
    pin_wait: '틀린 PIN이 너무 많습니다. {{seconds}}초 뒤에 다시 해 보세요.',
    pin_short: 'PIN은 숫자 4~12자리입니다.',
    pin_digits: 'PIN에는 숫자만 쓸 수 있습니다.',
    policy_locked: '정책이 잠겨 있습니다. 바꾸거나 지우려면 PIN을 입력하세요.',
    not_locked: '정책이 잠겨 있지 않습니다.',
    already_locked: '정책이 이미 잠겨 있습니다.',
    no_policy: '잠글 정책이 없습니다. 먼저 가져오세요.',
    admin_needs_pin: '관리자에게는 PIN이 있어야 합니다.',
    last_admin: '작업 공간에는 관리자가 적어도 한 명 있어야 합니다.',
    first_admin: '다른 사람을 관리할 수 있도록 처음 추가하는 사람은 (PIN이 있는) 관리자여야 합니다.',
    no_person: '"{{id}}"라는 사람이 없습니다.',
    name_taken: '"{{name}}"라는 사람이 이미 있습니다.',
    name_required: '이름을 입력하세요.'
  }
};
