import type { Messages } from './shape';

/** The versions area's words (issue 15). */
export const en = {
  title: 'Versions'
};

export const ko: Messages<typeof en> = {
  title: '버전'
};
