import { expect, test } from 'vitest';
import { EDGE_WORDS } from '../fixtures/edge-articles.ts';
import { DIST_HOSTILE } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// Articles in other languages are indexed in their language and found from that language's
// search page, which the English search page links to.

const ctx = servedSite(DIST_HOSTILE);

test.each([
  ['zh', EDGE_WORDS.zh, '市议会批准新的地铁线路'],
  ['ar', EDGE_WORDS.ar, 'مجلس البلدية يوافق على ميزانية المدارس'],
  ['he', EDGE_WORDS.he, 'מועצת העירייה אישרה את התקציב'],
])('the %s search page finds the %s article', async (lang, word, title) => {
  const page = await ctx.tab();
  try {
    await page.goto(`${ctx.site.origin}/search/`);
    await page.locator(`nav a[href="/search/${lang}/"]`).click();
    await page.locator('#search-form[data-ready="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.locator('#search-q').fill(word);
    await expect.poll(() => page.locator('#search-results h2').allTextContents()).toEqual([title]);
  } finally {
    await page.close();
  }
});
