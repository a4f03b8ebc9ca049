import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles } from '../../src/content/files.ts';
import { astroBuild, type BuildResult } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// A published citation points at the archive, not at the build machine: the site address given
// by ARCHIVE_SITE or by `astro build --site` is the one every citation, canonical link, feed,
// sitemap and robots.txt names, under the --base path; a build given neither says so, once. The
// seed archive (with captures added) builds without any other warning, its pages listed one to a
// line, and a capture page shows the capture's text exactly.

const OUT = path.join(TMP, 'site-address');
const CONTENT = path.join(OUT, 'content');
const ARTICLE = 'articles/2018/09/immigration-judges-sessions/';

/**
 * Captures whose text starts or goes on in ways an HTML page could change (indentation, line
 * feeds, markup), and what their page must show: the text itself, but for what HTML cannot hold
 * as valid text (CR LF and CR are line feeds, other control characters their Control Pictures).
 */
const CAPTURES: Record<string, [string, string?]> = {
  '2018/09/indented.txt': ['    Indented first line\n\tand a tab\n  \n'],
  '2018/09/leading-newline.txt': ['\n\nTwo line feeds first.\n'],
  '2018/09/one-leading-newline.txt': ['\nOne line feed first.'],
  '2018/09/page.html': ['  <!doctype html><html><body><p>Hi &amp; bye</p></body></html>\n'],
  '2018/09/crlf.txt': [
    '  First line\r\nSecond <b>line</b> & more\r\nA lone\rcarriage return\r\n',
    '  First line\nSecond <b>line</b> & more\nA lone\ncarriage return\n',
  ],
  '2018/09/controls.txt': [
    'Tab\tkept, vertical\u000Btab and unit\u001Fseparator and DEL\u007F shown\n',
    'Tab\tkept, vertical\u240Btab and unit\u241Fseparator and DEL\u2421 shown\n',
  ],
};

/** A project config with `site` written in it, as a user would: the project's own, plus the address (Astro takes `--config` relative to the project). */
const SITE_CONFIG = path.join(OUT, 'astro.config.ts');

/** The three ways a build is given its address, and none, each built under /archive/. */
const BUILDS = {
  env: { env: { ARCHIVE_SITE: 'https://env.example.org' }, args: [], site: 'https://env.example.org' },
  flag: { env: { ARCHIVE_SITE: '' }, args: ['--site', 'https://flag.example.org'], site: 'https://flag.example.org' },
  config: {
    env: { ARCHIVE_SITE: '' },
    args: ['--config', path.relative(process.cwd(), SITE_CONFIG)],
    site: 'https://config.example.org',
  },
  neither: { env: { ARCHIVE_SITE: '' }, args: [], site: 'http://127.0.0.1:4321' },
} as const;
type Kind = keyof typeof BUILDS;

const results = new Map<Kind, BuildResult>();
const dist = (kind: Kind) => path.join(OUT, kind);

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await cp(path.resolve('content'), CONTENT, { recursive: true });
  for (const [rel, [text]] of Object.entries(CAPTURES)) {
    await mkdir(path.dirname(path.join(CONTENT, 'captures', rel)), { recursive: true });
    await writeFile(path.join(CONTENT, 'captures', rel), text);
  }
  const project = path.relative(OUT, path.resolve('astro.config.ts')).split(path.sep).join('/');
  await writeFile(
    SITE_CONFIG,
    `import config from '${project}';\nexport default { ...config, site: 'https://config.example.org' };\n`,
  );
  // One after another: each build uses both cores.
  for (const [kind, b] of Object.entries(BUILDS) as [Kind, (typeof BUILDS)[Kind]][])
    results.set(
      kind,
      await astroBuild(CONTENT, dist(kind), { ...b.env, ARCHIVE_BASE: '' }, [...b.args, '--base', '/archive/']),
    );
}, 320_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

/** Every element of a page matching a test. */
function elements(tree: Root, match: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children)
      if (child.type === 'element') {
        if (match(child)) found.push(child);
        walk(child);
      }
  };
  walk(tree);
  return found;
}

/**
 * What one build publishes about the archive's address: the full addresses it gives (canonical
 * link, feeds, sitemap, robots.txt) and the texts that must name the article's address (the
 * citations shown, the BibTeX and CSL-JSON downloads).
 */
async function published(kind: Kind): Promise<{ urls: Record<string, string[]>; texts: Record<string, string[]> }> {
  const out = dist(kind);
  const html = fromHtml(await readFile(path.join(out, ARTICLE, 'index.html'), 'utf8'));
  const xml = new XMLParser({ ignoreAttributes: false });
  const rss = xml.parse(await readFile(path.join(out, 'rss.xml'), 'utf8'));
  const changes = xml.parse(await readFile(path.join(out, 'changes.xml'), 'utf8'));
  const sitemapIndex = xml.parse(await readFile(path.join(out, 'sitemap-index.xml'), 'utf8'));
  const sitemap = xml.parse(await readFile(path.join(out, 'sitemap-0.xml'), 'utf8'));
  const robots = await readFile(path.join(out, 'robots.txt'), 'utf8');
  const items = [rss.rss.channel.item].flat() as { link: string }[];
  return {
    urls: {
      canonical: elements(html, (e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical').map((e) =>
        String(e.properties.href),
      ),
      feed: [rss.rss.channel.link, ...items.map((i) => i.link)],
      changesFeed: [changes.rss.channel.link],
      sitemap: [
        ...[sitemapIndex.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc),
        ...[sitemap.urlset.url].flat().map((u: { loc: string }) => u.loc),
      ],
      robots: robots
        .split('\n')
        .filter((l) => l.startsWith('Sitemap:'))
        .map((l) => l.replace('Sitemap:', '').trim()),
    },
    texts: {
      citations: elements(
        html,
        (e) => (e.properties.className as string[] | undefined)?.includes('citation') ?? false,
      ).map((e) => toString(e)),
      downloads: elements(html, (e) => String(e.properties.href ?? '').startsWith('data:')).map((e) =>
        decodeURIComponent(String(e.properties.href).replace(/^data:[^,]*,/, '')),
      ),
    },
  };
}

describe.each(Object.keys(BUILDS) as Kind[])('a build for /archive/ (site address: %s)', (kind) => {
  test('names its site address and base everywhere: canonical link, citations, downloads, feeds, sitemap, robots.txt', async () => {
    expect(results.get(kind)!.code, results.get(kind)!.output).toBe(0);
    const expected = `${BUILDS[kind].site}/archive/`;
    const { urls, texts } = await published(kind);
    for (const [where, list] of Object.entries(urls)) {
      expect(list.length, where).toBeGreaterThan(0);
      for (const url of list) expect(url.startsWith(expected), `${where}: ${url}`).toBe(true);
    }
    expect(urls.canonical).toEqual([`${expected}${ARTICLE}`]);
    // A citation style may leave out the scheme (MLA): the host and path are what must be right.
    const article = `${expected.replace(/^https?:\/\//, '')}${ARTICLE}`;
    for (const [where, list] of Object.entries(texts)) {
      expect(list.length, where).toBeGreaterThan(1);
      for (const text of list) expect(text, where).toContain(article);
    }
    expect(urls.robots).toEqual([`${expected}sitemap-index.xml`]);
  });

  if (kind === 'neither')
    test('says once, loudly, what it publishes and how to give the address', () => {
      const output = results.get(kind)!.output;
      const notices = output.split('\n').filter((l) => l.includes('No site address was given'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/\[WARN\]/);
      expect(notices[0]).toContain('http://127.0.0.1:4321/archive/');
      for (const way of ['ARCHIVE_SITE=https://', '--site https://', "site: 'https://"]) expect(output).toContain(way);
    });
  else
    test('says nothing about the site address, and names no build machine anywhere', async () => {
      const output = results.get(kind)!.output;
      expect(output).not.toContain('No site address');
      expect(output.split('\n').filter((l) => /\[WARN\]/.test(l))).toEqual([]);
      for (const file of await listFiles(dist(kind)))
        if (/\.(html|xml|txt|json)$/.test(file) && !file.startsWith('pagefind/'))
          expect(await readFile(path.join(dist(kind), file), 'utf8'), file).not.toMatch(/127\.0\.0\.1|localhost/);
    });
});

describe('the build log and the capture pages (the build given --site)', () => {
  test('lists the pages one to a line, and warns of nothing (no empty versions collection)', () => {
    const output = results.get('flag')!.output;
    const routes = output.split('\n').filter((l) => l.includes('├─'));
    expect(routes.length).toBeGreaterThan(20);
    for (const line of routes) expect(line.match(/├─/g), line).toHaveLength(1);
    expect(output).not.toContain('does not exist or is empty');
  });

  test.each(Object.keys(CAPTURES))('the capture page of %s shows its text exactly', async (rel) => {
    const html = fromHtml(await readFile(path.join(dist('flag'), 'capture', rel, 'index.html'), 'utf8'));
    const pre = elements(html, (e) => e.tagName === 'pre');
    expect(pre).toHaveLength(1);
    // An HTML parser's text of the element (parse5, as browsers parse) against the file's own text.
    const [text, shown = text] = CAPTURES[rel]!;
    expect(toString(pre[0]!)).toBe(shown);
  });

  test('the capture pages are valid HTML (Nu HTML Checker)', () => {
    const pages = Object.keys(CAPTURES).map((rel) => path.join(dist('flag'), 'capture', rel, 'index.html'));
    expect(vnuErrors(pages)).toEqual([]);
  }, 120_000);

  test('the seed capture too', async () => {
    const rel = '2018/09/immigration-judges-sessions.txt';
    const html = fromHtml(await readFile(path.join(dist('flag'), 'capture', rel, 'index.html'), 'utf8'));
    const [pre] = elements(html, (e) => e.tagName === 'pre');
    expect(toString(pre!)).toBe(await readFile(path.join(CONTENT, 'captures', rel), 'utf8'));
  });
});
