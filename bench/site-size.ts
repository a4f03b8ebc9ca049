import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/content/files.ts';

// Sizes of a built site: all of dist/, the Pagefind index, and an average article page as a
// reader downloads it (HTML plus its stylesheets, gzipped).

/** Bytes of every file under a folder. */
export async function folderBytes(dir: string): Promise<number> {
  const sizes = await Promise.all((await listFiles(dir)).map((rel) => stat(path.join(dir, rel)).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Average gzipped HTML+CSS bytes and the largest number of scripts over up to `sample` article pages. */
export async function articlePageWeight(
  dist: string,
  sample = 200,
): Promise<{ gzipBytes: number; scripts: number; pages: number }> {
  const files = (await listFiles(path.join(dist, 'articles'))).filter((f) => f.endsWith('index.html'));
  const step = Math.max(1, Math.floor(files.length / sample));
  const picked = files.filter((_, i) => i % step === 0).slice(0, sample);
  let total = 0;
  let scripts = 0;
  for (const f of picked) {
    const html = await readFile(path.join(dist, 'articles', f), 'utf8');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const cssText = await Promise.all(
      css.map((href) => readFile(path.join(dist, href.replace(/^\/[^_]*?(?=_astro)/, '')), 'utf8')),
    );
    total += gzipSync(html).length + cssText.reduce((n, c) => n + gzipSync(c).length, 0);
    scripts = Math.max(scripts, [...html.matchAll(/<script(?![^>]*application\/ld\+json)/g)].length);
  }
  return { gzipBytes: picked.length ? total / picked.length : 0, scripts, pages: files.length };
}
