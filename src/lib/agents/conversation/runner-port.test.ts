import { describe, expect, it } from 'vitest';
import type { Job } from '../../recipe';
import type { Agent } from '../format';
import { childAgentHook } from './runner-port';

const agent = (id: string, skills: string[], agents: string[] = []): Agent => ({
  format: 'sous.agent/v1',
  id,
  name: id,
  skills: skills.map((recipe) => ({ recipe })),
  agents
});
const agents = new Map([
  ['orders', agent('orders', ['refund-order', 'check-stock-local'], ['stock'])],
  ['stock', agent('stock', ['check-stock'])]
]);
const parent = (agentId: string | null) => ({ id: 'p', agent: agentId }) as Job;

describe('childAgentHook', () => {
  const hook = childAgentHook((id) => agents.get(id));
  it.each([
    ['a skill of an agent it hands on to runs for that agent', 'check-stock', 'orders', { agent: 'stock', handedBy: 'orders' }],
    ['its own skill keeps the default', 'check-stock-local', 'orders', undefined],
    ['a plain recipe keeps the default', 'helper', 'orders', undefined],
    ['a job of no agent keeps the default', 'check-stock', null, undefined]
  ])('%s', (_name, recipe, of, expected) => {
    expect(hook(recipe, parent(of))).toEqual(expected);
  });
});
