import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Front matter parsed by the last build is taken from a file in the build cache when its text is
// unchanged (src/content/yaml-cache.ts), so a rebuild does not parse every article's YAML again.
// Only `astro build` keeps it: a dev server re-reads files as they are edited.

/** The file the checker keeps parsed front matter in for `command`, or undefined when it keeps none. */
export function frontMatterCacheFile(command: string, cacheDir: URL): string | undefined {
  return command === 'build' ? path.join(fileURLToPath(cacheDir), 'front-matter.json') : undefined;
}
