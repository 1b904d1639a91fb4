import type { Messages } from './shape';

/** The words of the app itself as an installed, offline program: install, updates, offline files. */
export const en = {
  install: {
    button: 'Install'
  }
};

export const ko: Messages<typeof en> = {
  install: {
    button: '설치'
  }
};
