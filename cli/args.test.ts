import { describe, expect, it } from 'vitest';
import { parseCommand } from './args';

describe('parseCommand', () => {
  it.each([
    [['run', 'a.json'], { kind: 'run', recipe: 'a.json', answers: new Map(), json: false }],
    [
      ['run', 'a.json', '--input', 'in.json', '--recipes', 'lib', '--json'],
      { kind: 'run', recipe: 'a.json', input: 'in.json', recipes: 'lib', answers: new Map(), json: true }
    ],
    [
      ['run', '--answer', 'ask=approve', 'a.json', '--answer=sign=needs=more'],
      { kind: 'run', recipe: 'a.json', answers: new Map([['ask', 'approve'], ['sign', 'needs=more']]), json: false }
    ],
    [['validate', 'a.json', 'b.json'], { kind: 'validate', files: ['a.json', 'b.json'] }],
    [['--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['help'], { kind: 'help' }],
    [['run', '--help'], { kind: 'help' }]
  ])('%j', (argv, command) => {
    expect(parseCommand(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [[], 'no command given; expected "run", "validate", "extract", "draft", "chat" or "mcp"'],
    [['exec', 'a.json'], 'unknown command "exec"; expected "run", "validate", "extract", "draft", "chat" or "mcp"'],
    [['run'], 'run needs a recipe file: sous run RECIPE.json'],
    [['run', 'a.json', 'b.json'], 'run takes one recipe file, not 2: a.json b.json'],
    [['run', 'a.json', '--verbose'], 'unknown option --verbose'],
    [['run', 'a.json', '--input'], '--input needs a value'],
    [['run', 'a.json', '--json=yes'], '--json takes no value'],
    [['run', 'a.json', '--answer', 'approve'], '--answer expects STEP_ID=CHOICE, not "approve"'],
    [['run', 'a.json', '--answer', 'ask='], '--answer expects STEP_ID=CHOICE, not "ask="'],
    [['run', 'a.json', '--answer', 'ask=approve', '--answer', 'ask=reject'], '--answer gives step "ask" two answers'],
    [['validate'], 'validate needs at least one file: sous validate FILE.json...'],
    [['validate', '--json', 'a.json'], 'unknown option --json']
  ])('%j is refused', (argv, message) => {
    expect(parseCommand(argv)).toEqual({ ok: false, message });
  });
});

describe('parseCommand: extract', () => {
  it.each([
    [['extract', 'a.pdf'], { kind: 'extract', files: ['a.pdf'], preset: 'invoice', json: false }],
    [['extract', 'a.pdf', 'b.png', '--json'], { kind: 'extract', files: ['a.pdf', 'b.png'], preset: 'invoice', json: true }],
    [['extract', '--preset', 'invoice', 'a.txt'], { kind: 'extract', files: ['a.txt'], preset: 'invoice', json: false }],
    [['extract', 'a.txt', '--fields', 'f.json'], { kind: 'extract', files: ['a.txt'], fields: 'f.json', preset: 'invoice', json: false }]
  ])('%j', (argv, command) => {
    expect(parseCommand(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [['extract'], 'extract needs at least one document: sous extract FILE...'],
    [['extract', 'a.pdf', '--preset', 'receipt'], 'unknown preset "receipt"; expected "invoice"'],
    [['extract', 'a.pdf', '--preset', 'invoice', '--fields', 'f.json'], 'give either --fields or --preset, not both'],
    [['extract', 'a.pdf', '--fields'], '--fields needs a value'],
    [['extract', 'a.pdf', '--ocr'], 'unknown option --ocr']
  ])('%j is refused', (argv, message) => {
    expect(parseCommand(argv)).toEqual({ ok: false, message });
  });
});
