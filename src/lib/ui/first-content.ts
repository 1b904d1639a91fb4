/**
 * "The page's first content is on screen": background work (the engine worker, the relay, the automation)
 * waits for it, so a first visit on slow Wi-Fi downloads what it shows first. The layout provides it; a
 * page that shows data from IndexedDB (the recipe list) says when it is drawn; for other pages the layout
 * goes on shortly after they are mounted.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('first-content');

interface FirstContent {
  /** A page will say when it is drawn. */
  expect(): void;
  shown(): void;
}

/**
 * The layout's. `drawn` settles `settleMs` after the page says its content is drawn; `pageMounted()`
 * (called once the page is mounted) arms a fallback: `quietMs` for a page that says nothing, `longestMs`
 * for one that will (its data may be slow to come), so background work never waits for ever.
 */
export function provideFirstContent(quietMs = 300, longestMs = 5000, settleMs = 250): { drawn: Promise<void>; pageMounted(): void } {
  let resolve!: () => void;
  const drawn = new Promise<void>((r) => (resolve = r));
  let expected = false;
  const shown = () => setTimeout(resolve, settleMs);
  setContext<FirstContent>(KEY, { expect: () => (expected = true), shown });
  return { drawn, pageMounted: () => void setTimeout(resolve, expected ? longestMs : quietMs) };
}

/** A page's, at its start: call the answer once its first content is drawn (a no-op outside the layout). */
export function useFirstContent(): () => void {
  const context = getContext<FirstContent | undefined>(KEY);
  context?.expect();
  return context?.shown ?? (() => {});
}
