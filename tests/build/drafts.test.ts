import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';

/** A sitemap index and a sitemap as fast-xml-parser reads them (one entry is not a list). */
type SitemapIndex = { sitemapindex: { sitemap: { loc: string } | { loc: string }[] } };
type Sitemap = { urlset: { url: { loc: string } | { loc: string }[] } };

// An article withdrawn with `draft: true` leaves nothing on the site: no capture page or copied
// capture (of the article file or of an earlier version), no media used by it alone, no version
// pages, no page for a person, topic or source named only in it, nothing in feeds or the sitemap.
// The public article beside it keeps all of its own. Expected addresses are written out here.

const content = path.join(TMP, 'drafts-content');
const dist = path.join(TMP, 'dist-drafts');
const SITE = 'https://archive.example.org';

const files: Record<string, string> = {
  'sources/daily-planet.yaml': 'name: Daily Planet\nhomepage: https://planet.example/\n',
  'sources/withdrawn-weekly.yaml': 'name: Withdrawn Weekly\nhomepage: https://withdrawn.example/\n',
  'people/ada-lovelace.yaml': 'name: Ada Lovelace\naliases: []\n',
  'people/michael-phelps.yaml': 'name: Michael Phelps\naliases: []\n',
  'articles/2020/01/harbour-opens.md': `---
title: Harbour opens a new quay
source: daily-planet
url: https://planet.example/2020/01/harbour
published: 2020-01-10
captured: 2020-01-11
capture: 2020/01/harbour-opens.html
authors:
  - Lois Lane
people:
  - ada-lovelace
topics:
  - harbours
image:
  src: 2020/quay.jpg
  alt: The new quay
language: en
---

The new quay opened on Friday with a brass band.
`,
  'articles/2020/02/seven-men-in-court.md': `---
draft: true # withdrawn pending legal review
title: Seven men in court over the death of Michael Phelps
source: withdrawn-weekly
url: https://withdrawn.example/2020/02/court
published: 2020-02-03
captured: 2020-02-05
capture: 2020/02/seven-men-in-court.html
authors:
  - Mark Payne
people:
  - michael-phelps
topics:
  - murder trials
image:
  src: 2020/courthouse.jpg
  alt: The courthouse
language: en
---

Seven men appeared before magistrates charged with the murder of Michael Phelps.
`,
  'versions/2020/02/seven-men-in-court/20200204.md': `---
title: Six men in court over the death of Michael Phelps
published: 2020-02-03
captured: 2020-02-04
capture: 2020/02/./seven-men-in-court-first.html
authors:
  - Mark Payne
---

Six men appeared before magistrates charged with the murder of Michael Phelps.
`,
  // A second draft shows the lead image of the public article: the image stays.
  'articles/2020/03/quay-reopens.md': `---
draft: true
title: Quay reopens after repairs
published: 2020-03-01
captured: 2020-03-02
authors: []
image:
  src: 2020/quay.jpg
  alt: The new quay
language: en
---

The quay reopened.
`,
  'captures/2020/01/harbour-opens.html': '<html><body><p>The new quay opened on Friday.</p></body></html>\n',
  'captures/2020/02/seven-men-in-court.html': '<html><body><p>Seven men appeared. Michael Phelps.</p></body></html>\n',
  'captures/2020/02/seven-men-in-court-first.html':
    '<html><body><p>Six men appeared. Michael Phelps.</p></body></html>\n',
  'media/2020/quay.jpg': 'not really a jpeg, copied byte for byte\n',
  'media/2020/courthouse.jpg': 'not really a jpeg either\n',
};

/** Every file under `dir`, relative, with forward slashes. */
async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

let output: string[] = [];
const sitemap: string[] = [];

beforeAll(async () => {
  await rm(content, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await writeFile(path.join(content, file), text);
  }
  const build = await astroBuild(content, dist, { ARCHIVE_SITE: SITE });
  expect(build.code, build.output).toBe(0);
  output = await listAll(dist);
  const xml = new XMLParser();
  const index = xml.parse(await readFile(path.join(dist, 'sitemap-index.xml'), 'utf8')) as SitemapIndex;
  const maps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => new URL(s.loc).pathname);
  for (const map of maps) {
    const doc = xml.parse(await readFile(path.join(dist, map), 'utf8')) as Sitemap;
    sitemap.push(...[doc.urlset.url].flat().map((u: { loc: string }) => new URL(u.loc).pathname));
  }
}, 240_000);

afterAll(() => Promise.all([content, dist, `${dist}-cache`].map((d) => rm(d, { recursive: true, force: true }))));

describe('a draft article', () => {
  const DRAFT_ADDRESSES = [
    '/articles/2020/02/seven-men-in-court/',
    '/articles/2020/02/seven-men-in-court/versions/20200204/',
    '/articles/2020/03/quay-reopens/',
    '/capture/2020/02/seven-men-in-court.html/',
    '/capture/2020/02/seven-men-in-court-first.html/',
    '/captures/2020/02/seven-men-in-court.html.txt',
    '/captures/2020/02/seven-men-in-court-first.html.txt',
    '/media/2020/courthouse.jpg',
    '/people/michael-phelps/',
    '/topics/murder-trials/',
    '/sources/withdrawn-weekly/',
  ];
  const PUBLIC_ADDRESSES = [
    '/articles/2020/01/harbour-opens/',
    '/capture/2020/01/harbour-opens.html/',
    '/captures/2020/01/harbour-opens.html.txt',
    '/media/2020/quay.jpg',
    '/people/ada-lovelace/',
    '/topics/harbours/',
    '/sources/daily-planet/',
  ];
  const file = (address: string) => (address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1));

  test('leaves no page or file of its own, not its capture, version, media, person, topic or source', () => {
    expect(DRAFT_ADDRESSES.filter((a) => output.includes(file(a)))).toEqual([]);
    expect(output.filter((f) => f.includes('seven-men') || f.includes('michael-phelps'))).toEqual([]);
  });

  test('the public article keeps its pages and files', () => {
    expect(PUBLIC_ADDRESSES.filter((a) => !output.includes(file(a)))).toEqual([]);
  });

  test('is not in the sitemap; the public article is', () => {
    expect(sitemap.filter((a) => DRAFT_ADDRESSES.includes(a))).toEqual([]);
    expect(sitemap.filter((a) => /seven-men|michael-phelps|withdrawn|murder|quay-reopens/.test(a))).toEqual([]);
    expect(sitemap).toContain('/articles/2020/01/harbour-opens/');
    expect(sitemap).toContain('/people/ada-lovelace/');
  });

  test('no page or feed names it or counts it', async () => {
    const texts = output.filter((f) => /\.(html|xml|txt|json)$/.test(f) && !f.startsWith('pagefind/'));
    const naming: string[] = [];
    for (const f of texts) {
      const text = await readFile(path.join(dist, f), 'utf8');
      if (/Michael Phelps|seven-men|Withdrawn Weekly|murder trials|Quay reopens/i.test(text)) naming.push(f);
    }
    expect(naming).toEqual([]);
    const people = await readFile(path.join(dist, 'people/index.html'), 'utf8');
    expect(people.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toMatch(/\b1 person named in the archive/);
  });
});
