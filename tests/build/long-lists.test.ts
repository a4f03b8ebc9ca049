import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  LONG_LIST,
  REWRITTEN,
  longListArticleFile,
  longListArticles,
  writeLongListArchive,
} from '../fixtures/long-lists-archive.ts';
import { astroBuild } from '../helpers/build.ts';
import { page } from '../helpers/dist.ts';
import { TMP } from '../helpers/paths.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// Person, topic and source pages list their articles PAGE_SIZE to a page, newest first, as the
// home page does: checked on an archive whose lists run to five pages (tests/fixtures/
// long-lists-archive.ts), built under /archive/, against an order worked out here from the
// fixture's own records. Then one article on page 3 is edited and the archive rebuilt from its
// cache: only the pages listing that article may change. One build: every address checked carries
// the base path, which a build at the site root would leave out (a link that dropped the base
// passes there and fails here), and paging itself does not depend on the base.

const SITE = 'https://archive.example.org';
const PAGE_SIZE = 5;
const content = path.join(TMP, 'long-lists-content');
const builds = [{ base: '/archive/', outDir: path.join(TMP, 'dist-long-lists-archive') }];
const envOf = (base: string) => ({ ARCHIVE_BASE: base, ARCHIVE_SITE: SITE, ARCHIVE_PAGE_SIZE: String(PAGE_SIZE) });

/** Article site paths (without the base), newest first; a day's articles by id. */
function expectedOrder(filter: (a: ReturnType<typeof longListArticles>[number]) => boolean): string[] {
  return longListArticles()
    .filter(filter)
    .sort((a, b) => (a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? -1 : 1))
    .map((a) => `articles/${a.id}/`);
}

const person = LONG_LIST.person.id;
/** Each long list: the address of its first page, the list's heading on the page, what it holds. */
const LISTS = [
  {
    name: 'articles naming the person',
    first: `people/${person}/`,
    heading: (h: Element) => /naming/.test(h.textContent),
    expected: expectedOrder((a) => a.people.includes(person)),
  },
  {
    name: 'articles the person signed',
    first: `people/${person}/`,
    heading: (h: Element) => h.id === 'articles-by',
    expected: expectedOrder((a) => a.authors.includes(LONG_LIST.person.name)),
  },
  {
    name: 'topic',
    first: `topics/${LONG_LIST.topic.slug}/`,
    expected: expectedOrder((a) => a.topics.includes(LONG_LIST.topic.name)),
  },
  {
    name: 'source',
    first: `sources/${LONG_LIST.source.id}/`,
    expected: expectedOrder((a) => a.source === LONG_LIST.source.id),
  },
];

/** The article paths of the list on a page: under the heading `heading` picks, or the page's only list. */
function listed(doc: Document, base: string, heading?: (h: Element) => boolean): string[] {
  let list: Element | null | undefined = doc.querySelector('ol.article-list');
  if (heading) {
    const h = [...doc.querySelectorAll('main h2')].find(heading);
    list = h?.nextElementSibling;
    while (list && list.tagName !== 'OL' && list.tagName !== 'H2') list = list.nextElementSibling;
    if (list?.tagName !== 'OL') return [];
  }
  return [...(list?.querySelectorAll(':scope > li h2 a, :scope > li h3 a') ?? [])].map((a) =>
    a.getAttribute('href')!.slice(base.length),
  );
}

beforeAll(async () => {
  await rm(content, { recursive: true, force: true });
  await writeLongListArchive(content);
  const results = await Promise.all(builds.map((b) => astroBuild(content, b.outDir, envOf(b.base))));
  for (const r of results) expect(r.code, r.output).toBe(0);
}, 400_000);
afterAll(() => rm(content, { recursive: true, force: true }));

for (const { base, outDir } of builds) {
  describe(`long lists are paged (base ${base})`, () => {
    test.each(LISTS)(
      '$name: every article once across the pages, newest first, with counts and links',
      async (list) => {
        const pages = Math.ceil(list.expected.length / PAGE_SIZE);
        expect(pages).toBeGreaterThan(1);
        const shown: string[] = [];
        const last = Math.max(
          ...LISTS.filter((l) => l.first === list.first).map((l) => Math.ceil(l.expected.length / PAGE_SIZE)),
        );
        for (let n = 1; n <= last; n++) {
          const address = `${base}${list.first}${n > 1 ? `page/${n}/` : ''}`;
          const doc = await page(outDir, `/${address.slice(base.length)}`);
          const items = listed(doc, base, list.heading);
          shown.push(...items);
          expect(items.length, address).toBe(
            Math.max(0, Math.min(PAGE_SIZE, list.expected.length - (n - 1) * PAGE_SIZE)),
          );
          // Its own canonical address, its number, and links to the pages either side.
          expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${address}`);
          expect(doc.querySelector('.pagination')?.textContent.replace(/\s+/g, ' ')).toContain(`Page ${n} of ${last}`);
          const at = (k: number) => `${base}${list.first}${k > 1 ? `page/${k}/` : ''}`;
          expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(n > 1 ? at(n - 1) : undefined);
          expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(n < last ? at(n + 1) : undefined);
          // The count of the whole list, on every page that shows part of it.
          if (items.length > 0)
            expect(doc.querySelector('main')!.textContent).toMatch(
              new RegExp(`\\b${list.expected.length} (archived )?articles\\b`),
            );
        }
        expect(shown).toEqual(list.expected);
        expect(existsSync(path.join(outDir, list.first, `page/${last + 1}/index.html`))).toBe(false);
        expect(existsSync(path.join(outDir, list.first, 'page/1/index.html'))).toBe(false);
      },
    );

    test('the first page carries the newest articles and the whole count; titles differ from page to page', async () => {
      const doc = await page(outDir, `/people/${person}/`);
      expect(listed(doc, base, (h) => /naming/.test(h.textContent))).toEqual(LISTS[0]!.expected.slice(0, PAGE_SIZE));
      expect(doc.querySelector('h1')?.textContent).toBe(LONG_LIST.person.name);
      expect(doc.querySelector('main')!.textContent).toContain('23 articles naming Odile Varga');
      const second = await page(outDir, `/people/${person}/page/2/`);
      expect(second.querySelector('title')?.textContent).not.toBe(doc.querySelector('title')?.textContent);
    });

    test('the sitemap lists every page of every list', async () => {
      const sitemap = await readFile(path.join(outDir, 'sitemap-0.xml'), 'utf8');
      for (const list of LISTS)
        for (let n = 1; n <= Math.ceil(list.expected.length / PAGE_SIZE); n++)
          expect(sitemap).toContain(`<loc>${SITE}${base}${list.first}${n > 1 ? `page/${n}/` : ''}</loc>`);
    });
  });
}

const COMPARE = `articles/${REWRITTEN.id}/versions/${REWRITTEN.latest}/changes/`;

test('a compare page says when a passage changed too much to compare word by word, and keeps every word', async () => {
  for (const { outDir } of builds) {
    const doc = await page(outDir, `/${COMPARE}`);
    const note = doc.querySelector('.diff-capped')?.textContent.replace(/\s+/g, ' ').trim();
    expect(note).toBe(
      '1 passage changed too much to be compared word by word: it is shown with its old text deleted whole and its new text inserted whole.',
    );
    const words = (selector: string) =>
      [...doc.querySelectorAll(selector)].flatMap((e) => e.textContent.match(/\b(marquee|carousel)\d+\b/g) ?? []);
    expect(words('.diff-body del')).toEqual(Array.from({ length: 300 }, (_, i) => `marquee${i}`));
    expect(words('.diff-body ins')).toEqual(Array.from({ length: 300 }, (_, i) => `carousel${i}`));
  }
});

test('the list pages and the compare page are valid HTML (Nu HTML Checker)', () => {
  const folders = builds.flatMap((b) => [
    ...LISTS.map((l) => path.join(b.outDir, l.first)),
    path.join(b.outDir, COMPARE),
  ]);
  expect(vnuErrors([...new Set(folders)])).toEqual([]);
}, 120_000);

test('editing an article on page 3 re-renders page 3 of its lists and no other page of them', async () => {
  const [{ base, outDir }] = builds as [(typeof builds)[number]];
  const articles = longListArticles();
  const order = LISTS[0]!.expected;
  // The 13th newest: page 3 of the person's, the topic's and the source's lists; the person did not sign it.
  const target = articles.find((a) => `articles/${a.id}/` === order[12])!;
  expect(target.authors).toEqual([]);
  const listPages = (first: string) =>
    Array.from({ length: 5 }, (_, i) => path.join(first, i > 0 ? `page/${i + 1}/` : '', 'index.html'));
  const files = [...new Set(LISTS.flatMap((l) => listPages(l.first)))];
  const before = new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(path.join(outDir, f), 'utf8')] as const)),
  );

  const edited = { ...target, title: 'Lockgate log, a corrected headline' };
  await writeFile(path.join(content, 'articles', `${target.id}.md`), longListArticleFile(edited));
  const rebuild = await astroBuild(content, outDir, envOf(base));
  expect(rebuild.code, rebuild.output).toBe(0);
  const changed: string[] = [];
  const rendered: string[] = [];
  for (const f of files) {
    if ((await readFile(path.join(outDir, f), 'utf8')) !== before.get(f)) changed.push(f);
    const line = rebuild.output.split('\n').find((l) => l.includes(` /${f} `) || l.endsWith(` /${f}`));
    expect(line, f).toBeDefined();
    if (!/\((restored|cached)\)/.test(line!)) rendered.push(f);
  }
  const page3 = LISTS.filter((l) => l.heading === undefined || l.name.includes('naming')).map((l) =>
    path.join(l.first, 'page/3/', 'index.html'),
  );
  expect(changed.toSorted()).toEqual(page3.toSorted());
  expect(rendered.toSorted()).toEqual(page3.toSorted());
}, 300_000);
