import type { Messages } from './shape';

/** The audit area's words (issue 15). */
export const en = {
  title: 'Audit'
};

export const ko: Messages<typeof en> = {
  title: '감사 기록'
};
