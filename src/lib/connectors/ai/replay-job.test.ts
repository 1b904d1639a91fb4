/**
 * Recorded replays through the real engine: a job with AI steps, then a re-run of it. A ScriptedModelClient
 * stands in for the model's weights; the runner, journal, connector registry and replay store are real.
 */
import { describe, expect, it } from 'vitest';
import { ScriptedModelClient } from '../../ai/scripted-model-client';
import { MemoryReplayStore } from '../../ai/replay/replay-store';
import { createRunner, MemoryJournal } from '../../engine';
import { recipe } from '../../engine/test-kit';
import { builtinConnectors } from '../builtin';
import { MemoryChat } from '../chat';

const RECIPE = recipe([
  { id: 'kind', kind: 'action', connector: 'ai', action: 'classify', input: { text: '{{ trigger.text }}', labels: ['invoice', 'complaint'] } },
  { id: 'short', kind: 'action', connector: 'ai', action: 'summarize', input: { text: '{{ trigger.text }}' } },
  { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'ops', text: '{{ steps.kind.label }}: {{ steps.short.summary }}' } }
]);

describe('AI steps in a job', () => {
  it('a re-run replays the recorded answers: the model is asked once, and the step outputs say replayed', async () => {
    const client = new ScriptedModelClient([{ label: 'complaint', confidence: 0.8 }, { summary: 'A customer is unhappy.' }]);
    const chat = new MemoryChat();
    const runner = createRunner({
      journal: new MemoryJournal(),
      connectors: builtinConnectors({ chat, ai: { model: async () => client, replays: new MemoryReplayStore() } })
    });
    const first = await runner.start(RECIPE, { text: 'My parcel came broken and nobody answers.' });
    expect(first.status).toBe('succeeded');
    expect(first.steps.find((s) => s.step_id === 'kind')?.output).toMatchObject({ label: 'complaint', mode: 'model', replayed: false });

    const again = await runner.rerun(first.id, { recipe: RECIPE });
    expect(again.status).toBe('succeeded');
    expect(client.calls).toBe(2);
    expect(again.steps.find((s) => s.step_id === 'kind')?.output).toMatchObject({ label: 'complaint', mode: 'model', replayed: true });
    expect(again.steps.find((s) => s.step_id === 'short')?.output).toMatchObject({ summary: 'A customer is unhappy.', replayed: true });
    expect(chat.messages.map((m) => m.text)).toEqual(['complaint: A customer is unhappy.', 'complaint: A customer is unhappy.']);
  });

  it('without a model the same recipe runs in basic mode, and says so', async () => {
    const runner = createRunner({ journal: new MemoryJournal(), connectors: builtinConnectors({ chat: new MemoryChat() }) });
    const job = await runner.start(RECIPE, { text: 'Invoice 12 is attached. Please pay by Friday.' });
    expect(job.status).toBe('succeeded');
    expect(job.steps.find((s) => s.step_id === 'kind')?.output).toEqual({ label: 'invoice', confidence: 0.8, mode: 'basic' });
    expect(job.steps.find((s) => s.step_id === 'short')?.output).toEqual({ summary: 'Invoice 12 is attached. Please pay by Friday.', mode: 'basic' });
  });
});
