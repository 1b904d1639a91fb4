import { describe, expect, it } from 'vitest';
import { AGENT_TEMPLATES } from '../../agents/templates';
import { parseAgent } from '../../agents/format';
import { parseRecipeText } from '../../recipe';
import { installTemplate, type TemplateEngine } from './install-template';

/** A stand-in engine that checks what it is given with the real parsers and records the calls. */
function fakeEngine(refuse?: string) {
  const calls: string[] = [];
  const engine: TemplateEngine = {
    async importRecipe(text) {
      const parsed = parseRecipeText(text);
      if (!parsed.ok) return parsed;
      calls.push(`recipe ${parsed.recipe.id}`);
      return parsed.recipe.id === refuse ? { ok: false, issues: [{ path: 'id', message: 'refused here' }] } : { ok: true, created: true };
    },
    async saveAgent(agent) {
      const parsed = parseAgent(agent);
      if (!parsed.ok) return parsed;
      calls.push(`agent ${parsed.agent.id}`);
      return { ok: true, created: true };
    },
    async startConversation(ids) {
      calls.push(`talk ${ids.join(',')}`);
      return `direct:${ids[0]}`;
    }
  };
  return { engine, calls };
}

describe('installing an agent template', () => {
  it.each(AGENT_TEMPLATES.map((t) => [t.id, t] as const))('%s: recipes first, then agents, then its chat', async (_, template) => {
    const { engine, calls } = fakeEngine();
    const done = await installTemplate(engine, template);
    expect(done.conversation).toBe(`direct:${template.opens}`);
    expect(calls).toEqual([...template.recipes.map((r) => `recipe ${r.id}`), ...template.agents.map((a) => `agent ${a.id}`), `talk ${template.opens}`]);
  });

  it('a refused recipe stops it before any agent is saved, and says which', async () => {
    const { engine, calls } = fakeEngine('vendor-invoices');
    await expect(installTemplate(engine, AGENT_TEMPLATES[0])).rejects.toThrow('the template\'s recipe "vendor-invoices" was refused: id: refused here');
    expect(calls.some((c) => c.startsWith('agent'))).toBe(false);
  });
});
