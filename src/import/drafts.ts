import path from 'node:path';
import { listFiles, readUtf8, splitFrontmatter } from '../content/files.ts';
import { parseYaml } from '../content/yaml.ts';
import { PARTIAL_NOTE } from './import-one.ts';

// The drafts waiting in a content folder (`npm run import -- --drafts`): articles saved with
// `draft: true`, each with what it lacks and the command that completes it from its kept capture.

/** One draft, as `--drafts` lists it. */
export interface Draft {
  /** The article file. */
  file: string;
  title: string;
  /** Facts it lacks: url, source, published. */
  lacks: ('url' | 'source' | 'published')[];
  /** True when only a teaser of the article was captured (the partial-capture note). */
  partial: boolean;
  /** The kept capture (captures/…), when the article names one that can be imported again. */
  capture?: string;
}

/**
 * Every article file under `<root>/articles/` whose front matter says `draft: true`, in path
 * order. A file whose front matter cannot be read is left out (`npm run check` reports it).
 */
export async function listDrafts(root: string): Promise<Draft[]> {
  const drafts: Draft[] = [];
  for (const rel of await listFiles(path.join(root, 'articles'))) {
    if (!rel.endsWith('.md')) continue;
    const file = path.join(root, 'articles', rel);
    const parts = splitFrontmatter((await readUtf8(file)) ?? '');
    let data: Record<string, unknown> = {};
    try {
      data = (parts && (parseYaml(parts.yaml) as Record<string, unknown> | null)) || {};
    } catch {
      continue;
    }
    if (data.draft !== true) continue;
    const capture = typeof data.capture === 'string' ? path.join(root, 'captures', data.capture) : undefined;
    drafts.push({
      file,
      title: typeof data.title === 'string' ? data.title : rel,
      lacks: (['url', 'source', 'published'] as const).filter((k) => !data[k]),
      partial: typeof data.editorsNote === 'string' && data.editorsNote.startsWith(PARTIAL_NOTE),
      ...(capture && !data.warc && { capture }),
    });
  }
  return drafts;
}

/** Option examples for the facts a draft lacks. */
const EXAMPLE = { url: '--url <the original address>', source: '--source <id>', published: '--published YYYY-MM-DD' };

/**
 * The `--drafts` listing: one line per draft with its headline and what it lacks, and under it
 * the command that completes it (a re-import of its kept capture with the missing facts, which
 * keeps every hand edit), or the fields to fill in by hand.
 * @param shown turns a path into the form the user sees (relative to the working folder).
 * @param content the --content given, repeated in the commands.
 */
export function formatDrafts(drafts: Draft[], shown: (p: string) => string, content?: string): string {
  const lines: string[] = [];
  for (const d of drafts) {
    const why = [
      ...(d.lacks.length ? [`lacks ${d.lacks.join(', ')}`] : []),
      ...(d.partial ? ['only a teaser was captured'] : []),
    ];
    lines.push(`${shown(d.file)}: "${d.title}"${why.length ? ` (${why.join('; ')})` : ''}`);
    if (d.lacks.length && d.capture)
      lines.push(
        `  complete it: npm run import -- ${shown(d.capture)} ${d.lacks.map((k) => EXAMPLE[k]).join(' ')}${content ? ` --content ${content}` : ''}`,
      );
    if (d.lacks.length) lines.push(`  or fill in ${d.lacks.join(', ')} in the file by hand and remove draft: true`);
    else if (!d.partial) lines.push('  has every fact: remove draft: true to publish it');
  }
  lines.push(`${drafts.length} draft${drafts.length === 1 ? '' : 's'} waiting`);
  return lines.join('\n');
}
