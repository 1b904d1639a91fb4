/**
 * A policy's rules one by one, for the preview a person reads before importing it: each a key into the
 * `governance` catalogue (`policy.rules.<key>`) with the names it lists. Pure, so both languages say
 * the same rules and a test can hold them to the file.
 */
import type { Policy } from './schema';

export type RuleKey =
  | 'connectorsAllow'
  | 'connectorsDeny'
  | 'actionsAllow'
  | 'actionsDeny'
  | 'hosts'
  | 'hostsNone'
  | 'approval'
  | 'aiOff'
  | 'aiOn'
  | 'mcp'
  | 'mcpNone'
  | 'nothing';

export interface RuleLine {
  key: RuleKey;
  /** The names the rule lists, joined for the sentence. */
  names?: string;
}

export function policyRuleLines(policy: Policy): RuleLine[] {
  const lines: RuleLine[] = [];
  const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
  if (policy.connectors?.allow) lines.push({ key: 'connectorsAllow', names: list(policy.connectors.allow) });
  if (policy.connectors?.deny?.length) lines.push({ key: 'connectorsDeny', names: list(policy.connectors.deny) });
  if (policy.actions?.allow) lines.push({ key: 'actionsAllow', names: list(policy.actions.allow) });
  if (policy.actions?.deny?.length) lines.push({ key: 'actionsDeny', names: list(policy.actions.deny) });
  if (policy.hosts) lines.push(policy.hosts.length > 0 ? { key: 'hosts', names: list(policy.hosts) } : { key: 'hostsNone' });
  if (policy.require_approval?.length) lines.push({ key: 'approval', names: list(policy.require_approval) });
  if (policy.ai === false) lines.push({ key: 'aiOff' });
  if (policy.ai === true) lines.push({ key: 'aiOn' });
  if (policy.mcp) lines.push(policy.mcp.length > 0 ? { key: 'mcp', names: list(policy.mcp) } : { key: 'mcpNone' });
  return lines.length > 0 ? lines : [{ key: 'nothing' }];
}
