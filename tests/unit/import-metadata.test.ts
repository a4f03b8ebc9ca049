import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { isoDateFromPage } from '../../src/import/dates.ts';
import { canonicalUrl, readMetadata } from '../../src/import/metadata.ts';

// Each source of article facts a news page offers, and the order they are trusted in.

/** Metadata of a page made of these head and body tags. */
function meta(head: string, body = '') {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readMetadata(document);
}

const jsonLd = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('each metadata source', () => {
  test.each(['ReviewNewsArticle', 'AskPublicNewsArticle', 'ReportageNewsArticle', 'LiveBlogPosting'])(
    'JSON-LD of schema.org type %s is the article',
    (type) => {
      const m = meta(jsonLd({ '@type': type, headline: 'H', datePublished: '2019-03-14' }));
      expect(m.title).toEqual({ value: 'H', from: 'JSON-LD headline' });
      expect(m.published?.value).toBe('2019-03-14');
    },
  );

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
    expect(isoDateFromPage(raw)).toBe(want);
  });
});

test('canonical URLs lose tracking parameters and fragments, keep the rest', () => {
  expect(canonicalUrl('https://example.org/a?id=3&utm_source=x&fbclid=y#c')).toBe('https://example.org/a?id=3');
  expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
});

describe('JSON-LD as real pages write it', () => {
  test.each([
    [
      'wrapped in CDATA',
      `<script type="application/ld+json">//<![CDATA[\n{"@type":"NewsArticle","headline":"Wrapped"}\n//]]></script>`,
    ],
    [
      'in an HTML comment',
      `<script type="application/ld+json"><!-- {"@type":"NewsArticle","headline":"Wrapped"} --></script>`,
    ],
    [
      'with comments and trailing commas',
      `<script type="application/ld+json">{ // the article\n "@type": "NewsArticle", /* main */ "headline": "Wrapped", "url": "https://x.example/a", }</script>`,
    ],
    [
      'several objects one after another',
      `<script type="application/ld+json">{"@type":"WebSite","name":"X"}\n{"@type":"NewsArticle","headline":"Wrapped"}</script>`,
    ],
    [
      'a raw line break inside a string',
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Wrap\nped"}</script>`,
    ],
  ])('%s', (_name, head) => {
    expect(meta(head).title?.value.replace(/\s+/, '')).toBe('Wrapped');
  });

  test('what cannot be read is reported, and the rest of the block still counts', () => {
    const m = meta(
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kept"}{"@type": broken}</script>`,
    );
    expect(m.title?.value).toBe('Kept');
    expect(m.problems).toEqual([expect.stringMatching(/^JSON-LD block 1 could not be read/)]);
  });

  test('character references are decoded in JSON-LD and in double-encoded meta tags', () => {
    const m = meta(
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'Q&amp;A: the mayor&#039;s budget',
        author: { name: 'Liam O&#x27;Neill' },
      }) + '<meta property="og:site_name" content="Smith &amp;amp; Sons Gazette">',
    );
    expect(m.title?.value).toBe("Q&A: the mayor's budget");
    expect(m.authors?.value).toEqual(["Liam O'Neill"]);
    expect(m.siteName?.value).toBe('Smith & Sons Gazette');
  });
});

describe('publication dates in the tags real pages use', () => {
  test.each([
    ['<meta name="DC.date.issued" content="2019-05-02">', '2019-05-02'],
    ['<meta name="date" content="2019-05-02T10:00:00+02:00">', '2019-05-02T10:00:00+02:00'],
    ['<meta name="pubdate" content="2019-05-02">', '2019-05-02'],
    ['<meta name="parsely-pub-date" content="2019-05-02T08:00:00Z">', '2019-05-02T08:00:00Z'],
    ['<meta itemprop="datePublished" content="2019-05-02">', '2019-05-02'],
    ['<meta name="sailthru.date" content="2019-05-02 10:00:00 -0400">', '2019-05-02T10:00:00-04:00'],
  ])('%s', (head, want) => {
    expect(meta(head).published?.value).toBe(want);
  });

  test.each([
    ['31. Dezember 2022', '2022-12-31'],
    ['31 de diciembre de 2022', '2022-12-31'],
    ['1er janvier 2023', '2023-01-01'],
    ['2 maggio 2019', '2019-05-02'],
    ['2 de maio de 2019', '2019-05-02'],
    ['2 mei 2019', '2019-05-02'],
    ['2022-12-31 20:05:00 -0500', '2022-12-31T20:05:00-05:00'],
    ['2022-12-31T20:05:00 UTC', '2022-12-31T20:05:00Z'],
  ])('%s -> %s', (raw, want) => {
    expect(isoDateFromPage(raw)).toBe(want);
  });
});

describe('bylines hold names only', () => {
  test.each([
    ['a date glued on', ['Maria Lopez March 25, 2015'], ['Maria Lopez']],
    ['a time glued on', ['Maria Lopez 11:41 PM EDT'], ['Maria Lopez']],
    ['a job title glued on', ['Dana Whitfield Senior Staff Technologist'], ['Dana Whitfield']],
    ['a job title after a comma', ['Dana Whitfield, Staff Writer'], ['Dana Whitfield']],
    ['a co-author in parentheses', ['Jean Dupont (avec Marie Leclerc)'], ['Jean Dupont', 'Marie Leclerc']],
    ['an agency in parentheses', ['Jean Dupont (Reuters)'], ['Jean Dupont']],
    ['a date as the author', ['2015-03-25'], []],
    ['the outlet as the author', ['BBC News'], []],
    ['a German byline', ['Von Anna Schmidt und Jonas Weber'], ['Anna Schmidt', 'Jonas Weber']],
  ])('%s', (_name, byline, want) => {
    const m = meta(
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'H',
        author: byline,
        publisher: { '@type': 'Organization', name: 'BBC' },
      }),
    );
    expect(m.authors?.value ?? []).toEqual(want);
  });

  test('names in teaser tiles beside the article are not its authors', () => {
    const m = meta(
      '',
      '<article><h1>Harbor vote</h1><div class="byline">By Ana Ruiz</div><p>Text.</p></article><aside><ul><li><a rel="author" href="/p/x">Sam Lee</a></li></ul></aside>',
    );
    expect(m.authors?.value).toEqual(['Ana Ruiz']);
  });
});

describe('the publication name', () => {
  test('og:site_name loses its tagline', () => {
    expect(meta('<meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje">').siteName?.value).toBe(
      'Aktuálně.cz',
    );
  });

  test.each([
    ['application-name', '<meta name="application-name" content="Daily Planet">'],
    [
      'the <title> suffix',
      '<title>Fireworks cancelled | Daily Planet</title><meta property="og:title" content="Fireworks cancelled">',
    ],
    ['JSON-LD Organization', jsonLd({ '@type': 'NewsMediaOrganization', name: 'Daily Planet' })],
  ])('is read from %s when og:site_name is missing', (_name, head) => {
    expect(meta(head).siteName?.value).toBe('Daily Planet');
  });

  test('from a copyright line when nothing else names it', () => {
    expect(meta('', '<p>Text.</p><footer>© 2023 Daily Planet. All rights reserved.</footer>').siteName?.value).toBe(
      'Daily Planet',
    );
  });
});

describe('bylines as real pages print them', () => {
  test.each([
    ['digits glued to the name', 'by Lucas Nolan22 Dec 2016651', ['Lucas Nolan']],
    ['a social handle', 'Ahiza Garcia @ahiza_garcia', ['Ahiza Garcia']],
    ['an editor after the writer', 'Written by Rob Ewaschuk Edited by Betsy Beyer', ['Rob Ewaschuk']],
    ['a name in capitals', "SEAN O'NEILL-SMITH", ["Sean O'Neill-Smith"]],
    ['an agency in capitals stays', 'AFP', ['AFP']],
    ['an update line', 'Last Updated: January 7, 2025', []],
    ['a link label', 'Follow Author', []],
  ])('%s', (_name, byline, want) => {
    expect(meta(jsonLd({ '@type': 'NewsArticle', headline: 'H', author: byline })).authors?.value ?? []).toEqual(want);
  });

  test('of several bylines on a page, the one nearest the headline is the article’s', () => {
    const m = meta(
      '',
      '<div class="promo"><span class="byline"><a rel="author" href="/w/x">Richard Eskow</a></span></div><div class="story"><h1>Harbor vote</h1><span class="byline"><a href="/w/y">Joanna Rothkopf</a></span><p>Text.</p></div>',
    );
    expect(m.authors?.value).toEqual(['Joanna Rothkopf']);
  });
});

describe('the headline', () => {
  test('an <h1> holding the site’s logo text is not the headline when the <title> says otherwise', () => {
    const m = meta(
      '<title>Conversations with a Cryptid - Chapter 1 | Fan Archive</title>',
      '<h1><a href="/">The Fan Archive beta</a></h1><p>Text.</p>',
    );
    expect(m.title?.from).toBe('<title>');
  });

  test('the only <h1>, a sentence and not a link, is the headline even when the <title> is worded for search', () => {
    expect(
      meta('<title>Harbor vote delayed: what it means | Ledger</title>', '<h1>Harbor board delays vote again</h1>')
        .title,
    ).toEqual({ value: 'Harbor board delays vote again', from: '<h1>' });
  });

  test('an <h1> that the <title> contains is the headline', () => {
    expect(meta('<title>Harbor board delays vote | Ledger</title>', '<h1>Harbor board delays vote</h1>').title).toEqual(
      {
        value: 'Harbor board delays vote',
        from: '<h1>',
      },
    );
  });

  test('"copyrighted by" in a footer is not a publication name', () => {
    expect(
      meta('', '<p>Text.</p><footer>Comments and public postings are copyrighted by their creators.</footer>').siteName,
    ).toBeUndefined();
  });
});

describe('the headline and the date as the page prints them', () => {
  test('a site suffix on og:title that is not the known site name is taken off by the <h1>', () => {
    const m = meta(
      '<meta property="og:title" content="Harbor board delays vote - Local News - Ledger Online">',
      '<h1>Harbor board delays vote</h1>',
    );
    expect(m.title?.value).toBe('Harbor board delays vote');
  });

  test('a section name in the <h1> does not cut a headline with a colon', () => {
    const m = meta('<meta property="og:title" content="Brexit: what happens next - Ledger">', '<h1>Brexit</h1>');
    expect(m.title?.value).toBe('Brexit: what happens next - Ledger');
  });

  test('a JSON-LD headline cut short is completed from the <h1>', () => {
    const long =
      'Harbor board delays vote on the cruise terminal expansion after four hours of public comment on Monday';
    const m = meta(jsonLd({ '@type': 'NewsArticle', headline: `${long.slice(0, 60)}…` }), `<h1>${long}</h1>`);
    expect(m.title?.value).toBe(long);
  });

  test.each([
    ['<p class="dateline">December 31, 2022, 8:05 p.m. EST</p>', '2022-12-31'],
    ['<span class="article-date">Publié le 18 avril 2023 à 12h15</span>', '2023-04-18'],
    [
      '<div class="meta"><span class="date-updated">Updated May 2, 2024</span><span class="pubdate">1 May 2024</span></div>',
      '2024-05-01',
    ],
    [
      '<div class="meta"><span class="stamp-date">Updated May 2, 2024</span><span class="pubdate">1 May 2024</span></div>',
      '2024-05-01',
    ],
  ])('a printed date near the headline: %s', (html, want) => {
    const m = meta('', `<article><h1>Harbor vote</h1>${html}<p>Text.</p></article>`);
    expect(m.published).toEqual({ value: want, from: 'date printed near the headline' });
  });
});
