import { appendFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles } from '../../src/content/files.ts';
import { astroBuild, type BuildResult } from '../helpers/build.ts';
import { page, texts } from '../helpers/dist.ts';
import { relatedLinksOf, relatedOracle } from '../helpers/related-oracle.ts';
import { vnuErrors } from '../helpers/vnu.ts';
import { DIST_ARCHIVE, DIST_HOSTILE, DIST_ROOT, FIXTURE_CONTENT, HOSTILE_CONTENT, TMP } from '../helpers/paths.ts';
import { writeRelatedArchive } from '../fixtures/related-archive.ts';

// "Related coverage" at the end of every article page: on the fixture builds, and on a build of
// the fixture archive with articles written for it (tests/fixtures/related-archive.ts), which is
// then edited and rebuilt to see which article pages the build renders again.

const content = path.join(TMP, 'related-content');
const dist = path.join(TMP, 'dist-related');
const cache = path.join(TMP, 'related-cache');
const env = { ARCHIVE_SITE: 'https://archive.example.org', ARCHIVE_CACHE_DIR: cache };
let first: BuildResult;

beforeAll(async () => {
  await rm(content, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
  await writeRelatedArchive(content);
  first = await astroBuild(content, dist, env);
}, 240_000);
afterAll(async () => {
  for (const dir of [content, dist, cache]) await rm(dir, { recursive: true, force: true });
});

const KESSLER = '/articles/2019/03/kessler-point-desalination-approved/';
const KESSLER_OPENS = '/articles/2021/09/kessler-point-desalination-opens/';
const FRENCH = '/articles/2021/09/kessler-point-dessalement-fr/';
const LONER = '/articles/2016/04/beekeepers-guild-treasurer/';
const SEED = '/articles/2018/09/immigration-judges-sessions/';
const EMPTY = 'No related coverage in this archive yet.';

/** The related section's item headlines of each side, and its text. */
async function relatedOf(sitePath: string, from = dist) {
  const doc = await page(from, sitePath);
  const section = doc.querySelector('section.related-coverage');
  return {
    section,
    earlier: texts(doc, '#related-earlier + ul li a'),
    later: texts(doc, '#related-later + ul li a'),
    items: texts(doc, '.related-list li'),
  };
}

describe('the related lists of the related-coverage archive', () => {
  test('an article page ends with Related coverage: earlier and later, each with headline, source and date', async () => {
    expect(first.code, first.output).toBe(0);
    const { section, earlier, later, items } = await relatedOf(KESSLER_OPENS);
    expect(section?.querySelector('h2')?.textContent).toBe('Related coverage');
    // After the article, as the page's last section of content.
    expect(section?.previousElementSibling?.tagName).toBe('ARTICLE');
    expect(earlier).toEqual([
      'Port Hollis approves a desalination plant on Kessler Point',
      'Brine from the Kessler Point desalination plant worries fishers',
    ]);
    expect(later).toEqual(['Audit questions the Kessler Point desalination plant costs']);
    expect(items[0]).toMatch(/Port Hollis approves .* Harbor Gazette · 10 March 2019$/);
    // Earlier are older than the article, later newer.
    const older = await relatedOf(KESSLER);
    expect(older.earlier).toEqual([]);
    expect(older.later).toContain('Kessler Point desalination plant opens after two years of delays');
  });

  test('the seed article lists the later article on its story; an article sharing nothing gets the empty state', async () => {
    expect((await relatedOf(SEED)).later).toEqual(['Immigration judges say the case quota deepens the backlog']);
    const loner = await relatedOf(LONER);
    expect(loner.items).toEqual([]);
    expect(loner.section?.textContent).toContain(EMPTY);
  });

  test('an article in another language is never related by words alone', async () => {
    // The French report shares place names and "membranes" with the English ones, but no person or topic.
    const french = await relatedOf(FRENCH);
    expect(french.items).toEqual([]);
    expect(french.section?.textContent).toContain(EMPTY);
    for (const p of [KESSLER, KESSLER_OPENS]) expect((await relatedOf(p)).items.join(' ')).not.toContain('dessalement');
  });

  test('every related link shares a person, topic or rare word with its article (oracle from the content)', async () => {
    const report = await relatedOracle(content, dist);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(15);
    expect(report.links).toBeGreaterThan(20);
    expect(report.emptyPages).toBeGreaterThan(1);
  });

  test('the pages with related lists are valid HTML', async () => {
    const pages = [KESSLER, KESSLER_OPENS, FRENCH, SEED].map((p) => path.join(dist, p, 'index.html'));
    expect(vnuErrors(pages)).toEqual([]);
  }, 120_000);

  test('a rebuild after one edit renders again exactly the article pages whose related lists changed, and the edited one', async () => {
    const articleFiles = async (dir: string) =>
      new Map(
        await Promise.all(
          (await listFiles(path.join(dir, 'articles')))
            .filter((f) => f.endsWith('/index.html') && !f.includes('/versions/'))
            .map(async (f) => [f, await readFile(path.join(dir, 'articles', f), 'utf8')] as const),
        ),
      );
    const before = await articleFiles(dist);
    // The beekeepers' article now tells of hives beside the plant: it gains a related list, and
    // the desalination articles may list it.
    const edited = 'articles/2016/04/beekeepers-guild-treasurer.md';
    await appendFile(
      path.join(content, edited),
      '\nThe guild keeps hives beside the Kessler Point desalination plant, whose reverse osmosis membranes and brine outfall Mayor Maria Okafor showed them.\n',
    );
    const rebuild = await astroBuild(content, dist, env);
    expect(rebuild.code, rebuild.output).toBe(0);
    const after = await articleFiles(dist);
    const rendered = new Set(
      [...rebuild.output.matchAll(/─ \/articles\/(\S+\/index\.html)(?! \(restored\))\s*$/gm)]
        .map((m) => m[1]!)
        .filter((f) => !f.includes('/versions/')),
    );
    const section = (html: string) => JSON.stringify(relatedLinksOf(html, '/'));
    const listChanged = [...before.keys()].filter((f) => section(before.get(f)!) !== section(after.get(f)!));
    const editedPage = '2016/04/beekeepers-guild-treasurer/index.html';
    expect(listChanged).toContain(editedPage);
    expect(listChanged.length).toBeGreaterThan(1);
    expect([...rendered].sort()).toEqual([...new Set([editedPage, ...listChanged])].sort());
    // Every other article page came from the cache unchanged.
    for (const f of before.keys()) if (!rendered.has(f)) expect(after.get(f), f).toBe(before.get(f));
  }, 240_000);
});

describe('the fixture builds', () => {
  test.each([
    ['fixture archive at /', FIXTURE_CONTENT, DIST_ROOT, '/'],
    ['fixture archive at /archive/', FIXTURE_CONTENT, DIST_ARCHIVE, '/archive/'],
    ['hostile and edge-case archive', HOSTILE_CONTENT, DIST_HOSTILE, '/'],
  ])(
    '%s: every article page has the section; every related link passes the oracle',
    async (_name, from, built, base) => {
      const report = await relatedOracle(from, built, base);
      expect(report.problems).toEqual([]);
      expect(report.pages).toBeGreaterThan(10);
    },
  );

  test('the seed article, alone with nothing on its story, shows the empty state', async () => {
    const seed = await relatedOf(SEED, DIST_ROOT);
    expect(seed.items).toEqual([]);
    expect(seed.section?.textContent).toContain(EMPTY);
  });
});
