import { afterEach, describe, expect, it } from 'vitest';
import { hasUnsavedWork, holdReloadsWhile, UNSAVED_MARKS } from './unsaved';

// The document is the edge here (Node has none): a stand-in that answers whether the marks' selector finds anything.
const page = (found: boolean) => ({ querySelector: (selector: string) => (selector === UNSAVED_MARKS && found ? ({} as Element) : null) });

describe('hasUnsavedWork', () => {
  const stops: Array<() => void> = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true]
  ])('registered check %s, mark on the page %s: %s', (held, marked, expected) => {
    stops.push(holdReloadsWhile(() => held));
    expect(hasUnsavedWork(page(marked))).toBe(expected);
  });

  it('a check removed when its screen closes no longer holds reloads', () => {
    const stop = holdReloadsWhile(() => true);
    expect(hasUnsavedWork(page(false))).toBe(true);
    stop();
    expect(hasUnsavedWork(page(false))).toBe(false);
  });

  it('the editor mark is the save state with its dirty class', () => {
    expect(UNSAVED_MARKS).toContain('[data-testid="save-state"].dirty');
  });
});
