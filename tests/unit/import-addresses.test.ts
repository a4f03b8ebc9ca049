import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { addressKey, canonicalUrl } from '../../src/import/metadata.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { htmlResponse, warcFile } from '../helpers/web-archive.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// One original address, however a crawl wrote it: the fragment and tracking parameters dropped,
// http and https and a trailing slash alike when looking for an archived article.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function frontMatter(file: string): Promise<Record<string, unknown>> {
  return parseYaml(splitFrontmatter(await readFile(file, 'utf8'))!.yaml) as Record<string, unknown>;
}

const URL_ = 'https://news.example/mill-bridge';
const base = paragraphsFor(41);
const edited = [base[0]!, 'The council later said the repairs would cost twice the first estimate.', ...base.slice(2)];
/** A page without a canonical tag: the record's address is all there is. */
const noCanonical = (paragraphs: string[]) =>
  newsPage({
    title: 'Council approves mill bridge repairs',
    paragraphs,
    published: '2026-10-27',
    site: 'Example News',
    author: 'Pat Reporter',
  });
const VERSIONS = 'versions/2026/10/council-approves-mill-bridge-repairs';
const T1 = '2026-11-01T09:00:00Z';
const T2 = '2026-11-08T09:00:00Z';
const T3 = '2026-11-20T09:00:00Z';

async function importWarc(root: string, inbox: string, name: string, records: Parameters<typeof warcFile>[0]) {
  const file = path.join(inbox, name);
  await writeFile(file, await warcFile(records, true));
  return importAll([file], root, options);
}

describe('canonicalUrl and addressKey', () => {
  test('tracking parameters and the fragment go; the rest of the address stays as written', () => {
    expect(canonicalUrl('http://news.example/a/?utm_source=x&mc_cid=1&mc_eid=2&msclkid=3&id=4#c')).toBe(
      'http://news.example/a/?id=4',
    );
    expect(canonicalUrl('https://news.example/a?_ga=1&gclid=2&igshid=3')).toBe('https://news.example/a');
  });
  test('http and https, with and without a trailing slash, are one address; other paths and queries are not', () => {
    const key = addressKey('https://news.example/a');
    for (const same of [
      'http://news.example/a',
      'https://news.example/a/',
      'https://NEWS.example/a#x',
      'https://news.example/a?utm_medium=y',
    ])
      expect(addressKey(same), same).toBe(key);
    for (const other of ['https://news.example/a?id=2', 'https://news.example/b', 'https://news.example/a/b'])
      expect(addressKey(other), other).not.toBe(key);
  });
});

describe('one article however its address is written', () => {
  test('http/https, a trailing slash, tracking parameters and a fragment are the same article; url is stored without tracking', async () => {
    const { root, inbox } = await scratchArchive('archive-address-');
    const texts = [base, edited, paragraphsFor(42), paragraphsFor(43), paragraphsFor(44)];
    const summary = await importWarc(root, inbox, 'variants.warc.gz', [
      htmlResponse(`${URL_}?utm_source=newsletter&utm_medium=email#comments`, T1, noCanonical(texts[0]!)),
      htmlResponse(`${URL_}/`, T2, noCanonical(texts[1]!)),
      htmlResponse(URL_.replace('https:', 'http:'), T3, noCanonical(texts[2]!)),
      htmlResponse(`${URL_}?fbclid=abc123`, '2026-11-21T09:00:00Z', noCanonical(texts[3]!)),
      htmlResponse(`${URL_}?id=7&gclid=x#top`, '2026-11-22T09:00:00Z', noCanonical(texts[4]!)),
    ]);
    expect(summary.counts).toMatchObject({ imported: 2, versioned: 3, failed: 0 });
    const articles = await listFiles(path.join(root, 'articles'));
    // ?id=7 is part of the address: another article.
    expect(articles).toHaveLength(2);
    const urls: unknown[] = [];
    for (const rel of articles) urls.push((await frontMatter(path.join(root, 'articles', rel))).url);
    expect(urls.sort()).toEqual([URL_, `${URL_}?id=7`]);
    // The WARC record's address is kept as recorded.
    const first = await frontMatter(path.join(root, VERSIONS, '20261101090000.md'));
    expect((first.warc as { targetUri: string }).targetUri).toBe(
      `${URL_}?utm_source=newsletter&utm_medium=email#comments`,
    );
  }, 60_000);
});
