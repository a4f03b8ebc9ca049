import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatedArticles } from '../fixtures/sites.ts';
import { htmlFiles, page, texts } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_CONTENT } from '../helpers/paths.ts';

// The built fixture archive, read as a reader's browser would: pages, links between them,
// feed, sitemap, robots.txt and the seed article's clean text.

const SEED = '/articles/2018/09/immigration-judges-sessions/';
const SEED_TITLE = 'Immigration judges hit back at Sessions for suggesting they show too much sympathy';
const generated = generatedArticles();
/**
 * The fixture's public articles: the generated ones, the seed, the imported one and those written
 * beside them (tests/fixtures/sites.ts), counted as their pages (not their versions' pages).
 */
const publicCount = async () =>
  (await htmlFiles(DIST_ROOT)).filter((f) => /^\/articles\/(?!.*\/versions\/).*\/index\.html$/.test(f)).length;
const IMPORTED = '/articles/2021/10/harbor-board-delays-vote-on-cruise-terminal-expansion/';
const IMPORTED_TITLE = 'Harbor board delays vote on cruise terminal expansion';

describe('the seed article page', () => {
  test('shows headline, source, inferred date, people with roles, topics, original URL and capture date', async () => {
    const doc = await page(DIST_ROOT, SEED);
    expect(texts(doc, 'h1')).toEqual([SEED_TITLE]);
    expect(doc.querySelector('.kicker a')?.getAttribute('href')).toBe('/sources/the-hill/');
    const time = doc.querySelector('.dateline time')!;
    expect(time.getAttribute('datetime')).toBe('2018-09-10');
    expect(texts(doc, '.dateline')[0]).toMatch(/10\s*–\s*11 September 2018 \(date inferred\)/);
    expect(doc.body.textContent).toContain('No byline in the original');
    const people = [...doc.querySelectorAll('.article-facts a[href^="/people/"]')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(people).toEqual([
      ['Jeff Sessions', '/people/jeff-sessions/'],
      ['Donald Trump', '/people/donald-trump/'],
      ['Dana Marks', '/people/dana-marks/'],
      ['Ashley Tabaddor', '/people/ashley-tabaddor/'],
    ]);
    expect(doc.body.textContent).toContain('Attorney General');
    expect(texts(doc, '.article-facts a[href^="/topics/"]')).toEqual([
      'immigration',
      'immigration courts',
      'Justice Department',
    ]);
    expect(doc.querySelector('a[href^="https://thehill.com/homenews/administration/406021-"]')).not.toBeNull();
    expect(texts(doc, '.article-facts time')).toEqual(['27 November 2026']);
    // The lead image was not kept: its credit stands in its place, as its figure's caption.
    expect(doc.querySelector('figure.lead-image-absent figcaption')?.textContent?.trim()).toBe('© Getty');
  });

  test('reads cleanly: no scraper artifacts, no names from the junk blurbs', async () => {
    const doc = await page(DIST_ROOT, SEED);
    const body = texts(doc, '.article-body')[0]!;
    expect(body).toContain('slammed Attorney General Jeff Sessions for comments he made');
    expect(body).toContain('an ideological ally of President Trump on immigration, has established');
    for (const junk of ['ADVERTISEMENT', 'MORE', 'Acosta', 'Esper', 'Mattis', 'Warren', 'Thiel', '© Getty', SEED_TITLE])
      expect(body).not.toContain(junk);
    expect(texts(doc, '.article-body p')).toHaveLength(6);
  });

  test('links to the verbatim capture, copied byte for byte', async () => {
    const doc = await page(DIST_ROOT, SEED);
    const href = doc.querySelector('a[href^="/captures/"]')!.getAttribute('href')!;
    const published = await readFile(path.join(DIST_ROOT, href));
    const original = await readFile(path.resolve('../shared/seed/immigration-judges-sessions.txt')).catch(() =>
      readFile(path.join(FIXTURE_CONTENT, 'captures/2018/09/immigration-judges-sessions.txt')),
    );
    expect(published.equals(original)).toBe(true);
  });
});

describe('browse pages', () => {
  test('home lists the newest articles first, five to a page, and every public article once', async () => {
    const count = await publicCount();
    expect(count).toBeGreaterThanOrEqual(generated.length + 3);
    const last = Math.ceil(count / 5);
    const pages = ['/', ...Array.from({ length: last - 1 }, (_, i) => `/page/${i + 2}/`)];
    const titles = (
      await Promise.all(pages.map(async (p) => texts(await page(DIST_ROOT, p), '.article-list h2')))
    ).flat();
    expect(titles).toHaveLength(count);
    expect(titles).not.toContain('Unpublished draft');
    expect(titles[0]).toBe('Article with hostile markup');
    expect(new Set(titles).size).toBe(titles.length);
    expect(existsSync(path.join(DIST_ROOT, `page/${last + 1}/index.html`))).toBe(false);
    const first = await page(DIST_ROOT, '/');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/2/');
  });

  test('people index is A to Z with article counts; a person page shows aliases and their articles newest first', async () => {
    const index = await page(DIST_ROOT, '/people/');
    const entries = texts(index, '.columns li');
    expect(entries).toContain('Jeff Sessions (1)');
    expect(entries).toContain('Maria Okafor (5)');
    const names = texts(index, '.columns li a');
    // By family name: these fixture names are all "Given Family".
    const family = (n: string) => `${n.split(' ').at(-1)}, ${n}`;
    expect(names).toEqual([...names].sort((a, b) => family(a).localeCompare(family(b))));
    expect(names.indexOf('Maria Okafor')).toBeLessThan(names.indexOf('Jeff Sessions'));
    const person = await page(DIST_ROOT, '/people/maria-okafor/');
    expect(person.body.textContent).toContain('Mayor Maria Okafor');
    const listed = texts(person, '.article-list h3');
    const expected = [
      ...generated.filter((a) => a.person.id === 'maria-okafor').map((a) => a.data),
      { title: IMPORTED_TITLE, published: '2021-10-05' },
    ]
      .sort((a, b) => b.published.localeCompare(a.published))
      .map((a) => a.title);
    expect(listed).toEqual(expected);
    const sessions = await page(DIST_ROOT, '/people/jeff-sessions/');
    expect(texts(sessions, '.article-list h3')).toEqual([SEED_TITLE]);
    expect(sessions.body.textContent).toContain('Jefferson (Jeff) Beauregard Sessions');
  });

  test('topic, source and date pages list the right articles', async () => {
    const topic = await page(DIST_ROOT, '/topics/housing/');
    expect(texts(topic, '.article-list h2')).toEqual(
      generated
        .filter((a) => a.topic === 'housing')
        .sort((a, b) => b.data.published.localeCompare(a.data.published))
        .map((a) => a.data.title),
    );
    const source = await page(DIST_ROOT, '/sources/the-hill/');
    expect(texts(source, '.article-list h3')).toEqual([SEED_TITLE]);
    const dates = await page(DIST_ROOT, '/dates/');
    expect(texts(dates, 'h2 a')).toEqual([
      '2024',
      '2023',
      '2022',
      '2021',
      '2020',
      '2019',
      '2018',
      '2017',
      '2016',
      '2015',
    ]);
    const month = await page(DIST_ROOT, '/dates/2018/09/');
    expect(texts(month, '.article-list h2')).toEqual([SEED_TITLE]);
    const year = await page(DIST_ROOT, '/dates/2018/');
    expect(texts(year, 'main h1 ~ ul > li > a')).toEqual(['September 2018']);
  });
});

test('a lead image is copied from the content folder with its alt text, caption and credit', async () => {
  const doc = await page(DIST_ROOT, '/articles/2015/01/report-01/');
  const img = doc.querySelector('figure img')!;
  expect(img.getAttribute('alt')).toBe('A drawn harbour');
  expect(existsSync(path.join(DIST_ROOT, img.getAttribute('src')!))).toBe(true);
  expect(texts(doc, 'figcaption')).toEqual(['The harbour. Fixture Agency']);
});

test('a saved page added with the importer is on the site, tagged with the person it names, its capture served as text', async () => {
  const doc = await page(DIST_ROOT, IMPORTED);
  expect(texts(doc, 'h1')).toEqual([IMPORTED_TITLE]);
  expect(texts(doc, '.meta')[0]).toContain('By Samuel Okonkwo');
  expect(texts(doc, '.article-facts a[href^="/people/"]')).toEqual(['Maria Okafor']);
  expect(texts(doc, '.kicker')).toEqual(['Port Hollis Ledger']);
  const body = texts(doc, '.article-body')[0]!;
  expect(body).toContain('The Port Hollis Harbor Board postponed a vote Monday');
  for (const junk of ['cookie', 'Read more', 'Share this', 'Leave a Reply', 'Photo: Ledger staff'])
    expect(body).not.toContain(junk);
  const capture = doc.querySelector('a[href^="/captures/"]')!.getAttribute('href')!;
  expect(capture).toMatch(/\.html\.txt$/);
  expect(existsSync(path.join(DIST_ROOT, capture))).toBe(true);
});

describe('hostile markup in an article body', () => {
  test('is removed at build time; safe markup and spacing survive', async () => {
    const doc = await page(DIST_ROOT, '/articles/2024/12/hostile-body/');
    const body = doc.querySelector('.article-body')!;
    expect(body.querySelector('script, iframe, [onerror]')).toBeNull();
    expect(body.innerHTML).not.toMatch(/javascript:|__pwned/);
    expect(body.innerHTML).toContain('<em>one</em> <strong>two</strong>');
    expect(body.querySelector('img')?.getAttributeNames().sort()).toEqual(['alt', 'src']);
    const remote = body.querySelector('a.remote-image')!;
    expect(remote.getAttribute('href')).toBe('https://images.example.com/photo.jpg');
    expect(remote.textContent).toBe('Image on the original site: remote photo');
  });
});

describe('feed, sitemap, robots.txt, 404', () => {
  test('the RSS feed lists articles newest first with absolute links', async () => {
    const xml = await readFile(path.join(DIST_ROOT, 'rss.xml'), 'utf8');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toHaveLength(await publicCount());
    expect(links[0]).toBe('https://archive.example.org/articles/2024/12/hostile-body/');
    expect(links).toContain(`https://archive.example.org${SEED}`);
  });

  test('the sitemap lists every article, robots.txt points to it, and a 404 page exists', async () => {
    const sitemap = await readFile(path.join(DIST_ROOT, 'sitemap-0.xml'), 'utf8');
    for (const a of generated) expect(sitemap).toContain(`https://archive.example.org/articles/${a.id}/`);
    expect(sitemap).toContain(`https://archive.example.org${SEED}`);
    const robots = await readFile(path.join(DIST_ROOT, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://archive.example.org/sitemap-index.xml');
    expect(texts(await page(DIST_ROOT, '/404.html'), 'h1')).toEqual(['Page not found']);
  });
});

describe('a build under the sub-path /archive/', () => {
  test('prefixes every internal link, asset, feed and sitemap address', async () => {
    const doc = await page(DIST_ARCHIVE, SEED);
    const refs = [...doc.querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"]')].map(
      (e) => e.getAttribute('href') ?? e.getAttribute('src'),
    );
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !r!.startsWith('/archive/'))).toEqual([]);
    const xml = await readFile(path.join(DIST_ARCHIVE, 'rss.xml'), 'utf8');
    expect(xml).toContain(`<link>https://archive.example.org/archive${SEED}</link>`);
    const robots = await readFile(path.join(DIST_ARCHIVE, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://archive.example.org/archive/sitemap-index.xml');
  });
});
