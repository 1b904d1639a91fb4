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

  it('--json carries the confidence, the assumptions and the question in the recipe\'s meta.draft', async () => {
    const { code, out } = await run(['draft', '--json', 'Whenever a vendor is added to the ERP, update the vendor and tell #finance']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(parseRecipe(json).ok).toBe(true);
    expect(json.meta.draft).toMatchObject({ mode: 'basic', confidence: expect.any(Number), assumptions: expect.any(Array) });
    expect(json.meta.draft.step_confidence.update_vendor).toBeLessThan(0.9);
    expect(json.meta.draft.question).toMatch(/Update a vendor/);
  });

  it('the summary says the confidence and asks the question, in the words\' language', async () => {
    const { code, out } = await run(['draft', '새 거래처가 등록되면 거래처 정보를 고치고 #구매 채널에 알려줘']);
    expect(code).toBe(0);
    expect(out).toMatch(/Confidence: 0\.\d\d/);
    expect(out).toMatch(/Question: .*맞나요\?/);
  });

  it.each([['hello there', /could not tell what should start this recipe; try "when/]])('"%s" exits 2 with a message and nothing on stdout', async (words, message) => {
    const { code, out, err } = await run(['draft', words, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('words that name only a trigger get a draft marked unsure, with one question, not a refusal', async () => {
    const { code, out } = await run(['draft', 'every morning at 9', '--json']);
    expect(code).toBe(0);
    const draft = JSON.parse(out);
    expect(draft.trigger).toMatchObject({ kind: 'schedule', cron: '0 9 * * *' });
    expect(draft.meta.draft.confidence).toBeLessThan(0.6);
    expect(draft.meta.draft.question).toMatch(/What should it do/);
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
