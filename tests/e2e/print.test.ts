import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureVersions } from '../fixtures/sites.ts';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// Printing from a device set to dark mode: paper is white, so every text must be dark enough on
// white, whatever colour scheme the screen uses. Chromium emulates print media with the dark
// scheme; the contrast of each text's computed colour against white is worked out here from
// WCAG 2.2's definitions (relative luminance and contrast ratio, "Understanding SC 1.4.3"),
// sharing no code with the site. Browsers leave backgrounds out of a print by default, so white
// is the ground every text is printed on.

const { article } = fixtureVersions();
const PAGES: [string, string][] = [
  ['article', '/articles/2018/09/immigration-judges-sessions/'],
  ['article with a standfirst and a byline', '/articles/2019/04/report-04/'],
  ['compare page', `/articles/${article.id}/versions/20250115/changes/`],
  ['person', '/people/jeff-sessions/'],
  ['home', '/'],
];

/** WCAG 2.2 relative luminance of an sRGB colour given as 0–255 channels. */
function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r!, g!, b!].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

/** WCAG 2.2 contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05), the lighter on top. */
function contrast(a: number[], b: number[]): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}

/** A computed colour ("rgb(85, 85, 85)", "rgba(0, 0, 0, 0.5)") as printed on white: 0–255 channels. */
function onWhite(css: string): number[] {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!m) throw new Error(`unexpected colour format: ${css}`);
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return [m[1], m[2], m[3]].map((c) => Number(c) * alpha + 255 * (1 - alpha));
}

const WHITE = [255, 255, 255];
const ctx = servedSite(DIST_ROOT);

test('the contrast function gives WCAG’s known figures', () => {
  expect(contrast([0, 0, 0], WHITE)).toBeCloseTo(21, 5);
  expect(contrast([0x77, 0x77, 0x77], WHITE)).toBeCloseTo(4.48, 2);
  expect(contrast([0xb5, 0xb0, 0xa5], WHITE)).toBeLessThan(2.5);
});

describe('printed from a device in dark mode', () => {
  let page: Page;
  beforeAll(async () => {
    page = await ctx.browser.newPage({ colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(PAGES)('%s: every printed text has at least 4.5:1 on white paper', async (_name, path) => {
    await page.goto(ctx.site.origin + path);
    // Each element that prints text of its own: its colour and a few of its words.
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].flatMap((el) => {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent!.trim())
          .join(' ')
          .trim();
        if (!own || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') return [];
        return [
          { text: own.slice(0, 40), tag: el.tagName, className: el.className, color: getComputedStyle(el).color },
        ];
      }),
    );
    expect(texts.length).toBeGreaterThan(5);
    const faint = texts
      .map((t) => ({ ...t, ratio: Math.round(contrast(onWhite(t.color), WHITE) * 100) / 100 }))
      .filter((t) => t.ratio < 4.5);
    expect(faint).toEqual([]);
  });

  test('the standfirst, the byline line and the date of an article print dark', async () => {
    await page.goto(ctx.site.origin + PAGES[1]![1]);
    const colours = await page.evaluate(() =>
      ['.dek', '.meta', '.dateline time'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).color : `missing ${s}`;
      }),
    );
    for (const c of colours) expect(contrast(onWhite(c), WHITE)).toBeGreaterThanOrEqual(4.5);
  });
});
