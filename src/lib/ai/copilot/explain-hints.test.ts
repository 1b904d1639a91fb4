/** Basic-mode "explain this recipe" and "why did this fail" (choosing the mode: copilot.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../recipe/parse';
import { draftBasic } from './draft-basic';
import { explainBasic } from './explain';
import { adviseBasic } from './failure-hints';
import { NAMES_CATALOG } from './names-catalog';

describe('explain', () => {
  it('walks the trigger and every step, nested steps indented', () => {
    const { recipe } = draftBasic('When a new order comes in, for each line item check the stock, and if the quantity is under 5 tell #warehouse', NAMES_CATALOG, []);
    const { mode, lines, summary } = explainBasic(recipe);
    expect(mode).toBe('basic');
    expect(summary).toMatch(/starts when sandbox.orders raises "order.created" and has 4 steps/);
    expect(lines.map((l) => [l.depth, l.step])).toEqual([[0, null], [0, 'each_line'], [1, 'check_stock'], [1, 'check_quantity'], [2, 'post_to_chat']]);
    expect(lines[1].text).toMatch(/goes through each element of \(the trigger's lines\), calling it "line"/);
    expect(lines[2].text).toMatch(/uses sandbox.orders to stock get, with sku \(line.sku\)/);
  });

  it('names the else and catch branches', () => {
    const parsed = parseRecipe({
      format: 'sous.recipe/v1', id: 'x', name: 'X', trigger: { kind: 'manual' },
      steps: [
        { id: 'w', kind: 'try', steps: [{ id: 'a', kind: 'stop', outcome: 'failure' }], catch: [{ id: 'b', kind: 'set', values: { seen: true } }] },
        { id: 'c', kind: 'if', condition: 'true', then: [], else: [{ id: 'd', kind: 'approval', message: 'ok?', assignee: 'finance' }] }
      ]
    });
    if (!parsed.ok) throw new Error('fixture');
    const texts = explainBasic(parsed.recipe).lines.map((l) => l.text);
    expect(texts).toContain('If it fails:');
    expect(texts).toContain('Otherwise:');
    expect(texts.join('\n')).toMatch(/asks finance to approve or reject in the inbox/);
  });
});

describe('why did this fail', () => {
  it.each([
    [{ step: 'fetch', code: 'http_401', message: 'GET https://api.example.com/x answered 401 Unauthorized' }, /refused the credentials/, /token or password/],
    [{ step: 'fetch', code: 'http_404', message: 'answered 404 Not Found' }, /does not exist \(404\)/, /Check the URL/],
    [{ step: 'fetch', code: 'http_429', message: 'answered 429 Too Many Requests' }, /too many requests/, /retry/],
    [{ step: 'fetch', code: 'http_503', message: 'answered 503 Service Unavailable' }, /problem of its own.*503/, /Re-run from the failed step later/],
    [{ step: 'fetch', code: 'proxy_forbidden_address', message: 'a cloud metadata address' }, /proxy refused the address/, /--allow/],
    [{ step: 'fetch', code: 'proxy_upstream_unreachable', message: 'could not reach 127.0.0.1:9 (ECONNREFUSED)' }, /could not reach the address/, /service there is running/],
    [{ step: 'fetch', code: 'proxy_rate_limited', message: 'slow down' }, /too many requests/, /concurrency/],
    [{ step: 'fetch', code: 'proxy_bad_token', message: 'no token' }, /did not send the request/, /npm start/],
    [{ step: 'save', code: 'not_allowed', message: 'no' }, /not allowed/, /grant/],
    [{ step: 'add', code: 'duplicate', message: 'a vendor "Acme" already exists (v1)' }, /already exists: a vendor "Acme"/, /Look it up first/],
    [{ step: 'post', code: 'input', message: 'the input is not right: channel is required' }, /did not get an input it needs/, /fill in the input/],
    [{ step: 'post', code: 'expression', message: 'expression "steps.x.y" is not valid' }, /expression .* could not be worked out/, /between \{\{ and \}\}/],
    [{ step: 'erp', code: 'connection', message: 'connection "erp": the vault is locked' }, /vault was locked/, /unlock the vault/],
    [{ step: 'erp', code: 'connection', message: 'connection "erp" is not set up on this machine' }, /has no usable connection/, /Open Connections/],
    [{ step: 'each', code: 'items', message: 'items must be a list, but the expression gives text' }, /was not given a list/, /items/],
    [{ step: 'write', code: 'needs_model', message: 'Writing text needs an on-device model' }, /needs an on-device model/, /Open Models, download a model and choose it/],
    [{ step: 'write', code: 'model_invalid_answer', message: 'not valid after 2 repairs' }, /could not give a valid answer/, /larger model/],
    [{ step: 'ok', code: 'approval_timeout', message: 'no answer in 1d' }, /Nobody answered the approval of the step "ok"/, /longer timeout/],
    [{ step: 'sub', code: 'call_failed', message: 'recipe "broken" failed: child broke' }, /calls another recipe.*child broke/, /own job/],
    [{ step: 'sub', code: 'call', message: 'there is no recipe "ghost" to call' }, /calls another recipe/, /exists/],
    [{ step: 'x', code: 'boom', message: 'it broke' }, /The step "x" failed \(boom\): it broke/, /re-run the job from the failed step/]
  ])('%o', (facts, cause, fix) => {
    const advice = adviseBasic(facts);
    expect(advice.mode).toBe('basic');
    expect(advice.cause).toMatch(cause);
    expect(advice.fixes.join('\n')).toMatch(fix);
  });
});
