import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { EDGE_WORDS } from '../fixtures/edge-articles.ts';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_HOSTILE } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// Articles in other languages are indexed in their language and found from that language's
// search page, which the English search page links to.

let browser: Browser;
let site: Served;
beforeAll(async () => {
  browser = await launchChromium();
  site = await serve(DIST_HOSTILE);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test.each([
  ['zh', EDGE_WORDS.zh, '市议会批准新的地铁线路'],
  ['ar', EDGE_WORDS.ar, 'مجلس البلدية يوافق على ميزانية المدارس'],
  ['he', EDGE_WORDS.he, 'מועצת העירייה אישרה את התקציב'],
])('the %s search page finds the %s article', async (lang, word, title) => {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/search/`);
  await page.locator(`nav a[href="/search/${lang}/"]`).click();
  await page.locator('#search-form[data-ready="true"]').waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await page.locator('#search-q').fill(word);
  await expect.poll(() => page.locator('#search-results h2').allTextContents()).toEqual([title]);
  await page.close();
});
