import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { listFiles } from '../../src/content/files.ts';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_BUILDS, FIXTURE_CONTENT } from '../helpers/paths.ts';
import { closeTabs, openEveryResult, servedTabs, shownSearch, type SiteTab } from '../helpers/search-page.ts';

// The search page's Quoted filter and the person pages found by their words, checked against an
// oracle in the manner of tests/e2e/search-oracle.test.ts, on the fixture builds (FIXTURE_BUILDS:
// the index in one part at the site root, in parts of four records under /archive/). Who each
// article quotes is worked out here from the content files alone: the Markdown body turned into
// plain paragraphs by the few rules below (not the site's rendering, text or cache) and given to
// the quote rules (findQuotes) with the people its front matter lists, their names and aliases
// read from the people files here. The site finds its quotes in the rendered page instead, so
// the two routes share only the rules.
//
// The oracle's rules: a public article (not a draft) is quoted-by person P when a quote of its
// text is given to P; the Quoted filter with value V (P's name) finds exactly those articles;
// values of one filter are alternatives; the count beside each value, with nothing else chosen,
// is its number of articles; person pages have no filter values. A search for a word only P is
// quoted as saying finds P's page.

/** A Markdown body as plain paragraphs separated by a blank line: markup marks, tables and headings dropped. */
function plainParagraphs(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith('|') && !block.startsWith('#') && !block.startsWith('<'))
    .map((block) =>
      block
        .replace(/^(?:>\s?|[-*]\s+|\d+\.\s+)/gm, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

interface ArticleFacts {
  id: string;
  quoted: Set<string>;
}

/** Every public fixture article with the names of the people it quotes (see the module comment). */
async function quotedByArticle(): Promise<{ articles: ArticleFacts[]; names: Map<string, string> }> {
  const names = new Map<string, string>();
  const peopleData = new Map<string, { name: string; aliases: string[] }>();
  const peopleDir = path.join(FIXTURE_CONTENT, 'people');
  for (const file of (await listFiles(peopleDir)).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(await readFile(path.join(peopleDir, file), 'utf8')) as { name: string; aliases?: string[] };
    const id = file.replace(/\.yaml$/, '');
    peopleData.set(id, { name: data.name, aliases: data.aliases ?? [] });
    names.set(id, data.name);
  }
  const dir = path.join(FIXTURE_CONTENT, 'articles');
  const articles: ArticleFacts[] = [];
  for (const file of (await listFiles(dir)).filter((f) => f.endsWith('.md'))) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const data = parse(front!) as {
      draft?: boolean;
      language?: string;
      people?: (string | { id: string; role?: string })[];
    };
    if (data.draft) continue;
    const people: QuotePerson[] = (data.people ?? []).map((p) => {
      const { id, role } = typeof p === 'string' ? { id: p, role: undefined } : p;
      return { id, ...peopleData.get(id)!, ...(role && { role }) };
    });
    const quotes = findQuotes(plainParagraphs(body!), { language: data.language ?? 'en', people, corrections: [] });
    articles.push({
      id: file.replace(/\.md$/, ''),
      quoted: new Set(quotes.flatMap((q) => (q.person ? [names.get(q.person)!] : []))),
    });
  }
  return { articles, names };
}

let browser: Browser;
let sites: SiteTab[] = [];
let oracle: Awaited<ReturnType<typeof quotedByArticle>>;
beforeAll(async () => {
  oracle = await quotedByArticle();
  browser = await launchChromium();
  sites = await servedTabs(browser, { '/': DIST_ROOT, '/archive/': DIST_ARCHIVE });
}, 60_000);
afterAll(async () => {
  await closeTabs(sites);
  await browser?.close();
});

/** The address of a search for `q` with Quoted values `quoted`. */
function address(site: SiteTab, q: string, quoted: string[]): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const v of quoted) params.append('quoted', v);
  params.set('sort', 'newest');
  return `${site.site.origin}${site.base}search/?${params}`;
}

describe('the Quoted filter', () => {
  test('the fixture builds are one index and parts', () => {
    expect(FIXTURE_BUILDS.map((b) => b.env.ARCHIVE_SEARCH_PART_SIZE)).toEqual(['', '4']);
  });

  test('the oracle finds quoted people in several articles, among them a person quoted in two', () => {
    const counts = new Map<string, number>();
    for (const a of oracle.articles) for (const n of a.quoted) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(2);
  });

  test('each value finds exactly the articles quoting that person, and its count says how many', async () => {
    const everyone = [...new Set(oracle.articles.flatMap((a) => [...a.quoted]))].sort();
    for (const site of sites)
      for (const name of everyone) {
        await openEveryResult(site.page, address(site, '', [name]));
        const shown = await shownSearch(site.page, site.base);
        const want = oracle.articles.filter((a) => a.quoted.has(name)).map((a) => `articles/${a.id}/`);
        expect(shown.paths.toSorted(), `${site.base} quoted=${name}`).toEqual(want.toSorted());
        const boxes = shown.boxes.filter((b) => b.group === 'quoted');
        expect(boxes.map((b) => b.value).toSorted(), `${site.base}: values of quoted`).toEqual(everyone);
        for (const box of boxes)
          expect(box.count, `${site.base} quoted=${name}: count beside ${box.value}`).toBe(
            oracle.articles.filter((a) => a.quoted.has(box.value)).length,
          );
      }
  }, 120_000);

  test('two values are alternatives', async () => {
    const everyone = [...new Set(oracle.articles.flatMap((a) => [...a.quoted]))].sort().slice(0, 2);
    for (const site of sites) {
      await openEveryResult(site.page, address(site, '', everyone));
      const shown = await shownSearch(site.page, site.base);
      const want = oracle.articles.filter((a) => everyone.some((n) => a.quoted.has(n))).map((a) => `articles/${a.id}/`);
      expect(shown.paths.toSorted()).toEqual(want.toSorted());
    }
  }, 60_000);
});

describe('a person page carries their quotes', () => {
  test("a word only one person is quoted as saying finds that person's page", async () => {
    // "gale": in one of Benedikt Quarrington's quotes, and in no other fixture text.
    const { articles } = oracle;
    expect(articles.some((a) => a.quoted.has('Benedikt Quarrington'))).toBe(true);
    for (const site of sites) {
      await openEveryResult(site.page, `${site.site.origin}${site.base}search/?q=gale`);
      const shown = await shownSearch(site.page, site.base);
      expect(shown.paths, site.base).toContain('people/benedikt-quarrington/');
      expect(shown.paths, site.base).toContain('articles/2015/07/quarrington-levy-hearing/');
    }
  }, 60_000);
});
