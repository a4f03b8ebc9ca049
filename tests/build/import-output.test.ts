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
let versionPages: string[] = [];
/** The article ids of the reported cases: the lead figure, the segmented record, the mismatched digest. */
let caseIds: string[] = [];

/** The headline of the record whose payload does not match its WARC-Payload-Digest. */
const MISMATCH_TITLE = 'Ferry timetable changes again';
const MISMATCH_DIGEST = 'sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A WARC of one response record whose WARC-Payload-Digest is not its payload's, written byte by byte. */
function mismatchedRecord(): Buffer {
  const body = Buffer.from(
    newsPage({
      title: MISMATCH_TITLE,
      paragraphs: paragraphsFor(52),
      url: 'https://news.example/timetable',
      published: '2026-10-30',
      site: 'Example News',
      author: 'Pat Reporter',
    }),
  );
  const block = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'), body]);
  const headers = [
    'WARC/1.1',
    'WARC-Type: response',
    'WARC-Target-URI: https://news.example/timetable',
    'WARC-Date: 2026-11-02T09:00:00Z',
    'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000052>',
    `WARC-Payload-Digest: ${MISMATCH_DIGEST}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

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
  // The reported cases of a lead figure and a segmented record, and a record whose payload does
  // not match its digest.
  const mismatch = path.join(TMP, 'import-output-mismatch.warc');
  await writeFile(mismatch, mismatchedRecord());
  const cases = await importAll(
    [
      path.resolve('tests/fixtures/import-cases/lead-figure/harbour-ferry.html'),
      path.resolve('tests/fixtures/import-cases/segmented-warc-record/segmented.warc'),
      mismatch,
    ],
    CONTENT,
    { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} },
  );
  expect(cases.counts).toMatchObject({ imported: 3, failed: 0 });
  caseIds = cases.outcomes.map((o) =>
    path.relative(path.join(CONTENT, 'articles'), o.article!).replace(/\.md$/, '').split(path.sep).join('/'),
  );
  const built = await astroBuild(CONTENT, DIST, { ARCHIVE_SITE: 'https://archive.example.org' });
  if (built.code !== 0) throw new Error(`build of the imported labelled set failed:\n${built.output}`);
  articlePages = (await htmlFiles(path.join(DIST, 'articles')))
    .filter((f) => f.endsWith('/index.html') && f.split('/').length === 5)
    .map((f) => path.join(DIST, 'articles', f));
  versionPages = (await htmlFiles(path.join(DIST, 'articles')))
    .filter((f) => /\/versions\/\d+\/index\.html$/.test(f))
    .map((f) => path.join(DIST, 'articles', f));
}, 300_000);

test('a crawl imported from a WARC has its versions and a compare page marking what changed', async () => {
  const articlePage = await builtPage(DIST, `/articles/${crawlId}/`);
  expect(articlePage.body.textContent.replace(/\s+/g, ' ')).toMatch(
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

test('every imported article page and version page is valid HTML (Nu HTML Checker)', () => {
  expect(articlePages.length).toBeGreaterThanOrEqual(60);
  expect(versionPages.length).toBe(2);
  expect(vnuErrors([...articlePages, ...versionPages])).toEqual([]);
}, 180_000);

test('a lead image not kept shows its alt text, caption and credit', async () => {
  const doc = await builtPage(DIST, `/articles/${caseIds[0]}/`);
  const figure = doc.querySelector('figure.lead-image-absent')!;
  expect(figure.querySelector('q')?.textContent).toBe('The Portmouth ferry leaving the harbour at dusk');
  // No stray space inside the quotation or before its full stop.
  expect(figure.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
    'Lead image not kept in this copy. It showed: The Portmouth ferry leaving the harbour at dusk. View it on the original site',
  );
  expect(figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
    'The Portmouth ferry has run every 30 minutes since 1998. Photograph: James Orr/Coastal Courier',
  );
});

test('the article page and each version page show where their capture came from: time, web archive, record, digest', async () => {
  // Each version's own provenance, read from its own file.
  const pages = [
    [`/articles/${crawlId}/`, `${crawlId}.md`],
    [`/articles/${crawlId}/versions/20261101090000/`, `../versions/${crawlId}/20261101090000.md`],
    [`/articles/${crawlId}/versions/20261108090000/`, `${crawlId}.md`],
    [`/articles/${caseIds[1]}/`, `${caseIds[1]}.md`],
  ];
  for (const [url, file] of pages) {
    const text = await readFile(path.join(CONTENT, 'articles', file!), 'utf8');
    const recordId = /recordId: (.+)/.exec(text)![1]!.trim();
    const digest = /payloadDigest: (.+)/.exec(text)![1]!.trim();
    const captured = /captured: (.+)/.exec(text)![1]!.trim();
    const doc = await builtPage(DIST, url!);
    const facts = doc.querySelector('.article-facts')!.textContent.replace(/\s+/g, ' ');
    expect(facts, url).toContain(`WARC record ${recordId}`);
    expect(facts, url).toContain(`Payload digest ${digest}`);
    expect(facts, url).toMatch(/Web archive \S+\.warc(?:\.gz)?/);
    expect(doc.querySelector('.article-facts time')?.getAttribute('datetime'), url).toBe(captured);
    expect(facts, url).toMatch(/Captured \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC/);
  }
});

test('a payload that did not match its WARC-Payload-Digest is shown as not verified, with no digest given as its own', async () => {
  const doc = await builtPage(DIST, `/articles/${caseIds[2]}/`);
  const facts = doc.querySelector('.article-facts')!;
  expect(facts.textContent.replace(/\s+/g, ' ')).toContain(
    `Payload digest Not verified: the record's WARC-Payload-Digest ${MISMATCH_DIGEST} does not match`,
  );
  expect([...facts.querySelectorAll('code')].map((c) => c.textContent)).not.toContain(MISMATCH_DIGEST);
});

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
