/**
 * Every namespace's catalogue, in both languages. One file per area of the studio, so the people working on
 * different screens never edit the same file; `common` holds the words all of them share.
 */
import * as common from './common';
import * as editor from './editor';
import * as inspector from './inspector';
import * as jobs from './jobs';
import * as agents from './agents';
import * as apps from './apps';
import * as help from './help';
import * as problems from './problems';
import * as app from './app';
import * as settings from './settings';
import * as packs from './packs';
import * as governance from './governance';
import * as audit from './audit';
import * as workshop from './workshop';
import * as room from './room';
import * as versions from './versions';
import type { LeafKeys } from './shape';

const english = {
  common: common.en,
  editor: editor.en,
  inspector: inspector.en,
  jobs: jobs.en,
  agents: agents.en,
  apps: apps.en,
  help: help.en,
  problems: problems.en,
  app: app.en,
  settings: settings.en,
  packs: packs.en,
  governance: governance.en,
  audit: audit.en,
  workshop: workshop.en,
  room: room.en,
  versions: versions.en
} as const;

export type Namespace = keyof typeof english;
export const NAMESPACES = Object.keys(english) as Namespace[];

export const RESOURCES = {
  en: english,
  ko: {
    common: common.ko,
    editor: editor.ko,
    inspector: inspector.ko,
    jobs: jobs.ko,
    agents: agents.ko,
    apps: apps.ko,
    help: help.ko,
    problems: problems.ko,
    app: app.ko,
    settings: settings.ko,
    packs: packs.ko,
    governance: governance.ko,
    audit: audit.ko,
    workshop: workshop.ko,
    room: room.ko,
    versions: versions.ko
  }
} as const;

/** Every key `t()` accepts: `common:actions.save`, `jobs:list.heading`, … (checked by TypeScript). */
export type MessageKey = { [N in Namespace]: `${N}:${LeafKeys<(typeof english)[N]>}` }[Namespace];
