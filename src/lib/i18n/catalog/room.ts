import type { Messages } from './shape';

/** The room area's words (issue 15). */
export const en = {
  title: 'Room'
};

export const ko: Messages<typeof en> = {
  title: '강의실'
};
