/**
 * The catalogue of the connector and action names every branch agreed on (names.md), as CatalogEntry
 * values. The sandbox, tables, ai and slack connectors are built elsewhere, so the copilot takes its
 * catalogue as an input; this one is what its tests and the bench draft against.
 */
import type { CatalogEntry } from './draft-result';

const act = (name: string, label: string, inputs: string[] = []) => ({ name, label, inputs });

export const NAMES_CATALOG: CatalogEntry[] = [
  {
    connector: 'sandbox.erp',
    label: 'Workshop ERP',
    events: ['vendor.created', 'invoice.created'],
    actions: [
      act('vendors.search', 'Search vendors', ['query']),
      act('vendors.get', 'Get a vendor', ['id']),
      act('vendors.create', 'Create a vendor', ['name', 'email', 'tax_id', 'country', 'currency']),
      act('vendors.update', 'Update a vendor', ['id']),
      act('invoices.create', 'Create an invoice', ['vendor_id', 'number', 'date', 'due_date', 'currency', 'total', 'lines']),
      act('invoices.list', 'List invoices', ['vendor_id', 'status']),
      act('invoices.get', 'Get an invoice', ['id']),
      act('invoices.set_status', 'Set an invoice status', ['id', 'status']),
      act('purchase_orders.list', 'List purchase orders'),
      act('purchase_orders.get', 'Get a purchase order', ['id']),
      act('purchase_orders.create', 'Create a purchase order', ['vendor_id', 'lines'])
    ]
  },
  {
    connector: 'sandbox.hr',
    label: 'Workshop HR',
    events: ['leave.requested'],
    actions: [
      act('employees.get', 'Get an employee', ['id']),
      act('employees.list', 'List employees'),
      act('leave.list', 'List leave requests', ['status']),
      act('leave.create', 'Request leave', ['employee_id', 'start', 'end', 'reason']),
      act('leave.decide', 'Decide a leave request', ['id', 'decision']),
      act('payslips.get', 'Get a pay slip', ['employee_id', 'month'])
    ]
  },
  {
    connector: 'sandbox.orders',
    label: 'Workshop shop',
    events: ['order.created'],
    actions: [
      act('orders.list', 'List orders'),
      act('orders.get', 'Get an order', ['id']),
      act('refunds.create', 'Refund an order', ['order_id', 'items', 'reason']),
      act('stock.get', 'Get stock for a SKU', ['sku']),
      act('stock.list', 'List stock')
    ]
  },
  {
    connector: 'sandbox.mail',
    label: 'Workshop mailbox',
    events: ['mail.received'],
    actions: [
      act('messages.list', 'List messages'),
      act('messages.get', 'Get a message', ['id']),
      act('messages.send', 'Send a message', ['to', 'subject', 'body'])
    ]
  },
  {
    connector: 'tables',
    label: 'Tables',
    events: [],
    actions: [
      act('lookup', 'Look up a row', ['table', 'column', 'value']),
      act('list', 'List rows', ['table', 'where']),
      act('add', 'Add a row', ['table', 'row']),
      act('update', 'Update rows', ['table', 'column', 'value', 'changes']),
      act('delete', 'Delete rows', ['table', 'column', 'value'])
    ]
  },
  { connector: 'slack', label: 'Slack', events: [], actions: [act('post', 'Post to a Slack channel', ['channel', 'text'])] },
  {
    connector: 'ai',
    label: 'AI',
    events: [],
    actions: [
      act('extract', 'Extract fields', ['document', 'fields', 'preset']),
      act('classify', 'Classify text', ['text', 'labels']),
      act('summarize', 'Summarize text', ['text', 'max_words']),
      act('generate', 'Generate text', ['prompt'])
    ]
  },
  {
    connector: 'http',
    label: 'HTTP',
    events: [],
    actions: [act('request', 'HTTP request', ['method', 'url', 'headers', 'query', 'body', 'timeout_ms'])]
  },
  { connector: 'chat', label: 'Chat', events: [], actions: [act('post', 'Post to chat', ['channel', 'text'])] }
];
