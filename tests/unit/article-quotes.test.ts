import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleQuotes, bodyText, quotePeople } from '../../src/render/article-quotes.ts';
import { markdownOptions } from '../../src/render/pipeline.ts';
import { readArticleBody } from '../../src/content/files.ts';
import { PAYLOADS } from '../fixtures/hostile-payloads.ts';
import { quoteArticles } from '../fixtures/quote-articles.ts';

// The text quotes are found in (block by block, from the HTML the page shows), the paragraph
// anchors they link to, and the cache of quotes keyed by everything they depend on.

let render: (md: string) => Promise<string>;
const cache = mkdtempSync(path.join(tmpdir(), 'article-quotes-'));
const before = process.env.ARCHIVE_CACHE_DIR;
beforeAll(async () => {
  process.env.ARCHIVE_CACHE_DIR = cache;
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  render = async (md) => (await processor.render(md)).code;
});
afterAll(() => {
  if (before === undefined) delete process.env.ARCHIVE_CACHE_DIR;
  else process.env.ARCHIVE_CACHE_DIR = before;
  rmSync(cache, { recursive: true, force: true });
});

describe('paragraph anchors', () => {
  test('every paragraph, list item and block quotation holding text gets an anchor in reading order', async () => {
    const html = await render('One.\n\n- two\n- three\n\n> four\n>\n> five\n\n## Heading\n\nSix.');
    const ids = [...html.matchAll(/<(p|li|blockquote) id="([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`);
    expect(ids).toEqual([
      'p#user-content-paragraph-1',
      'li#user-content-paragraph-2',
      'li#user-content-paragraph-3',
      'p#user-content-paragraph-4',
      'p#user-content-paragraph-5',
      'p#user-content-paragraph-6',
    ]);
  });

  test("a body's own ids are kept, and one an anchor would take moves the anchor aside: ids stay distinct", async () => {
    const html = await render('First.\n\n<p id="lede">Second.</p>\n\n<p>Third.</p>\n\n<p id="paragraph-1">Fourth.</p>');
    expect(html).toContain('<p id="user-content-paragraph-1-1">First.</p>');
    expect(html).toContain('<p id="user-content-lede">Second.</p>');
    expect(html).toContain('<p id="user-content-paragraph-3">Third.</p>');
    expect(html).toContain('<p id="user-content-paragraph-1">Fourth.</p>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('bodyText', () => {
  test('blocks joined by a blank line, white space squeezed, each with its anchor and offsets', async () => {
    const html = await render(
      'A *first*\nparagraph.\n\n- item one\n- item **two**\n\n> quoted\n\n| a | b |\n| - | - |\n| cell | x |\n\n## A block\n\nLast.',
    );
    const { text, blocks } = bodyText(html);
    // Table cells and headings are prose a reader sees (docs/quotes.md): blocks without a paragraph
    // anchor, a cell reached by its table's, a heading by its own id.
    expect(text).toBe(
      'A first paragraph.\n\nitem one\n\nitem two\n\nquoted\n\na\n\nb\n\ncell\n\nx\n\nA block\n\nLast.',
    );
    expect(blocks.map((b) => [text.slice(b.start, b.end), b.anchor])).toEqual([
      ['A first paragraph.', 'user-content-paragraph-1'],
      ['item one', 'user-content-paragraph-2'],
      ['item two', 'user-content-paragraph-3'],
      ['quoted', 'user-content-paragraph-4'],
      ['a', 'user-content-table-1'],
      ['b', 'user-content-table-1'],
      ['cell', 'user-content-table-1'],
      ['x', 'user-content-table-1'],
      ['A block', 'user-content-a-block'],
      ['Last.', 'user-content-paragraph-5'],
    ]);
  });

  test('a loose list item is one block through its paragraph; character references are decoded', async () => {
    const html = await render('- one &amp; two\n\n- three\n');
    const { text, blocks } = bodyText(html);
    expect(text).toBe('one & two\n\nthree');
    expect(blocks.map((b) => b.anchor)).toEqual(['user-content-paragraph-1', 'user-content-paragraph-2']);
  });
});

/**
 * The oracle for bodyText: the HTML parsed by hast-util-from-html (parse5, as a browser parses)
 * and each block's text by hast-util-to-text (innerText), blocks being p, li and blockquote
 * elements holding none of those.
 */
function bodyTextByTree(html: string): { texts: string[]; anchors: (string | null)[] } {
  const blocks = new Set(['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);
  // Code is shown as code, no one's words: left out of the text with what is inside it.
  const withoutCode = (n: Element): Element => ({
    ...n,
    children: n.children
      .filter((c) => c.type !== 'element' || !['code', 'pre', 'textarea'].includes(c.tagName))
      .map((c) => (c.type === 'element' ? withoutCode(c) : c)),
  });
  const holds = (n: Element): boolean =>
    n.children.some((c) => c.type === 'element' && (blocks.has(c.tagName) || holds(c)));
  const texts: string[] = [];
  const anchors: (string | null)[] = [];
  // A block without an id of its own inside a table is reached by the table's id.
  const walk = (nodes: (RootContent | Root['children'][number])[], table: string | null) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = typeof node.properties.id === 'string' ? node.properties.id : null;
      if (blocks.has(node.tagName) && !holds(node)) {
        const text = toText(withoutCode(node)).replace(/\s+/g, ' ').trim();
        if (!text) continue;
        texts.push(text);
        anchors.push(id ?? table);
      } else walk(node.children, node.tagName === 'table' ? id : table);
    }
  };
  walk(fromHtml(html, { fragment: true }).children, null);
  return { texts, anchors };
}

describe('bodyText agrees with a browser-like parse', () => {
  test(
    'on the seed article, the quoting fixtures, every hostile payload and markup of every kind',
    { timeout: 60_000 },
    async () => {
      const bodies = [
        readArticleBody(path.resolve('content/articles/2018/09/immigration-judges-sessions.md')),
        'A *b* [c](https://x.example/) d.\n\n1. one\n2. two\n\n   > nested quote\n\n| a | b |\n| - | - |\n| c | d |\n\nA line<br>break and `code` and ~~gone~~ and a note[^1].\n\n[^1]: The note.',
        ...quoteArticles().map((a) => a.body),
        ...PAYLOADS.map(
          (p) => `Before “a quote,” she said.\n\n${p.payload}\n\nAfter &amp; &#x201C;more&#x201D; &nbsp;text.`,
        ),
        '<p>Loose <span>inline <b>nested</b></span><br>text</p><div><p>in a div</p>tail</div><ul><li>item<ul><li>inner</li></ul></li></ul>',
        '<details><summary>More</summary><p>hidden &lt;not a tag&gt;</p></details><figure><figcaption>cap</figcaption></figure>',
      ];
      let blocks = 0;
      for (const body of bodies) {
        const html = await render(body);
        const { text, blocks: found } = bodyText(html);
        const want = bodyTextByTree(html);
        // hast-util-to-text drops format characters (U+202E and the like); bodyText keeps the text as written.
        const visible = (t: string) =>
          t
            .replace(/\p{Cf}/gu, '')
            .replace(/\s+/g, ' ')
            .trim();
        expect(
          found.map((b) => visible(text.slice(b.start, b.end))),
          html,
        ).toEqual(want.texts.map(visible));
        expect(
          found.map((b) => b.anchor),
          html,
        ).toEqual(want.anchors);
        expect(found.every((b, i) => i === 0 || b.start === found[i - 1]!.end + 2)).toBe(true);
        blocks += found.length;
      }
      expect(blocks).toBeGreaterThan(PAYLOADS.length);
    },
  );
});

describe('articleQuotes', () => {
  const body = 'The mayor spoke.\n\n“We will rebuild the pier this year,” Okafor said.';
  const okafor = { id: 'maria-okafor', name: 'Maria Okafor', aliases: [], role: 'mayor' };

  test('each quote carries the anchor of its paragraph', async () => {
    const quotes = articleQuotes(await render(body), { language: 'en', people: [okafor] });
    expect(quotes.map((q) => [q.quote.text, q.person, q.anchor])).toEqual([
      ['We will rebuild the pier this year,', 'maria-okafor', 'user-content-paragraph-2'],
    ]);
  });

  test('the cache is keyed by the people: a person added to the article is found on the next call', async () => {
    const html = await render(body);
    expect(articleQuotes(html, { language: 'en', people: [] })[0]!.person).toBeNull();
    expect(articleQuotes(html, { language: 'en', people: [okafor] })[0]!.person).toBe('maria-okafor');
    // …and by a person's names: renamed, the same speaker no longer resolves to them.
    const renamed = { ...okafor, name: 'Maria Adebayo' };
    expect(articleQuotes(html, { language: 'en', people: [renamed] })[0]!.person).toBeNull();
    // A repeated call is read from the cache and gives the same.
    const files = readdirSync(path.join(cache, 'quotes')).length;
    expect(articleQuotes(html, { language: 'en', people: [okafor] })[0]!.person).toBe('maria-okafor');
    expect(readdirSync(path.join(cache, 'quotes')).length).toBe(files);
  });

  test('a body asked for again in the same process is given the quotes already read, not read from disk again', async () => {
    // The search records, the article page and the person pages each ask for every body's quotes.
    const html = await render(`${body}\n\nA paragraph only this test has.`);
    const first = articleQuotes(html, { language: 'en', people: [okafor] });
    // With the disk cache emptied, only a copy kept in memory can give the same array back.
    for (const f of readdirSync(path.join(cache, 'quotes'))) rmSync(path.join(cache, 'quotes', f));
    expect(articleQuotes(html, { language: 'en', people: [okafor] })).toBe(first);
    // Other people are another key: found again.
    expect(articleQuotes(html, { language: 'en', people: [] })).not.toBe(first);
  });

  test('quotePeople takes names and aliases from the people, roles from the article, and skips unknown ids', () => {
    const people = new Map([['maria-okafor', { name: 'Maria Okafor', aliases: ['Mayor Okafor'] }]]);
    expect(quotePeople([{ id: 'maria-okafor', role: 'mayor' }, { id: 'nobody' }], people)).toEqual([
      { id: 'maria-okafor', name: 'Maria Okafor', aliases: ['Mayor Okafor'], role: 'mayor' },
    ]);
  });
});
