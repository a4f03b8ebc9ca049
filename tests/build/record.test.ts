import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { page, texts } from '../helpers/dist.ts';
import { TMP } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// The site cases of the record (dates with offsets, citation names, the feed's bylines, in-page
// anchors, links under a base path) in one small archive, with captures a host might run and a
// people index, built under /archive/ and read as a reader, a feed reader and a plain static host
// (one that ignores _headers) see it.

const CASES = ['dates-with-offsets', 'citation-names', 'rss-author', 'in-page-anchors', 'body-links-under-base'];
const CONTENT = path.join(TMP, 'record-content');
const DIST = path.join(TMP, 'dist-record');
const BASE = '/archive/';
const SITE = 'https://archive.example.org';

/** A capture whose text a plain host shows garbled unless it is served with its charset. */
const QUOTED = 'Capture of the original.\n“When we depart,” she said, “the city’s budget is already spent.” – café\n';
/** Captures that a host serving files by their extension would run on the archive's origin. */
const HOSTILE_CAPTURES: Record<string, string> = {
  'hostile.svg':
    '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned = "svg"</script><text y="20">x</text></svg>',
  'hostile.xhtml':
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>window.__pwned = "xhtml"</script></body></html>',
  'hostile.shtml': '<html><body><script>window.__pwned = "shtml"</script></body></html>',
  'hostile.html': '<html><body><script>window.__pwned = "html"</script><p>hostile page</p></body></html>',
};
const PEOPLE: Record<string, string> = {
  'anne-van-der-berg': 'name: Anne van der Berg\ndescription: A fictional engineer.\n',
  'zoe-adams': 'name: Zoe Adams\ndescription: A fictional clerk.\n',
  'jeff-sessions': 'name: Jeff Sessions\naliases: [Sessions]\ndescription: A fictional attorney general.\n',
  lula: 'name: Luiz Inácio Lula da Silva\nsortName: Lula da Silva, Luiz Inácio\ndescription: Filed under L.\n',
  'li-na': 'name: 李娜\ndescription: A fictional trade negotiator.\n',
};

beforeAll(async () => {
  await rm(CONTENT, { recursive: true, force: true });
  for (const name of CASES)
    await cp(path.resolve('tests/fixtures/cases', name, 'content'), CONTENT, { recursive: true, force: true });
  await mkdir(path.join(CONTENT, 'captures', '2022', '07'), { recursive: true });
  await writeFile(path.join(CONTENT, 'captures', '2022', '07', 'quoted.txt'), QUOTED);
  for (const [file, text] of Object.entries(HOSTILE_CAPTURES))
    await writeFile(path.join(CONTENT, 'captures', '2022', '07', file), text);
  for (const [id, yaml] of Object.entries(PEOPLE)) await writeFile(path.join(CONTENT, 'people', `${id}.yaml`), yaml);
  const sha = createHash('sha256').update(QUOTED).digest('hex');
  await mkdir(path.join(CONTENT, 'articles', '2022', '07'), { recursive: true });
  await writeFile(
    path.join(CONTENT, 'articles', '2022', '07', 'captured.md'),
    `---\ntitle: Budget already spent, treasurer says\nsource: daily-planet\nurl: https://planet.example.org/2022/07/spent\npublished: 2022-07-01\ncaptured: 2022-07-02\ncapture: 2022/07/quoted.txt\ncaptureSha256: ${sha}\npeople:\n  - id: jeff-sessions\n    role: Attorney General\n  - jane-roe\ntopics: [budget, council]\n---\n\n“When we depart,” she said.\n`,
  );
  const result = await astroBuild(CONTENT, DIST, { ARCHIVE_BASE: BASE, ARCHIVE_SITE: SITE });
  if (result.code !== 0) throw new Error(`record build failed:\n${result.output}`);
}, 180_000);

/** A built page by its path under the base. */
const at = (p: string) => page(DIST, `/${p}`);

describe('dates: the calendar day the original printed, everywhere', () => {
  const NYE = 'articles/2019/12/new-years-eve-vote/';

  test('article page: dateline, JSON-LD with the offset, citation', async () => {
    const doc = await at(NYE);
    expect(doc.querySelector('.dateline time')?.getAttribute('datetime')).toBe('2019-12-31');
    expect(texts(doc, '.dateline')[0]).toBe('31 December 2019');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent) as {
      datePublished: string;
    };
    expect(ld.datePublished).toBe('2019-12-31T21:15-05:00');
    expect(texts(doc, '.citation')[0]).toContain('Lee, S. (2019, December 31).');
    expect(doc.querySelector('meta[name="citation_publication_date"]')?.getAttribute('content')).toBe('2019/12/31');
  });

  test('date archive, lists and sitemap: December 2019, not January 2020', async () => {
    const month = await at('dates/2019/12/');
    expect(texts(month, '.article-list h2 a')).toContain('Council passes budget in late-night vote');
    expect(existsSync(path.join(DIST, 'dates/2020'))).toBe(false);
    expect(texts(await at('dates/2018/09/'), '.article-list h2 a')).toContain('Storm closes ferry terminal');
    const home = await at('');
    const nye = [...home.querySelectorAll('.article-list li')].find((li) =>
      li.textContent.includes('Council passes budget'),
    )!;
    expect(nye.querySelector('time')?.textContent).toBe('31 December 2019');
    const sitemap = await readFile(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE}${BASE}dates/2019/12/`);
    expect(sitemap).not.toContain('dates/2020');
  });

  test('search: the year filter offers 2019 and not 2020', async () => {
    const search = await at('search/');
    const years = [...search.querySelectorAll('[data-filter="year"] input')].map((i) => i.getAttribute('value'));
    expect(years).toContain('2019');
    expect(years).not.toContain('2020');
  });
});

/** The feed as fast-xml-parser reads it, `item` and `dc:creator` always lists. */
interface Feed {
  rss: {
    '@_version': string;
    channel: Record<string, unknown> & {
      link: string;
      item: {
        title?: string;
        description?: string;
        link: string;
        guid: { '#text': string };
        pubDate: string;
        author?: string;
        'dc:creator'?: string[];
      }[];
    };
  };
}

describe('the feed', () => {
  test('is well-formed RSS 2.0 with the required channel elements, absolute links and RFC 822 dates', async () => {
    const xml = await readFile(path.join(DIST, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['item', 'dc:creator'].includes(name),
    }).parse(xml) as Feed;
    expect(feed.rss['@_version']).toBe('2.0');
    const channel = feed.rss.channel;
    for (const field of ['title', 'link', 'description']) expect(channel[field]).toBeTruthy();
    expect(channel.link).toBe(`${SITE}${BASE}`);
    // RFC 822 (section 5) with a four-digit year, as RSS 2.0 asks: "Tue, 31 Dec 2019 21:15:00 -0500".
    const RFC822 =
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
    for (const item of channel.item) {
      expect(item.title || item.description).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${SITE}${BASE}articles/`));
      expect(new URL(item.guid['#text']).href).toBe(item.link);
      expect(item.pubDate).toMatch(RFC822);
      // RSS's <author> must be an e-mail address; bylines belong in dc:creator.
      expect(item.author).toBeUndefined();
    }
    const nye = channel.item.find((i) => i.title === 'Council passes budget in late-night vote');
    expect(nye?.pubDate).toBe('Tue, 31 Dec 2019 21:15:00 -0500');
  });

  test('bylines are dc:creator elements, one per author', async () => {
    const xml = await readFile(path.join(DIST, 'rss.xml'), 'utf8');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).not.toContain('<author>');
    const feed = new XMLParser({ isArray: (name) => ['item', 'dc:creator'].includes(name) }).parse(xml) as Feed;
    const item = feed.rss.channel.item.find((i) => i.title === 'Rents rise fastest in the north');
    expect(item?.['dc:creator']).toEqual(['Sam Lee', 'Ana Ruiz']);
  });
});

describe('citation names on the page', () => {
  test.each([
    ['particle', 'van der Berg, A. (2022, June 1).'],
    ['suffix', 'Hale, R., Jr. (2022, June 3).'],
    ['org', 'Associated Press. (2022, June 2).'],
    ['nonlatin', '李娜, & Nguyễn Văn An. (2022, June 4).'],
  ])('%s', async (name, apa) => {
    const doc = await at(`articles/2022/06/${name}/`);
    expect(texts(doc, '.citation')[0]).toContain(apa);
    const bib = decodeURIComponent(doc.querySelector('a[download$=".bib"]')!.getAttribute('href')!.split(',')[1]!);
    expect(bib).not.toContain('\\{');
  });
});

describe('links in bodies', () => {
  test('every in-page link reaches an element of its page', async () => {
    const doc = await at('articles/2022/03/inquiry-report/');
    const links = [...doc.querySelectorAll('.article-body a[href^="#"]')];
    // The two links of the text, and the footnote's reference and its way back.
    expect(links).toHaveLength(4);
    for (const a of links) expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  test('a link to another archived article works under the base path', async () => {
    const doc = await at('articles/2022/04/second/');
    const href = doc.querySelector('.article-body a')!.getAttribute('href')!;
    expect(href).toBe(`${BASE}articles/2022/04/first/`);
    expect(existsSync(path.join(DIST, href.slice(BASE.length), 'index.html'))).toBe(true);
  });
});

describe('people A to Z by family name', () => {
  test('sorted and grouped by family name or sortName; names shown as written', async () => {
    const doc = await at('people/');
    expect(texts(doc, 'main section h2')).toEqual(['A', 'B', 'L', 'R', 'S', '李']);
    expect(texts(doc, 'main section li a')).toEqual([
      'Zoe Adams',
      'Anne van der Berg',
      'Luiz Inácio Lula da Silva',
      'Jane Roe',
      'Jeff Sessions',
      '李娜',
    ]);
    expect(texts(await at('people/anne-van-der-berg/'), 'h1')).toEqual(['Anne van der Berg']);
  });
});

describe('small text', () => {
  test('counts agree in number', async () => {
    expect(texts(await at('topics/budget/'), 'main p.muted')[0]).toMatch(/^1 article, newest first/);
    expect(texts(await at('dates/2019/12/'), 'main p.muted')[0]).toMatch(/^1 article, newest first/);
  });

  test('no space before the comma after a name or a list item', async () => {
    const doc = await at('articles/2022/07/captured/');
    const people = texts(doc, '.article-facts dd').find((t) => t.startsWith('Jeff Sessions'))!;
    expect(people).toMatch(/^Jeff Sessions, Attorney General \(also named: Sessions\)$/);
    // The commas of inline lists come from CSS after each item: no item may end in a space.
    for (const li of doc.querySelectorAll('.inline-list li')) expect(li.textContent).toBe(li.textContent.trim());
    expect(texts(doc, '.article-facts dd').join(' ')).not.toMatch(/\s,/);
  });

  test("the 404 page's search box is styled as the search page's", async () => {
    const doc = await at('404.html');
    expect(doc.querySelector(".search-form .search-row input[type='search']")).not.toBeNull();
  });
});

describe('captures on a host that ignores _headers', () => {
  let site: Served;
  beforeAll(async () => {
    site = await serve(DIST, BASE);
  });
  afterAll(async () => {
    await site?.close();
  });

  test('every copied capture file is served as text, whatever it contains', async () => {
    for (const file of ['quoted.txt', ...Object.keys(HOSTILE_CAPTURES).map((f) => `${f}.txt`)]) {
      const res = await fetch(`${site.origin}${BASE}captures/2022/07/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(/^text\/plain\b/);
    }
    for (const file of Object.keys(HOSTILE_CAPTURES))
      expect((await fetch(`${site.origin}${BASE}captures/2022/07/${file}`)).status, file).toBe(404);
  });

  test('the article links a legible capture page and the exact bytes, whose SHA-256 it shows', async () => {
    const doc = await at('articles/2022/07/captured/');
    const pageHref = doc.querySelector('.article-facts a[href*="/capture/"]')!.getAttribute('href')!;
    const download = doc.querySelector('.article-facts a[download]')!.getAttribute('href')!;
    const shown = doc.querySelector('.article-facts code.hash')!.textContent;
    const bytes = Buffer.from(await (await fetch(`${site.origin}${download}`)).arrayBuffer());
    expect(bytes.equals(Buffer.from(QUOTED))).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    const res = await fetch(`${site.origin}${pageHref}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const capturePage = await at(pageHref.slice(BASE.length));
    expect(capturePage.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(capturePage.querySelector('meta[http-equiv="content-security-policy"]')).not.toBeNull();
    expect(texts(capturePage, 'pre.capture-text')[0]).toContain('“When we depart,” she said');
    expect(capturePage.querySelector('code.hash')?.textContent).toBe(shown);
  });

  test('in Chromium: no capture runs, and the capture page reads correctly', async () => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      for (const file of Object.keys(HOSTILE_CAPTURES)) {
        for (const url of [`captures/2022/07/${file}.txt`, `capture/2022/07/${file}/`]) {
          await tab.goto(`${site.origin}${BASE}${url}`);
          expect(await tab.evaluate(() => (window as { __pwned?: string }).__pwned), url).toBeUndefined();
        }
      }
      await tab.goto(`${site.origin}${BASE}capture/2022/07/quoted.txt/`);
      const text = await tab.locator('pre.capture-text').innerText();
      expect(text).toContain('“When we depart,” she said, “the city’s budget is already spent.” – café');
      expect(text).not.toMatch(/â€/);
    } finally {
      await browser.close();
    }
  });
});
