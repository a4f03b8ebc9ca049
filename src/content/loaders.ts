import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { ARTICLE_FILE, DATA_FILE, isHiddenFile, listFiles, readAllUtf8, splitFrontmatter } from './files.ts';
import { idFromPath, unnamedParts } from './slug.ts';
import { takeFrontMatter } from './front-matter-memo.ts';
import { parseYaml } from './yaml.ts';
import { withoutControlCharacters } from './control-characters.ts';
import { rememberLede } from './lede-memo.ts';
import { markdownLede } from '../text/markdown-prose.ts';

// The collections' loaders. Files are read as the checker reads them (the same listing, strict
// UTF-8 and YAML settings), so the site and `npm run check` always agree on what a file says; the
// checker has already reported any bad file, which the loaders leave out.
//
// Articles: front matter only. Bodies are rendered when their page is built
// (src/render/article-body.ts), so Astro's content store stays small at any archive size.

/** The data of one file's text, or undefined for a file that is not an entry (the checker says why). */
type Reader = (text: string, file: { filePath: string; digest: string }) => Record<string, unknown> | undefined;

/**
 * An article file's front matter (parsed by the checker in this process, or parsed now). The
 * opening of its body's prose is kept for the related lists (lede-memo.ts), which would otherwise
 * read the file again.
 */
const readArticle: Reader = (text, { filePath, digest }) => {
  const parts = splitFrontmatter(text);
  if (!parts) return undefined;
  rememberLede(filePath, digest, markdownLede(parts.body));
  return (takeFrontMatter(parts.yaml) ?? parseYaml(parts.yaml) ?? {}) as Record<string, unknown>;
};

/** A YAML data file's value. */
const readData: Reader = (text) => {
  try {
    return (parseYaml(text) ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** Brings the store in line with the folder: new and changed files parsed, removed ones dropped. */
async function sync(
  dir: string,
  wanted: (rel: string) => boolean,
  read: Reader,
  { store, parseData, generateDigest }: LoaderContext,
): Promise<void> {
  const seen = new Set<string>();
  const files = (await listFiles(dir)).filter(wanted).map((rel) => path.join(dir, rel));
  for await (const [file, text] of readAllUtf8(files)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const filePath = path.relative(process.cwd(), file); // Astro wants paths relative to the project
    // A name that gives no address is reported by the checker, never served at its folder's address.
    if (text === null || unnamedParts(rel).length > 0) continue;
    const id = idFromPath(rel);
    // Of the whole file: page cache keys use it for an article's body too (src/site/page-keys.ts).
    const digest = generateDigest(text);
    const kept = store.get(id);
    if (kept?.digest === digest && kept.filePath === filePath) {
      seen.add(id);
      continue;
    }
    // Astro's store keeps an entry whose digest is unchanged as it was, its path included: a file
    // of a moved content folder would still be read where it was (pages read bodies by path).
    if (kept?.digest === digest) store.delete(id);
    // Without the characters no page or feed can carry (the checker notes them for the editor).
    const raw = withoutControlCharacters(read(text, { filePath, digest }));
    if (raw === undefined) continue;
    seen.add(id);
    store.set({ id, data: await parseData({ id, data: raw, filePath }), digest, filePath });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  // Astro warns that a collection "does not exist or is empty" when a page asks for one its store
  // never held. An archive without earlier versions (no content/versions/) is normal, so the store
  // is made to hold the collection, empty: an entry added and taken out again leaves it there.
  if (store.keys().length === 0) {
    store.set({ id: EMPTY_MARK, data: {} });
    store.delete(EMPTY_MARK);
  }
}

/** The id of the entry that makes an empty collection exist (see sync); no file gives it, as no id starts with a space. */
const EMPTY_MARK = ' empty';

/** A loader for the files under `dir` with a name `ext` matches (hidden files left out, as the checker does). */
function folderLoader(name: string, dir: string, ext: RegExp, read: Reader): Loader {
  const wanted = (rel: string) => ext.test(rel) && !isHiddenFile(rel);
  return {
    name,
    load: async (context) => {
      await sync(dir, wanted, read, context);
      // In `astro dev`, any change under the folder re-reads it (unchanged files are skipped by digest).
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, changed) => {
        if (path.resolve(changed).startsWith(path.resolve(dir))) void sync(dir, wanted, read, context);
      });
    },
  };
}

/** A loader for content/articles/**\/*.md that stores each article's validated front matter. */
export function articlesLoader(dir: string): Loader {
  return folderLoader('archive-articles', dir, ARTICLE_FILE, readArticle);
}

/** A loader for YAML data files (people/<id>.yaml, sources/<id>.yaml) that stores each file's value. */
export function dataLoader(dir: string): Loader {
  return folderLoader('archive-data', dir, DATA_FILE, readData);
}
