import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, type BuildResult } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';

// Case body-links-under-base: one archived article links to another root-relative
// (`/articles/2022/04/first/`). Built for /archive/, by Astro's own `--base` flag or by
// ARCHIVE_BASE, the link must lead there, and the build must render each body once, for that base
// path: the second thread, the search records and the pages all ask for the same body, so all
// must take the base path from the same place. Expected addresses are written out here.

const CONTENT = path.resolve('tests/fixtures/cases/body-links-under-base/content');
const OUT = path.join(TMP, 'body-links-under-base');
const SITE = 'https://archive.example.org';

/** The two ways of giving the base path, each built into a folder of its own with its own cache. */
const BUILDS = {
  flag: { env: { ARCHIVE_SITE: SITE, ARCHIVE_BASE: '' }, args: ['--base', '/archive/'] },
  env: { env: { ARCHIVE_SITE: SITE, ARCHIVE_BASE: '/archive/' }, args: [] },
} as const;
type Kind = keyof typeof BUILDS;

const dist = (kind: Kind) => path.join(OUT, kind);
const results = new Map<Kind, BuildResult>();

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  for (const [kind, b] of Object.entries(BUILDS) as [Kind, (typeof BUILDS)[Kind]][])
    results.set(kind, await astroBuild(CONTENT, dist(kind), { ...b.env }, [...b.args]));
}, 240_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

/** The links inside a built article page's body (the `.article-body` element). */
async function bodyLinks(kind: Kind, article: string): Promise<string[]> {
  const { document } = parseHTML(await readFile(path.join(dist(kind), 'articles', article, 'index.html'), 'utf8'));
  return [...document.querySelectorAll('.article-body a')].map((a) => a.getAttribute('href')!);
}

describe.each(Object.keys(BUILDS) as Kind[])('built for /archive/ (given by %s)', (kind) => {
  test('the link between the two articles leads to the linked article under /archive/', async () => {
    expect(results.get(kind)!.code, results.get(kind)!.output).toBe(0);
    expect(await bodyLinks(kind, '2022/04/second')).toEqual(['/archive/articles/2022/04/first/']);
    // The page it names is there (served from dist/ at /archive/).
    await readFile(path.join(dist(kind), 'articles/2022/04/first/index.html'));
  });

  test('each body is rendered once, for /archive/, by the second thread', async () => {
    const output = results.get(kind)!.output;
    expect(output).toContain('render-ahead: 2 of 2 article bodies in the cache from a second thread');
    const cache = path.join(`${dist(kind)}-cache`, 'rendered');
    const rendered = await Promise.all((await readdir(cache)).map((f) => readFile(path.join(cache, f), 'utf8')));
    expect(rendered).toHaveLength(2);
    const hrefs = rendered.flatMap((html) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
    expect(hrefs).toEqual(['/archive/articles/2022/04/first/']);
  });
});
