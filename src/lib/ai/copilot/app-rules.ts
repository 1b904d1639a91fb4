/** Steps in the sandbox apps: the ERP (vendors, invoices), HR (leave, pay slips) and the shop (orders, stock). */
import type { Step } from '../../recipe/schema';
import type { DraftBuilder } from './draft-builder';
import type { StepRule } from './rule';
import { sref } from './words';
import { OUTPUT, out } from './outputs';

const ERP = 'sandbox.erp';

function searchVendor(b: DraftBuilder, byId = true): string {
  // An invoice knows its vendor's id and not its name: get that vendor rather than search by a blank.
  const vendorId = b.known('vendor_id');
  if (byId && vendorId && !b.known('vendor_name') && !b.known('sender_email') && b.view.hasAction(ERP, 'vendors.get')) {
    const id = b.action(ERP, 'vendors.get', { id: `{{ ${vendorId} }}` }, ['Get the vendor', '거래처 가져오기']);
    b.bind('vendor_name', out(id, 'name'));
    b.bind('vendor_email', out(id, 'email'));
    b.bind('email', out(id, 'email'));
    return id;
  }
  // A mail's sender address finds the vendor exactly; a name only by likeness.
  const email = b.known('sender_email');
  const query = email ? `{{ ${email} }}` : b.value('vendor_name', '');
  const id = b.action(ERP, 'vendors.search', { query }, ['Look up the vendor', '거래처 조회']);
  if (email) b.assume("I assumed the vendor is looked up by the sender's email.", '보낸 사람의 이메일로 거래처를 조회한다고 가정했습니다.');
  else b.assume('I assumed the vendor is looked up by name.', '이름으로 거래처를 조회한다고 가정했습니다.');
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
  const found = searchVendor(b, false);
  const createId = b.id('Create the vendor');
  const create: Step = { id: createId, kind: 'action', connector: ERP, action: 'vendors.create', connection: 'erp', input: vendorInput(b), name: b.say('Create the vendor', '거래처 등록') };
  b.add({
    id: b.id('vendor_is_new'),
    kind: 'if',
    name: b.say('Is the vendor new?', '새 거래처인가요?'),
    condition: `{{ $count(${out(found, OUTPUT.vendors)}) = 0 }}`,
    then: [create, { id: b.id('remember_new_vendor'), kind: 'set', values: { vendor_id: `{{ ${out(createId, OUTPUT.createdId)} }}` } }],
    else: [{ id: b.id('remember_vendor'), kind: 'set', values: { vendor_id: `{{ ${out(found, `${OUTPUT.vendors}[0].${OUTPUT.createdId}`)} }}` } }]
  });
  b.lastAction = { id: found, connector: ERP, action: 'vendors.search' };
  b.bind('vendor_id', 'vars.vendor_id');
  if (b.known('sender_email')) b.assume("I assumed a vendor is new when the search by the sender's email finds none.", '보낸 사람의 이메일로 찾은 거래처가 없으면 새 거래처라고 가정했습니다.');
  else b.assume('I assumed a vendor is new when the search by name finds none.', '이름으로 찾은 거래처가 없으면 새 거래처라고 가정했습니다.');
}

function invoiceStatus(words: string): string {
  if (/paid|지급|결제|입금/i.test(words)) return 'paid';
  if (/reject|반려|거절/i.test(words)) return 'rejected';
  if (/void|cancel|취소/i.test(words)) return 'void';
  return 'approved';
}

/** List the stock and go through its items; the steps said after go inside. */
function eachStockItem(b: DraftBuilder): void {
  const id = b.action('sandbox.orders', 'stock.list', {}, ['List stock', '재고 목록']);
  const loop: Step = { id: b.id('each_sku'), kind: 'foreach', name: b.say('For each item', '각 재고 품목마다'), items: `{{ ${out(id, OUTPUT.stockItems)} }}`, as: 'sku', steps: [] };
  b.add(loop);
  b.open('loop', loop.steps);
  b.bind('sku', 'sku.sku');
  b.bind('quantity', `sku.${OUTPUT.stockQuantity}`);
  b.bind('stock', `sku.${OUTPUT.stockQuantity}`);
  b.bind('list', '[sku]');
  b.assume('No item was named, so I assumed every item\'s stock is checked, listed first.', '품목을 말하지 않아 모든 품목의 재고를 먼저 가져와 확인한다고 가정했습니다.');
}

export const APP_RULES: StepRule[] = [
  {
    name: 'new vendor',
    pattern: /\b(?:create|add|register)\s+(?:the\s+)?(?:vendor|supplier)\s+if\s+(?:it\s+is|it's)\s+new|\bnew\s+vendors?\b(?!\s+(?:to|in|on|into)\s+#)(?<!\b(?:of|about|on|list|digest|summary)\s+new\s+vendors?)|\bvendor\s+is\s+new|\bif\s+the\s+vendor\s+(?:does\s*n[o']t|doesn't)\s+exist|\bunknown\s+vendors?|(?:신규|새로운)\s*거래처|거래처(?:를|을)?\s*(?:\S+에서\s*)?(?:조회|검색|확인|찾아\s*보|찾)(?:하고|해서|고|아보고)?\s*,?\s*없으면\s*(?:새로\s*|새\s*|신규\s*)?(?:거래처(?:를|을)?\s*)?(?:등록|생성|추가|만들|만든)|거래처가\s*없으면/i,
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
      const id = b.action(ERP, 'vendors.create', vendorInput(b), ['Create the vendor', '거래처 등록']);
      b.bind('vendor_id', out(id, OUTPUT.createdId));
    }
  },
  {
    name: 'invoice status',
    pattern: /\bmark\s+(?:the\s+|it\s+|each\s+)?(?:invoice\s+)?(?:as\s+)?(?:paid|approved|rejected|overdue)|\bset\s+(?:the\s+)?(?:invoice(?:'s)?\s+)?status|(?:송장|청구서)?\s*(?:상태를?)\s*\S+\s*(?:로|으로)\s*(?:변경|바꾸|바꿔|바꿉|표시|설정)|(?:지급|결제)\s*완료로\s*(?:표시|변경)/i,
    uses: [[ERP, 'invoices.set_status']],
    build: (b, m) => {
      const status = invoiceStatus(m[0]);
      b.action(ERP, 'invoices.set_status', { id: b.value('invoice_id', ''), status }, ['Set the invoice status', '송장 상태 변경']);
      b.assume(`I assumed the invoice's new status is "${status}".`, `송장의 새 상태를 "${status}"(으)로 가정했습니다.`);
    }
  },
  {
    name: 'invoice create',
    pattern: /\b(?:create|record|enter|book|add)\s+(?:an?\s+|the\s+)?invoice|\b(?:put|enter|save|record|add|file|book)\s+(?:it|them)\s+(?:in|into|to)\s+the\s+erp\b|(?:송장|청구서)(?:을|를)?\s*(?:ERP에\s*)?(?:생성|등록|만들|기록|입력)|ERP에\s*(?:등록|입력|기록|넣)/i,
    uses: [[ERP, 'invoices.create']],
    build: (b) => {
      // An invoice needs its vendor's id: when only the name is known (extracted), look it up first.
      if (!b.known('vendor_id') && b.known('vendor_name') && b.view.hasAction(ERP, 'vendors.search')) searchVendor(b);
      const id = b.action(ERP, 'invoices.create', {
        vendor_id: b.value('vendor_id', ''),
        number: b.value('invoice_number', ''),
        date: b.known('invoice_date') ? `{{ ${b.known('invoice_date')} }}` : '{{ $substring(now, 0, 10) }}',
        currency: b.known('currency') ? `{{ ${b.known('currency')} }}` : 'EUR',
        total: b.value('total', '', 'number'),
        ...(b.known('lines') ? { lines: `{{ ${b.known('lines')} }}` } : {})
      }, ['Create the invoice', '송장 등록']);
      if (!b.known('currency')) b.assume('I assumed the currency is EUR where the words do not say.', '요청에 통화가 없어 EUR로 가정했습니다.');
      b.bind('invoice_id', out(id, OUTPUT.createdId));
    }
  },
  {
    name: 'invoice list',
    pattern: /\b(?:list|get|fetch|find|collect|pull|load|all)\s+(?:all\s+)?(?:the\s+)?(?:(overdue|unpaid|open|paid|outstanding)\s+)?invoices|\b(?:get|fetch|list|pull|take)\s+(?:every|each)\s+(overdue|unpaid|open|outstanding)?\s*invoice\b|\b(?:the\s+|all\s+)?(overdue|unpaid|open|outstanding|paid)\s+invoices\b|(?:(미지급|연체|미결)\s*)?송장\s*목록|(?:(미지급|연체|미결)(?:된|인|중인)?\s*)?송장들?을\s*(?:가져|조회|모아|모으)/i,
    uses: [[ERP, 'invoices.list']],
    build: (b, m) => {
      const said = (m.slice(1).find(Boolean) ?? '').toLowerCase();
      const status = /overdue|연체|unpaid|미지급|open|미결/.test(said) ? 'open' : said === 'paid' ? 'paid' : undefined;
      if (/overdue|연체/.test(said)) b.assume('I assumed overdue invoices are the open ones (the ERP has no "overdue" status); add a check on due_date to narrow them.', '연체 송장은 미결(open) 송장이라고 가정했습니다(ERP에는 "연체" 상태가 없습니다). 좁히려면 due_date 조건을 추가하세요.');
      const id = b.action(ERP, 'invoices.list', status ? { status } : {}, ['List invoices', '송장 목록']);
      b.bind('list', out(id, OUTPUT.invoices));
      b.bind('list_noun', 'invoice');
    }
  },
  {
    name: 'purchase order create',
    pattern: /\b(?:create|raise|place|open|submit|issue|make|enter)\s+(?:an?\s+|the\s+|new\s+)*(?:purchase\s+order|PO)\b|(?:구매\s*주문|발주)(?:서)?(?:를|을)?\s*(?:ERP에\s*)?(?:생성|등록|만들|넣|올리|발행)|발주(?:를|을)?\s*(?:내|넣)/i,
    uses: [[ERP, 'purchase_orders.create']],
    build: (b) => {
      const lines = b.known('lines');
      b.action(ERP, 'purchase_orders.create', { vendor_id: b.value('vendor_id', ''), lines: lines ? `{{ ${lines} }}` : b.value('lines', '', 'list') }, ['Create the purchase order', '구매 주문 생성']);
    }
  },
  {
    name: 'purchase orders',
    pattern: /\bpurchase\s+orders?(?!\s+requests?\b)|구매\s*주문(?!\s*(?:요청|신청))|발주(?!\s*(?:요청|신청))/i,
    uses: [[ERP, 'purchase_orders.list']],
    build: (b) => {
      const id = b.action(ERP, 'purchase_orders.list', {}, ['List purchase orders', '구매 주문 목록']);
      b.bind('list', out(id, OUTPUT.purchaseOrders));
    }
  },
  {
    name: 'pay slip',
    pattern: /\bpay\s*slips?|\bpayslips?|급여\s*명세서|월급\s*명세서/i,
    uses: [['sandbox.hr', 'payslips.get']],
    build: (b) => {
      const id = b.action('sandbox.hr', 'payslips.get', { employee_id: b.value('employee_id', ''), month: '{{ $substring(now, 0, 7) }}' }, ['Get the pay slip', '급여 명세서 가져오기']);
      b.assume("I assumed the pay slip is this month's.", '이번 달 급여 명세서라고 가정했습니다.');
      b.bind('payslip', sref(id));
    }
  },
  {
    name: 'leave list',
    pattern: /\b(?:list|get|collect|check|fetch)\s+(?:all\s+)?(?:the\s+)?(?:list\s+of\s+)?(?:pending\s+|open\s+)?leave(?:\s+requests)?|\b(?:pending|open|outstanding)\s+leave\s+requests\b|(?:대기\s*중인\s*)?휴가\s*(?:신청\s*)?(?:목록|현황)|(?:대기\s*중인\s*)?휴가\s*신청(?:을|들을|들)?\s*(?:모아|모두|전부|가져)/i,
    uses: [['sandbox.hr', 'leave.list']],
    build: (b) => {
      const id = b.action('sandbox.hr', 'leave.list', { status: 'pending' }, ['List leave requests', '휴가 신청 목록']);
      b.bind('list', out(id, OUTPUT.leaveRequests));
    }
  },
  {
    name: 'leave decide',
    pattern: /\b(?:approve|decide|grant|reject)\s+(?:the\s+)?leave|휴가(?:를|을)?\s*(?:승인|결정|처리)(?:하고|해)/i,
    uses: [['sandbox.hr', 'leave.decide']],
    build: (b, m) => {
      const decision = /reject|반려|거절/i.test(m[0]) ? 'rejected' : 'approved';
      b.action('sandbox.hr', 'leave.decide', { id: b.value('leave_id', ''), decision }, ['Decide the leave request', '휴가 신청 처리']);
    }
  },
  {
    name: 'leave create',
    pattern: /\b(?:request|book|file|create)\s+(?:a\s+)?(?:day\s+of\s+)?leave|휴가(?:를|을)?\s*(?:신청|등록)(?:해|하고|하기)/i,
    uses: [['sandbox.hr', 'leave.create']],
    build: (b, m) => {
      b.action('sandbox.hr', 'leave.create', {
        type: /sick|병가/i.test(m[0]) ? 'sick' : 'vacation',
        start: b.value('start', '', 'date'),
        end: b.value('end', '', 'date')
      }, ['Request leave', '휴가 신청']);
    }
  },
  {
    name: 'employee list',
    pattern: /\b(?:list|get|fetch|collect|pull|load)\s+(?:all\s+)?(?:the\s+)?(?:active\s+|current\s+)?(?:employees|staff|people|workers)\b|\b(?:the\s+)?(?:employee|staff)\s+list\b|\ball\s+(?:the\s+)?(?:active\s+)?employees\b|(?:전체\s*|모든\s*)?(?:직원|사원)\s*(?:목록|명단|리스트)|(?:직원|사원)들?(?:을|를)\s*(?:모두\s*)?(?:조회|가져)/i,
    uses: [['sandbox.hr', 'employees.list']],
    build: (b) => {
      const id = b.action('sandbox.hr', 'employees.list', {}, ['List employees', '직원 목록']);
      b.bind('list', out(id, OUTPUT.employees));
      b.bind('list_noun', 'employee');
    }
  },
  {
    name: 'employee',
    pattern: /\b(?:look\s*up|find|get|fetch)\s+(?:the\s+|their\s+)?employee|직원(?:을|를|\s*정보(?:를|와|과)?)?\s*(?:[^.,;]{0,24}?)(?:조회|찾)/i,
    uses: [['sandbox.hr', 'employees.get']],
    build: (b) => {
      const id = b.action('sandbox.hr', 'employees.get', { id: b.value('employee_id', '') }, ['Look up the employee', '직원 조회']);
      b.bind('email', out(id, OUTPUT.employeeEmail));
    }
  },
  {
    name: 'refund',
    pattern: /(?<!\b(?:it's|it\s+is|is|are|as|about|for)\s+(?:an?\s+)?)\brefund(?!\s+requests?\s+table)|환불(?!\s*(?:요청\s*)?(?:이면|이라면|인\s*경우|일\s*경우|인지|건이면))/i,
    uses: [['sandbox.orders', 'refunds.create']],
    build: (b) => {
      const lines = b.known('lines');
      b.action('sandbox.orders', 'refunds.create', {
        order_id: b.value('order_id', ''),
        items: lines ? `{{ ${lines} }}` : b.value('items', '', 'list'),
        reason: b.say('Refund requested', '환불 요청')
      }, ['Refund the order', '주문 환불']);
      b.assume('I assumed the whole order is refunded.', '주문 전체를 환불한다고 가정했습니다.');
    }
  },
  {
    name: 'stock list',
    pattern: /\b(?:list|fetch|pull|export|go\s+through)\s+(?:all\s+)?(?:the\s+)?(?:stock|inventory)(?:\s+levels|\s+items)?|\b(?:the\s+)?(?:stock|inventory)\s+(?:list|report|sheet)\b|\ball\s+(?:the\s+)?(?:stock|inventory)\s+(?:levels|items)|재고\s*(?:목록|현황|리스트)|전체\s*재고/i,
    uses: [['sandbox.orders', 'stock.list']],
    build: (b) => {
      const id = b.action('sandbox.orders', 'stock.list', {}, ['List stock', '재고 목록']);
      b.bind('list', out(id, OUTPUT.stockItems));
      b.bind('list_noun', 'sku');
    }
  },
  {
    name: 'stock',
    pattern: /\b(?:check|look\s*up|get)\s+(?:the\s+|its\s+|their\s+)?(?:stock|inventory)|\bstock\s+levels?|재고(?:를|을)?\s*(?:확인|조회|체크)/i,
    uses: [['sandbox.orders', 'stock.get']],
    build: (b) => {
      // "매일 아침 재고를 확인해서 …": no item named nor typed in, so every item's stock, listed.
      if (!b.known('sku') && !b.known('list') && !b.known('lines') && !b.asksInput && !b.inLoop() && b.view.hasAction('sandbox.orders', 'stock.list')) return eachStockItem(b);
      const id = b.action('sandbox.orders', 'stock.get', { sku: b.value('sku', '') }, ['Check the stock', '재고 확인']);
      b.bind('stock', out(id, OUTPUT.stockQuantity));
    }
  },
  {
    name: 'order list',
    pattern: /\b(?:list|get|fetch|collect|post|send|sync|export)\s+(?:all\s+)?(?:the\s+)?(?:(?:open|new|pending|unshipped|today's)\s+)orders|\blist\s+(?:all\s+)?(?:the\s+)?orders|\ball\s+(?:the\s+)?(?:(?:open|new|pending|unshipped|today's)\s+)?orders\b|\b(?:this\s+week's|today's|yesterday's|recent|the\s+day's)\s+orders|(?:신규|미처리|미배송|오늘)?\s*주문\s*목록|(?:오늘|어제|이번\s*주|최근)\s*(?:들어온|받은|접수된)?\s*주문(?:들)?(?:을|를)?/i,
    uses: [['sandbox.orders', 'orders.list']],
    build: (b) => {
      const id = b.action('sandbox.orders', 'orders.list', {}, ['List orders', '주문 목록']);
      b.bind('list', out(id, OUTPUT.orders));
      b.bind('response', out(id, OUTPUT.orders));
    }
  },
  {
    name: 'order lookup',
    pattern: /\b(?:look\s*up|get|fetch|find)\s+(?:the\s+)?order\b|주문(?:을|를)?\s*(?:조회|확인|찾)/i,
    uses: [['sandbox.orders', 'orders.get']],
    build: (b) => {
      const id = b.action('sandbox.orders', 'orders.get', { id: b.value('order_id', '') }, ['Look up the order', '주문 조회']);
      b.bind('lines', out(id, OUTPUT.orderLines));
      b.bind('total', OUTPUT.orderTotal(sref(id)));
    }
  }
];
