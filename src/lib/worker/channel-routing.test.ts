import { describe, expect, it } from 'vitest';
import { newConversation } from '../agents/conversation';
import type { SkillView } from '../agents/conversation';
import type { Agent } from '../agents/format';
import type { Recipe } from '../recipe';
import { addressedAgent, routeMessage } from './channel-routing';

const agent = (id: string, name: string, recipe: string, examples: string[]): Agent => ({ format: 'sous.agent/v1', id, name, skills: [{ recipe, examples }] });
const erp = agent('erp-genie', 'ERP Genie', 'register-vendor', ['register a vendor', 'add a new supplier', '업체 등록해줘']);
const stock = agent('stock-genie', 'Stock Genie', 'check-stock', ['how many mugs are in stock', '재고 확인해줘']);
const stockPro = agent('stock-genie-pro', 'Stock Genie Pro', 'check-stock', ['stock']);
const members = [erp, stock];

function view(a: Agent): SkillView[] {
  const recipe = {
    format: 'sous.recipe/v1',
    id: a.skills[0].recipe,
    name: a.skills[0].recipe === 'register-vendor' ? 'Register a vendor' : 'Check stock',
    trigger: { kind: 'callable', input: [{ name: a.skills[0].recipe === 'register-vendor' ? 'name' : 'sku', type: 'text', required: true }] },
    steps: []
  } as unknown as Recipe;
  return [{ skill: a.skills[0], recipe, fields: (recipe.trigger as { input: SkillView['fields'] }).input, effect: { effect: 'read', idempotent: true, writes: [] } }];
}

describe('which agent of a channel a message is for', () => {
  const named: Array<[string, string | undefined, string]> = [
    ['@Stock Genie how many mugs', 'stock-genie', 'how many mugs'],
    ['stock genie: how many mugs', 'stock-genie', 'how many mugs'],
    ['ERP Genie, register a vendor', 'erp-genie', 'register a vendor'],
    ['@erp-genie add a supplier', 'erp-genie', 'add a supplier'],
    ['Stock Genie Pro count mugs', 'stock-genie-pro', 'count mugs'],
    ['Stock Geniefoo', undefined, ''],
    ['ask the ERP Genie', undefined, '']
  ];
  it.each(named)('%s → %s', (text, id, rest) => {
    const found = addressedAgent(text, [erp, stock, stockPro]);
    expect(found?.agent.id).toBe(id);
    if (id) expect(found?.rest).toBe(rest);
  });

  it('goes by skill match when no agent is named, and stays with the one that is busy with the person', () => {
    const idle = newConversation('erp-genie');
    expect(routeMessage('how many mugs are in stock', members, idle, view).agent).toBe('stock-genie');
    expect(routeMessage('register a vendor', members, { ...idle, agent: 'stock-genie', active: 'stock-genie' }, view).agent).toBe('erp-genie');
    const busy = { ...idle, agent: 'erp-genie', active: 'erp-genie', pending: { skill: 'register-vendor', agent: 'erp-genie', values: {}, asking: 'name' } };
    expect(routeMessage('Mug Supply Co', members, busy, view)).toEqual({ agent: 'erp-genie', text: 'Mug Supply Co', addressed: false });
    expect(routeMessage('@Stock Genie how many mugs are in stock', members, busy, view)).toEqual({ agent: 'stock-genie', text: 'how many mugs are in stock', addressed: true });
    // Nothing matches: the agent last talked to keeps the message (and says what it can do).
    expect(routeMessage('what is the weather', members, { ...idle, agent: 'stock-genie', active: 'stock-genie' }, view).agent).toBe('stock-genie');
  });
});
