import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../content/folder.ts';
import { archiveBase } from './pipeline.ts';

// Where builds keep what they can reuse: Astro's content store and the rendered article bodies.
// One folder per content folder, base path (bodies' root-relative links carry it) and version of
// the Markdown pipeline (src/render/), so switching archives never mixes them and a sanitizer
// change always re-renders every article.

/** The build cache folder (ARCHIVE_CACHE_DIR, or one under node_modules/.astro/). */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.ARCHIVE_CACHE_DIR) return path.resolve(env.ARCHIVE_CACHE_DIR);
  const pipeline = readdirSync('src/render')
    .sort()
    .map((f) => readFileSync(`src/render/${f}`));
  const key = createHash('sha256')
    .update(contentDir(env))
    .update(`\0${archiveBase(env)}\0`)
    .update(Buffer.concat(pipeline))
    .digest('hex')
    .slice(0, 12);
  return path.resolve('node_modules/.astro', key);
}
