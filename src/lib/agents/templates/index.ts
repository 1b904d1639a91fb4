/**
 * The agent templates: ready-made genies with the recipes they use, each running on the sandbox apps with
 * nothing to set up (sandbox connectors need no connection). One click on the Recipes page installs a
 * template's recipes and agents; `sous chat` and the tests read the same files.
 */
import { parseAgent, type Agent } from '../format';
import { formatIssue, parseRecipe, type Recipe } from '../../recipe';
import checkStock from './check-stock.recipe.json';
import erpGenie from './erp-genie.agent.json';
import financeGenie from './finance-genie.agent.json';
import frontDesk from './front-desk.agent.json';
import hrGenie from './hr-genie.agent.json';
import invoiceIntake from './invoice-intake.recipe.json';
import invoiceMail from './invoice-mail.recipe.json';
import openInvoices from './open-invoices.recipe.json';
import orderStatus from './order-status.recipe.json';
import ordersGenie from './orders-genie.agent.json';
import refundOrder from './refund-order.recipe.json';
import registerVendor from './register-vendor.recipe.json';
import requestLeave from './request-leave.recipe.json';
import showPayslip from './show-payslip.recipe.json';
import stockGenie from './stock-genie.agent.json';
import vendorInvoices from './vendor-invoices.recipe.json';

export type TemplateLang = 'en' | 'ko';
export type Words = Record<TemplateLang, string>;

export interface AgentTemplate {
  id: string;
  title: Words;
  description: Words;
  /** What a person may say first, to try it. */
  trySaying: Words;
  /** The agent whose chat opens once the template is installed. */
  opens: string;
  recipes: Recipe[];
  agents: Agent[];
}

function recipe(data: unknown): Recipe {
  const parsed = parseRecipe(data);
  if (!parsed.ok) throw new Error(`a template recipe is not valid: ${parsed.issues.map(formatIssue).join('; ')}`);
  return parsed.recipe;
}

function agent(data: unknown): Agent {
  const parsed = parseAgent(data);
  if (!parsed.ok) throw new Error(`a template agent is not valid: ${parsed.issues.map(formatIssue).join('; ')}`);
  return parsed.agent;
}

export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  {
    id: 'erp-genie',
    title: { en: 'ERP Genie: vendor registration by chat', ko: 'ERP 지니: 채팅으로 거래처 등록' },
    description: {
      en: 'Say "register a vendor": the genie asks the name and the country, shows what it will do, and creates the vendor in the sandbox ERP (never twice).',
      ko: '"거래처 등록해줘"라고 말하면 지니가 이름과 국가를 묻고, 할 일을 보여 준 뒤 샌드박스 ERP에 거래처를 만듭니다(중복 없이).'
    },
    trySaying: { en: 'register a vendor', ko: '거래처 등록해줘' },
    opens: 'erp-genie',
    recipes: [recipe(registerVendor), recipe(vendorInvoices)],
    agents: [agent(erpGenie)]
  },
  {
    id: 'finance-genie',
    title: { en: 'Finance Genie: invoice intake by mail', ko: '재무 지니: 메일로 받은 송장 처리' },
    description: {
      en: 'An invoice mailed to the sandbox mailbox is recorded in the ERP; a vendor the ERP does not know waits for finance to approve it, in the chat or the Inbox.',
      ko: '샌드박스 메일함으로 온 송장을 ERP에 기록합니다. ERP에 없는 거래처는 채팅이나 받은편지함에서 재무팀이 승인해야 추가됩니다.'
    },
    trySaying: { en: 'record an invoice', ko: '송장 등록해줘' },
    opens: 'finance-genie',
    recipes: [recipe(invoiceIntake), recipe(openInvoices), recipe(invoiceMail)],
    agents: [agent(financeGenie)]
  },
  {
    id: 'customer-refund',
    title: { en: 'Customer refund: three genies together', ko: '고객 환불: 세 지니의 협업' },
    description: {
      en: 'The front desk hands a customer’s request on: Orders Genie refunds the items and asks Stock Genie for the new stock levels.',
      ko: '안내 데스크가 고객 요청을 넘기면 주문 지니가 환불하고, 재고 지니에게 새 재고를 확인합니다.'
    },
    trySaying: { en: 'I want a refund for order ord-1001', ko: 'ord-1001 주문 환불해 주세요' },
    opens: 'front-desk',
    recipes: [recipe(checkStock), recipe(orderStatus), recipe(refundOrder)],
    agents: [agent(stockGenie), agent(ordersGenie), agent(frontDesk)]
  },
  {
    id: 'hr-genie',
    title: { en: 'HR Genie: my pay slip', ko: 'HR 지니: 내 급여명세서' },
    description: {
      en: 'Shows the pay slip of the person talking, and only theirs (choose who you are under Acting as on the Sandbox HR page), and requests leave.',
      ko: '말하는 사람 본인의 급여명세서만 보여 주고(샌드박스 HR 페이지의 "Acting as"에서 본인을 고르세요), 휴가를 신청합니다.'
    },
    trySaying: { en: 'show my pay slip', ko: '내 급여명세서 보여줘' },
    opens: 'hr-genie',
    recipes: [recipe(showPayslip), recipe(requestLeave)],
    agents: [agent(hrGenie)]
  }
];

export function agentTemplate(id: string): AgentTemplate | undefined {
  return AGENT_TEMPLATES.find((t) => t.id === id);
}
