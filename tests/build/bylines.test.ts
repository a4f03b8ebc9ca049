import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { htmlFiles, page } from '../helpers/dist.ts';
import { contentBylines, listedAt } from '../helpers/bylines.ts';
import { FIXTURE_BUILDS, FIXTURE_CONTENT } from '../helpers/paths.ts';

// Article lists give the byline, never a bare list of the people an article names, and every
// byline's articles are listed: checked on every list page of both fixture builds against what the
// content files say (tests/helpers/bylines.ts reads them on its own).

/** What a list item shows about its article, read from the page. */
function itemFacts(li: Element) {
  const metas = [...li.querySelectorAll('p.meta')];
  const line = metas[0]?.cloneNode(true) as Element | undefined;
  line?.querySelector('.dateline')?.remove();
  const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return {
    href: li.querySelector('h2 a, h3 a')!.getAttribute('href')!,
    /** The meta line without its date: "· By Tom Whitaker" or "". */
    afterDate: squeeze(line?.textContent),
    bylineLinks: [...(metas[0]?.querySelectorAll('.byline a') ?? [])].map((a) => a.getAttribute('href')!),
    /** Every other line of the item's meta. */
    more: metas.slice(1).map((m) => squeeze(m.textContent)),
  };
}

for (const { outDir: dist, env } of FIXTURE_BUILDS) {
  const base = env.ARCHIVE_BASE;
  describe(`bylines in lists and author listings (base ${base})`, () => {
    test('every list item shows the byline as printed and labels the people named', async () => {
      const { articles } = await contentBylines(FIXTURE_CONTENT);
      const byPath = new Map(articles.map((a) => [a.path, a]));
      const problems: string[] = [];
      let items = 0;
      const listed = new Set<string>();
      for (const file of await htmlFiles(dist)) {
        if (file.startsWith('/search/')) continue;
        const doc = await page(dist, file);
        // The changes page lists versions, not articles (src/pages/changes/index.astro).
        for (const li of doc.querySelectorAll('ol.article-list:not(.changes) > li')) {
          const facts = itemFacts(li);
          const article = byPath.get(facts.href.slice(base.length));
          if (!article) {
            problems.push(`${file}: ${facts.href} is no public article`);
            continue;
          }
          items++;
          listed.add(article.path);
          const byline = article.bylines.map((b) => b.name).join(', ');
          const want = byline ? `· By ${byline}` : '';
          if (facts.afterDate !== want)
            problems.push(`${file}: ${article.path} reads "${facts.afterDate}", not "${want}"`);
          if (facts.bylineLinks.length !== article.bylines.length)
            problems.push(
              `${file}: ${article.path} links ${facts.bylineLinks.length} of ${article.bylines.length} bylines`,
            );
          const named = article.named.length ? [`People named: ${article.named.join(', ')}`] : [];
          if (JSON.stringify(facts.more) !== JSON.stringify(named))
            problems.push(`${file}: ${article.path} shows ${JSON.stringify(facts.more)}, not ${JSON.stringify(named)}`);
        }
      }
      expect(problems).toEqual([]);
      // Home, person, topic, source, date and author pages were all read.
      expect(items).toBeGreaterThan(articles.length * 4);
      expect(listed).toEqual(new Set(articles.map((a) => a.path)));
    }, 60_000);

    test('a byline links to its author’s listing, which lists the article', async () => {
      const { articles } = await contentBylines(FIXTURE_CONTENT);
      const home = await page(dist, '/');
      const problems: string[] = [];
      let links = 0;
      for (const li of home.querySelectorAll('ol.article-list > li')) {
        const { href, bylineLinks } = itemFacts(li);
        links += bylineLinks.length;
        for (const link of bylineLinks)
          if (!(await listedAt(dist, base, link)).includes(href.slice(base.length)))
            problems.push(`${link} does not list ${href}`);
      }
      expect(problems).toEqual([]);
      expect(links).toBeGreaterThan(0);
      expect(articles.some((a) => a.bylines.length > 0)).toBe(true);
    });

    test('the authors index lists every byline once, each linking to exactly its articles', async () => {
      const { authors } = await contentBylines(FIXTURE_CONTENT);
      const index = await page(dist, '/authors/');
      const entries = [...index.querySelectorAll('main .columns li')].flatMap((li) => {
        const a = li.querySelector('a');
        return a ? [{ name: a.textContent.trim(), href: a.getAttribute('href')!, text: li.textContent }] : [];
      });
      expect(entries.map((e) => e.name).toSorted()).toEqual(authors.map((a) => a.name).toSorted());
      for (const author of authors) {
        const entry = entries.find((e) => e.name === author.name)!;
        expect(entry.text.replace(/\s+/g, ' ').trim(), author.name).toBe(`${author.name} (${author.articles.size})`);
        expect(new Set(await listedAt(dist, base, entry.href)), author.name).toEqual(author.articles);
      }
    });

    test('the sitemap lists the authors index and every page of every author listing', async () => {
      const sitemap = await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8');
      const pages = (await htmlFiles(dist)).filter((f) => f.startsWith('/authors/'));
      expect(pages).toContain('/authors/index.html');
      for (const file of pages)
        expect(sitemap).toContain(`<loc>${env.ARCHIVE_SITE}${base}${file.slice(1).replace(/index\.html$/, '')}</loc>`);
    });
  });
}
