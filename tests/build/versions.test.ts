import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { fixtureVersions } from '../fixtures/sites.ts';
import { htmlFiles, page, texts } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_CONTENT } from '../helpers/paths.ts';

// Versions in the built fixture site: report 2 has two earlier captures (tests/fixtures/sites.ts).
// Expected addresses, dates and sizes are written out here from the fixture's own text, not
// computed by the site's code.

const SITE = 'https://archive.example.org';
const { article, versions, removedSentence } = fixtureVersions();
const ARTICLE = `/articles/${article.id}/`;
// The article file's captured is 2025-01-15: its version id is that day's digits.
const IDS = ['20240601', '20240602093000', '20250115'];
const versionPath = (id: string) => `${ARTICLE}versions/${id}/`;

describe('version pages', () => {
  test('the article page says how often it changed and lists every version', async () => {
    const doc = await page(DIST_ROOT, ARTICLE);
    expect(doc.body.textContent.replace(/\s+/g, ' ')).toContain('Changed 2 times since first captured on 1 June 2024');
    const links = [...doc.querySelectorAll('#versions li > a:first-child')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(IDS.map(versionPath));
    expect(texts(doc, '#versions a[href$="/changes/"]')).toHaveLength(2);
    expect(texts(doc, '#versions .badge')).toEqual(['headline changed']);
  });

  test('an article captured once says nothing about versions and has no version pages', async () => {
    const doc = await page(DIST_ROOT, '/articles/2015/01/report-01/');
    expect(doc.querySelector('#versions')).toBeNull();
    expect(doc.body.textContent).not.toContain('Changed');
    expect(existsSync(path.join(DIST_ROOT, 'articles/2015/01/report-01/versions'))).toBe(false);
  });

  test('each version shows its own headline and text; only the latest points to the article page', async () => {
    for (const [i, id] of IDS.entries()) {
      const doc = await page(DIST_ROOT, versionPath(id));
      const title = i < 2 ? versions[i]!.data.title : article.data.title;
      expect(texts(doc, 'h1')).toEqual([title]);
      const body = texts(doc, '.article-body')[0]!;
      if (i < 2) expect(body).toContain(removedSentence);
      else expect(body).not.toContain(removedSentence);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical).toBe(`${SITE}${i === 2 ? ARTICLE : versionPath(id)}`);
      expect(doc.querySelector('#versions a[aria-current="page"]')?.getAttribute('href')).toBe(versionPath(id));
    }
  });

  test('a version page cites that version: its address and its capture date', async () => {
    const doc = await page(DIST_ROOT, versionPath('20240601'));
    const csl = doc.querySelector('a[download$=".json"]')!.getAttribute('href')!;
    const [item] = JSON.parse(decodeURIComponent(csl.slice(csl.indexOf(',') + 1))) as {
      title: string;
      accessed: unknown;
      archive_location: string;
    }[];
    expect(item?.title).toBe(versions[0]!.data.title);
    expect(item?.accessed).toEqual({ 'date-parts': [[2024, 6, 1]] });
    expect(item?.archive_location).toBe(`${SITE}${versionPath('20240601')}`);
    const bib = doc.querySelector('a[download$=".bib"]')!.getAttribute('href')!;
    const bibtex = decodeURIComponent(bib.slice(bib.indexOf(',') + 1));
    expect(bibtex).toContain('urldate = {2024-06-01}');
    expect(bibtex).toContain(`Archived copy: ${SITE}${versionPath('20240601')}`);
  });

  test('the article page and each version page give BibTeX keys of their own, from their ids', async () => {
    // A reader who gathers the downloads of several versions into one .bib gets no "Repeated
    // entry": the key ends with the first 6 hex digits of the SHA-256 of the page's id.
    const sha6 = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 6);
    const pages: [string, string][] = [
      [ARTICLE, article.id],
      ...IDS.map((id): [string, string] => [versionPath(id), `${article.id}@${id}`]),
    ];
    const keys: string[] = [];
    for (const [address, id] of pages) {
      const doc = await page(DIST_ROOT, address);
      const bib = doc.querySelector('a[download$=".bib"]')!.getAttribute('href')!;
      const key = /^@article\{([^,]+),/.exec(decodeURIComponent(bib.slice(bib.indexOf(',') + 1)))![1]!;
      expect(key, address).toMatch(new RegExp(`^[a-z0-9]+-${sha6(id)}$`));
      keys.push(key);
    }
    expect(new Set(keys).size).toBe(pages.length);
  });

  test('the visible citations name the archived copy and its capture day, on version and article pages', async () => {
    // The first version was captured on 2024-06-01; the article file (the latest) on 2025-01-15.
    // The article page cites the latest version's page, the copy that stays when a newer capture
    // comes, as its Robust Links do.
    const cases: [string, string, [string, string, string]][] = [
      [versionPath('20240601'), versionPath('20240601'), ['June 1, 2024', '1 June 2024', 'June 1, 2024']],
      [ARTICLE, versionPath('20250115'), ['January 15, 2025', '15 Jan. 2025', 'January 15, 2025']],
    ];
    for (const [at, copy, [apaDay, mlaDay, chicagoDay]] of cases) {
      const doc = await page(DIST_ROOT, at);
      const [apa, mla, chicago] = texts(doc, '.cite dd.citation');
      expect(apa).toContain(`Retrieved ${apaDay}, from ${SITE}${copy}`);
      expect(mla).toContain(`archive.example.org${copy}. Accessed ${mlaDay}.`);
      expect(chicago).toContain(`Accessed ${chicagoDay}. ${SITE}${copy}.`);
      const csl = doc.querySelector('a[download$=".json"]')!.getAttribute('href')!;
      expect(
        (JSON.parse(decodeURIComponent(csl.slice(csl.indexOf(',') + 1))) as { archive_location: string }[])[0]
          ?.archive_location,
      ).toBe(`${SITE}${copy}`);
    }
  });
});

test('the sitemap lists every version page but the latest, whose canonical address is the article page', async () => {
  const sitemap = await readFile(path.join(DIST_ROOT, 'sitemap-0.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(listed).toContain(`${SITE}${ARTICLE}`);
  for (const id of IDS.slice(0, -1)) expect(listed).toContain(`${SITE}${versionPath(id)}`);
  expect(listed).not.toContain(`${SITE}${versionPath(IDS.at(-1)!)}`);
  // Compare pages are pages of their own.
  expect(listed).toContain(`${SITE}${versionPath(IDS.at(-1)!)}changes/`);
});

describe('compare pages', () => {
  test('every version but the first has one', async () => {
    const files = await htmlFiles(DIST_ROOT);
    expect(files.filter((f) => f.startsWith(`${ARTICLE}versions/`) && f.endsWith('/changes/index.html'))).toEqual(
      IDS.slice(1).map((id) => `${versionPath(id)}changes/index.html`),
    );
  });

  test('the changed headline comes first, then the removed sentence struck through in its paragraph', async () => {
    const doc = await page(DIST_ROOT, `${versionPath('20250115')}changes/`);
    expect(texts(doc, '.diff-fields dt')).toEqual(['Headline']);
    // The old and the new headline whole, on two lines, not a word diff whose marks run together.
    expect(texts(doc, '.diff-fields dd > p')).toEqual([
      `Before: deleted: ${versions[1]!.data.title}`,
      `After: inserted: ${article.data.title}`,
    ]);
    expect(texts(doc, '.diff-fields dd del')).toEqual([`deleted: ${versions[1]!.data.title}`]);
    expect(texts(doc, '.diff-fields dd ins')).toEqual([`inserted: ${article.data.title}`]);
    const dels = texts(doc, '.diff-body del');
    expect(dels).toEqual([`deleted: ${removedSentence}`]);
    expect(doc.querySelector('.diff-body del')!.parentElement!.tagName).toBe('P');
    expect(doc.querySelectorAll('.diff-body ins')).toHaveLength(0);
    expect(doc.body.textContent.replace(/\s+/g, ' ')).toContain('0 words added, 9 words removed');
  });

  test('an edited paragraph is marked word by word, and the new standfirst and byline are listed', async () => {
    const doc = await page(DIST_ROOT, `${versionPath('20240602093000')}changes/`);
    expect(texts(doc, '.diff-fields dt')).toEqual(['Standfirst', 'Byline']);
    expect(texts(doc, '.diff-body del')).toEqual(['deleted: early']);
    expect(texts(doc, '.diff-body ins').join(' ')).toContain('emphasis');
  });
});

describe('the Changes page and its feed', () => {
  test('lists changed articles by their latest change with its size and a headline marker', async () => {
    const doc = await page(DIST_ROOT, '/changes/');
    const items = [...doc.querySelectorAll('ol.changes > li')];
    // Every article with a file in versions/ changed; here, one.
    const { entries } = await checkContent(FIXTURE_CONTENT);
    const changed = new Set(entries.versions.map((v) => path.posix.dirname(v.id)));
    expect(items).toHaveLength(changed.size);
    expect(items[0]!.querySelector('h2 a')!.getAttribute('href')).toBe(`${versionPath('20250115')}changes/`);
    expect(texts(items[0]!, '.change-size')).toEqual([
      `0 words added, ${removedSentence.split(' ').length} words removed`,
    ]);
    expect(texts(items[0]!, '.badge')).toEqual(['headline changed']);
    const nav = await page(DIST_ROOT, '/');
    expect(nav.querySelector('nav a[href="/changes/"]')).not.toBeNull();
  });

  test('the feed is RSS with absolute links to the compare pages', async () => {
    const xml = await readFile(path.join(DIST_ROOT, 'changes.xml'), 'utf8');
    const feed = new XMLParser().parse(xml) as {
      rss: { channel: { item: { link: string; title: string; pubDate: string } } };
    };
    const item = feed.rss.channel.item;
    expect(item.link).toBe(`${SITE}${versionPath('20250115')}changes/`);
    expect(item.title).toBe(`Headline changed: ${article.data.title}`);
    expect(item.pubDate).toBe('Wed, 15 Jan 2025 00:00:00 +0000');
    const sub = await readFile(path.join(DIST_ARCHIVE, 'changes.xml'), 'utf8');
    expect(sub).toContain(`<link>${SITE}/archive${versionPath('20250115')}changes/</link>`);
  });
});

describe('Robust Links', () => {
  test('every link to an original carries the address and date of its archived copy', async () => {
    const { entries } = await checkContent(FIXTURE_CONTENT);
    const originals = new Set(entries.articles.map((a) => a.data.url).filter(Boolean));
    let seen = 0;
    for (const file of await htmlFiles(DIST_ROOT)) {
      const doc = await page(DIST_ROOT, file);
      for (const a of doc.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (!originals.has(href)) continue;
        seen++;
        expect(a.getAttribute('data-originalurl'), file).toBe(href);
        const copy = a.getAttribute('data-versionurl')!;
        expect(copy.startsWith(`${SITE}/articles/`), file).toBe(true);
        // The archived copy is a page of this build: a version page named by the date given, or,
        // for an article with no earlier version in content/versions/, its article page.
        const copyPage = await page(DIST_ROOT, copy.slice(SITE.length));
        const date = a.getAttribute('data-versiondate')!;
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/);
        const id = copy
          .slice(`${SITE}/articles/`.length)
          .replace(/\/versions\/.*$/, '')
          .replace(/\/$/, '');
        if (existsSync(path.join(FIXTURE_CONTENT, 'versions', id)))
          expect(copy).toContain(`/versions/${date.replace(/[-:]/g, '').replace('T', '').replace('Z', '')}`);
        else expect(copy).toBe(`${SITE}/articles/${id}/`);
        expect(copyPage.querySelector('.article-facts')).not.toBeNull();
      }
    }
    expect(seen).toBeGreaterThan(entries.articles.length);
    const doc = await page(DIST_ROOT, versionPath('20240601'));
    const original = doc.querySelector(`a[href="${article.data.url}"]`)!;
    expect(original.getAttribute('data-versionurl')).toBe(`${SITE}${versionPath('20240601')}`);
    expect(original.getAttribute('data-versiondate')).toBe('2024-06-01');
  });
});
