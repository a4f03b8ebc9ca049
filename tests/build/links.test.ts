import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { htmlFiles, page } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';

// No broken links: every internal link, anchor, image, stylesheet, script, feed and sitemap
// address in both fixture builds points at a file that exists (and an element, for #anchors).

const SITE = 'https://archive.example.org';

/** The built file an internal address is served from, or null when there is none. */
function fileFor(dist: string, base: string, address: string): string | null {
  const pathname = decodeURIComponent(address.split(/[?#]/)[0]!);
  if (!pathname.startsWith(base)) return null;
  const rel = pathname.slice(base.length);
  for (const candidate of [rel, `${rel}/index.html`, `${rel}index.html`]) {
    const file = path.join(dist, candidate);
    if (candidate !== '' && existsSync(file) && !file.endsWith('/')) return file;
  }
  return rel === '' && existsSync(path.join(dist, 'index.html')) ? path.join(dist, 'index.html') : null;
}

/** Every broken reference in a build, as "page -> address (why)". */
async function brokenLinks(dist: string, base: string): Promise<{ broken: string[]; checked: number }> {
  const broken: string[] = [];
  let checked = 0;
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!ids.has(file))
      ids.set(
        file,
        new Set(
          [...(await page(path.dirname(file), `/${path.basename(file)}`)).querySelectorAll('[id]')].map((e) => e.id),
        ),
      );
    return ids.get(file)!;
  };
  for (const file of await htmlFiles(dist)) {
    const doc = await page(dist, file);
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], source[srcset]')) {
      let ref = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('srcset')!;
      if (ref.startsWith(SITE)) ref = ref.slice(SITE.length);
      if (ref.startsWith('#')) ref = `${base}${file.slice(1).replace(/index\.html$/, '')}${ref}`;
      if (!ref.startsWith('/')) continue;
      checked++;
      const target = fileFor(dist, base, ref);
      if (!target) broken.push(`${file} -> ${ref} (no such file)`);
      else if (ref.includes('#') && target.endsWith('.html') && !(await idsOf(target)).has(ref.split('#')[1]!))
        broken.push(`${file} -> ${ref} (no such anchor)`);
    }
  }
  for (const xml of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
    for (const [, loc] of (await readFile(path.join(dist, xml), 'utf8')).matchAll(
      /<(?:link|loc)>([^<]+)<\/(?:link|loc)>/g,
    )) {
      checked++;
      if (!loc!.startsWith(SITE) || !fileFor(dist, base, loc!.slice(SITE.length))) broken.push(`${xml} -> ${loc}`);
    }
  }
  return { broken, checked };
}

test.each([
  ['the site root', DIST_ROOT, '/'],
  ['the sub-path /archive/', DIST_ARCHIVE, '/archive/'],
])(
  'every internal link, anchor, asset, feed and sitemap address resolves in the build for %s',
  async (_name, dist, base) => {
    const { broken, checked } = await brokenLinks(dist, base);
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  },
);
