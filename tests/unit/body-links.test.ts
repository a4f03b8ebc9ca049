import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readArticleBody } from '../../src/content/files.ts';
import { setting } from '../../src/content/settings.ts';
import { markdownOptionsFor } from '../../src/render/pipeline.ts';
import { normalizeBase } from '../../src/text/base-path.ts';

// Links inside article bodies: in-page anchors reach their targets although the sanitizer
// prefixes ids (case in-page-anchors), and links between archived articles carry the site's
// base path (case body-links-under-base). The rendered HTML is read back with a DOM parser.

/** A case article's Markdown body. */
function body(file: string): string {
  return readArticleBody(`tests/fixtures/cases/${file}`);
}

/** The body rendered by the site's pipeline for a site under `base`, as a DOM. */
async function render(markdown: string, base = '/') {
  const processor = await createMarkdownProcessor({ ...markdownOptionsFor(base), syntaxHighlight: false });
  const html = (await processor.render(markdown)).code;
  return parseHTML(`<!doctype html><html><body><main id="content">${html}</main></body></html>`).document;
}

describe('in-page anchors', () => {
  const markdown = body('in-page-anchors/content/articles/2022/03/inquiry-report.md');

  test('every in-page link reaches an element of the body', async () => {
    const doc = await render(markdown);
    const links = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!);
    // The two links of the text, and a footnote's reference and its way back.
    expect(links).toHaveLength(4);
    for (const href of links) expect(doc.getElementById(decodeURIComponent(href.slice(1)))).not.toBeNull();
    expect(doc.body.textContent).not.toContain('[^1]');
    expect(doc.querySelector('.footnotes li')?.textContent).toContain('Council minutes, 14 May 2020.');
    expect(doc.getElementById('user-content-timeline')?.textContent).toBe('Timeline');
    expect(doc.getElementById('user-content-background')?.textContent).toBe('Background');
  });

  test('ids in a body still cannot clobber the page: every one is prefixed', async () => {
    const doc = await render(
      `${markdown}\n\n## Content\n\n<p id="content">x</p>\n\n[to content](#content)\n\n<h3 id="facts-heading">Facts</h3>\n`,
    );
    const ids = [...doc.querySelectorAll('main [id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
    expect(doc.querySelectorAll('#content')).toHaveLength(1);
    expect(doc.querySelector('a[href="#user-content-content"]')).not.toBeNull();
  });

  test('two headings with the same text get distinct ids', async () => {
    const doc = await render('## Update\n\nOne.\n\n## Update\n\nTwo.\n');
    const ids = [...doc.querySelectorAll('h2')].map((h) => h.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('links between archived articles under a base path', () => {
  const markdown = body('body-links-under-base/content/articles/2022/04/second.md');

  test('a root-relative link gets the base', async () => {
    const doc = await render(markdown, '/archive/');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('/archive/articles/2022/04/first/');
  });

  test('at the root nothing changes', async () => {
    const doc = await render(markdown, '/');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('/articles/2022/04/first/');
  });

  test('other sites, in-page and relative links are left alone; images under the site get the base', async () => {
    const doc = await render(
      '[a](https://example.org/x) [b](//example.org/y) [c](#top) [d](../x/) [e](/archive/already/)\n\n<img src="/media/p.jpg" alt="p">\n',
      '/archive/',
    );
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/x',
      '//example.org/y',
      '#user-content-top',
      '../x/',
      '/archive/already/',
    ]);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/archive/media/p.jpg');
  });
});

test('every way of writing the base path gives one form, so links and pages agree', () => {
  for (const [given, want] of [
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['archive', '/archive/'],
    ['/archive', '/archive/'],
    ['/archive/', '/archive/'],
    ['/a/b//', '/a/b/'],
  ] as const) {
    expect(normalizeBase(given)).toBe(want);
    expect(setting('ARCHIVE_BASE', { ARCHIVE_BASE: given })).toBe(want);
  }
});
