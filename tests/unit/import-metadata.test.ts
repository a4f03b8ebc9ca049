import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { normaliseDate } from '../../src/import/dates.ts';
import { canonicalUrl, readMetadata } from '../../src/import/metadata.ts';

// Each source of article facts a news page offers, and the order they are trusted in.

/** Metadata of a page made of these head and body tags. */
function meta(head: string, body = '') {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readMetadata(document as unknown as Document);
}

const jsonLd = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('each metadata source', () => {
  test('JSON-LD NewsArticle, also inside @graph', () => {
    const m = meta(
      jsonLd({
        '@graph': [
          { '@type': 'WebSite', name: 'X' },
          {
            '@type': 'NewsArticle',
            headline: 'H',
            description: 'D',
            datePublished: '2019-03-14T23:41:00-04:00',
            dateModified: '2019-03-15T08:02:00-04:00',
            author: [{ '@type': 'Person', name: 'Jordain Carney' }, 'Alex Bolton'],
            publisher: { name: 'The Hill' },
            url: 'https://thehill.com/a/?utm_source=x#top',
            inLanguage: 'en-US',
            keywords: ['Senate', 'Budget'],
            image: { url: 'https://thehill.com/i.jpg', caption: 'The floor' },
          },
        ],
      }),
    );
    expect(m.title).toEqual({ value: 'H', from: 'JSON-LD headline' });
    expect(m.dek?.value).toBe('D');
    expect(m.authors).toEqual({ value: ['Jordain Carney', 'Alex Bolton'], from: 'JSON-LD author' });
    expect(m.published?.value).toBe('2019-03-14T23:41:00-04:00');
    expect(m.modified?.value).toBe('2019-03-15T08:02:00-04:00');
    expect(m.siteName?.value).toBe('The Hill');
    expect(m.url?.value).toBe('https://thehill.com/a/');
    expect(m.language?.value).toBe('en-US');
    expect(m.keywords?.value).toEqual(['Senate', 'Budget']);
    expect(m.image?.value).toEqual({ url: 'https://thehill.com/i.jpg', caption: 'The floor' });
  });

  test('OpenGraph and article:* tags', () => {
    const m = meta(
      '<meta property="og:title" content="OG title"><meta property="og:site_name" content="The Guardian"><meta property="og:url" content="https://www.theguardian.com/x"><meta property="og:locale" content="en_GB"><meta property="og:image" content="https://i.guim.co.uk/a.jpg"><meta property="og:image:alt" content="A river"><meta property="article:published_time" content="2022-08-11T13:05:12Z"><meta property="article:author" content="Helena Horton"><meta property="article:author" content="https://www.theguardian.com/profile/x"><meta property="article:tag" content="Drought"><meta property="article:tag" content="Water">',
    );
    expect(m.title).toEqual({ value: 'OG title', from: 'og:title' });
    expect(m.authors).toEqual({ value: ['Helena Horton'], from: 'article:author' });
    expect(m.published).toEqual({ value: '2022-08-11T13:05:12Z', from: 'article:published_time' });
    expect(m.language?.value).toBe('en-GB');
    expect(m.image?.value).toEqual({ url: 'https://i.guim.co.uk/a.jpg', alt: 'A river' });
    expect(m.keywords?.value).toEqual(['Drought', 'Water']);
  });

  test('Highwire citation_* tags', () => {
    const m = meta(
      '<meta name="citation_title" content="Coastal towns lose doctors"><meta name="citation_author" content="Lindqvist, Tomas"><meta name="citation_author" content="Brandt, Aiko"><meta name="citation_publication_date" content="2020/02/18"><meta name="citation_journal_title" content="Northern Ledger"><meta name="citation_public_url" content="https://ledger.example.net/a">',
    );
    expect(m.title?.from).toBe('citation_title');
    expect(m.authors?.value).toEqual(['Tomas Lindqvist', 'Aiko Brandt']);
    expect(m.published).toEqual({ value: '2020-02-18', from: 'citation_publication_date' });
    expect(m.siteName?.value).toBe('Northern Ledger');
    expect(m.url?.value).toBe('https://ledger.example.net/a');
  });

  test('Dublin Core tags', () => {
    const m = meta(
      '<meta name="DC.title" content="Harbor board delays vote"><meta name="DC.creator" content="Samuel Okonkwo"><meta name="DC.date" content="2021-10-05"><meta name="DC.publisher" content="Port Hollis Ledger"><meta name="DC.identifier" content="https://ledger.example/x">',
    );
    expect(m.title?.from).toBe('Dublin Core title');
    expect(m.authors).toEqual({ value: ['Samuel Okonkwo'], from: 'Dublin Core creator' });
    expect(m.published).toEqual({ value: '2021-10-05', from: 'Dublin Core date' });
    expect(m.siteName?.value).toBe('Port Hollis Ledger');
  });

  test('<time datetime> and the printed byline, when there are no meta tags', () => {
    const m = meta(
      '<title>Valley Herald | Water main break</title>',
      '<h2>Water main break</h2><div class="meta"><span class="by">By Maria Lopez and Tom Green | Staff Writers</span> <time datetime="2017-01-23T07:45:00-06:00">Jan. 23, 2017</time></div><p>Text.</p>',
    );
    expect(m.published).toEqual({ value: '2017-01-23T07:45:00-06:00', from: '<time datetime>' });
    expect(m.authors).toEqual({ value: ['Maria Lopez', 'Tom Green'], from: 'byline on the page' });
  });

  test('JSON-LD wins over OpenGraph, which wins over citation tags', () => {
    const m = meta(
      jsonLd({ '@type': 'NewsArticle', headline: 'From JSON-LD' }) +
        '<meta property="og:title" content="From OG"><meta name="citation_title" content="From citation">',
    );
    expect(m.title?.value).toBe('From JSON-LD');
  });

  test('a page that states nothing gives nothing: no invented date or author', () => {
    const m = meta('', '<p>Just some text with no byline and no date.</p>');
    expect(m.published).toBeUndefined();
    expect(m.authors).toBeUndefined();
    expect(m.url).toBeUndefined();
  });

  test('a broken JSON-LD block does not hide the other sources', () => {
    const m = meta(
      '<script type="application/ld+json">{ not json</script><meta property="og:title" content="Still found">',
    );
    expect(m.title?.value).toBe('Still found');
  });
});

describe('dates as pages print them', () => {
  test.each([
    ['2018-09-10', '2018-09-10'],
    ['2018-09-10T14:30:00-04:00', '2018-09-10T14:30:00-04:00'],
    ['2018-09-10T14:30:00.000Z', '2018-09-10T14:30:00Z'],
    ['2018-09-10T14:30:00+0200', '2018-09-10T14:30:00+02:00'],
    ['2018-09-10T14:30:00', '2018-09-10'],
    ['2020/02/18', '2020-02-18'],
    ['September 10, 2018', '2018-09-10'],
    ['10 Sept. 2018', '2018-09-10'],
    ['Mon, 10 Sep 2018', '2018-09-10'],
    ['2018-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('%s -> %s', (raw, want) => {
    expect(normaliseDate(raw)).toBe(want);
  });
});

test('canonical URLs lose tracking parameters and fragments, keep the rest', () => {
  expect(canonicalUrl('https://example.org/a?id=3&utm_source=x&fbclid=y#c')).toBe('https://example.org/a?id=3');
  expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
});
