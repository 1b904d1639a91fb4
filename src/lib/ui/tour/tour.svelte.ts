/**
 * Whether the first-run tour shows, and at which step. It opens by itself once, on a profile that has never
 * finished or skipped it; finishing or skipping is remembered in localStorage (`sous.tour`), so it never
 * comes back by itself; the help panel can start it again.
 */
import { TOUR_STEPS } from './tour-steps';

export const TOUR_STORAGE_KEY = 'sous.tour';

const state = $state({ open: false, step: 0 });

function remembered(): boolean {
  try {
    return localStorage.getItem(TOUR_STORAGE_KEY) !== null;
  } catch {
    return true; // storage refused: better no tour than one that comes back on every page
  }
}

function remember(how: 'skipped' | 'finished'): void {
  try {
    localStorage.setItem(TOUR_STORAGE_KEY, how);
  } catch {
    // The tour still closes for this tab.
  }
}

export const tour = {
  get open(): boolean {
    return state.open;
  },
  get step(): number {
    return state.step;
  },
  get total(): number {
    return TOUR_STEPS.length;
  },
  /** On a fresh profile: show it the once. */
  showIfNew(): void {
    if (!remembered()) Object.assign(state, { open: true, step: 0 });
  },
  restart(): void {
    Object.assign(state, { open: true, step: 0 });
  },
  next(): void {
    if (state.step < TOUR_STEPS.length - 1) state.step += 1;
    else this.finish();
  },
  back(): void {
    if (state.step > 0) state.step -= 1;
  },
  skip(): void {
    state.open = false;
    remember('skipped');
  },
  finish(): void {
    state.open = false;
    remember('finished');
  }
};
