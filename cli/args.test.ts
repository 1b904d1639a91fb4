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
    [[], 'no command given; expected "run", "validate", "extract", "draft", "chat", "mcp", "serve" or "grade"'],
    [['exec', 'a.json'], 'unknown command "exec"; expected "run", "validate", "extract", "draft", "chat", "mcp", "serve" or "grade"'],
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

describe('parseCommand: chat and mcp', () => {
  it.each([
    [['chat', 'a.agent.json'], { kind: 'chat', agent: 'a.agent.json', say: [], json: false }],
    [
      ['chat', 'a.agent.json', '--say', 'register a vendor', '--recipes', 'r', '--agents', 'g', '--say', 'Acme', '--json'],
      { kind: 'chat', agent: 'a.agent.json', recipes: 'r', agents: 'g', say: ['register a vendor', 'Acme'], json: true }
    ],
    // A message that starts with "-" is a message, not an option (and "--help" said to the agent is no help).
    [['chat', 'a.json', '--say', '-5', '--say', '--help', '--say=-h'], { kind: 'chat', agent: 'a.json', say: ['-5', '--help', '-h'], json: false }],
    [['mcp'], { kind: 'mcp', yes: false }],
    [['mcp', '--recipes', 'r', '--agents', 'g', '--policy', 'p.json', '--yes'], { kind: 'mcp', recipes: 'r', agents: 'g', policy: 'p.json', yes: true }],
    [['chat', 'a.json', '--help'], { kind: 'help' }],
    [['mcp', '-h'], { kind: 'help' }]
  ])('%j', (argv, command) => {
    expect(parseCommand(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [['chat'], 'chat needs an agent file: sous chat AGENT.json --say "…"'],
    [['chat', 'a.json', 'b.json'], 'chat takes one agent file, not 2: a.json b.json'],
    [['chat', 'a.json', '--say'], '--say needs a value'],
    [['chat', 'a.json', '--yes'], 'unknown option --yes'],
    [['mcp', 'a.json'], 'mcp takes no files, only options: a.json (use --recipes DIR)'],
    [['mcp', '--policy'], '--policy needs a value'],
    [['mcp', '--json'], 'unknown option --json']
  ])('%j is refused', (argv, message) => {
    expect(parseCommand(argv)).toEqual({ ok: false, message });
  });
});
