import { describe, expect, it } from 'vitest';
import { AGENT_TEMPLATES } from '../../agents/templates';
import { parseAgent } from '../../agents/format';
import { parseRecipeText } from '../../recipe';
import { installTemplate, type TemplateEngine } from './install-template';

/** A stand-in engine that checks what it is given with the real parsers and records the calls. */
function fakeEngine(refuse?: string, refuseStart?: string) {
  const calls: string[] = [];
  const engine: TemplateEngine = {
    async importRecipe(text) {
      const parsed = parseRecipeText(text);
      if (!parsed.ok) return parsed;
      calls.push(`recipe ${parsed.recipe.id}`);
      return parsed.recipe.id === refuse ? { ok: false, issues: [{ path: 'id', message: 'refused here' }] } : { ok: true, created: true, version: 1 };
    },
    async startRecipe(id, version) {
      calls.push(`start ${id}@${version}`);
      return id === refuseStart ? { ok: false, reasons: ['connection "erp" is not set up'] } : { ok: true, version: version ?? 1 };
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
    const byItself = template.recipes.filter((r) => ['event', 'document', 'schedule', 'webhook'].includes(r.trigger.kind));
    expect(calls).toEqual([
      ...template.recipes.map((r) => `recipe ${r.id}`),
      ...template.agents.map((a) => `agent ${a.id}`),
      ...byItself.map((r) => `start ${r.id}@1`),
      `talk ${template.opens}`
    ]);
    expect(done.started).toEqual(byItself.map((r) => r.id));
  });

  it("starts the recipes that run by themselves (the Finance Genie's mail intake), and says which could not start", async () => {
    const finance = AGENT_TEMPLATES.find((t) => t.recipes.some((r) => r.trigger.kind === 'event'))!;
    const intake = finance.recipes.find((r) => r.trigger.kind === 'event')!.id;
    expect((await installTemplate(fakeEngine().engine, finance)).started).toContain(intake);
    const refused = await installTemplate(fakeEngine(undefined, intake).engine, finance);
    expect(refused.notStarted).toEqual([{ recipe: intake, reasons: ['connection "erp" is not set up'] }]);
  });

  it('a refused recipe stops it before any agent is saved, and says which', async () => {
    const { engine, calls } = fakeEngine('vendor-invoices');
    await expect(installTemplate(engine, AGENT_TEMPLATES[0])).rejects.toThrow('the template\'s recipe "vendor-invoices" was refused: id: refused here');
    expect(calls.some((c) => c.startsWith('agent'))).toBe(false);
  });
});
