import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
// sitemap and robots.txt names, under the --base path, which links in article bodies carry too; a
// path in the site address is that base path; a build given neither says so, once; a site address
// that is not one, or a path that disagrees with the base, stops the build saying what to give. The
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

/** A link and an image written root-relative in the article's body, which the page must serve under the base path. */
const BODY_LINKS = '\n\nSee [all the people](/people/) and ![a chart](/media/body-chart.png).\n';

/** A project config with `site` written in it, as a user would: the project's own, plus the address (Astro takes `--config` relative to the project). */
const SITE_CONFIG = path.join(OUT, 'astro.config.ts');

const BASE = ['--base', '/archive/'];
/**
 * The three ways a build is given its address, and none, each built under /archive/: given as
 * --base, or as the path of the site address (with or without a trailing slash, with --base or
 * ARCHIVE_BASE saying the same, or alone).
 */
const BUILDS = {
  env: { env: { ARCHIVE_SITE: 'https://env.example.org' }, args: BASE, site: 'https://env.example.org' },
  flag: {
    env: { ARCHIVE_SITE: '' },
    args: ['--site', 'https://flag.example.org', ...BASE],
    site: 'https://flag.example.org',
  },
  config: {
    env: { ARCHIVE_SITE: '' },
    args: ['--config', path.relative(process.cwd(), SITE_CONFIG), ...BASE],
    site: 'https://config.example.org',
  },
  neither: { env: { ARCHIVE_SITE: '' }, args: BASE, site: 'http://127.0.0.1:4321' },
  envPath: {
    env: { ARCHIVE_SITE: 'https://envpath.example.org/archive/' },
    args: [],
    site: 'https://envpath.example.org',
  },
  flagPath: {
    env: { ARCHIVE_SITE: '' },
    args: ['--site', 'https://flagpath.example.org/archive'],
    site: 'https://flagpath.example.org',
  },
  pathAndBase: {
    env: { ARCHIVE_SITE: 'https://both.example.org/archive', ARCHIVE_BASE: '/archive/' },
    args: [],
    site: 'https://both.example.org',
  },
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
  // A person needs only a name.
  await writeFile(path.join(CONTENT, 'people', 'ana-ruiz.yaml'), 'name: Ana Ruiz\n');
  await appendFile(path.join(CONTENT, 'articles', `${ARTICLE.replace(/^articles\/|\/$/g, '')}.md`), BODY_LINKS);
  const project = path.relative(OUT, path.resolve('astro.config.ts')).split(path.sep).join('/');
  await writeFile(
    SITE_CONFIG,
    `import config from '${project}';\nexport default { ...config, site: 'https://config.example.org' };\n`,
  );
  // One after another: each build uses both cores.
  for (const [kind, b] of Object.entries(BUILDS) as [Kind, (typeof BUILDS)[Kind]][])
    results.set(kind, await astroBuild(CONTENT, dist(kind), { ARCHIVE_BASE: '', ...b.env }, [...b.args]));
}, 600_000);

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
  type Feed = { rss: { channel: { link: string; item: { link: string } | { link: string }[] } } };
  const rss = xml.parse(await readFile(path.join(out, 'rss.xml'), 'utf8')) as Feed;
  const changes = xml.parse(await readFile(path.join(out, 'changes.xml'), 'utf8')) as Feed;
  const sitemapIndex = xml.parse(await readFile(path.join(out, 'sitemap-index.xml'), 'utf8')) as {
    sitemapindex: { sitemap: { loc: string } | { loc: string }[] };
  };
  const sitemap = xml.parse(await readFile(path.join(out, 'sitemap-0.xml'), 'utf8')) as {
    urlset: { url: { loc: string } | { loc: string }[] };
  };
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
      citations: elements(html, (e) => e.properties.className?.includes('citation') ?? false).map((e) => toString(e)),
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

  test("serves the links and images in an article's body, and every link of the page, under the base path", async () => {
    const html = fromHtml(await readFile(path.join(dist(kind), ARTICLE, 'index.html'), 'utf8'));
    const [body] = elements(html, (e) => e.tagName === 'a' && toString(e) === 'all the people');
    expect(body?.properties.href).toBe('/archive/people/');
    const [image] = elements(html, (e) => e.tagName === 'img' && e.properties.alt === 'a chart');
    expect(image?.properties.src).toBe('/archive/media/body-chart.png');
    const local = elements(html, (e) => ['a', 'link'].includes(e.tagName))
      .map((e) => String(e.properties.href ?? ''))
      .filter((href) => href.startsWith('/'));
    expect(local.length).toBeGreaterThan(10);
    for (const href of local) expect(href.startsWith('/archive/'), href).toBe(true);
  });

  if (kind === 'envPath' || kind === 'flagPath')
    test('says once which base path it took from the site address, and warns of nothing', () => {
      const output = results.get(kind)!.output;
      expect(output.split('\n').filter((l) => l.includes('has the path /archive/'))).toHaveLength(1);
      expect(output.split('\n').filter((l) => /\[WARN\]/.test(l))).toEqual([]);
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

  test('the page of a person without a description: their name and no empty paragraph, valid HTML', async () => {
    const page = path.join(dist('flag'), 'people', 'ana-ruiz', 'index.html');
    const html = fromHtml(await readFile(page, 'utf8'));
    expect(elements(html, (e) => e.tagName === 'h1').map((e) => toString(e))).toEqual(['Ana Ruiz']);
    expect(elements(html, (e) => e.tagName === 'p' && toString(e).trim() === '')).toEqual([]);
    const [meta] = elements(html, (e) => e.tagName === 'meta' && e.properties.name === 'description');
    expect(String(meta?.properties.content)).toContain('Ana Ruiz');
    expect(vnuErrors([page])).toEqual([]);
  }, 120_000);

  test('the seed capture too', async () => {
    const rel = '2018/09/immigration-judges-sessions.txt';
    const html = fromHtml(await readFile(path.join(dist('flag'), 'capture', rel, 'index.html'), 'utf8'));
    const [pre] = elements(html, (e) => e.tagName === 'pre');
    expect(toString(pre!)).toBe(await readFile(path.join(CONTENT, 'captures', rel), 'utf8'));
  });
});

describe('a site address the build cannot use stops it, naming the setting, the value and the fix', () => {
  const refused = (name: string, env: Record<string, string>, args: string[]) =>
    astroBuild(CONTENT, path.join(OUT, `refused-${name}`), { ARCHIVE_SITE: '', ARCHIVE_BASE: '', ...env }, args);

  test.each([
    ['ARCHIVE_SITE', { ARCHIVE_SITE: 'example.org' }, [], 'ARCHIVE_SITE=https://example.org'],
    [
      'ARCHIVE_SITE',
      { ARCHIVE_SITE: 'archive.example.org/news/' },
      [],
      'ARCHIVE_SITE=https://archive.example.org/news/',
    ],
    ['--site', {}, ['--site', 'example.org'], '--site https://example.org'],
    ['--site', {}, ['--site=www.example.org:8080'], '--site https://www.example.org:8080'],
  ] as const)(
    '%s given as %j %j',
    async (name, env, args, fix) => {
      const { code, output } = await refused(`${name}-${JSON.stringify(env).length}-${args.length}`, env, [...args]);
      expect(code).not.toBe(0);
      const value = (env as Record<string, string>).ARCHIVE_SITE ?? args.at(-1)!.replace('--site=', '');
      expect(output).toContain(`${name} is "${value}", which is not a web address`);
      expect(output).toContain(fix);
      expect(output).not.toMatch(/^! Invalid URL/m);
    },
    120_000,
  );

  test.each([
    [{ ARCHIVE_SITE: 'https://x.example.org/sub/', ARCHIVE_BASE: '/archive/' }, []],
    [{}, ['--site', 'https://x.example.org/sub', '--base', '/archive']],
  ])(
    'a site address with the path /sub/ and the base path /archive/ (%j %j)',
    async (env, args) => {
      const { code, output } = await refused(`disagree-${args.length}`, env, args);
      expect(code).not.toBe(0);
      expect(output).toContain('has the path /sub/, but the base path is /archive/');
      expect(output).toContain('--site https://x.example.org --base /sub/');
      expect(output).toContain('--site https://x.example.org --base /archive/');
    },
    120_000,
  );
});

describe('the rendered bodies a build keeps', () => {
  test("are not taken by a build under another base path sharing the cache: the body's links follow the base", async () => {
    // The build given --site and --base /archive/ rendered the article's body into its cache.
    const root = await astroBuild(
      CONTENT,
      path.join(OUT, 'root'),
      { ARCHIVE_SITE: 'https://root.example.org', ARCHIVE_BASE: '', ARCHIVE_CACHE_DIR: `${dist('flag')}-cache` },
      [],
    );
    expect(root.code, root.output).toBe(0);
    const html = fromHtml(await readFile(path.join(OUT, 'root', ARTICLE, 'index.html'), 'utf8'));
    const [link] = elements(html, (e) => e.tagName === 'a' && toString(e) === 'all the people');
    expect(link?.properties.href).toBe('/people/');
  }, 180_000);
});
