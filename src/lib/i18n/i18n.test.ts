import { readFileSync } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES, NAMESPACES } from './catalog';
import { formatTag, pickLocale } from './locales';
import { markupWords } from './markup-words';
import { PENDING_MARKUP } from './pending';
import { fixedT } from './translator';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

describe('catalogues', () => {
  for (const ns of NAMESPACES) {
    const en = leaves(RESOURCES.en[ns] as unknown as Tree);
    const ko = leaves(RESOURCES.ko[ns] as unknown as Tree);
    it(`${ns}: Korean has every English key and no other`, () => expect([...ko.keys()].sort()).toEqual([...en.keys()].sort()));
    it(`${ns}: every message keeps its placeholders and is not empty`, () => {
      for (const [key, english] of en) {
        const korean = ko.get(key) ?? '';
        expect(english.trim(), `${ns}:${key} (en)`).not.toBe('');
        expect(korean.trim(), `${ns}:${key} (ko)`).not.toBe('');
        expect(placeholders(korean), `${ns}:${key}`).toEqual(placeholders(english));
      }
    });
    it(`${ns}: every Korean message with words is written in Korean`, () => {
      for (const [key, korean] of ko) {
        const english = en.get(key) ?? '';
        // A message of only placeholders, symbols or names (`{{n}} ms`, `JSONata`) may stay as it is.
        const words = english.replace(/\{\{[^}]*\}\}/g, '').replace(/\b(JSONata|JSON|CSV|PDF|URL|API|MCP|Sous|WebGPU|WebLLM|OCR|HTTPS?|cron|ms|ID|AI|ERP|HR)\b/g, '');
        if (!/[A-Za-z]{3,}/.test(words) || key.endsWith('_placeholder')) continue;
        expect(HANGUL.test(korean), `${ns}:${key} is "${korean}"`).toBe(true);
      }
    });
  }
});

describe('t', () => {
  it('speaks both languages and fills placeholders', () => {
    expect(fixedT('en')('common:nav.recipes')).toBe('Recipes');
    expect(fixedT('ko')('common:nav.recipes')).toBe('레시피');
    expect(fixedT('ko')('common:time.minutesAgo', { count: 5 })).toBe('5분 전');
    expect(fixedT('en')('common:nav.waiting', { label: 'Inbox', count: 2 })).toBe('Inbox, 2 waiting');
  });
  it('does not escape what Svelte will escape', () => expect(fixedT('en')('common:nav.waiting', { label: 'A & B', count: 1 })).toBe('A & B, 1 waiting'));
});

describe('locale from the browser', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['ko'], 'ko'],
    [['en-GB'], 'en'],
    [['fr-FR', 'ko-KR'], 'ko'],
    [['de-DE'], 'en'],
    [[], 'en']
  ])('%j speaks %s', (languages, locale) => expect(pickLocale(languages)).toBe(locale));
  it('formats with the browser tag of the chosen language', () => {
    expect(formatTag('en', ['en-GB'])).toBe('en-GB');
    expect(formatTag('ko', ['en-GB'])).toBe('ko-KR');
    expect(formatTag('en', ['ko-KR'])).toBe('en-US');
  });
});

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

describe('markup words', () => {
  it('finds text, spoken attributes, and skips code and names', () => {
    const found = markupWords('<h1>Recipes</h1><button aria-label="Close">×</button><code>steps.x</code><p>{t("a")} JSON</p>');
    expect(found.map((w) => w.text)).toEqual(['Recipes', 'Close']);
  });
  const files = svelteFiles('src').sort();
  for (const file of files) {
    const pending = PENDING_MARKUP.includes(file);
    it(`${file} ${pending ? 'is still listed as pending' : 'speaks through t()'}`, () => {
      const words = markupWords(readFileSync(file, 'utf8'));
      if (pending) expect(words.length, `${file} is clean: take it off PENDING_MARKUP in src/lib/i18n/pending.ts`).toBeGreaterThan(0);
      else expect(words.map((w) => `${w.line}: ${w.where}: ${w.text}`)).toEqual([]);
    });
  }
});
