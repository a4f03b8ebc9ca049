import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listFiles, readAllUtf8, splitFrontmatter } from './files.ts';
import { idFromPath, unnamedParts } from './slug.ts';
import { takeFrontMatter } from './front-matter-memo.ts';

// The articles collection: front matter only. Bodies are rendered when their page is built
// (src/render/article-body.ts), so Astro's content store stays small at any archive size. Files are
// read as the checker reads them (the checker has already reported any bad one).

/** Brings the store in line with the folder: new and changed files parsed, removed ones dropped. */
async function sync(dir: string, { store, parseData, generateDigest }: LoaderContext): Promise<void> {
  const seen = new Set<string>();
  const files = (await listFiles(dir)).filter((rel) => rel.endsWith('.md')).map((rel) => path.join(dir, rel));
  for await (const [file, text] of readAllUtf8(files)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const filePath = path.relative(process.cwd(), file); // Astro wants paths relative to the project
    const parts = text === null ? null : splitFrontmatter(text);
    // A name that gives no address is reported by the checker, never served at its folder's address.
    if (text === null || !parts || unnamedParts(rel).length > 0) continue;
    const id = idFromPath(rel);
    seen.add(id);
    // Of the whole file: page cache keys use it for the body too (src/build/page-keys.ts).
    const digest = generateDigest(text);
    if (store.get(id)?.digest === digest && store.get(id)?.filePath === filePath) continue;
    const raw = (takeFrontMatter(parts.yaml) ?? parseYaml(parts.yaml, { schema: 'core' }) ?? {}) as Record<
      string,
      unknown
    >;
    store.set({ id, data: await parseData({ id, data: raw, filePath }), digest, filePath });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** A loader for content/articles/**\/*.md that stores each article's validated front matter. */
export function articlesLoader(dir: string): Loader {
  return {
    name: 'archive-articles',
    load: async (context) => {
      await sync(dir, context);
      // In `astro dev`, any change under the folder re-reads it (unchanged files are skipped by digest).
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, changed) => {
        if (path.resolve(changed).startsWith(path.resolve(dir))) void sync(dir, context);
      });
    },
  };
}
