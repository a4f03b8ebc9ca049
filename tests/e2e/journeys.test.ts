import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// Readers in a real browser: following links from the home page to a filtered search and back,
// using only the keyboard, on a phone, in dark mode, and printing an article.

const SEED = '/articles/2018/09/immigration-judges-sessions/';
const SEED_TITLE = 'Immigration judges hit back at Sessions for suggesting they show too much sympathy';
const PAGE_TYPES = [
  '/',
  SEED,
  '/people/',
  '/people/jeff-sessions/',
  '/topics/',
  '/topics/immigration/',
  '/sources/the-hill/',
  '/dates/',
  '/dates/2018/09/',
  '/search/?q=judges',
  '/404.html',
];

const ctx = servedSite(DIST_ROOT);

/**
 * A fresh tab, closed after the test. With a colour scheme or nothing, in the file's shared context
 * (the scheme emulated in the tab); with other options (a phone's viewport, touch, mobile), in a
 * context of its own.
 */
async function withPage(options: Parameters<Browser['newPage']>[0], run: (page: Page) => Promise<void>): Promise<void> {
  const { colorScheme, ...own } = options ?? {};
  const ownContext = Object.keys(own).length > 0;
  const page = ownContext ? await ctx.browser.newPage(options) : await ctx.tab();
  if (colorScheme && !ownContext) await page.emulateMedia({ colorScheme });
  try {
    await run(page);
  } finally {
    await page.close();
  }
}

test('home -> article -> person -> filtered search -> back', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${ctx.site.origin}/`);
    for (let n = 2; !(await page.getByRole('link', { name: SEED_TITLE }).count()); n++)
      await page.goto(`${ctx.site.origin}/page/${n}/`);
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe(SEED_TITLE);
    await page.locator('.article-facts').getByRole('link', { name: 'Jeff Sessions' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Jeff Sessions');
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.locator('#search-form[data-ready="true"]').waitFor();
    await page.locator('#search-q').fill('judges');
    await page
      .getByRole('group', { name: 'Person' })
      .getByRole('checkbox', { name: /Jeff Sessions/ })
      .check();
    await expect.poll(() => page.locator('#search-results h2').allTextContents()).toEqual([SEED_TITLE]);
    // Back undoes the filter first (typing on a page with no search yet replaced its entry), then leaves the search.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=judges');
    await expect(page.locator('h1').textContent()).resolves.toBe('Search the archive');
    await page.goBack();
    await expect(page.locator('h1').textContent()).resolves.toBe('Jeff Sessions');
  });
});

describe('keyboard only', () => {
  test('the first Tab shows a visible skip link that moves focus to the content', async () => {
    await withPage({}, async (page) => {
      await page.goto(ctx.site.origin + SEED);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent,
          outline: getComputedStyle(el).outlineStyle,
          visible: box.top >= 0 && box.height > 0,
        };
      });
      expect(skip).toEqual({ text: 'Skip to content', outline: 'solid', visible: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => location.hash)).toBe('#main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    });
  });

  test('search works without a mouse: type, tick a filter with Space, open a result with Enter', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${ctx.site.origin}/search/`);
      await page.locator('#search-form[data-ready="true"]').waitFor();
      for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'search-q'; i++)
        await page.keyboard.press('Tab');
      await page.keyboard.type('Tabaddor');
      await expect.poll(() => page.locator('#search-results h2').count()).toBeGreaterThan(0);
      for (
        let i = 0;
        i < 80 &&
        !(await page.evaluate(() => {
          // Jeff Sessions is a value of Person and of Quoted: the Person box is the one.
          const box = document.activeElement as HTMLInputElement | null;
          return box?.name === 'person' && box.value === 'Jeff Sessions';
        }));
        i++
      )
        await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect.poll(() => page.url()).toContain('person=Jeff+Sessions');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).toBe('solid');
      for (
        let i = 0;
        i < 80 && !(await page.evaluate(() => document.activeElement?.closest('#search-results') !== null));
        i++
      )
        await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${SEED}`);
    });
  });
});

test('on a phone: no horizontal scrolling and readable type on every page type', async () => {
  await withPage(
    { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    async (page) => {
      for (const path of PAGE_TYPES) {
        await page.goto(ctx.site.origin + path);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
          font: parseFloat(getComputedStyle(document.querySelector('main p') ?? document.body).fontSize),
        }));
        expect({ path, overflow: m.scroll > m.width }).toEqual({ path, overflow: false });
        expect(m.font).toBeGreaterThanOrEqual(16);
      }
    },
  );
});

test('dark mode: dark background, light text', async () => {
  await withPage({ colorScheme: 'dark' }, async (page) => {
    await page.goto(ctx.site.origin + SEED);
    const luminance = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = c.match(/\d+/g)!.map(Number) as [number, number, number];
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      return {
        bg: lum(getComputedStyle(document.body).backgroundColor),
        text: lum(getComputedStyle(document.body).color),
      };
    });
    expect(luminance.bg).toBeLessThan(0.15);
    expect(luminance.text).toBeGreaterThan(0.8);
  });
});

test('printing an article: no navigation; headline, source, date and original URL are printed', async () => {
  await withPage({}, async (page) => {
    await page.goto(ctx.site.origin + SEED);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('h1')).toBe(true);
    expect(await shown('.kicker')).toBe(true);
    expect(await shown('.dateline')).toBe(true);
    expect(await page.locator('.article-facts').innerText()).toContain(
      'https://thehill.com/homenews/administration/406021',
    );
    const pdf = await page.pdf();
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});
