import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import { createCatalog } from '../../connectors/catalog';
import type { Recipe } from '../../recipe';
import { previewRecipe, readRecipeBytes, sniff, triggerWords } from './read-file';

const bytes = (text: string) => new TextEncoder().encode(text);
const refused = (input: Uint8Array) => {
  const read = readRecipeBytes(input);
  if (read.ok) throw new Error('the file was read as a recipe');
  return read.lines;
};
const base = { format: 'sous.recipe/v1', id: 'say-hi', name: 'Say hi', trigger: { kind: 'manual' } };

describe('readRecipeBytes: a refused file in plain words', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /^This is a PDF, not a recipe file: .*open Extract\.$/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /^This is an image, not a recipe file/],
    ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), /^This is not a text file/],
    ['an empty file', bytes('  \n'), /^The file is empty\.$/],
    ['half a JSON file', bytes('{\n  "format": "sous.recipe/v1",\n  "id": "x",\n}'), /^This file is not valid JSON, so it cannot be a recipe file: .+ at line 4, column 1\.$/],
    ['a JSON list', bytes('[1, 2]'), /^This JSON file is not a recipe file: a recipe file says "format": "sous.recipe\/v1"\.$/],
    ['a package.json', bytes('{"name": "x", "version": "1.0.0"}'), /^This JSON file is not a recipe file/],
    ['an agent file', bytes(readFileSync('tests/fixtures/agents/checker.agent.json', 'utf8')), /^This is an agent file, not a recipe file: import it on the Agents page\.$/]
  ])('%s', (_, input, line) => expect(refused(input)).toEqual([expect.stringMatching(line)]));

  it('lists every problem of a nearly-recipe at once, each at its place', () => {
    const lines = refused(bytes(readFileSync('tests/fixtures/broken.recipe.json', 'utf8')));
    expect(lines).toEqual([expect.stringMatching(/^id: /), expect.stringMatching(/^steps\[0\]\.retry\.attempts: /), expect.stringMatching(/^steps\[1\]\.kind: /), expect.stringMatching(/^steps\[2\]\.id: "fetch" is already/)]);
  });

  it('reads a recipe, with a byte order mark too', () => {
    const read = readRecipeBytes(bytes('\uFEFF' + JSON.stringify({ ...base, steps: [] })));
    expect(read.ok && read.recipe.id).toBe('say-hi');
  });

  it('sniffs only what is plainly not text', () => expect(sniff(bytes('{"a": 1}'))).toBeUndefined());

  it('sends a PDF or an image to Extract, an agent file to Agents', () => {
    expect(readRecipeBytes(bytes('%PDF-1.4'))).toMatchObject({ ok: false, goTo: 'extract' });
    expect(readRecipeBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: false, goTo: 'extract' });
    expect(readRecipeBytes(bytes(readFileSync('tests/fixtures/agents/checker.agent.json', 'utf8')))).toMatchObject({ ok: false, goTo: 'agents' });
    expect(readRecipeBytes(bytes('[1]'))).not.toHaveProperty('goTo');
  });
});

describe('previewRecipe', () => {
  const catalog = createCatalog();
  const recipe = (extra: Record<string, unknown>) => {
    const read = readRecipeBytes(bytes(JSON.stringify({ ...base, steps: [], ...extra })));
    if (!read.ok) throw new Error(read.lines.join('\n'));
    return read.recipe;
  };

  it('says when it runs, how many steps, what it does, its problems and the connections it needs', () => {
    const post = (id: string, channel: unknown) => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel, text: 'hi' } });
    const preview = previewRecipe(
      recipe({
        steps: [post('a', 5), { id: 'beam', kind: 'action', connector: 'http', action: 'teleport', input: {} }, { id: 'if', kind: 'if', condition: 'true', then: [post('b', 'x')] }],
        connections: { erp: { connector: 'sandbox.erp', label: 'Our ERP' } }
      }),
      catalog,
      []
    );
    expect(preview).toMatchObject({ name: 'Say hi', id: 'say-hi', trigger: 'When you press Run', steps: 4, connections: ['Our ERP (sandbox.erp)'] });
    expect(preview.effect.label).toBe('Changes data');
    expect(preview.warnings).toEqual(['steps[0].input.channel: the input "channel" must be text, not the number 5', 'steps[1].action: the connector "http" has no action "teleport"']);
  });

  it('a recipe that only reads, with no connections and no problems', () => {
    const preview = previewRecipe(recipe({}), catalog, []);
    expect(preview).toMatchObject({ steps: 0, warnings: [], connections: [] });
    expect(preview.effect.label).toBe('Reads only');
  });

  it.each([
    [{ kind: 'manual' }, 'When you press Run'],
    [{ kind: 'callable' }, 'When another recipe calls it'],
    [{ kind: 'schedule', every: '15m' }, 'Every 15 minutes'],
    [{ kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }, 'When Sandbox mailbox: A mail arrived'],
    [{ kind: 'event', connector: 'nowhere', event: 'thing' }, 'When nowhere: thing'],
    [{ kind: 'document', accept: ['application/pdf'] }, 'When a document arrives (application/pdf)'],
    [{ kind: 'webhook', path: 'orders' }, 'When a web request arrives at /orders']
  ])('the trigger %j in words', (trigger, words) => {
    const said = triggerWords(trigger as Recipe['trigger'], catalog);
    if (typeof words === 'string') expect(said).toBe(words);
    else expect(said).toMatch(words);
  });
});

describe('in Korean', () => {
  afterEach(() => setLocale('en'));
  it('says a PDF and the trigger in Korean', () => {
    setLocale('ko');
    expect(refused(bytes('%PDF-1.4'))).toEqual(['레시피 파일이 아니라 PDF입니다. 청구서 같은 문서를 읽으려면 추출을 여세요.']);
    expect(triggerWords({ kind: 'manual' } as Recipe['trigger'], createCatalog())).toBe('실행을 누를 때');
  });
});
