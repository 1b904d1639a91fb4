import { describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../recipe';
import { StepFailure } from '../engine/errors';
import { allowedBy, guardedFetch, hostAllowed, nameMatches, parsePolicyText, recipePolicyProblems, type Policy } from '.';

const WORKSHOP: Policy = {
  format: 'sous.policy/v1',
  name: 'Workshop rules',
  connectors: { allow: ['sandbox.*', 'chat', 'tables', 'ai'] },
  actions: { deny: ['sandbox.orders.refunds.create'] },
  hosts: ['api.example.com', '*.example.org'],
  require_approval: ['sandbox.erp.vendors.create'],
  ai: true,
  mcp: ['register-vendor']
};

function recipe(steps: unknown[], trigger: unknown = { kind: 'manual' }): Recipe {
  const parsed = parseRecipe({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger, steps });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}
const http = (id: string, url: string) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { url } });
const post = (id: string) => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text: 'hi' } });
const addVendor = (id: string) => ({ id, kind: 'action', connector: 'sandbox.erp', action: 'vendors.create', input: { name: 'A' } });
const approval = (id: string) => ({ id, kind: 'approval', message: 'OK?', assignee: 'finance' });

describe('names', () => {
  it.each([
    ['sandbox.*', 'sandbox.erp', true],
    ['sandbox.*', 'sandbox', false],
    ['*', 'anything.at.all', true],
    ['chat', 'chat', true],
    ['chat', 'chatty', false],
    ['sandbox.*.create', 'sandbox.erp.vendors.create', true],
    ['sandbox.*.create', 'sandbox.erp.vendors.update', false],
    ['a*a', 'a', false],
    ['*.list', 'sandbox.erp.invoices.list', true]
  ])('%s matches %s: %s', (pattern, name, matches) => expect(nameMatches(pattern, name)).toBe(matches));

  it('deny wins over allow; allow given means anything else is denied', () => {
    expect(allowedBy({ allow: ['sandbox.*'], deny: ['sandbox.orders'] }, 'sandbox.orders')).toBe(false);
    expect(allowedBy({ allow: ['sandbox.*'] }, 'http')).toBe(false);
    expect(allowedBy({ deny: ['http'] }, 'chat')).toBe(true);
    expect(allowedBy(undefined, 'http')).toBe(true);
  });

  it('hosts: exact names, *. for subdomains only, case and a final dot ignored', () => {
    expect(hostAllowed(WORKSHOP.hosts, 'api.example.com')).toBe(true);
    expect(hostAllowed(WORKSHOP.hosts, 'API.Example.com.')).toBe(true);
    expect(hostAllowed(WORKSHOP.hosts, 'x.api.example.com')).toBe(false);
    expect(hostAllowed(WORKSHOP.hosts, 'data.example.org')).toBe(true);
    expect(hostAllowed(WORKSHOP.hosts, 'example.org')).toBe(false);
    expect(hostAllowed(WORKSHOP.hosts, 'evilexample.org')).toBe(false);
    expect(hostAllowed(undefined, 'anywhere.test')).toBe(true);
  });
});

describe('a recipe against the policy, in the contract words', () => {
  it("names the policy, the step and the rule: the contract's own example", () => {
    const r = recipe([post('hello'), http('fetch', 'https://api.example.com/x')]);
    expect(recipePolicyProblems(r, WORKSHOP).map((p) => p.message)).toEqual(['steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"']);
  });

  it('a denied action, by CONNECTOR.ACTION', () => {
    const r = recipe([{ id: 'refund', kind: 'action', connector: 'sandbox.orders', action: 'refunds.create', input: { order_id: 'o1', amount: 1 } }]);
    expect(recipePolicyProblems(r, WORKSHOP).map((p) => [p.rule, p.message])).toEqual([
      ['action', 'steps[0] (refund): the policy "Workshop rules" does not allow the action "sandbox.orders.refunds.create"']
    ]);
  });

  it('hosts written out are checked; a host built from data is left to the request', () => {
    const policy = { ...WORKSHOP, connectors: undefined };
    const r = recipe([http('ok', 'https://api.example.com/a'), http('bad', 'https://evil.test/a'), http('later', 'https://{{ vars.host }}/a'), http('sub', 'https://eu.example.org/x')]);
    expect(recipePolicyProblems(r, policy).map((p) => p.message)).toEqual([
      'steps[1] (bad): the policy "Workshop rules" does not allow the host "evil.test" (it allows api.example.com, *.example.org)'
    ]);
  });

  it('an action that needs an approval: one earlier on the same path counts, one in another branch does not', () => {
    const ok = recipe([approval('ask'), { id: 'check', kind: 'if', condition: '{{ true }}', then: [addVendor('add')] }]);
    expect(recipePolicyProblems(ok, WORKSHOP)).toEqual([]);
    const branch = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [approval('ask')], else: [] }, addVendor('add')]);
    expect(recipePolicyProblems(branch, WORKSHOP).map((p) => p.message)).toEqual([
      'steps[1] (add): the policy "Workshop rules" requires an approval step before "sandbox.erp.vendors.create"'
    ]);
    const after = recipe([addVendor('add'), approval('ask')]);
    expect(recipePolicyProblems(after, WORKSHOP)).toHaveLength(1);
    const nested = recipe([{ id: 'each', kind: 'foreach', items: '{{ trigger.items }}', steps: [addVendor('add')] }]);
    expect(recipePolicyProblems(nested, WORKSHOP)[0].path).toBe('steps[0].steps[0]');
  });

  it('ai: false forbids AI steps', () => {
    const r = recipe([{ id: 'sum', kind: 'action', connector: 'ai', action: 'summarize', input: { text: 'x' } }]);
    expect(recipePolicyProblems(r, { ...WORKSHOP, ai: false }).map((p) => p.message)).toEqual(['steps[0] (sum): the policy "Workshop rules" does not allow AI steps']);
    expect(recipePolicyProblems(r, WORKSHOP)).toEqual([]);
  });

  it("an event trigger's connector is held to the connector list too", () => {
    const r = recipe([post('p')], { kind: 'event', connector: 'github', event: 'issue.opened' });
    expect(recipePolicyProblems(r, WORKSHOP).map((p) => p.message)).toEqual(['trigger: the policy "Workshop rules" does not allow the connector "github"']);
  });

  it('every broken rule is named, in file order', () => {
    const r = recipe([http('a', 'https://api.example.com/'), addVendor('b'), { id: 'c', kind: 'action', connector: 'sandbox.orders', action: 'refunds.create', input: {} }]);
    expect(recipePolicyProblems(r, WORKSHOP).map((p) => p.stepId)).toEqual(['a', 'b', 'c']);
  });
});

describe('policy files', () => {
  it('reads the contract example', () => {
    const read = parsePolicyText(JSON.stringify(WORKSHOP));
    expect(read).toEqual({ ok: true, policy: WORKSHOP });
  });
  it.each([
    ['{"format":"sous.policy/v2","name":"x"}', 'format: unknown format "sous.policy/v2"'],
    ['{"name":"x"}', 'format: missing'],
    ['[]', 'not a policy'],
    ['{"format":"sous.policy/v1","name":"x","connectors":{"allow":"chat"}}', 'connectors.allow'],
    ['{"format":"sous.policy/v1","name":"x","__proto__":{"ai":false}}', '__proto__'],
    ['{"format":"sous.policy/v1"', 'JSON']
  ])('refuses %s clearly', (text, words) => {
    const read = parsePolicyText(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((i) => `${i.path}: ${i.message}`).join('\n')).toContain(words);
  });
});

describe('hosts at the moment of a request', () => {
  it('refuses before sending, with a failure that is not retried', async () => {
    const sent: string[] = [];
    const fetchFn = (async (input: string | URL | Request) => {
      sent.push(String(input));
      return new Response('ok');
    }) as typeof fetch;
    const guarded = guardedFetch(fetchFn, WORKSHOP);
    await expect(guarded('https://api.example.com/x')).resolves.toBeInstanceOf(Response);
    const refused = await guarded(new URL('https://evil.test/steal')).catch((err) => err);
    expect(refused).toBeInstanceOf(StepFailure);
    expect(refused).toMatchObject({ code: 'policy_host', retryable: false });
    expect(refused.message).toBe('the policy "Workshop rules" does not allow the host "evil.test" (it allows api.example.com, *.example.org)');
    expect(sent).toEqual(['https://api.example.com/x']);
    expect(guardedFetch(fetchFn, { ...WORKSHOP, hosts: undefined })).toBe(fetchFn);
  });
});
