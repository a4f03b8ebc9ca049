import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import path from 'node:path';
import { markdownOptions, mayUseGfm, plainMarkdownOptions } from '../../src/render/pipeline.ts';
import { listFiles, readArticleBody } from '../../src/content/files.ts';
import { PAYLOADS } from '../fixtures/hostile-payloads.ts';

// The article Markdown pipeline, with the site's own options: hostile HTML goes, news markup stays.

let render: (md: string) => Promise<string>;
beforeAll(async () => {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  render = async (md) => (await processor.render(md)).code;
});

describe('removed', () => {
  test.each([
    ['<script>', 'Text.\n\n<script>alert(1)</script>\n\nMore.', /<script|alert/],
    ['<SCRIPT> in capitals', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>', /script|evil/i],
    [
      'on* handlers',
      '<p onclick="alert(1)" onmouseover="x()">hi</p>\n\n<img src="a.png" onerror="alert(1)" alt="a">',
      /onclick|onmouseover|onerror|alert/,
    ],
    ['javascript: links', '[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">x</a>', /javascript/i],
    [
      'data: links',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href="data:text/html,<script>alert(1)</script>">y</a>',
      /data:|alert/,
    ],
    [
      '<iframe>',
      '<iframe src="https://evil.example/" srcdoc="<script>alert(1)</script>">fallback</iframe>',
      /iframe|evil|alert|fallback/,
    ],
    [
      '<style>',
      '<style>body{display:none}</style>\n\n<p style="background:url(javascript:alert(1))">s</p>',
      /<style|display:none|style=|javascript/,
    ],
    [
      '<form>',
      '<form action="https://evil.example/"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
      /<form|<input|<button|formaction|evil/,
    ],
    ['<object> and <embed>', '<object data="x.swf"></object><embed src="x.swf">', /<object|<embed|swf/],
    [
      '<base> and <meta refresh>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
      /<base|<meta|evil/,
    ],
  ])('%s', async (_name, md, forbidden) => {
    expect(await render(md)).not.toMatch(forbidden);
  });

  test('ids and names are prefixed so article markup cannot clobber page globals', async () => {
    expect(await render('<a id="search-form" name="location">x</a>')).toContain('id="user-content-search-form"');
  });
});

describe('kept', () => {
  test('tables, figures with captions, block quotes, lists and links', async () => {
    const html = await render(
      '| a | b |\n| - | - |\n| 1 | 2 |\n\n<figure><img src="/media/p.jpg" alt="A photo"><figcaption>Caption <cite>Agency</cite></figcaption></figure>\n\n> Quoted.\n\n- one\n- two\n\n[The Hill](https://thehill.com/)',
    );
    expect(html).toContain('<table id="user-content-table-1">');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain(
      '<figure><img src="/media/p.jpg" alt="A photo"><figcaption>Caption <cite>Agency</cite></figcaption></figure>',
    );
    // Each paragraph and list item has its anchor (src/render/rehype-paragraph-anchors.ts).
    expect(html).toMatch(/<blockquote>\s*<p id="user-content-paragraph-1">Quoted.<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(/<ul>\s*<li id="user-content-paragraph-2">one<\/li>/);
    expect(html).toContain('<a href="https://thehill.com/">The Hill</a>');
  });

  test('quotes stay as written and inline elements keep the space between them', async () => {
    const html = await render('He said "no" and “yes”: <em>a</em> <strong>b</strong>');
    expect(html).toContain('He said "no" and “yes”: <em>a</em> <strong>b</strong>');
  });

  test('an image on another site becomes a link to it, so the page loads nothing from elsewhere', async () => {
    const html = await render('![Flooded street](https://cdn.example.com/flood.jpg)');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<a href="https://cdn.example.com/flood.jpg" class="remote-image" rel="nofollow noopener noreferrer">Image on the original site: Flooded street</a>',
    );
  });
});

describe('nothing loads from another origin', () => {
  test.each([
    ['a backslashed scheme', '<img src="https:\\\\evil.example\\p.png" alt="x">'],
    ['a protocol-relative address', '<img src="//evil.example/p.png">'],
    [
      'a picture source set',
      '<picture><source srcset="https://evil.example/a.webp 1x"><img src="/media/a.png" alt="a"></picture>',
    ],
  ])('%s', async (_name, html) => {
    const out = await render(html);
    expect(out).not.toMatch(/<img[^>]*evil|srcset|<source/i);
  });
});

describe('bodies without tables or strikethrough skip the GFM extensions', () => {
  let plain: (md: string) => Promise<string>;
  beforeAll(async () => {
    const processor = await createMarkdownProcessor({ ...plainMarkdownOptions, syntaxHighlight: false });
    plain = async (md) => (await processor.render(md)).code;
  });

  test('a table or a strikethrough needs them, and is rendered with them', async () => {
    const table = '| Year | Cases |\n| --- | --- |\n| 2018 | 12 |';
    expect(mayUseGfm(table) && mayUseGfm('~~withdrawn~~')).toBe(true);
    expect(await render(table)).toContain('<table id="user-content-table-1">');
    expect(await render('~~withdrawn~~')).toContain('<del>withdrawn</del>');
    expect(await plain(table)).not.toContain('<table');
  });

  // Renders some 300 bodies twice: heavy work, with a timeout to match.
  test('every other body renders the same without them', async () => {
    const articles = path.join(inject('benchCorpus'), 'articles');
    const files = [];
    for (const dir of ['content/articles', articles])
      files.push(...(await listFiles(dir)).map((f) => path.join(dir, f)));
    const bodies = files
      .filter((f) => f.endsWith('.md'))
      .map((f) => readArticleBody(f))
      .concat(PAYLOADS.filter((p) => p.place !== 'text').map((p) => `Before.\n\n${p.payload}\n\nAfter.`));
    const checked = bodies.filter((b) => !mayUseGfm(b));
    expect(checked.length).toBeGreaterThan(250);
    for (const body of checked) expect(await plain(body), body.slice(0, 80)).toBe(await render(body));
  }, 60_000);
});
