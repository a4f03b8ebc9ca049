import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listFiles, readUtf8, splitFrontmatter } from './content-files.ts';
import { idFromPath } from './slug.ts';

// The articles collection: front matter only. Bodies are rendered when their page is built
// (src/lib/article-body.ts), so Astro's content store stays small at any archive size. Files are
// read as the checker reads them (the checker has already reported any bad one).

/** A loader for content/articles/**\/*.md that stores each article's validated front matter. */
export function articlesLoader(dir: string): Loader {
  return {
    name: 'archive-articles',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const seen = new Set<string>();
      for (const rel of await listFiles(dir)) {
        if (!rel.endsWith('.md')) continue;
        const file = path.join(dir, rel);
        const filePath = path.relative(process.cwd(), file); // Astro wants paths relative to the project
        const text = await readUtf8(file);
        const parts = text === null ? null : splitFrontmatter(text);
        if (!parts) continue;
        const id = idFromPath(rel);
        seen.add(id);
        const digest = generateDigest(parts.yaml);
        if (store.get(id)?.digest === digest && store.get(id)?.filePath === filePath) continue;
        const data = await parseData({
          id,
          data: (parseYaml(parts.yaml, { schema: 'core' }) ?? {}) as Record<string, unknown>,
          filePath,
        });
        store.set({ id, data, digest, filePath });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      watcher?.add(dir);
    },
  };
}
