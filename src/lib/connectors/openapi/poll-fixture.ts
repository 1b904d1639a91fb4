/**
 * For tests: a small shop API written for the polled events, with each case the importer tells apart
 * (a plain list, a wrapped list, `x-sous-poll` settings, operations that cannot be polled). Its server
 * is set by the connection's Base URL (tests run one on 127.0.0.1).
 */
export const SHOP_API = `
openapi: 3.0.3
info: { title: Little Shop, version: '1.0' }
servers: [{ url: /api }]
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
  schemas:
    Order:
      type: object
      required: [id, total]
      properties:
        id: { type: string }
        total: { type: number }
        customer: { type: string }
security: [{ bearer: [] }]
paths:
  /orders:
    get:
      operationId: listOrders
      summary: List orders
      parameters:
        - { name: status, in: query, schema: { type: string, default: open } }
      responses:
        '200':
          description: the orders, newest first
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Order' } }
    post:
      operationId: createOrder
      x-sous-poll: { every: 10m }
      requestBody:
        content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } }
      responses: { '201': { description: made } }
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: one, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
  /customers:
    get:
      operationId: listCustomers
      x-sous-poll: { key: number, every: 1h, backlog: true }
      responses:
        '200':
          description: a page of customers
          content:
            application/json:
              schema:
                type: object
                properties:
                  total: { type: integer }
                  items:
                    type: array
                    items: { type: object, properties: { number: { type: integer }, name: { type: string } } }
  /tickets:
    get:
      summary: Get all support tickets
      x-sous-poll: false
      responses:
        '200':
          description: tickets
          content: { application/json: { schema: { type: array, items: { type: object, properties: { id: { type: string } } } } } }
  /stats:
    get:
      operationId: getStats
      responses:
        '200': { description: numbers, content: { application/json: { schema: { type: object, properties: { count: { type: integer } } } } } }
  /tags:
    get:
      operationId: listTags
      x-sous-poll: {}
      responses:
        '200': { description: words, content: { application/json: { schema: { type: array, items: { type: object, properties: { label: { type: string } } } } } } }
  /events:
    get:
      operationId: listEvents
      x-sous-poll: { every: 10s }
      responses:
        '200':
          description: audit events
          content: { application/json: { schema: { type: array, items: { type: object, properties: { uuid: { type: string } } } } } }
  /search:
    get:
      operationId: search
      x-sous-poll: { every: often }
      parameters: [{ name: q, in: query, required: true, schema: { type: string } }]
      responses:
        '200': { description: hits, content: { application/json: { schema: { type: array, items: { type: object, properties: { id: { type: string } } } } } } }
`;
