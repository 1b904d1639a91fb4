/** `sous serve`'s command line: what it takes, its defaults, and the one-line mistakes. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../args';

describe('sous serve arguments', () => {
  it.each([
    [['--recipes', 'r'], { recipes: 'r', port: 8788, data: '.sous-serve', token: undefined, allow: [], concurrency: { concurrency: 1, perRecipe: {} } }],
    [
      ['--recipes', 'r', '--port', '0', '--data', 'd', '--token', 'abcdefghijklmnop', '--allow', '10.0.0.0/8', '--allow', 'erp.corp.example'],
      { recipes: 'r', port: 0, data: 'd', token: 'abcdefghijklmnop', allow: ['10.0.0.0/8', 'erp.corp.example'], concurrency: { concurrency: 1, perRecipe: {} } }
    ],
    [
      ['--recipes', 'r', '--concurrency', '4', '--concurrency', 'orders=2', '--concurrency', 'nightly-report=1'],
      { recipes: 'r', port: 8788, data: '.sous-serve', token: undefined, allow: [], concurrency: { concurrency: 4, perRecipe: { orders: 2, 'nightly-report': 1 } } }
    ],
    [
      ['--recipes', 'r', '--concurrency', 'orders=100'],
      { recipes: 'r', port: 8788, data: '.sous-serve', token: undefined, allow: [], concurrency: { concurrency: 1, perRecipe: { orders: 100 } } }
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
    [['--recipes', 'r', '--queue', 'http://x'], '--queue expects a redis:// or rediss:// URL, not http://…'],
    [['--recipes', 'r', '--queue', 'redis://x:6379/0', '--workers', '0'], '--workers expects a whole number from 1 to 100, not "0"'],
    [['--recipes', 'r', '--workers', '2'], '--workers goes with --queue redis://HOST:PORT/DB (without it, use --concurrency)'],
    [['--recipes', 'r', '--queue', 'redis://x:6379/0', '--concurrency', '2'], '--concurrency is for the in-process queue; with --queue, --workers N says how many jobs this process works at once'],
    [['--recipes'], '--recipes needs a value'],
    [['--recipes', 'r', '--concurrency', '0'], '--concurrency expects a whole number from 1 to 100 (jobs of one recipe at once), not "0"'],
    [['--recipes', 'r', '--concurrency', '101'], '--concurrency expects a whole number from 1 to 100 (jobs of one recipe at once), not "101"'],
    [['--recipes', 'r', '--concurrency', '2.5'], '--concurrency expects a whole number from 1 to 100 (jobs of one recipe at once), not "2.5"'],
    [['--recipes', 'r', '--concurrency', 'lots'], '--concurrency expects a whole number from 1 to 100 (jobs of one recipe at once), not "lots"'],
    [['--recipes', 'r', '--concurrency', 'orders='], '--concurrency expects a whole number from 1 to 100 (jobs of one recipe at once), not "" for orders'],
    [['--recipes', 'r', '--concurrency', 'Orders=2'], '--concurrency expects N or RECIPE_ID=N, and "Orders" is not a recipe id (lowercase letters, digits and dashes)'],
    [['--recipes', 'r', '--concurrency', '=2'], '--concurrency expects N or RECIPE_ID=N, and "" is not a recipe id (lowercase letters, digits and dashes)'],
    [['--recipes', 'r', '--concurrency', '2', '--concurrency', '3'], '--concurrency N is given twice; give it once (and RECIPE_ID=N for single recipes)'],
    [['--recipes', 'r', '--concurrency', 'a=2', '--concurrency', 'a=3'], '--concurrency gives recipe a two values'],
    [['--recipes', 'r', '--concurrency'], '--concurrency needs a value']
  ])('refuses %j: %s', (argv, message) => {
    expect(parseCommand(['serve', ...argv])).toEqual({ ok: false, message });
  });

  it('takes the queue from --queue or SOUS_QUEUE (the flag wins), with --workers', () => {
    const base = { recipes: 'r', port: 8788, data: '.sous-serve', token: undefined, allow: [], concurrency: { concurrency: 1, perRecipe: {} } };
    expect(parseCommand(['serve', '--recipes', 'r', '--queue', 'redis://10.0.0.5:6379/2', '--workers', '8'])).toEqual({
      ok: true,
      command: { kind: 'serve', ...base, queue: { url: 'redis://10.0.0.5:6379/2', workers: 8 } }
    });
    const before = process.env.SOUS_QUEUE;
    process.env.SOUS_QUEUE = 'redis://127.0.0.1:6379/0';
    try {
      expect(parseCommand(['serve', '--recipes', 'r'])).toEqual({ ok: true, command: { kind: 'serve', ...base, queue: { url: 'redis://127.0.0.1:6379/0', workers: 1 } } });
      expect(parseCommand(['serve', '--recipes', 'r', '--queue', 'redis://h:1/3'])).toMatchObject({ command: { queue: { url: 'redis://h:1/3' } } });
    } finally {
      if (before === undefined) delete process.env.SOUS_QUEUE;
      else process.env.SOUS_QUEUE = before;
    }
  });
});
