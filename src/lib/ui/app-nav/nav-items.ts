import type { MessageKey } from '$lib/i18n';

/** The studio's sections, in the order the left nav lists them. */
export type NavLabel =
  | 'recipes'
  | 'jobs'
  | 'inbox'
  | 'chat'
  | 'agents'
  | 'assistants'
  | 'tables'
  | 'connectors'
  | 'connections'
  | 'packs'
  | 'workshop'
  | 'sandbox'
  | 'models'
  | 'governance'
  | 'audit'
  | 'settings';

export interface NavItem {
  href: string;
  /** Its name, said through `navLabelKey` (so it follows the language). */
  label: NavLabel;
  /** An SVG path (24×24, stroked) drawn before the label; decorative, the label is the name. */
  icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'recipes', icon: 'M5 4h14v16H5z M9 9h6 M9 13h6 M9 17h3' },
  { href: '/jobs', label: 'jobs', icon: 'M4 12h4l3-7 4 14 3-7h2' },
  { href: '/inbox', label: 'inbox', icon: 'M4 13l3-8h10l3 8v6H4z M4 13h5l1 2h4l1-2h5' },
  { href: '/chat', label: 'chat', icon: 'M4 5h16v11H10l-4 4v-4H4z' },
  { href: '/agents', label: 'agents', icon: 'M12 3l1.6 3.9L17.5 8.5l-3.9 1.6L12 14l-1.6-3.9L6.5 8.5l3.9-1.6z M5 21c1-3.2 3.9-4.8 7-4.8s6 1.6 7 4.8' },
  { href: '/assistants', label: 'assistants', icon: 'M4 12h5 M15 12h5 M9 8h6v8H9z M12 4v4 M12 16v4' },
  { href: '/tables', label: 'tables', icon: 'M4 5h16v14H4z M4 10h16 M4 15h16 M10 5v14' },
  { href: '/connectors', label: 'connectors', icon: 'M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M16.5 13v7 M13 16.5h7' },
  { href: '/connections', label: 'connections', icon: 'M8 12h8 M6 8a4 4 0 0 0 0 8h2 M18 8a4 4 0 0 1 0 8h-2' },
  { href: '/packs', label: 'packs', icon: 'M4 8l8-4 8 4v8l-8 4-8-4z M4 8l8 4 8-4 M12 12v8' },
  { href: '/workshop', label: 'workshop', icon: 'M3 9l9-5 9 5-9 5z M7 11v5c3 2 7 2 10 0v-5 M21 9v6' },
  { href: '/sandbox', label: 'sandbox', icon: 'M4 20h16 M6 20V10l6-5 6 5v10 M10 20v-5h4v5' },
  { href: '/models', label: 'models', icon: 'M7 7h10v10H7z M10 3v4 M14 3v4 M10 17v4 M14 17v4 M3 10h4 M3 14h4 M17 10h4 M17 14h4' }
];

/** At the nav's foot, above Help: the studio's own settings, apart from the work's sections. */
export const FOOT_ITEMS: readonly NavItem[] = [
  { href: '/governance', label: 'governance', icon: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z M9 12l2 2 4-4' },
  { href: '/audit', label: 'audit', icon: 'M6 3h9l4 4v14H6z M9 11h7 M9 15h7 M9 7h3' },
  { href: '/settings', label: 'settings', icon: 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1L7 17 M17 7l2.1-2.1' }
];

/** The catalogue key of a section's name: most in `common:nav`; the newer areas keep theirs in their own namespace. */
export function navLabelKey(label: NavLabel): MessageKey {
  switch (label) {
    case 'packs':
      return 'packs:nav';
    case 'workshop':
    case 'governance':
    case 'audit':
      return `governance:nav.${label}`;
    default:
      return `common:nav.${label}`;
  }
}

/** Whether `pathname` is inside the section at `href`; the editor (`/recipes/…`) counts as Recipes, the Room page as Workshop. */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/recipes/');
  if (href === '/workshop' && (pathname === '/room' || pathname.startsWith('/room/'))) return true;
  return pathname === href || pathname.startsWith(`${href}/`);
}
