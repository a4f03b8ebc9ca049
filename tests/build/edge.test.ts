import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listFiles } from '../../src/content/files.ts';
import { page, texts } from '../helpers/dist.ts';
import { DIST_HOSTILE, HOSTILE_BUILD_LOG, HOSTILE_CONTENT } from '../helpers/paths.ts';

// Articles at the edges of what the archive accepts all build and read correctly.

const at = (slug: string) => `/articles/2022/05/${slug}/`;

test('a 5 MB article is shown whole', async () => {
  const html = await readFile(path.join(DIST_HOSTILE, at('huge'), 'index.html'), 'utf8');
  expect(html.length).toBeGreaterThan(5_000_000);
  expect(html).toContain('The very last paragraph of the five megabyte article.');
});

test('the 5 MB article builds without a warning, and bodies after it are still rendered ahead', async () => {
  const log = await readFile(HOSTILE_BUILD_LOG, 'utf8');
  // The hostile archive holds control characters on purpose: the check's notes about them are
  // the only warnings expected.
  const warnings = log.split('\n').filter((line) => /\[WARN\]/.test(line));
  expect(warnings.filter((line) => !/\] note: .*invisible control character/.test(line))).toEqual([]);
  // The oracle: every article and version body in the content folder, and which are over 1 MB of
  // Markdown (the front matter is what lies between the first two lines of three dashes).
  const sizes: number[] = [];
  for (const folder of ['articles', 'versions'])
    for (const file of await listFiles(path.join(HOSTILE_CONTENT, folder)))
      if (file.endsWith('.md')) {
        const text = (await readFile(path.join(HOSTILE_CONTENT, folder, file), 'utf8')).replace(/^\uFEFF/, '');
        sizes.push(Buffer.byteLength(text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')));
      }
  const long = sizes.filter((n) => n > 1_000_000).length;
  expect(long).toBe(1);
  const [, ready, all, passed] =
    /render-ahead: (\d+) of (\d+) article bodies in the cache from a second thread(?:; (\d+) too large for it)?/.exec(
      log,
    ) ?? [];
  expect({ ready: Number(ready), all: Number(all), passed: Number(passed ?? 0) }).toEqual({
    ready: sizes.length - long,
    all: sizes.length,
    passed: long,
  });
});

test('lists nested a hundred deep keep their depth', async () => {
  const doc = await page(DIST_HOSTILE, at('nested'));
  expect(doc.querySelectorAll('.article-body ul').length).toBe(100);
  expect(texts(doc, '.article-body p')).toEqual(['Before the list.', 'After the list.']);
});

test('a file with a byte-order mark and Windows line endings builds like any other', async () => {
  const doc = await page(DIST_HOSTILE, at('windows'));
  expect(texts(doc, 'h1')).toEqual(['Saved on Windows']);
  expect(texts(doc, '.article-body p')).toEqual([
    'Line endings are CRLF and the file starts with a byte-order mark.',
    'Second paragraph.',
  ]);
});

test.each([
  ['arabic', 'ar', 'rtl', 'مجلس البلدية يوافق على ميزانية المدارس'],
  ['hebrew', 'he', 'rtl', 'מועצת העירייה אישרה את התקציב'],
  ['chinese', 'zh', 'ltr', '市议会批准新的地铁线路'],
  ['emoji', 'en', 'ltr', '🌊 Flood warning lifted 🎉 as river falls'],
])('%s headline: page language %s, written %s', async (slug, lang, dir, title) => {
  const doc = await page(DIST_HOSTILE, at(slug));
  expect(doc.documentElement.getAttribute('lang')).toBe(lang);
  expect(doc.querySelector('article')?.getAttribute('dir')).toBe(dir);
  expect(texts(doc, 'h1')).toEqual([title]);
  expect(doc.querySelector('.site-header')?.getAttribute('lang')).toBe(lang === 'en' ? null : 'en');
});

test('Pagefind keeps one index per language', async () => {
  const entry = JSON.parse(await readFile(path.join(DIST_HOSTILE, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(Object.keys(entry.languages).sort()).toEqual(['ar', 'en', 'he', 'zh']);
  expect(entry.languages.zh?.page_count).toBe(1);
});
