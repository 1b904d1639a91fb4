import { expect, it } from 'vitest';
import { recipe } from '../../engine/test-kit';
import { explainRecipeBasic } from './basic-explain';

it('reads a recipe out step by step, nested steps indented', () => {
  const r = recipe(
    [
      { id: 'each', kind: 'foreach', items: '{{ trigger.invoices }}', steps: [
        { id: 'big', kind: 'if', condition: '{{ item.total > 500 }}', then: [{ id: 'ask', kind: 'approval', message: 'Pay it?' }], else: [{ id: 'pay', kind: 'action', connector: 'sandbox.erp', action: 'invoices.set_status', input: {} }] }
      ] },
      { id: 'tell', name: 'Tell finance', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text: 'done' } }
    ],
    { kind: 'event', connector: 'sandbox.erp', event: 'invoice.created' },
    'pay-invoices'
  );
  expect(explainRecipeBasic(r)).toEqual([
    '“pay-invoices” starts when sandbox.erp says “invoice.created”.',
    '- each: for each of {{ trigger.invoices }}:',
    '  - big: if {{ item.total > 500 }}, then:',
    '    - ask: waits for someone to answer “Pay it?”.',
    '    otherwise:',
    '    - pay: sandbox.erp does “invoices.set_status”.',
    '- tell (Tell finance): chat does “post”.'
  ]);
});
