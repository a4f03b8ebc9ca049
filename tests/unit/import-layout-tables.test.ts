import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readCapture } from '../../src/import/capture.ts';
import { convertCapture } from '../../src/import/import-one.ts';
import { isLayoutTable } from '../../src/import/layout-tables.ts';

// Pages laid out with <table>: the menu cell, the logo and the date printed beside them stay out
// of the article. Pages: tests/fixtures/extraction/table-layout-*.html (labelled for the bench too).

const PAGES = path.resolve('tests/fixtures/extraction');

async function body(page: string): Promise<string> {
  const { body } = convertCapture(await readCapture(path.join(PAGES, page), 20_000_000));
  return body.markdown;
}

describe('layout tables: navigation and chrome stay out of the article', () => {
  test.each([
    [
      'table-layout-gazette-1999.html',
      ['Obituaries', 'Classifieds', 'Archives', 'Tuesday, March 2, 1999'],
      'The Millbrook school board voted 5-2',
    ],
    [
      'table-layout-header-row-2001.html',
      ['Home', 'Opinion', 'Sections', 'Local news', 'Letters', 'Sunny, high 78', 'Subscribe', 'Privacy'],
      'A fire that started in the engine room',
    ],
    [
      'table-layout-nested-2003.html',
      ['Police log', 'Obituaries', 'Advertise', 'Friday, October 17, 2003', 'Printer-friendly'],
      'The Northfield County commissioners approved',
    ],
    [
      'table-layout-german-2002.html',
      ['Startseite', 'Lokales', 'Wirtschaft', 'Kultur', 'Dienstag, 12. März 2002'],
      'Der Stadtrat hat am Montagabend',
    ],
  ])('%s', async (page, chrome, lede) => {
    const text = await body(page);
    for (const words of chrome) expect(text, words).not.toContain(words);
    // Nothing of the page's chrome before the story: at most its headline and byline.
    const before = text.slice(0, text.indexOf(lede));
    expect(text.indexOf(lede)).toBeGreaterThanOrEqual(0);
    expect(before.length).toBeLessThan(120);
  });

  test('a data table inside the story stays', async () => {
    const text = await body('table-layout-nested-2003.html');
    expect(text).toMatch(/\| Bridge repair +\| \$0\.9 million \| \$1\.6 million \|/);
  });

  test('layout and data tables are told apart', () => {
    const table = (html: string) =>
      parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('table')!;
    const layout = [
      '<table role="presentation"><tr><td>a</td><td>b</td></tr></table>',
      '<table><tr><td><p>Story</p><p>More</p></td><td><a href="/">Home</a></td></tr></table>',
      '<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>',
      '<table><tr><td>Line one<br>Line two</td></tr></table>',
    ];
    const data = [
      '<table><tr><th>Item</th><th>2003</th></tr><tr><td>Repaving</td><td>$3.2m</td></tr></table>',
      '<table><caption>Results</caption><tr><td><p>a</p></td></tr></table>',
      '<table><tr><td>Repaving</td><td>$3.2m</td></tr><tr><td>Bridges</td><td>$0.9m</td></tr></table>',
      '<table role="grid"><tr><td><p>a</p></td></tr></table>',
    ];
    for (const html of layout) expect(isLayoutTable(table(html) as unknown as Element), html).toBe(true);
    for (const html of data) expect(isLayoutTable(table(html) as unknown as Element), html).toBe(false);
  });
});
