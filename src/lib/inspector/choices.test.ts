import { describe, expect, it } from 'vitest';
import { actionChoiceKind, choicesFor, recipeChannels, stepChoiceKind, type Workspace } from './choices';

const ws: Workspace = {
  channels: ['general', 'finance', 'finance', ''],
  people: [
    { name: 'Mina Park', email: 'mina@sous-demo.example' },
    { name: 'Tom Becker', email: 'tom@sous-demo.example' }
  ],
  roles: ['finance', 'sales', 'finance'],
  tables: ['Vendors', 'Cost centres']
};

describe('choices', () => {
  it.each([
    ['chat', 'post', 'channel', 'channel'],
    ['chat', 'post', 'text', undefined],
    ['sandbox.mail', 'messages.send', 'to', 'recipient'],
    ['tables', 'lookup', 'table', 'table'],
    ['tables', 'add', 'row', undefined],
    ['slack', 'post', 'channel', undefined]
  ])('%s %s %s offers %s', (connector, action, key, kind) => expect(actionChoiceKind(connector, action, key)).toBe(kind));

  it('offers an approval’s assignee among roles and people', () => {
    expect(stepChoiceKind('approval', 'assignee')).toBe('assignee');
    expect(stepChoiceKind('set', 'assignee')).toBeUndefined();
    expect(choicesFor('assignee', ws).map((c) => `${c.group}:${c.value}`)).toEqual([
      'roles:finance',
      'roles:sales',
      'people:mina@sous-demo.example',
      'people:tom@sous-demo.example'
    ]);
  });

  it('lists channels once, sorted, as #name', () => {
    expect(choicesFor('channel', ws).map((c) => c.label)).toEqual(['#finance', '#general']);
  });

  it('names people by name and address, tables by name', () => {
    expect(choicesFor('recipient', ws)[0]).toEqual({ value: 'mina@sous-demo.example', label: 'Mina Park <mina@sous-demo.example>', group: 'people' });
    expect(choicesFor('table', ws).map((c) => c.value)).toEqual(['Cost centres', 'Vendors']);
    expect(choicesFor(undefined, ws)).toEqual([]);
  });

  it('reads the channels a recipe already posts to, not expressions', () => {
    const steps = [
      { kind: 'action', connector: 'chat', input: { channel: 'ops' } },
      { kind: 'action', connector: 'chat', input: { channel: '{{ vars.where }}' } },
      { kind: 'action', connector: 'http', input: { channel: 'nope' } }
    ];
    expect(recipeChannels(steps)).toEqual(['ops']);
  });
});
