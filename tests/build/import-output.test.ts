import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importAll } from '../../src/import/run.ts';
import { astroBuild } from '../helpers/build.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { htmlFiles, page as builtPage } from '../helpers/dist.ts';
import { parseHTML } from 'linkedom';
import { htmlResponse, warcFile } from '../helpers/web-archive.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { TMP } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// What the importer writes must build into valid, accessible pages: the whole labelled set of
// saved pages, and a WARC crawl with two captures of one article, are imported into an empty
// archive and built; every imported article page is checked with the Nu HTML Checker and with
// axe-core, and the crawl's article has its versions and a compare page.

const CONTENT = path.join(TMP, 'imported-content');
const DIST = path.join(TMP, 'dist-imported');

let articlePages: string[] = [];

/** The crawl: one article captured twice, a paragraph rewritten and the headline changed. */
const CRAWL_URL = 'https://news.example/mill-bridge';
const FIRST = paragraphsFor(41);
const REWRITTEN = 'The council later said the repairs would cost twice the first estimate.';
const crawlPage = (title: string, paragraphs: string[]) =>
  newsPage({
    title,
    paragraphs,
    url: CRAWL_URL,
    published: '2026-10-27',
    site: 'Example News',
    author: 'Pat Reporter',
  });
/** The crawl's article id, from the import's outcome. */
let crawlId = '';

beforeAll(async () => {
  await rm(CONTENT, { recursive: true, force: true });
  await cp(path.resolve('content/people'), path.join(CONTENT, 'people'), { recursive: true });
  await cp(path.resolve('content/sources'), path.join(CONTENT, 'sources'), { recursive: true });
  const run = await importAll([path.resolve('tests/fixtures/extraction')], CONTENT, {
    dryRun: false,
    force: false,
    addPeople: false,
    maxBytes: 20_000_000,
    given: {},
  });
  expect(run.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.file}: ${o.reason}`)).toEqual([]);
  const crawl = path.join(TMP, 'import-output-crawl.warc.gz');
  await writeFile(
    crawl,
    await warcFile(
      [
        htmlResponse(CRAWL_URL, '2026-11-01T09:00:00Z', crawlPage('Council approves mill bridge repairs', FIRST)),
        htmlResponse(
          CRAWL_URL,
          '2026-11-08T09:00:00Z',
          crawlPage('Council delays the mill bridge contract', [FIRST[0]!, REWRITTEN, ...FIRST.slice(2)]),
        ),
      ],
      true,
    ),
  );
  const crawled = await importAll([crawl], CONTENT, {
    dryRun: false,
    force: false,
    addPeople: false,
    maxBytes: 20_000_000,
    given: {},
  });
  expect(crawled.counts).toMatchObject({ imported: 1, versioned: 1, failed: 0 });
  const article = crawled.outcomes.find((o) => o.status === 'versioned')!.article!;
  crawlId = path.relative(path.join(CONTENT, 'articles'), article).replace(/\.md$/, '').split(path.sep).join('/');
  const built = await astroBuild(CONTENT, DIST, { ARCHIVE_SITE: 'https://archive.example.org' });
  if (built.code !== 0) throw new Error(`build of the imported labelled set failed:\n${built.output}`);
  articlePages = (await htmlFiles(path.join(DIST, 'articles')))
    .filter((f) => f.endsWith('/index.html') && f.split('/').length === 5)
    .map((f) => path.join(DIST, 'articles', f));
}, 300_000);

test('a crawl imported from a WARC has its versions and a compare page marking what changed', async () => {
  const articlePage = await builtPage(DIST, `/articles/${crawlId}/`);
  expect(articlePage.body.textContent!.replace(/\s+/g, ' ')).toMatch(
    /Changed 1 time since first captured on 1 November 2026/,
  );
  const compare = await builtPage(DIST, `/articles/${crawlId}/versions/20261108090000/changes/`);
  // The words marked, labels left out (each run of changed words is marked on its own).
  const marked = (sel: string) =>
    new Set(
      [...compare.querySelectorAll(sel)]
        .map((e) => (e.textContent ?? '').replace(/^(deleted|inserted): /, ''))
        .join(' ')
        .split(/\s+/),
    );
  // The oracle is the two texts: words only the old paragraph and headline had are deleted, words
  // only the new ones have are inserted.
  for (const word of ['Supporters', 'repair', 'approves']) expect(marked('del')).toContain(word);
  for (const word of ['twice', 'estimate', 'delays', 'contract']) expect(marked('ins')).toContain(word);
  const original = compare.querySelector(`a[href="${CRAWL_URL}"]`);
  expect(original?.getAttribute('data-versiondate')).toBe('2026-11-08T09:00:00Z');
  expect(await readFile(path.join(CONTENT, 'articles', `${crawlId}.md`), 'utf8')).toContain('recordId:');
});

test('every imported article page is valid HTML (Nu HTML Checker)', () => {
  expect(articlePages.length).toBeGreaterThanOrEqual(60);
  expect(vnuErrors(articlePages)).toEqual([]);
}, 180_000);

describe('axe-core on every imported article page', () => {
  let site: Served;
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const browser = await launchChromium();
    site = await serve(DIST, '/');
    page = await withAxe(await browser.newPage());
    close = async () => {
      await browser.close();
      await site.close();
    };
  }, 60_000);
  afterAll(async () => close?.());

  test('no WCAG 2.2 AA or best-practice violations in what the importer wrote', async () => {
    // What the importer wrote is shown inside <main>, with the headline, byline and citation the
    // templates put around it. One imported page is loaded; the <main> of every imported page then
    // takes its place in turn, with that page's language and direction. Article pages run no script
    // (checked here), so that is the page a reader gets, under the same style sheet, without a page
    // load and a cold start of axe-core for each. The frame around <main> (header, navigation,
    // footer) is one template, checked on every kind of page in both colour schemes by
    // tests/e2e/accessibility.test.ts.
    const violations: string[] = [];
    const url = (file: string) => `/${path.relative(DIST, path.dirname(file)).split(path.sep).join('/')}/`;
    await page.goto(site.origin + url(articlePages[0]!));
    for (const file of articlePages) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      const scripts = [...document.querySelectorAll('script')].filter(
        (s) => s.getAttribute('type') !== 'application/ld+json',
      );
      expect(
        scripts.map((s) => s.outerHTML),
        url(file),
      ).toEqual([]);
      await page.evaluate(
        ([main, lang, dir]) => {
          document.querySelector('main')!.outerHTML = main;
          if (lang) document.documentElement.setAttribute('lang', lang);
          else document.documentElement.removeAttribute('lang');
          if (dir) document.documentElement.setAttribute('dir', dir);
          else document.documentElement.removeAttribute('dir');
        },
        [
          document.querySelector('main')!.outerHTML,
          document.documentElement.getAttribute('lang'),
          document.documentElement.getAttribute('dir'),
        ] as const,
      );
      for (const line of await axeViolations(page, 'main')) violations.push(`${url(file)} ${line}`);
    }
    expect(violations.sort()).toEqual([]);
  }, 300_000);
});
