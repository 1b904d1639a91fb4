import { describe, expect, it } from 'vitest';
import { fitsInView } from './minimap-fit';

const extent = { x: 0, y: 0, right: 400, bottom: 600 };
const pane = { width: 700, height: 650 };

describe('fitsInView (the minimap shows only when part of the recipe is off screen)', () => {
  it.each([
    ['all on screen at zoom 1', { x: 20, y: 24, zoom: 1 }, pane, true],
    ['the bottom past the pane', { x: 20, y: 100, zoom: 1 }, pane, false],
    ['panned off to the left', { x: -50, y: 0, zoom: 1 }, pane, false],
    ['zoomed in past the right edge', { x: 0, y: 0, zoom: 2 }, pane, false],
    ['zoomed out, it fits again', { x: 0, y: 0, zoom: 0.5 }, { width: 300, height: 300 }, true],
    ['a pane not yet measured', { x: 0, y: 0, zoom: 1 }, { width: 0, height: 0 }, true]
  ])('%s', (_, viewport, size, fits) => {
    expect(fitsInView(extent, viewport, size)).toBe(fits);
  });

  it('an empty recipe (no boxes) needs no map', () => {
    expect(fitsInView({ x: Infinity, y: Infinity, right: -Infinity, bottom: -Infinity }, { x: 0, y: 0, zoom: 1 }, pane)).toBe(true);
  });
});
