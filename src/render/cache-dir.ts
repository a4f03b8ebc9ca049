import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { givenSettingsKey, setting, type Env } from '../content/settings.ts';

// Where builds keep what they can reuse: Astro's content store and incremental build, the rendered
// article bodies and the search index parts. One folder per content folder and version of the
// Markdown pipeline (src/render/), so switching archives never mixes them and a sanitizer change
// always re-renders every article. Not per base path: a rendered body's own key carries the base
// path its links were given (src/render/article-body.ts), and the base path may come from `--base`,
// which only Astro's resolved configuration knows.

/**
 * The build cache folder, as an absolute path: ARCHIVE_CACHE_DIR, or one under node_modules/.astro/
 * named by a hash of the content folder and the files of src/render/ (read from the working directory).
 */
export function cacheDir(env: Env = process.env): string {
  const given = setting('ARCHIVE_CACHE_DIR', env);
  if (given) return given;
  const pipeline = readdirSync('src/render')
    .sort()
    .map((f) => readFileSync(`src/render/${f}`));
  const key = createHash('sha256')
    .update(`${setting('ARCHIVE_CONTENT_DIR', env)}\0`)
    .update(Buffer.concat(pipeline))
    .digest('hex')
    .slice(0, 12);
  return path.resolve('node_modules/.astro', key);
}

/** The sub-folders made so far, by name: for which values of the settings cacheDir reads (as the environment gives them), and where. */
const made = new Map<string, { value: string; dir: string }>();

/**
 * The folder `name` inside the build cache (cacheDir), created on first use and again if
 * ARCHIVE_CACHE_DIR or ARCHIVE_CONTENT_DIR changes in the process (tests sharing a process each set their own); callers
 * then read and write it with synchronous calls, without checking it exists each time. Asked for
 * every body by the pages, the search records and the quotes, so the variables' values are
 * compared as given, and checked (by cacheDir) only when one changed.
 * @throws the file system's error if the folder cannot be created.
 * @throws {SettingsError} when ARCHIVE_CACHE_DIR's value cannot be used.
 */
export function cacheSubdir(name: string): string {
  const value = givenSettingsKey(['ARCHIVE_CACHE_DIR', 'ARCHIVE_CONTENT_DIR']);
  const known = made.get(name);
  if (known && known.value === value) return known.dir;
  const dir = path.join(cacheDir(), name);
  mkdirSync(dir, { recursive: true });
  made.set(name, { value, dir });
  return dir;
}
