import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { page, texts } from '../helpers/dist.ts';
import { DIST_ROOT } from '../helpers/paths.ts';

// What machines read from an article page: JSON-LD, OpenGraph, Highwire and Dublin Core tags,
// canonical link, and the citation block with its downloads.

const SEED = '/articles/2018/09/immigration-judges-sessions/';
const SIGNED = '/articles/2021/10/harbor-board-delays-vote-on-cruise-terminal-expansion/';

/** Content of every meta tag with this name or property. */
function metas(doc: Document, key: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`)].map(
    (m) => m.getAttribute('content') ?? '',
  );
}

describe('structured data', () => {
  test('JSON-LD parses and describes a NewsArticle based on the original', async () => {
    const doc = await page(DIST_ROOT, SIGNED);
    const blocks = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
      (s) => JSON.parse(s.textContent ?? '') as unknown,
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbor board delays vote on cruise terminal expansion',
      datePublished: '2021-10-05',
      author: [{ '@type': 'Person', name: 'Samuel Okonkwo' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Port Hollis Ledger' },
      isBasedOn: 'https://porthollisledger.example/2021/10/05/harbor-board-delays-vote/',
      url: `https://archive.example.org${SIGNED}`,
    });
  });

  test('OpenGraph article tags, canonical link, Highwire and Dublin Core tags', async () => {
    const doc = await page(DIST_ROOT, SEED);
    expect(metas(doc, 'og:type')).toEqual(['article']);
    expect(metas(doc, 'article:published_time')).toEqual(['2018-09-10']);
    expect(metas(doc, 'article:tag')).toEqual(['immigration', 'immigration courts', 'Justice Department']);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://archive.example.org${SEED}`);
    expect(metas(doc, 'citation_title')).toEqual([
      'Immigration judges hit back at Sessions for suggesting they show too much sympathy',
    ]);
    expect(metas(doc, 'citation_publication_date')).toEqual(['2018/09/10']);
    expect(metas(doc, 'citation_journal_title')).toEqual(['The Hill']);
    expect(metas(doc, 'citation_public_url')[0]).toMatch(/^https:\/\/thehill\.com\/homenews\//);
    expect(metas(doc, 'citation_author')).toEqual([]);
    expect(metas(doc, 'DC.type')).toEqual(['newspaperArticle']);
    const signed = await page(DIST_ROOT, SIGNED);
    expect(metas(signed, 'citation_author')).toEqual(['Samuel Okonkwo']);
  });
});

describe('citations', () => {
  test('the seed article shows APA, MLA and Chicago with its inferred date, and links both downloads', async () => {
    const doc = await page(DIST_ROOT, SEED);
    const cites = texts(doc, '.cite dd');
    expect(cites[0]).toBe(
      // APA 7 cites the copy the reader used: the archive's page, retrieved on the capture date
      // (the seed's front matter says captured: 2026-11-27).
      'Immigration judges hit back at Sessions for suggesting they show too much sympathy. (2018, [September 10–11]). The Hill. Retrieved November 27, 2026, from https://archive.example.org/articles/2018/09/immigration-judges-sessions/',
    );
    expect(cites[1]).toContain('The Hill, [10–11 Sept. 2018], thehill.com/homenews/');
    expect(cites[2]).toMatch(/^The Hill\. “Immigration judges hit back/);
    expect(doc.querySelector('.cite dd i')?.textContent).toBe('The Hill');
    const [bibLink, cslLink] = [...doc.querySelectorAll('.cite a[download]')];
    expect([bibLink?.getAttribute('download'), cslLink?.getAttribute('download')]).toEqual([
      'immigration-judges-sessions.bib',
      'immigration-judges-sessions.json',
    ]);
    const decode = (href: string) => decodeURIComponent(href.slice(href.indexOf(',') + 1));
    expect(bibLink!.getAttribute('href')).toMatch(/^data:application\/x-bibtex;charset=utf-8,/);
    // The key ends with the first 6 hex digits of the SHA-256 of the article's id.
    const idPart = createHash('sha256').update('2018/09/immigration-judges-sessions').digest('hex').slice(0, 6);
    expect(decode(bibLink!.getAttribute('href')!)).toMatch(new RegExp(`^@article\\{thehill2018immigration-${idPart},`));
    const csl = JSON.parse(decode(cslLink!.getAttribute('href')!)) as unknown[];
    expect(csl[0]).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Hill',
      issued: {
        'date-parts': [
          [2018, 9, 10],
          [2018, 9, 11],
        ],
      },
    });
  });

  test('a signed article is cited by its author', async () => {
    const doc = await page(DIST_ROOT, SIGNED);
    expect(texts(doc, '.cite dd')[0]).toMatch(/^Okonkwo, S\. \(2021, October 5\)\. Harbor board delays vote/);
  });
});
