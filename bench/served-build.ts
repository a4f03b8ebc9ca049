import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';

// What a tool serving a built site needs to know of it: the base path it was built for, and
// whether the pages find their stylesheets and scripts where they are served (`npm run audit`).

/**
 * The base path ("/" or "/archive/") a built site is for: the path of its home page's canonical
 * address (every build names one, src/layouts/BaseLayout.astro); undefined when there is none.
 */
export async function builtBase(dist: string): Promise<string | undefined> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const href = /<link\b[^>]*\brel="canonical"[^>]*\bhref="([^"]+)"/.exec(html)?.[1];
  if (!href) return undefined;
  const pathname = new URL(href).pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/**
 * The pages (paths under `origin`) that do not answer 200, and the stylesheets and scripts they
 * link that do not, as "path: status" lines.
 */
export async function missingFiles(origin: string, paths: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const p of paths) {
    const page = await fetch(`${origin}${p}`);
    if (!page.ok) {
      missing.push(`${p}: ${page.status}`);
      continue;
    }
    const { document } = parseHTML(await page.text());
    const linked = [
      ...[...document.querySelectorAll('link[rel~="stylesheet"][href]')].map((e) => e.getAttribute('href')!),
      ...[...document.querySelectorAll('script[src]')].map((e) => e.getAttribute('src')!),
    ];
    for (const href of linked) {
      const url = new URL(href, `${origin}${p}`);
      if (url.origin !== origin) continue;
      const res = await fetch(url);
      if (!res.ok) missing.push(`${url.pathname} (linked from ${p}): ${res.status}`);
    }
  }
  return [...new Set(missing)];
}
