/** `sous run --connector [ID=]FILE`: an OpenAPI document imported for one run, called on 127.0.0.1. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { hasStackTrace, sous, tempFiles } from './test-kit';

let base = '';
let close = () => {};
beforeAll(async () => {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: Number(req.url?.split('/').pop()), name: 'Rex', photoUrls: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const recipe = (connector: string) => ({
  format: 'sous.recipe/v1',
  id: 'find-pet',
  name: 'Find a pet',
  trigger: { kind: 'manual' },
  steps: [{ id: 'pet', kind: 'action', connector, action: 'get_pet_by_id', input: { petId: 7 } }]
});

describe('sous run --connector', () => {
  it('imports the Petstore and runs a step of it against its server', async () => {
    const doc = parse(readFileSync('tests/fixtures/openapi/petstore.yaml', 'utf8'));
    doc.servers = [{ url: base }];
    const dir = tempFiles({ 'petstore.yaml': stringify(doc), 'named.recipe.json': recipe('openapi.pets'), 'default.recipe.json': recipe('openapi.swagger-petstore') });
    const named = await sous(['run', join(dir, 'named.recipe.json'), '--connector', `openapi.pets=${join(dir, 'petstore.yaml')}`, '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).steps[0].output).toMatchObject({ status: 200, body: { id: 7, name: 'Rex' } });
    const byTitle = await sous(['run', join(dir, 'default.recipe.json'), '--connector', join(dir, 'petstore.yaml')]);
    expect(byTitle.code, byTitle.stderr).toBe(0);
  }, 60_000);

  it.each([
    ['a Swagger 2.0 file', 'swagger: "2.0"\npaths: {}\n', /--connector .*old\.yaml: this is a Swagger 2\.0 document/],
    ['a missing file', null, /--connector .*gone\.yaml: cannot read the file \(ENOENT\)/]
  ])('refuses %s with exit code 2', async (_name, text, message) => {
    const dir = tempFiles({ 'r.recipe.json': recipe('openapi.x'), ...(text ? { 'old.yaml': text } : {}) });
    const result = await sous(['run', join(dir, 'r.recipe.json'), '--connector', join(dir, text ? 'old.yaml' : 'gone.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
  }, 60_000);
});
