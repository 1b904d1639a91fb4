/**
 * The first-run tour's steps: each names a real thing on the screen and how to find it. Targets are found
 * by what a person sees (the button's words in either language, the nav link's address), not by classes
 * another screen may rename; a step whose target is not on this page simply points at nothing.
 */
import type { MessageKey } from '$lib/i18n';

export interface TourStep {
  id: 'templates' | 'editor' | 'test' | 'jobs' | 'help';
  title: MessageKey;
  text: MessageKey;
  /** The element to outline, when it is on the page. */
  find(doc: Document): Element | null;
}

/** The first shown button whose words are one of `labels` (English and Korean twins of a stable label). */
function buttonSaying(doc: Document, labels: readonly string[]): Element | null {
  for (const button of doc.querySelectorAll<HTMLElement>('main button')) {
    if (labels.includes((button.textContent ?? '').trim()) && button.getClientRects().length > 0) return button;
  }
  return null;
}

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'templates', title: 'help:tour.templates.title', text: 'help:tour.templates.text', find: (doc) => buttonSaying(doc, ['Use template', '템플릿 사용']) },
  { id: 'editor', title: 'help:tour.editor.title', text: 'help:tour.editor.text', find: (doc) => doc.querySelector('main [data-testid="canvas"]') },
  { id: 'test', title: 'help:tour.test.title', text: 'help:tour.test.text', find: (doc) => buttonSaying(doc, ['Test run', '테스트 실행']) },
  { id: 'jobs', title: 'help:tour.jobs.title', text: 'help:tour.jobs.text', find: (doc) => doc.querySelector('nav a[href="/jobs"]') },
  { id: 'help', title: 'help:tour.help.title', text: 'help:tour.help.text', find: (doc) => doc.querySelector('[data-tour="help"]') }
];
