import type { Messages } from './shape';

/** The words of the studio's apps screens (see common.ts for the shared ones). */
export const en = {
  _placeholder: '-'
} as const;

export const ko: Messages<typeof en> = {
  _placeholder: '-'
};
