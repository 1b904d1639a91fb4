import type { Messages } from './shape';

/** The Settings page: the storage this browser keeps for Sous, and the backup of everything to one file. */
export const en = {
  title: 'Settings',
  subtitle: 'What this browser keeps for Sous, and a backup of all of it in one file.',
  storage: {
    heading: 'Storage',
    intro: 'Sous keeps your work in this browser, on this machine; nothing of it is sent anywhere.',
    reading: 'Asking the browser…',
    usage: '{{used}} used of {{quota}}',
    usageUnknown: 'This browser does not say how much space Sous uses.',
    kept: 'Kept: the browser will not clear it on its own.',
    bestEffort: 'Best effort: the browser may clear it when space runs low.',
    keptUnknown: 'This browser does not say whether it keeps the data.',
    askAgain: 'Ask the browser to keep it',
    asking: 'Asking the browser…',
    refused: 'The browser said no for now. Browsers decide by their own rules (Chrome keeps the data of sites used often, or installed); installing Sous usually helps.',
    whatHeading: 'What takes the space',
    nothing: 'No work saved yet.',
    backupPointer: 'A browser can still lose it (a new computer, a cleared history): keep a backup file too, in',
    backupLink: 'Backup and restore',
    kinds: {
      recipes_one: '{{count}} recipe',
      recipes_other: '{{count}} recipes',
      jobs_one: '{{count}} job',
      jobs_other: '{{count}} jobs',
      tables_one: '{{count}} table',
      tables_other: '{{count}} tables',
      table_rows_one: '{{count}} table row',
      table_rows_other: '{{count}} table rows',
      connections_one: '{{count}} connection',
      connections_other: '{{count}} connections',
      agents_one: '{{count}} agent',
      agents_other: '{{count}} agents'
    },
    notice: {
      label: 'Storage',
      kept: "Your work is kept: the browser will not clear Sous's data on its own.",
      notKept: "Best effort: the browser may clear Sous's data when space runs low. Keep a backup file (Settings).",
      close: 'Close'
    },
    cleared: {
      label: 'Storage cleared',
      text: "Sous's data in this browser was cleared since your last visit ({{date}}: {{what}}). If you have a backup file, restore it in Settings.",
      open: 'Open Settings',
      dismiss: 'Dismiss'
    }
  },
  backup: {
    heading: 'Backup and restore'
  }
} as const;

export const ko: Messages<typeof en> = {
  title: '설정',
  subtitle: '이 브라우저가 Sous를 위해 보관하는 데이터와, 그 전부를 한 파일로 백업하기.',
  storage: {
    heading: '저장 공간',
    intro: 'Sous는 작업을 이 컴퓨터의 이 브라우저에 보관하며, 어디에도 보내지 않습니다.',
    reading: '브라우저에 묻는 중…',
    usage: '{{quota}} 중 {{used}} 사용',
    usageUnknown: '이 브라우저는 Sous가 쓰는 공간을 알려 주지 않습니다.',
    kept: '보관됨: 브라우저가 스스로 지우지 않습니다.',
    bestEffort: '최선 노력: 공간이 부족하면 브라우저가 지울 수 있습니다.',
    keptUnknown: '이 브라우저는 데이터를 계속 보관하는지 알려 주지 않습니다.',
    askAgain: '브라우저에 보관 요청하기',
    asking: '브라우저에 요청하는 중…',
    refused: '브라우저가 지금은 거절했습니다. 브라우저는 자체 규칙으로 정합니다(Chrome은 자주 쓰거나 설치한 사이트의 데이터를 보관합니다). Sous를 설치하면 대개 도움이 됩니다.',
    whatHeading: '공간을 차지하는 것',
    nothing: '아직 저장한 작업이 없습니다.',
    backupPointer: '그래도 브라우저 데이터는 사라질 수 있습니다(새 컴퓨터, 방문 기록 삭제). 백업 파일도 만들어 두세요:',
    backupLink: '백업과 복원',
    kinds: {
      recipes_one: '레시피 {{count}}개',
      recipes_other: '레시피 {{count}}개',
      jobs_one: '작업 {{count}}개',
      jobs_other: '작업 {{count}}개',
      tables_one: '표 {{count}}개',
      tables_other: '표 {{count}}개',
      table_rows_one: '표 행 {{count}}개',
      table_rows_other: '표 행 {{count}}개',
      connections_one: '연결 {{count}}개',
      connections_other: '연결 {{count}}개',
      agents_one: '에이전트 {{count}}개',
      agents_other: '에이전트 {{count}}개'
    },
    notice: {
      label: '저장 공간',
      kept: '작업이 보관됩니다: 브라우저가 Sous의 데이터를 스스로 지우지 않습니다.',
      notKept: '최선 노력: 공간이 부족하면 브라우저가 Sous의 데이터를 지울 수 있습니다. 백업 파일을 만들어 두세요(설정).',
      close: '닫기'
    },
    cleared: {
      label: '저장 공간 삭제됨',
      text: '지난 방문 이후 이 브라우저의 Sous 데이터가 삭제되었습니다({{date}}: {{what}}). 백업 파일이 있으면 설정에서 복원하세요.',
      open: '설정 열기',
      dismiss: '닫기'
    }
  },
  backup: {
    heading: '백업과 복원'
  }
};
