/**
 * The committed baseline (bench/baseline.json) and the check `npm run bench` makes against it: a figure
 * more than 20% worse than its baseline fails the run, so a slowdown is seen the day it lands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Figure } from './engine-bench';

export const BASELINE_FILE = new URL('./baseline.json', import.meta.url);
export const TOLERANCE = 0.2;

export interface BaselineEntry {
  value: number;
  unit: string;
}
export type Baseline = Record<string, BaselineEntry>;

export interface Regression {
  key: string;
  baseline: number;
  now: number;
  unit: string;
  /** How much worse, as a fraction of the baseline. */
  worse: number;
}

/** Whether a bigger number is better for this unit; undefined for counts that say nothing about speed. */
export function higherIsBetter(unit: string): boolean | undefined {
  if (unit.endsWith('/s') || unit === '%') return true;
  if (['ms', 'µs', 'µs/op', 'ms/doc', 's', 'KiB', 'MiB', 'requests', 'pairs'].includes(unit)) return false;
  return undefined;
}

/** A figure's key in the baseline: its group and name. */
export function keyOf(group: string, figure: Figure): string {
  return `${group}: ${figure.name}`;
}

/**
 * Figures that are not measurements (a "not measured" line) stay out of the baseline, and so do tail
 * latencies (p95): on a shared two-core machine they swing by 2× from run to run, so a 20% rule on them
 * would cry wolf; their p50 and the throughputs are judged.
 */
export function measured(figure: Figure): boolean {
  if (/\bp95\b/.test(figure.name)) return false;
  return higherIsBetter(figure.unit) !== undefined && Number.isFinite(figure.value) && !figure.detail.startsWith('not measured');
}

/** The figures worse than their baseline by more than `tolerance`; figures with no baseline are not judged. */
export function regressions(baseline: Baseline, now: Record<string, BaselineEntry>, tolerance = TOLERANCE): Regression[] {
  const found: Regression[] = [];
  for (const [key, current] of Object.entries(now)) {
    const base = baseline[key];
    if (!base || base.unit !== current.unit || base.value === 0) continue;
    const higher = higherIsBetter(current.unit);
    if (higher === undefined) continue;
    const worse = higher ? (base.value - current.value) / base.value : (current.value - base.value) / base.value;
    if (worse > tolerance) found.push({ key, baseline: base.value, now: current.value, unit: current.unit, worse });
  }
  return found;
}

export function describeRegression(r: Regression): string {
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toPrecision(3));
  return `REGRESSION ${r.key}: ${round(r.now)} ${r.unit} now, baseline ${round(r.baseline)} ${r.unit} (${Math.round(r.worse * 100)}% worse, more than ${Math.round(TOLERANCE * 100)}% allowed)`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function readBaseline(): Baseline {
  try {
    return JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
  } catch {
    return {};
  }
}

/** Rewrite the baseline with `now`, keeping the entries of groups this run did not measure. */
export function writeBaseline(now: Record<string, BaselineEntry>): void {
  const merged: Baseline = { ...readBaseline(), ...now };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
  writeFileSync(BASELINE_FILE, JSON.stringify(sorted, null, 2) + '\n');
}
