/** The studio's sections, in the order the left nav lists them. */
export interface NavItem {
  href: string;
  label: string;
  /** A one-glyph mark drawn before the label (decorative; the label is the name). */
  icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Recipes', icon: '▤' },
  { href: '/jobs', label: 'Jobs', icon: '▶' },
  { href: '/inbox', label: 'Inbox', icon: '✉' },
  { href: '/chat', label: 'Chat', icon: '💬' }
];

/** Whether `pathname` is inside the section at `href`; the editor (`/recipes/…`) counts as Recipes. */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/recipes/');
  return pathname === href || pathname.startsWith(`${href}/`);
}
