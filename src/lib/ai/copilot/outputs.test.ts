/** The fields drafts read from actions' outputs exist in those actions' real output schemas. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinConnectors } from '../../connectors/builtin';
import { MemoryChat } from '../../connectors/chat';
import { memorySandboxStores, noEvents } from '../../connectors/sandbox';
import { OUTPUT } from './outputs';

const registry = builtinConnectors({ chat: new MemoryChat(), sandbox: { stores: memorySandboxStores(), events: noEvents } });

/** The keys of an action's output object (unwrapping optional/nullable wrappers). */
function outputKeys(connector: string, action: string): string[] {
  let schema = registry.action(connector, action)?.output as z.ZodType | undefined;
  while (schema && !(schema instanceof z.ZodObject) && 'unwrap' in schema) schema = (schema as unknown as { unwrap(): z.ZodType }).unwrap();
  if (!(schema instanceof z.ZodObject)) throw new Error(`${connector} ${action} has no object output`);
  return Object.keys(schema.shape);
}

describe('OUTPUT names match the connectors', () => {
  it.each([
    ['sandbox.erp', 'vendors.search', OUTPUT.vendors],
    ['sandbox.erp', 'vendors.create', OUTPUT.createdId],
    ['sandbox.erp', 'invoices.list', OUTPUT.invoices],
    ['sandbox.hr', 'employees.list', OUTPUT.employees],
    ['sandbox.hr', 'leave.list', OUTPUT.leaveRequests],
    ['sandbox.orders', 'orders.list', OUTPUT.orders],
    ['sandbox.orders', 'stock.list', OUTPUT.stockItems],
    ['tables', 'list', OUTPUT.tableRows],
    ['http', 'request', OUTPUT.httpBody],
    ['ai', 'classify', OUTPUT.classifyLabel],
    ['ai', 'summarize', OUTPUT.summary]
  ])('%s %s has "%s"', (connector, action, field) => {
    expect(outputKeys(connector, action)).toContain(field);
  });
});
