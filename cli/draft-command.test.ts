/** `sous draft`: a recipe from words, its summary or only JSON on stdout, and exit 2 when nothing can be drafted. */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../src/lib/recipe';
import { parseCommand } from './args';
import type { Io } from './io';
import { main } from './main';
import { hasStackTrace, sous } from './test-kit';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sous draft', () => {
  it('prints a readable summary with the assumptions', async () => {
    const { code, out } = await run(['draft', 'every morning at 9, call https://status.example.com/health and tell #ops if it fails']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Drafted ".*" \(id .*\), in basic mode \(no model\)\./);
    expect(out).toMatch(/It starts on the schedule "0 9 \* \* \*"/);
    expect(out).toMatch(/uses http to request/);
    expect(out).toMatch(/Assumptions:\n {2}- I assumed/);
  });

  it('Korean words draft too', async () => {
    const { code, out } = await run(['draft', '--json', '매일 아침 9시 재무팀 채팅으로 알려줘']);
    expect(code).toBe(0);
    const parsed = parseRecipe(JSON.parse(out));
    expect(parsed.ok && parsed.recipe.steps).toMatchObject([{ connector: 'chat', action: 'post', input: { channel: 'finance' } }]);
  });

  it.each([
    ['hello there', /could not tell what should start this recipe; try "when/],
    ['every morning at 9', /not what it should do/]
  ])('"%s" exits 2 with a message and nothing on stdout', async (words, message) => {
    const { code, out, err } = await run(['draft', words, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('needs words', () => {
    expect(parseCommand(['draft'])).toMatchObject({ ok: false, message: expect.stringMatching(/draft needs the request in words/) });
    expect(parseCommand(['draft', 'tell', '#ops', 'every', 'hour'])).toMatchObject({ ok: true, command: { words: 'tell #ops every hour' } });
  });

  it('as a process, --json puts only the recipe on stdout', async () => {
    const result = await sous(['draft', 'every 15 minutes tell #ops', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(parseRecipe(JSON.parse(result.stdout)).ok).toBe(true);
    const refused = await sous(['draft', 'nothing to see here']);
    expect(refused.code).toBe(2);
    expect(hasStackTrace(refused.stderr)).toBe(false);
  }, 60_000);
});
