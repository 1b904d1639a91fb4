/**
 * Recipe templates: ready-made recipes for the common first automations, each a real `sous.recipe/v1`
 * file that runs on the sandbox apps, the chat, the tables and the basic-mode AI with nothing to set up
 * (no connection to create, nothing to type). The gallery on the Recipes page and in "New recipe" shows
 * them; `templates.test.ts` runs every one to success on the real engine from its trigger's sample.
 */
import { formatIssue, parseRecipe, type Recipe } from '../recipe';
import type { Column } from '../connectors/tables/schema';
import bigInvoiceAlert from './recipes/big-invoice-alert.recipe.json';
import dailyOrdersReport from './recipes/daily-orders-report.recipe.json';
import documentExtraction from './recipes/document-extraction.recipe.json';
import invoiceMailApproval from './recipes/invoice-mail-approval.recipe.json';
import leaveRequestManager from './recipes/leave-request-manager.recipe.json';
import newVendorWelcome from './recipes/new-vendor-welcome.recipe.json';
import openInvoicesDigest from './recipes/open-invoices-digest.recipe.json';
import orderConfirmationMail from './recipes/order-confirmation-mail.recipe.json';
import orderStockAlert from './recipes/order-stock-alert.recipe.json';
import purchaseRequestApproval from './recipes/purchase-request-approval.recipe.json';
import sandboxHealthCheck from './recipes/sandbox-health-check.recipe.json';
import sortIncomingMail from './recipes/sort-incoming-mail.recipe.json';
import vendorRegistration from './recipes/vendor-registration.recipe.json';
import webhookToTable from './recipes/webhook-to-table.recipe.json';
import weeklyHeadcount from './recipes/weekly-headcount.recipe.json';

export type TemplateLang = 'en' | 'ko';
export type Words = Record<TemplateLang, string>;

export const TEMPLATE_CATEGORIES = ['finance', 'purchasing', 'hr', 'shop', 'operations', 'data'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const CATEGORY_WORDS: Record<TemplateCategory, Words> = {
  finance: { en: 'Finance', ko: '재무' },
  purchasing: { en: 'Purchasing', ko: '구매' },
  hr: { en: 'HR', ko: '인사' },
  shop: { en: 'Shop', ko: '쇼핑몰' },
  operations: { en: 'Operations', ko: '운영' },
  data: { en: 'Data', ko: '데이터' }
};

/** A lookup table a template writes to: made on the Tables page's store when the template is used, if missing. */
export interface TemplateTable {
  name: string;
  columns: Column[];
}

export interface RecipeTemplate {
  id: string;
  category: TemplateCategory;
  title: Words;
  description: Words;
  /** The connectors its steps use (and its trigger's app), for the card: checked against the recipe by the test. */
  uses: string[];
  /** Tables it writes to, made when the template is used. */
  tables?: TemplateTable[];
  recipe: Recipe;
}

function recipe(data: unknown): Recipe {
  const parsed = parseRecipe(data);
  if (!parsed.ok) throw new Error(`a template recipe is not valid: ${parsed.issues.map(formatIssue).join('; ')}`);
  return parsed.recipe;
}

/** In gallery order; the first one needs no approval and test-runs straight to succeeded. */
export const RECIPE_TEMPLATES: readonly RecipeTemplate[] = [
  {
    id: 'vendor-registration',
    category: 'purchasing',
    title: { en: 'Vendor registration', ko: '거래처 등록' },
    description: {
      en: 'Registers a new vendor in the ERP, unless it is there already, and tells #purchasing.',
      ko: '새 거래처를 ERP에 등록하고 #purchasing 채널에 알립니다. 이미 있는 거래처는 다시 만들지 않습니다.'
    },
    uses: ['sandbox.erp', 'chat'],
    recipe: recipe(vendorRegistration)
  },
  {
    id: 'invoice-mail-approval',
    category: 'finance',
    title: { en: 'Invoice intake with approval', ko: '송장 접수와 승인' },
    description: {
      en: 'A mail arrives: the invoice in it is read, the sender is looked up among the vendors, finance approves a new vendor, and the invoice is recorded once.',
      ko: '메일이 오면 안의 송장을 읽고 보낸 사람을 거래처에서 찾습니다. 처음 보는 거래처는 재무팀 승인을 받은 뒤 추가하고, 송장은 한 번만 기록합니다.'
    },
    uses: ['sandbox.mail', 'ai', 'sandbox.erp', 'chat'],
    recipe: recipe(invoiceMailApproval)
  },
  {
    id: 'document-extraction',
    category: 'finance',
    title: { en: 'Read invoices from documents', ko: '문서에서 송장 정보 읽기' },
    description: {
      en: 'Drop a PDF, image or text invoice: its number, dates and total go into the Extracted invoices table, and #finance hears about it.',
      ko: 'PDF·이미지·텍스트 송장을 끌어다 놓으면 번호, 날짜, 합계를 읽어 "Extracted invoices" 표에 넣고 #finance 채널에 알립니다.'
    },
    uses: ['ai', 'tables', 'chat'],
    tables: [
      {
        name: 'Extracted invoices',
        columns: [
          { name: 'file', type: 'text' },
          { name: 'number', type: 'text' },
          { name: 'date', type: 'text' },
          { name: 'due', type: 'text' },
          { name: 'currency', type: 'text' },
          { name: 'total', type: 'number' }
        ]
      }
    ],
    recipe: recipe(documentExtraction)
  },
  {
    id: 'big-invoice-alert',
    category: 'finance',
    title: { en: 'Flag big invoices', ko: '고액 송장 알림' },
    description: {
      en: 'When an invoice of 5,000 or more is created in the ERP, #finance is told who sent it and when it is due.',
      ko: 'ERP에 5,000 이상의 송장이 생기면 보낸 거래처와 지급 기한을 #finance 채널에 알립니다.'
    },
    uses: ['sandbox.erp', 'chat'],
    recipe: recipe(bigInvoiceAlert)
  },
  {
    id: 'open-invoices-digest',
    category: 'finance',
    title: { en: 'Daily open-invoices digest', ko: '미결 송장 일일 요약' },
    description: {
      en: 'Every weekday at 9:00, the invoices still open, soonest due first, with a total per currency, in #finance.',
      ko: '평일 오전 9시마다 아직 처리되지 않은 송장을 지급 기한이 가까운 순으로, 통화별 합계와 함께 #finance 채널에 올립니다.'
    },
    uses: ['sandbox.erp', 'chat'],
    recipe: recipe(openInvoicesDigest)
  },
  {
    id: 'purchase-request-approval',
    category: 'purchasing',
    title: { en: 'Purchase request with approval', ko: '구매 요청과 승인' },
    description: {
      en: 'A purchase request becomes a draft purchase order; one of 1,000 or more waits for a manager to approve it first.',
      ko: '구매 요청을 발주서 초안으로 만듭니다. 1,000 이상이면 먼저 관리자의 승인을 기다립니다.'
    },
    uses: ['sandbox.erp', 'chat'],
    recipe: recipe(purchaseRequestApproval)
  },
  {
    id: 'new-vendor-welcome',
    category: 'purchasing',
    title: { en: 'Welcome new vendors', ko: '새 거래처 환영 인사' },
    description: {
      en: 'When a vendor is created, it is announced in #purchasing and gets a welcome mail saying where to send invoices.',
      ko: '거래처가 새로 생기면 #purchasing 채널에 소개하고, 송장을 보낼 곳을 적은 환영 메일을 보냅니다.'
    },
    uses: ['sandbox.erp', 'chat', 'sandbox.mail'],
    recipe: recipe(newVendorWelcome)
  },
  {
    id: 'leave-request-manager',
    category: 'hr',
    title: { en: 'Leave requests to the manager', ko: '휴가 신청을 관리자에게 알리기' },
    description: {
      en: 'When someone requests leave, #people hears who asks, for which days, and which manager decides.',
      ko: '누군가 휴가를 신청하면 누가 언제부터 언제까지 신청했는지, 어느 관리자가 결정하는지 #people 채널에 알립니다.'
    },
    uses: ['sandbox.hr', 'chat'],
    recipe: recipe(leaveRequestManager)
  },
  {
    id: 'weekly-headcount',
    category: 'hr',
    title: { en: 'Weekly headcount report', ko: '주간 인원 현황 보고' },
    description: {
      en: 'Every Monday at 8:00, the number of people in each team, from the HR directory, in #people.',
      ko: '매주 월요일 오전 8시에 HR 명부에서 팀별 인원을 세어 #people 채널에 올립니다.'
    },
    uses: ['sandbox.hr', 'chat'],
    recipe: recipe(weeklyHeadcount)
  },
  {
    id: 'order-stock-alert',
    category: 'shop',
    title: { en: 'Order → low-stock alert', ko: '주문 시 재고 부족 알림' },
    description: {
      en: 'When an order is placed, the stock of everything in it is checked, and #shop is warned about products with fewer than 30 left.',
      ko: '주문이 들어오면 주문한 상품의 재고를 확인하고, 30개 미만으로 남은 상품이 있으면 #shop 채널에 경고합니다.'
    },
    uses: ['sandbox.orders', 'chat'],
    recipe: recipe(orderStockAlert)
  },
  {
    id: 'order-confirmation-mail',
    category: 'shop',
    title: { en: 'Order confirmation mail', ko: '주문 확인 메일' },
    description: {
      en: 'When an order is placed, the customer gets a mail listing what they bought and the total.',
      ko: '주문이 들어오면 고객에게 구매한 상품과 합계를 적은 확인 메일을 보냅니다.'
    },
    uses: ['sandbox.orders', 'sandbox.mail'],
    recipe: recipe(orderConfirmationMail)
  },
  {
    id: 'daily-orders-report',
    category: 'shop',
    title: { en: 'Daily orders report', ko: '일일 주문 보고' },
    description: {
      en: 'Every evening at 18:00, the orders by status and what is paid but not shipped yet, in #shop.',
      ko: '매일 저녁 6시에 상태별 주문 수와 결제는 됐지만 아직 배송하지 않은 금액을 #shop 채널에 올립니다.'
    },
    uses: ['sandbox.orders', 'chat'],
    recipe: recipe(dailyOrdersReport)
  },
  {
    id: 'sandbox-health-check',
    category: 'operations',
    title: { en: 'API health check', ko: 'API 상태 점검' },
    description: {
      en: 'Every 15 minutes, a read from each sandbox app (ERP, HR, shop, mailbox); #ops hears which answer and, for any that do not, why.',
      ko: '15분마다 샌드박스 앱(ERP, HR, 쇼핑몰, 메일함)을 하나씩 호출해 보고, 응답하는 앱과 응답하지 않는 앱(과 그 이유)을 #ops 채널에 알립니다.'
    },
    uses: ['sandbox.erp', 'sandbox.hr', 'sandbox.orders', 'sandbox.mail', 'chat'],
    recipe: recipe(sandboxHealthCheck)
  },
  {
    id: 'webhook-to-table',
    category: 'data',
    title: { en: 'Webhook → table', ko: '웹훅 데이터를 표에 저장' },
    description: {
      en: 'JSON POSTed to the studio’s webhook address becomes a row of the Webhook inbox table (name, email, amount), and #sales is told.',
      ko: '스튜디오의 웹훅 주소로 들어온 JSON을 "Webhook inbox" 표의 한 행(이름, 이메일, 금액)으로 저장하고 #sales 채널에 알립니다.'
    },
    uses: ['tables', 'chat'],
    tables: [
      {
        name: 'Webhook inbox',
        columns: [
          { name: 'name', type: 'text' },
          { name: 'email', type: 'text' },
          { name: 'amount', type: 'number' },
          { name: 'received', type: 'date' }
        ]
      }
    ],
    recipe: recipe(webhookToTable)
  },
  {
    id: 'sort-incoming-mail',
    category: 'operations',
    title: { en: 'Sort incoming mail', ko: '받은 메일 분류' },
    description: {
      en: 'When a mail arrives, it is sorted as an invoice, an order, a complaint or other, and #inbox gets a one-line summary.',
      ko: '메일이 오면 송장·주문·불만·기타 중 무엇인지 가려내고, 한 줄 요약을 #inbox 채널에 올립니다.'
    },
    uses: ['sandbox.mail', 'ai', 'chat'],
    recipe: recipe(sortIncomingMail)
  }
];

export function recipeTemplate(id: string): RecipeTemplate | undefined {
  return RECIPE_TEMPLATES.find((t) => t.id === id);
}
