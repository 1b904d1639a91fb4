// Renders the PWA icons from their SVG sources with the test browser (Debian's Chromium; ImageMagick is not
// on these machines): `node scripts/make-pwa-icons.mjs` from the repository root after editing an SVG.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const dir = new URL('../static/icons/', import.meta.url);
const jobs = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 192, 'icon-maskable-192.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
  ['icon-maskable.svg', 180, 'apple-touch-icon.png']
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [svg, size, png] of jobs) {
  const source = readFileSync(new URL(svg, dir), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
}
await browser.close();
