/** Bad documents are refused with a message that says what is wrong and what to do. */
import { describe, expect, it } from 'vitest';
import { buildOpenApiConnector, parseOpenApi } from './index';
import { actionNameFromOperationId, actionNameFromRoute, connectorIdProblem, suggestConnectorId } from './names';

describe('parseOpenApi refuses', () => {
  it.each([
    ['empty text', '  ', /the document is empty/],
    ['not JSON', '{"openapi": "3.0.0", ', /not valid JSON/],
    ['bad YAML, with line and column', 'openapi: 3.0.0\npaths:\n  /a:\n    get: [unclosed\n', /not valid YAML at line \d+, column \d+/],
    ['a list', '- 1\n- 2\n', /not an OpenAPI document/],
    ['no openapi field', 'info:\n  title: x\npaths: {}\n', /has no "openapi" version field/],
    ['Swagger 2.0', 'swagger: "2.0"\ninfo: {title: x}\npaths: {}\n', /Swagger 2\.0 document.*convert it to OpenAPI 3 first/],
    ['OpenAPI 4', 'openapi: 4.0.0\npaths: {}\n', /OpenAPI 4\.0\.0 is not supported/],
    ['no paths', 'openapi: 3.0.3\ninfo: {title: x}\n', /has no "paths"/],
    ['an external $ref', 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      parameters:\n        - $ref: "other.yaml#/p"\n      responses: {}\n', /points outside this document/]
  ])('%s', (_name, text, message) => {
    expect(() => buildOpenApiConnector({ id: 'openapi.x', label: 'X', document: text })).toThrow(message);
  });

  it('reads JSON and YAML alike', () => {
    expect(parseOpenApi('{"openapi":"3.1.0","paths":{}}').openapi).toBe('3.1.0');
    expect(parseOpenApi('openapi: 3.0.1\npaths: {}\n').openapi).toBe('3.0.1');
  });
});

describe('recursive schemas', () => {
  const doc = `
openapi: 3.0.3
info: {title: Comments}
servers: [{url: "https://{region}.example.com/v1", variables: {region: {default: eu}}}]
paths:
  /comments:
    post:
      operationId: createComment
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Comment"}
      responses:
        "201":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Comment"}
components:
  schemas:
    Loop: {$ref: "#/components/schemas/Loop"}
    Comment:
      type: object
      required: [text]
      properties:
        text: {type: string}
        replies: {type: array, items: {$ref: "#/components/schemas/Comment"}}
        odd: {$ref: "#/components/schemas/Loop"}
`;
  it('validate to any depth, and a ref loop ends', () => {
    const c = buildOpenApiConnector({ id: 'openapi.comments', label: 'C', document: doc });
    const input = c.actions.create_comment.input;
    expect(input.safeParse({ body: { text: 'a', replies: [{ text: 'b', replies: [{ text: 'c' }] }] } }).success).toBe(true);
    const bad = input.safeParse({ body: { text: 'a', replies: [{ replies: [] }] } });
    expect(bad.error?.issues.map((i: { path: PropertyKey[] }) => i.path.join('.'))).toEqual(['body.replies.0.text']);
  });
});

describe('names', () => {
  it.each([
    ['addPet', 'add_pet'],
    ['repos/get-content', 'repos.get-content'],
    ['GetCustomersCustomer', 'get_customers_customer'],
    ['getHTTPStatus', 'get_http_status'],
    ['1st thing!', 'st_thing']
  ])('operationId %s → %s', (id, name) => expect(actionNameFromOperationId(id)).toBe(name));

  it('names an operation without an operationId from its route', () => {
    expect(actionNameFromRoute('GET', '/pets/{petId}')).toBe('get.pets.pet_id');
  });

  it('suggests and checks connector ids', () => {
    expect(suggestConnectorId('Swagger Petstore')).toBe('openapi.swagger-petstore');
    expect(suggestConnectorId('')).toBe('openapi.api');
    expect(connectorIdProblem('openapi.petstore', ['http'])).toBeNull();
    expect(connectorIdProblem('http', ['http'])).toMatch(/built-in/);
    expect(connectorIdProblem('Open API', [])).toMatch(/lower-case/);
  });
});
