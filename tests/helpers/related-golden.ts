import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { writeCorpus } from '../../bench/corpus.ts';
import { listFiles } from '../../src/content/files.ts';

// A generated archive (the benchmark's corpus writer, seeded) read as the related lists read it,
// for tests comparing the lists of one version of the code with another's: each article's
// features from its front matter (parsed here with the yaml package), its headline, and its text
// as the standfirst and the body's prose (link destinations, tags, addresses and character
// references taken out, as the archive does before counting words).

/** One article of the generated archive, newest first in the archive's order. */
export interface GoldenArticle {
  id: string;
  language: string;
  source: string;
  people: string[];
  topics: string[];
  title: string;
  dek: string;
  /** The body's prose, whole. */
  prose: string;
  /** The body as written (Markdown). */
  body: string;
}

/** The front matter the corpus writes (dates as YAML 1.2 strings). */
interface FrontMatter {
  published: string;
  language?: string;
  source: string;
  people?: string[];
  topics?: string[];
  title: string;
  dek?: string;
}

/** The body's prose, written out here apart from the archive's own rule. */
function proseOf(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/&#?\w+;/g, ' ');
}

/** Writes the corpus into `dir` and reads it back, newest first (by published day, then id). */
export async function goldenArchive(
  dir: string,
  opts: { articles: number; people: number; seed: number },
): Promise<GoldenArticle[]> {
  await writeCorpus(dir, opts);
  const root = path.join(dir, 'articles');
  const files = (await listFiles(root)).filter((f) => f.endsWith('.md'));
  const articles = await Promise.all(
    files.map(async (f) => {
      const text = await readFile(path.join(root, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
      const y = parse(m[1]!) as FrontMatter;
      return {
        id: f.replace(/\.md$/, ''),
        published: y.published,
        language: (y.language ?? 'en').toLowerCase().split('-')[0]!,
        source: y.source,
        people: y.people ?? [],
        topics: (y.topics ?? []).map((t) => t.toLowerCase()),
        title: y.title,
        dek: y.dek ?? '',
        prose: proseOf(text.slice(m[0].length)),
        body: text.slice(m[0].length),
      };
    }),
  );
  articles.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id.localeCompare(b.id)));
  return articles.map(({ published: _, ...a }) => a);
}

/** A digest of related lists, by article id, in the order given. */
export function listsDigest(lists: Map<string, { earlier: string[]; later: string[] }>): string {
  return createHash('sha256')
    .update(JSON.stringify([...lists]))
    .digest('hex');
}
