/** Steps in the sandbox apps: the ERP (vendors, invoices), HR (leave, pay slips) and the shop (orders, stock). */
import type { Step } from '../../recipe/schema';
import type { DraftBuilder } from './draft-builder';
import type { StepRule } from './rule';
import { sref } from './words';
import { OUTPUT, out } from './outputs';

const ERP = 'sandbox.erp';

function searchVendor(b: DraftBuilder): string {
  // A mail's sender address finds the vendor exactly; a name only by likeness.
  const email = b.known('sender_email');
  const query = email ? `{{ ${email} }}` : b.value('vendor_name', '');
  const id = b.action('find-vendor', ERP, 'vendors.search', { query }, 'Look up the vendor');
  b.assume(email ? "I assumed the vendor is looked up by the sender's email." : 'I assumed the vendor is looked up by name.');
  b.bind('vendors', out(id, OUTPUT.vendors));
  b.bind('vendor_id', out(id, `${OUTPUT.vendors}[0].${OUTPUT.createdId}`));
  return id;
}

function vendorInput(b: DraftBuilder): Record<string, unknown> {
  const input: Record<string, unknown> = { name: b.value('vendor_name', '') };
  const email = b.known('vendor_email');
  if (email) input.email = `{{ ${email} }}`;
  return input;
}

/** Look the vendor up; create it only when none is found; either way `vars.vendor_id` holds its id. */
function newVendor(b: DraftBuilder): void {
  const found = searchVendor(b);
  const createId = b.id('create-vendor');
  const create: Step = { id: createId, kind: 'action', connector: ERP, action: 'vendors.create', connection: 'erp', input: vendorInput(b), name: 'Create the vendor' };
  b.add({
    id: b.id('vendor-is-new'),
    kind: 'if',
    name: 'Is the vendor new?',
    condition: `{{ $count(${out(found, OUTPUT.vendors)}) = 0 }}`,
    then: [create, { id: b.id('remember-new-vendor'), kind: 'set', values: { vendor_id: `{{ ${out(createId, OUTPUT.createdId)} }}` } }],
    else: [{ id: b.id('remember-vendor'), kind: 'set', values: { vendor_id: `{{ ${out(found, `${OUTPUT.vendors}[0].${OUTPUT.createdId}`)} }}` } }]
  });
  b.lastAction = { id: found, connector: ERP, action: 'vendors.search' };
  b.bind('vendor_id', 'vars.vendor_id');
  b.assume(b.known('sender_email') ? "I assumed a vendor is new when the search by the sender's email finds none." : 'I assumed a vendor is new when the search by name finds none.');
}

function invoiceStatus(words: string): string {
  if (/paid|지급|결제|입금/i.test(words)) return 'paid';
  if (/reject|반려|거절/i.test(words)) return 'rejected';
  if (/void|cancel|취소/i.test(words)) return 'void';
  return 'approved';
}

export const APP_RULES: StepRule[] = [
  {
    name: 'new vendor',
    pattern: /\b(?:create|add|register)\s+(?:the\s+)?(?:vendor|supplier)\s+if\s+(?:it\s+is|it's)\s+new|\bnew\s+vendors?\b|\bvendor\s+is\s+new|\bif\s+the\s+vendor\s+(?:does\s*n[o']t|doesn't)\s+exist|\bunknown\s+vendors?|(?:신규|새로운)\s*거래처|거래처(?:를|을)?\s*(?:조회|검색|확인)(?:하고|해서)?\s*,?\s*없으면\s*(?:등록|생성|추가)|거래처가\s*없으면/i,
    uses: [[ERP, 'vendors.search'], [ERP, 'vendors.create']],
    build: (b) => newVendor(b)
  },
  {
    name: 'vendor lookup',
    pattern: /\b(?:look\s*up|find|search(?:\s+for)?|check)\s+(?:the\s+|a\s+)?(?:vendor|supplier)|(?:거래처|공급업체|벤더)(?:를|을)?\s*(?:[가-힣]+으로\s*)?(?:조회|검색|찾|확인)/i,
    uses: [[ERP, 'vendors.search']],
    build: (b) => void searchVendor(b)
  },
  {
    name: 'vendor create',
    pattern: /\b(?:create|add|register)\s+(?:the\s+|a\s+)?(?:vendor|supplier)|(?:거래처|공급업체)(?:를|을)?\s*(?:생성|등록|추가|만들)/i,
    uses: [[ERP, 'vendors.create']],
    build: (b) => {
      const id = b.action('create-vendor', ERP, 'vendors.create', vendorInput(b), 'Create the vendor');
      b.bind('vendor_id', out(id, OUTPUT.createdId));
    }
  },
  {
    name: 'invoice status',
    pattern: /\bmark\s+(?:the\s+|it\s+|each\s+)?(?:invoice\s+)?(?:as\s+)?(?:paid|approved|rejected|overdue)|\bset\s+(?:the\s+)?(?:invoice(?:'s)?\s+)?status|(?:송장|청구서)?\s*(?:상태를?)\s*\S+\s*(?:로|으로)\s*(?:변경|바꾸|표시|설정)|(?:지급|결제)\s*완료로\s*(?:표시|변경)/i,
    uses: [[ERP, 'invoices.set_status']],
    build: (b, m) => {
      const status = invoiceStatus(m[0]);
      b.action('set-status', ERP, 'invoices.set_status', { id: b.value('invoice_id', ''), status }, 'Set the invoice status');
      b.assume(`I assumed the invoice's new status is "${status}".`);
    }
  },
  {
    name: 'invoice create',
    pattern: /\b(?:create|record|enter|book|add)\s+(?:an?\s+|the\s+)?invoice|\b(?:put|enter|save|record|add)\s+(?:it|them)\s+(?:in|into|to)\s+the\s+erp\b|(?:송장|청구서)(?:을|를)?\s*(?:ERP에\s*)?(?:생성|등록|만들|기록|입력)|ERP에\s*(?:등록|입력|기록|넣)/i,
    uses: [[ERP, 'invoices.create']],
    build: (b) => {
      // An invoice needs its vendor's id: when only the name is known (extracted), look it up first.
      if (!b.known('vendor_id') && b.known('vendor_name') && b.view.hasAction(ERP, 'vendors.search')) searchVendor(b);
      const id = b.action('create-invoice', ERP, 'invoices.create', {
        vendor_id: b.value('vendor_id', ''),
        number: b.value('invoice_number', ''),
        date: b.known('invoice_date') ? `{{ ${b.known('invoice_date')} }}` : '{{ $substring(now, 0, 10) }}',
        currency: b.known('currency') ? `{{ ${b.known('currency')} }}` : 'EUR',
        total: b.value('total', '', 'number'),
        ...(b.known('lines') ? { lines: `{{ ${b.known('lines')} }}` } : {})
      }, 'Create the invoice');
      if (!b.known('currency')) b.assume('I assumed the currency is EUR where the words do not say.');
      b.bind('invoice_id', out(id, OUTPUT.createdId));
    }
  },
  {
    name: 'invoice list',
    pattern: /\b(?:list|get|fetch|find|collect|pull|load|all)\s+(?:all\s+)?(?:the\s+)?(?:(overdue|unpaid|open|paid|outstanding)\s+)?invoices|(?:(미지급|연체|미결)\s*)?송장\s*목록|(?:(미지급|연체)\s*)?송장들?을\s*(?:가져|조회|모아)/i,
    uses: [[ERP, 'invoices.list']],
    build: (b, m) => {
      const said = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
      const status = /overdue|연체|unpaid|미지급|open|미결/.test(said) ? 'open' : said === 'paid' ? 'paid' : undefined;
      if (/overdue|연체/.test(said)) b.assume('I assumed overdue invoices are the open ones (the ERP has no "overdue" status); add a check on due_date to narrow them.');
      const id = b.action('list-invoices', ERP, 'invoices.list', status ? { status } : {}, 'List invoices');
      b.bind('list', out(id, OUTPUT.invoices));
      b.bind('list_noun', 'invoice');
    }
  },
  {
    name: 'purchase orders',
    pattern: /\bpurchase\s+orders?|구매\s*주문|발주/i,
    uses: [[ERP, 'purchase_orders.list']],
    build: (b) => {
      const id = b.action('list-purchase-orders', ERP, 'purchase_orders.list', {}, 'List purchase orders');
      b.bind('list', out(id, OUTPUT.purchaseOrders));
    }
  },
  {
    name: 'pay slip',
    pattern: /\bpay\s*slips?|\bpayslips?|급여\s*명세서|월급\s*명세서/i,
    uses: [['sandbox.hr', 'payslips.get']],
    build: (b) => {
      const id = b.action('get-payslip', 'sandbox.hr', 'payslips.get', { employee_id: b.value('employee_id', ''), month: '{{ $substring(now, 0, 7) }}' }, 'Get the pay slip');
      b.assume("I assumed the pay slip is this month's.");
      b.bind('payslip', sref(id));
    }
  },
  {
    name: 'leave list',
    pattern: /\b(?:list|get|collect|check|fetch)\s+(?:all\s+)?(?:the\s+)?(?:list\s+of\s+)?(?:pending\s+|open\s+)?leave(?:\s+requests)?|(?:대기\s*중인\s*)?휴가\s*(?:신청\s*)?(?:목록|현황)/i,
    uses: [['sandbox.hr', 'leave.list']],
    build: (b) => {
      const id = b.action('list-leave', 'sandbox.hr', 'leave.list', { status: 'pending' }, 'List leave requests');
      b.bind('list', out(id, OUTPUT.leaveRequests));
    }
  },
  {
    name: 'leave decide',
    pattern: /\b(?:approve|decide|grant|reject)\s+(?:the\s+)?leave|휴가(?:를|을)?\s*(?:승인|결정|처리)(?:하고|해)/i,
    uses: [['sandbox.hr', 'leave.decide']],
    build: (b, m) => {
      const decision = /reject|반려|거절/i.test(m[0]) ? 'rejected' : 'approved';
      b.action('decide-leave', 'sandbox.hr', 'leave.decide', { id: b.value('leave_id', ''), decision }, 'Decide the leave request');
    }
  },
  {
    name: 'leave create',
    pattern: /\b(?:request|book|file|create)\s+(?:a\s+)?(?:day\s+of\s+)?leave|휴가(?:를|을)?\s*(?:신청|등록)(?:해|하고|하기)/i,
    uses: [['sandbox.hr', 'leave.create']],
    build: (b, m) => {
      b.action('request-leave', 'sandbox.hr', 'leave.create', {
        type: /sick|병가/i.test(m[0]) ? 'sick' : 'vacation',
        start: b.value('start', '', 'date'),
        end: b.value('end', '', 'date')
      }, 'Request leave');
    }
  },
  {
    name: 'employee list',
    pattern: /\b(?:list|get|fetch|collect|pull|load)\s+(?:all\s+)?(?:the\s+)?(?:active\s+|current\s+)?(?:employees|staff|people|workers)\b|\ball\s+(?:the\s+)?(?:active\s+)?employees\b|(?:전체\s*|모든\s*)?(?:직원|사원)\s*(?:목록|명단|리스트)|(?:직원|사원)들?(?:을|를)\s*(?:모두\s*)?(?:조회|가져)/i,
    uses: [['sandbox.hr', 'employees.list']],
    build: (b) => {
      const id = b.action('list-employees', 'sandbox.hr', 'employees.list', {}, 'List employees');
      b.bind('list', out(id, OUTPUT.employees));
      b.bind('list_noun', 'employee');
    }
  },
  {
    name: 'employee',
    pattern: /\b(?:look\s*up|find|get)\s+(?:the\s+)?employee|직원(?:을|를|\s*정보를?)?\s*(?:조회|찾)/i,
    uses: [['sandbox.hr', 'employees.get']],
    build: (b) => {
      const id = b.action('get-employee', 'sandbox.hr', 'employees.get', { id: b.value('employee_id', '') }, 'Look up the employee');
      b.bind('email', out(id, OUTPUT.employeeEmail));
    }
  },
  {
    name: 'refund',
    pattern: /\brefund|환불/i,
    uses: [['sandbox.orders', 'refunds.create']],
    build: (b) => {
      const lines = b.known('lines');
      b.action('refund', 'sandbox.orders', 'refunds.create', {
        order_id: b.value('order_id', ''),
        items: lines ? `{{ ${lines} }}` : b.value('items', '', 'list'),
        reason: 'Refund requested'
      }, 'Refund the order');
      b.assume('I assumed the whole order is refunded.');
    }
  },
  {
    name: 'stock list',
    pattern: /\b(?:list|fetch|pull|export|go\s+through)\s+(?:all\s+)?(?:the\s+)?(?:stock|inventory)(?:\s+levels|\s+items)?|\ball\s+(?:the\s+)?(?:stock|inventory)\s+(?:levels|items)|재고\s*(?:목록|현황|리스트)|전체\s*재고/i,
    uses: [['sandbox.orders', 'stock.list']],
    build: (b) => {
      const id = b.action('list-stock', 'sandbox.orders', 'stock.list', {}, 'List stock');
      b.bind('list', out(id, OUTPUT.stockItems));
      b.bind('list_noun', 'sku');
    }
  },
  {
    name: 'stock',
    pattern: /\b(?:check|look\s*up|get)\s+(?:the\s+)?(?:stock|inventory)|\bstock\s+levels?|재고(?:를|을)?\s*(?:확인|조회|체크)/i,
    uses: [['sandbox.orders', 'stock.get']],
    build: (b) => {
      const id = b.action('check-stock', 'sandbox.orders', 'stock.get', { sku: b.value('sku', '') }, 'Check the stock');
      b.bind('stock', out(id, OUTPUT.stockQuantity));
    }
  },
  {
    name: 'order list',
    pattern: /\b(?:list|get|fetch|collect|post|send|sync|export)\s+(?:all\s+)?(?:the\s+)?(?:(?:open|new|pending|unshipped|today's)\s+)orders|\blist\s+(?:all\s+)?(?:the\s+)?orders|\b(?:this\s+week's|today's|yesterday's|recent|the\s+day's)\s+orders|(?:신규|미처리|미배송|오늘)?\s*주문\s*목록/i,
    uses: [['sandbox.orders', 'orders.list']],
    build: (b) => {
      const id = b.action('list-orders', 'sandbox.orders', 'orders.list', {}, 'List orders');
      b.bind('list', out(id, OUTPUT.orders));
      b.bind('response', out(id, OUTPUT.orders));
    }
  },
  {
    name: 'order lookup',
    pattern: /\b(?:look\s*up|get|fetch|find)\s+(?:the\s+)?order\b|주문(?:을|를)?\s*(?:조회|확인)/i,
    uses: [['sandbox.orders', 'orders.get']],
    build: (b) => {
      const id = b.action('get-order', 'sandbox.orders', 'orders.get', { id: b.value('order_id', '') }, 'Look up the order');
      b.bind('lines', out(id, OUTPUT.orderLines));
      b.bind('total', OUTPUT.orderTotal(sref(id)));
    }
  }
];
