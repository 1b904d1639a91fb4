/**
 * Writes the invoice corpus in tests/fixtures/invoices/: for each generated invoice, the document (plain text,
 * a PDF with a text layer, or a scanned-looking PNG/JPEG) and NAME.truth.json with its true fields.
 * Run: `npx tsx scripts/make-invoices.ts` (needs Debian's /usr/bin/chromium and, for Korean, a CJK font such
 * as fonts-noto-cjk; only the outputs are committed, so nobody else needs them).
 * `--out DIR --seed N` writes another corpus elsewhere (e.g. a held-out set to check the rules are not
 * fitted to this one's values).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { makeInvoices } from './invoices/data';
import { renderHtml, renderText } from './invoices/templates';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const OUT = arg('--out') ?? 'tests/fixtures/invoices';
const SEED = Number(arg('--seed') ?? 20260301);
mkdirSync(OUT, { recursive: true });
for (const file of readdirSync(OUT)) rmSync(join(OUT, file));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 800, height: 1000 }, deviceScaleFactor: 1.4 });
for (const inv of makeInvoices(SEED)) {
  const base = join(OUT, inv.name);
  let file: string;
  if (inv.reader === 'text') {
    file = `${base}.txt`;
    writeFileSync(file, renderText(inv));
  } else {
    await page.setContent(renderHtml(inv, inv.reader === 'ocr'), { waitUntil: 'load' });
    if (inv.reader === 'pdf') {
      file = `${base}.pdf`;
      await page.pdf({ path: file, format: 'A4', printBackground: true });
    } else {
      const jpeg = inv.template % 2 === 0;
      file = `${base}.${jpeg ? 'jpg' : 'png'}`;
      const height = await page.evaluate(() => Math.ceil(document.querySelector('.page')!.getBoundingClientRect().bottom) + 30);
      await page.screenshot({ path: file, type: jpeg ? 'jpeg' : 'png', quality: jpeg ? 70 : undefined, clip: { x: 0, y: 0, width: 800, height } });
    }
  }
  writeFileSync(`${base}.truth.json`, JSON.stringify(inv.truth, null, 2) + '\n');
  console.log(file);
}
await browser.close();
