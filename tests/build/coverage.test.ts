import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverageArticles } from '../fixtures/sites.ts';
import {
  chartBars,
  expectedBins,
  listedAt,
  publicArticles,
  tableRows,
  type OracleArticle,
} from '../helpers/coverage-oracle.ts';
import { page } from '../helpers/dist.ts';
import { FIXTURE_BUILDS, FIXTURE_CONTENT } from '../helpers/paths.ts';

// Coverage over time on the fixture builds (at / and at /archive/): every person, topic and
// source page and the date archive chart their articles by month, quarter or year, and the bars'
// tooltips equal the bins worked out here from the front matter alone (tests/helpers/
// coverage-oracle.ts); each bar with articles links to a page listing exactly that bin's articles (a year of
// the date archive to its page of months, which link to them)
// (followed in the built output, across the list's pages), and an empty bin has no link.

const articles = await publicArticles(FIXTURE_CONTENT);
const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Each chart of a build: its page and the articles it counts. */
async function charts(dist: string): Promise<[string, OracleArticle[]][]> {
  const found: [string, OracleArticle[]][] = [['dates/', articles]];
  for (const id of await readdir(path.join(dist, 'people'), { withFileTypes: true }))
    if (id.isDirectory()) {
      const naming = articles.filter((a) => a.people.includes(id.name));
      if (naming.length > 0) found.push([`people/${id.name}/`, naming]);
    }
  for (const id of await readdir(path.join(dist, 'sources'), { withFileTypes: true }))
    if (id.isDirectory()) found.push([`sources/${id.name}/`, articles.filter((a) => a.source === id.name)]);
  for (const slug of await readdir(path.join(dist, 'topics'), { withFileTypes: true }))
    if (slug.isDirectory()) {
      const doc = await page(dist, `/topics/${slug.name}/`);
      const name = fold((doc.querySelector('h1')?.textContent ?? '').replace(/^Topic: /, ''));
      found.push([`topics/${slug.name}/`, articles.filter((a) => a.topics.some((t) => fold(t) === name))]);
    }
  return found;
}

/**
 * The articles a bar's link leads to: the list at its address, or for a year of the date archive
 * (`dates/2019/`, a page of the year's months) the lists of the months that page links.
 */
async function barArticles(dist: string, base: string, href: string): Promise<string[]> {
  if (!new RegExp(`^${base}dates/\\d{4}/$`).test(href)) return listedAt(dist, base, href);
  const year = await page(dist, `/${href.slice(base.length)}`);
  const months = [...year.querySelectorAll('main h1 ~ ul > li > a')].map((a) => a.getAttribute('href')!);
  return (await Promise.all(months.map((m) => listedAt(dist, base, m)))).flat();
}

for (const { outDir: dist, env } of FIXTURE_BUILDS) {
  const base = env.ARCHIVE_BASE;
  describe(`coverage charts (base ${base})`, () => {
    test('every chart draws the bins and counts the front matter gives, its table says the same', async () => {
      const all = await charts(dist);
      expect(all.filter(([p]) => p.startsWith('topics/')).length).toBeGreaterThan(3);
      for (const [address, counted] of all) {
        const doc = await page(dist, `/${address}`);
        const titles = expectedBins(counted).map((b) => b.title);
        expect(
          chartBars(doc).map((b) => b.title),
          address,
        ).toEqual(titles);
        expect(tableRows(doc), address).toEqual(titles);
      }
    });

    test('each bar with articles leads to a page listing exactly them; an empty bin has no link', async () => {
      for (const [address, counted] of await charts(dist)) {
        const doc = await page(dist, `/${address}`);
        const bars = chartBars(doc);
        const bins = expectedBins(counted);
        for (const [i, bar] of bars.entries()) {
          const ids = bins[i]!.ids;
          if (ids.length === 0) expect(bar.href, `${address} ${bar.title}`).toBeNull();
          else
            expect((await barArticles(dist, base, bar.href!)).toSorted(), `${address} ${bar.title}`).toEqual(
              ids.toSorted(),
            );
        }
      }
    });

    test("the date archive's bars lead to date archive pages listing exactly the bar's articles (a year's through its months), with no fragment", async () => {
      const doc = await page(dist, '/dates/');
      const bars = chartBars(doc);
      const bins = expectedBins(articles);
      expect(bars.length).toBe(bins.length);
      for (const [i, bar] of bars.entries()) {
        if (bins[i]!.ids.length === 0) continue;
        // A month's or a quarter's page lists exactly the bin's articles (no anchor into a longer
        // list); a year's page lists its months, which together list exactly the year's articles.
        expect(bar.href, bar.title).toMatch(new RegExp(`^${base}dates/\\d{4}/(\\d{2}/|q[1-4]/)?$`));
        expect((await barArticles(dist, base, bar.href!)).toSorted(), bar.title).toEqual(bins[i]!.ids.toSorted());
      }
    });

    test("every quarter of the date archive lists exactly its three months' articles", async () => {
      const quarters = new Map<string, string[]>();
      for (const a of articles) {
        const key = `${a.day.slice(0, 4)}/q${Math.floor((Number(a.day.slice(5, 7)) - 1) / 3) + 1}`;
        quarters.set(key, [...(quarters.get(key) ?? []), a.id]);
      }
      expect(quarters.size).toBeGreaterThan(3);
      for (const [key, ids] of quarters)
        expect((await listedAt(dist, base, `${base}dates/${key}/`)).toSorted(), key).toEqual(ids.toSorted());
    });

    test('the fixture charts a month, a quarter and a year span, and bins running across two pages', async () => {
      const { person, source, articles: added } = coverageArticles();
      const doc = await page(dist, `/people/${person.id}/`);
      const bars = chartBars(doc);
      expect(bars.map((b) => b.title)).toContain('2024: 7 articles');
      expect(bars).toHaveLength(10);
      expect(bars.find((b) => b.title === '2024: 7 articles')?.href).toBe(`${base}people/${person.id}/#coverage-2024`);
      // The 2024 bin begins on page 1 and ends on page 2, at five articles a page.
      expect(await listedAt(dist, base, bars.at(-1)!.href!)).toHaveLength(7);
      const topic = chartBars(await page(dist, '/topics/lamp-rooms/'));
      expect(topic.map((b) => b.title)).toContain('May 2024: 4 articles');
      expect(topic.filter((b) => b.title.endsWith(': 0 articles')).length).toBeGreaterThan(10);
      expect(chartBars(await page(dist, `/sources/${source.id}/`))).toHaveLength(10);
      // A person with one article: one month.
      expect(chartBars(await page(dist, '/people/jeff-sessions/')).map((b) => b.title)).toEqual([
        'September 2018: 1 article',
      ]);
      // Quarters: a fixture person named from 2015 to 2022.
      expect(chartBars(await page(dist, '/people/maria-okafor/'))[0]?.title).toMatch(/^January–March 2015: /);
      expect(added.length).toBe(11);
    });

    test('the chart is on the first page only; its SVG has no style attribute, <style> or <script>', async () => {
      const { person } = coverageArticles();
      for (const address of ['dates/', `people/${person.id}/`, 'topics/lamp-rooms/', 'sources/fernhaven-courier/']) {
        const doc = await page(dist, `/${address}`);
        const svg = doc.querySelector('svg.coverage-chart')!;
        expect(svg, address).not.toBeNull();
        expect(svg.querySelectorAll('[style], style, script, foreignObject').length, address).toBe(0);
        expect(svg.hasAttribute('style')).toBe(false);
      }
      for (const address of [`people/${person.id}/page/2/`, 'topics/lamp-rooms/page/2/', 'page/2/'])
        expect((await page(dist, `/${address}`)).querySelector('.coverage, svg'), address).toBeNull();
    });
  });
}
