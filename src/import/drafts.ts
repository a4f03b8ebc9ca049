import path from 'node:path';
import { listFiles, readUtf8, splitFrontmatter } from '../content/files.ts';
import { parseYaml } from '../content/yaml.ts';
import { CUT_NOTE, partialNoteIn } from './import-one.ts';

// The drafts waiting in a content folder (`npm run import -- --drafts`): articles saved with
// `draft: true`, each with what it lacks and the command that completes it from its kept capture.

/** One draft, as `--drafts` lists it. */
export interface Draft {
  /** The article file. */
  file: string;
  title: string;
  /** Facts it lacks: url, source, published. */
  lacks: ('url' | 'source' | 'published')[];
  /** True when only part of the article was captured (a partial-capture note leads its editor's note). */
  partial: boolean;
  /** With `partial`: the saved page stops part-way through the article (else only a teaser was captured). */
  cut?: boolean;
  /** The kept capture (captures/…), when the article names one that can be imported again. */
  capture?: string;
  /**
   * Another article file whose own capture or one of whose versions' is the same bytes as this
   * draft's (a plain-text copy imported as a draft, then added to that article with --url): the
   * draft adds nothing, and importing its capture again cannot complete it.
   */
  archivedAs?: string;
}

/**
 * Every article file under `<root>/articles/` whose front matter says `draft: true`, in path
 * order. A file whose front matter cannot be read is left out (`npm run check` reports it).
 */
export async function listDrafts(root: string): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const read = async (file: string): Promise<Record<string, unknown> | undefined> => {
    const parts = splitFrontmatter((await readUtf8(file)) ?? '');
    try {
      return (parts && (parseYaml(parts.yaml) as Record<string, unknown> | null)) || {};
    } catch {
      return undefined;
    }
  };
  // Which article files hold each capture (by SHA-256), their versions included.
  const holders = new Map<string, Set<string>>();
  const hold = (sha: unknown, article: string) => {
    if (typeof sha === 'string') holders.set(sha, (holders.get(sha) ?? new Set()).add(article));
  };
  const found: { file: string; data: Record<string, unknown> }[] = [];
  for (const rel of await listFiles(path.join(root, 'articles'))) {
    if (!rel.endsWith('.md')) continue;
    const file = path.join(root, 'articles', rel);
    const data = await read(file);
    if (!data) continue;
    hold(data.captureSha256, file);
    found.push({ file, data });
  }
  for (const rel of await listFiles(path.join(root, 'versions'))) {
    if (!rel.endsWith('.md')) continue;
    const data = await read(path.join(root, 'versions', rel));
    const article = path.join(root, 'articles', `${path.dirname(rel)}.md`);
    if (data) hold(data.captureSha256, article);
  }
  for (const { file, data } of found) {
    if (data.draft !== true) continue;
    const archivedAs =
      typeof data.captureSha256 === 'string'
        ? [...(holders.get(data.captureSha256) ?? [])].find((f) => f !== file)
        : undefined;
    const capture = typeof data.capture === 'string' ? path.join(root, 'captures', data.capture) : undefined;
    drafts.push({
      file,
      title: typeof data.title === 'string' ? data.title : path.relative(path.join(root, 'articles'), file),
      lacks: (['url', 'source', 'published'] as const).filter((k) => !data[k]),
      partial: partialNoteIn(data.editorsNote) !== undefined,
      ...(partialNoteIn(data.editorsNote) === CUT_NOTE && { cut: true }),
      ...(capture && !data.warc && { capture }),
      ...(archivedAs && { archivedAs }),
    });
  }
  return drafts;
}

/** Option examples for the facts a draft lacks. */
const EXAMPLE = { url: '--url <the original address>', source: '--source <id>', published: '--published YYYY-MM-DD' };

/**
 * The `--drafts` listing: one line per draft with its headline and what it lacks, and under it
 * the command that completes it (a re-import of its kept capture with the missing facts, which
 * keeps every hand edit), or the fields to fill in by hand. A draft whose capture is already
 * archived in another article (see Draft.archivedAs) is named as adding nothing instead.
 * @param shown turns a path into the form the user sees (relative to the working folder).
 * @param content the --content given, repeated in the commands.
 */
export function formatDrafts(drafts: Draft[], shown: (p: string) => string, content?: string): string {
  const lines: string[] = [];
  for (const d of drafts) {
    const why = [
      ...(d.lacks.length ? [`lacks ${d.lacks.join(', ')}`] : []),
      ...(d.partial
        ? [d.cut ? 'the saved page stops part-way through the article' : 'only a teaser was captured']
        : []),
    ];
    lines.push(`${shown(d.file)}: "${d.title}"${why.length ? ` (${why.join('; ')})` : ''}`);
    if (d.archivedAs) {
      lines.push(
        `  the same capture is archived in ${shown(d.archivedAs)}: this draft adds nothing; move any edit you made to it there, then delete it${d.capture ? ` and ${shown(d.capture)}` : ''}`,
      );
      continue;
    }
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
