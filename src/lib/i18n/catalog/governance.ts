import type { Messages } from './shape';

/** The governance area's words (issue 15). */
export const en = {
  title: 'Governance'
};

export const ko: Messages<typeof en> = {
  title: '거버넌스'
};
