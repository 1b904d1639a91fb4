/** `sous serve`'s command line: what it takes, its defaults, and the one-line mistakes. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../args';

describe('sous serve arguments', () => {
  it.each([
    [['--recipes', 'r'], { recipes: 'r', port: 8788, data: '.sous-serve', token: undefined, allow: [] }],
    [
      ['--recipes', 'r', '--port', '0', '--data', 'd', '--token', 'abcdefghijklmnop', '--allow', '10.0.0.0/8', '--allow', 'erp.corp.example'],
      { recipes: 'r', port: 0, data: 'd', token: 'abcdefghijklmnop', allow: ['10.0.0.0/8', 'erp.corp.example'] }
    ]
  ])('reads %j', (argv, expected) => {
    expect(parseCommand(['serve', ...argv])).toEqual({ ok: true, command: { kind: 'serve', ...expected } });
  });

  it.each([
    [[], 'serve needs the recipes folder: sous serve --recipes DIR'],
    [['--recipes', 'r', 'extra.json'], 'serve takes no files, only --recipes DIR (got extra.json)'],
    [['--recipes', 'r', '--port', '70000'], '--port expects a number from 0 to 65535, not "70000"'],
    [['--recipes', 'r', '--port', 'http'], '--port expects a number from 0 to 65535, not "http"'],
    [['--recipes', 'r', '--token', 'short'], '--token must be 16 to 512 printable characters without spaces'],
    [['--recipes', 'r', '--token', 'has a space in it ok'], '--token must be 16 to 512 printable characters without spaces'],
    [['--recipes', 'r', '--queue', 'redis://x'], 'unknown option --queue'],
    [['--recipes'], '--recipes needs a value']
  ])('refuses %j: %s', (argv, message) => {
    expect(parseCommand(['serve', ...argv])).toEqual({ ok: false, message });
  });
});
