import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../ai/grammar/estimate-tokens';
import { EXTRACT_ANSWER_TOKENS, fitDocument } from './model-actions';

describe("a long document is cut to fit the model's window", () => {
  it('a short one is sent whole', () => {
    expect(fitDocument('Invoice 42\nTotal 10.00 EUR')).toBe('Invoice 42\nTotal 10.00 EUR');
  });

  it.each([
    ['English', 'Line item widget 12 pcs 4.50 EUR 54.00\n'],
    ['Korean', '품목 사무용품 12개 단가 4,500원 합계 54,000원\n']
  ])('%s: the start and the end are kept, the cut is said, and it fits with the answer', (_, line) => {
    const text = `INVOICE No. 2026-0042 from Acme GmbH\n${line.repeat(2000)}Grand total 108,000.00 EUR`;
    const fitted = fitDocument(text, EXTRACT_ANSWER_TOKENS);
    expect(fitted.startsWith('INVOICE No. 2026-0042 from Acme GmbH')).toBe(true);
    expect(fitted.endsWith('Grand total 108,000.00 EUR')).toBe(true);
    expect(fitted).toMatch(/\[… \d+ characters left out to fit the model …\]/);
    expect(estimateTokens(fitted)).toBeLessThanOrEqual(4096 - 600 - EXTRACT_ANSWER_TOKENS);
  });
});
