import { describe, expect, it } from 'vitest';
import { readmeTour } from './readme-tour';

describe("the README's tour", () => {
  it('takes the first steps, one item per numbered line, as plain text', () => {
    const text = '# X\n## A short tour\n\n### First steps\n\n1. **Recipes**: press\n   `Use template`.\n2. Then run.\n\n### More\n3. no';
    expect(readmeTour(text)).toEqual(['1. Recipes: press Use template.', '2. Then run.']);
  });
  it('finds the first steps in the real README', () => {
    const steps = readmeTour();
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.join(' ')).toMatch(/Use template/);
    expect(steps.join(' ')).toMatch(/Test run/);
  });
});
