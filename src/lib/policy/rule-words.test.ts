import { describe, expect, it } from 'vitest';
import { policyRuleLines } from './rule-words';

describe('a policy rule by rule', () => {
  it("says the contract example's every rule", () => {
    const lines = policyRuleLines({
      format: 'sous.policy/v1',
      name: 'Workshop rules',
      connectors: { allow: ['sandbox.*', 'chat'] },
      actions: { deny: ['sandbox.orders.refunds.create'] },
      hosts: ['api.example.com', '*.example.org'],
      require_approval: ['sandbox.erp.vendors.create'],
      ai: true,
      mcp: ['register-vendor']
    });
    expect(lines).toEqual([
      { key: 'connectorsAllow', names: '"sandbox.*", "chat"' },
      { key: 'actionsDeny', names: '"sandbox.orders.refunds.create"' },
      { key: 'hosts', names: '"api.example.com", "*.example.org"' },
      { key: 'approval', names: '"sandbox.erp.vendors.create"' },
      { key: 'aiOn' },
      { key: 'mcp', names: '"register-vendor"' }
    ]);
  });
  it('an empty hosts list allows no host; a policy with no rules says so', () => {
    expect(policyRuleLines({ format: 'sous.policy/v1', name: 'x', hosts: [], ai: false, mcp: [] }).map((l) => l.key)).toEqual(['hostsNone', 'aiOff', 'mcpNone']);
    expect(policyRuleLines({ format: 'sous.policy/v1', name: 'x' })).toEqual([{ key: 'nothing' }]);
  });
});
