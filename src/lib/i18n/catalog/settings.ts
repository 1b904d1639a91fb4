import type { Messages } from './shape';

/** The Settings page: the storage this browser keeps for Sous, and the backup of everything to one file. */
export const en = {
  title: 'Settings',
  subtitle: 'What this browser keeps for Sous, and a backup of all of it in one file.',
  storage: {
    heading: 'Storage'
  },
  backup: {
    heading: 'Backup and restore'
  }
} as const;

export const ko: Messages<typeof en> = {
  title: '설정',
  subtitle: '이 브라우저가 Sous를 위해 보관하는 데이터와, 그 전부를 한 파일로 백업하기.',
  storage: {
    heading: '저장 공간'
  },
  backup: {
    heading: '백업과 복원'
  }
};
