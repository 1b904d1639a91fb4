import type { Messages } from './shape';

/** The workshop area's words (issue 15). */
export const en = {
  title: 'Workshop'
};

export const ko: Messages<typeof en> = {
  title: '워크숍'
};
