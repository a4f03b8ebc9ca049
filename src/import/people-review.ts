import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter } from '../content/files.ts';
import { parseYamlDocument } from '../content/yaml.ts';
import { slugify } from '../content/slug.ts';
import { ExistingEntries } from './existing-entries.ts';
import type { Outcome } from './import-one.ts';
import { writeAtomic, yamlText } from './write.ts';

// New people go through a person: `--add-people` writes the names the importer found, with the
// articles that name them, to a review file; the user marks each line keep or drop (and may fix
// a name's spelling); `--apply-people` adds only the kept ones and tags them in those articles.

/** One line of the review file. */
export interface ReviewLine {
  keep: boolean;
  name: string;
  /** Article files, relative to the content folder's articles/. */
  articles: string[];
}

const HEADER = `# People named in imported articles who are not in people/ yet.
# For each line, change "drop" to "keep" to add that person (fix the spelling of the name if
# needed), then run:  npm run import -- --apply-people <this file> --content <the folder below>
# Only lines marked keep are added, each tagged in the articles listed after "in:".
`;

/** The header line that records the content folder a review file was made for. */
const CONTENT_LINE = /^#\s*content folder:\s*(.+?)\s*$/m;

/**
 * The review file's text for a run's proposals: the content folder it was made for (absolute),
 * then every name, marked drop, with the articles naming it, each article once however many of
 * its captures (new articles, replaced ones and added versions) name the person.
 */
export function reviewText(outcomes: Outcome[], root: string): string {
  const byName = new Map<string, Set<string>>();
  for (const o of outcomes)
    if (o.article && (o.status === 'imported' || o.status === 'replaced' || o.status === 'versioned'))
      for (const name of o.proposed) {
        const articles = byName.get(name) ?? new Set<string>();
        articles.add(path.relative(path.join(root, 'articles'), o.article).split(path.sep).join('/'));
        byName.set(name, articles);
      }
  const lines = [...byName]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([name, articles]) => `drop | ${name} | in: ${[...articles].join(', ')}`);
  return `${HEADER}# content folder: ${path.resolve(root)}\n${lines.join('\n')}\n`;
}

/** The content folder a review file's text was made for, or undefined for a file without one. */
export function reviewContentFolder(text: string): string | undefined {
  return CONTENT_LINE.exec(text)?.[1];
}

/**
 * Reads a review file's text; comment and blank lines are skipped.
 * @throws Error naming the file, the line and the fix for a line that is not
 *   "keep | Name | in: a.md, b.md" or "drop | …".
 */
export function parseReview(text: string, file: string): ReviewLine[] {
  const out: ReviewLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(keep|drop)\s*\|\s*([^|]+?)\s*\|\s*in:\s*(.+)$/i.exec(line);
    if (!m)
      throw new Error(
        `${file}, line ${i + 1}: "${line.slice(0, 60)}" is not "keep | Name | in: article.md"; start the line with keep or drop and leave the rest as written`,
      );
    out.push({
      keep: m[1]!.toLowerCase() === 'keep',
      name: m[2]!.replace(/\s+/g, ' '),
      articles: m[3]!
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    });
  }
  return out;
}

/** What applying a review file did. */
export interface ApplyResult {
  added: { id: string; name: string }[];
  tagged: string[];
  problems: string[];
}

/**
 * Applies a review file to a content folder: for each line marked keep whose listed articles
 * include at least one in the folder, adds people/<id>.yaml (never overwriting: an existing
 * person with the same name is reused, another id gets -2, -3...) and adds the id to `people` in
 * each of those articles (each once). Lines marked drop change nothing. A listed article that is
 * missing or unreadable is reported in `problems`, and a kept name none of whose articles is
 * there adds no person; the rest is still applied. With `dryRun`, the result says what would be
 * done and nothing is written.
 * @throws Error naming the file when it cannot be read, a line is malformed (see parseReview), or
 *   it was made for another content folder than `root` (the message gives the --content to use).
 */
export async function applyReview(file: string, root: string, { dryRun = false } = {}): Promise<ApplyResult> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      `${file}: cannot read the review file (${err.code ?? err.message}); give the path --add-people printed`,
    );
  });
  const madeFor = reviewContentFolder(text);
  if (madeFor && path.resolve(madeFor) !== path.resolve(root))
    throw new Error(
      `${file} was made for the content folder ${madeFor}, not ${path.resolve(root)}: run again with --content ${madeFor}`,
    );
  const lines = parseReview(text, file);
  const index = await ExistingEntries.load(root);
  const result: ApplyResult = { added: [], tagged: [], problems: [] };
  const write = (target: string, data: string) => (dryRun ? Promise.resolve() : writeAtomic(target, data));
  for (const line of lines.filter((l) => l.keep)) {
    const articles: { rel: string; file: string; parts: { yaml: string; body: string } }[] = [];
    for (const rel of new Set(line.articles)) {
      const article = path.join(root, 'articles', rel);
      const parts = existsSync(article) ? splitFrontmatter(await readFile(article, 'utf8')) : null;
      if (parts) articles.push({ rel, file: article, parts });
      else
        result.problems.push(`${file}: ${rel} (for ${line.name}) is not an article in ${path.join(root, 'articles')}`);
    }
    if (articles.length === 0) {
      result.problems.push(`${file}: ${line.name} not added: none of the articles listed is in this content folder`);
      continue;
    }
    let id = index.peopleIndex.resolve(line.name);
    if (!id) {
      const base = slugify(line.name) || 'person';
      id = base;
      for (let n = 2; index.hasId('people', id) || existsSync(path.join(root, 'people', `${id}.yaml`)); n++)
        id = `${base}-${n}`;
      const n = articles.length;
      await write(
        path.join(root, 'people', `${id}.yaml`),
        yamlText({
          name: line.name,
          aliases: [],
          description: `Named in ${n} archived article${n === 1 ? '' : 's'}.`,
        }),
      );
      index.addPeople([{ id, name: line.name, aliases: [] }]);
      result.added.push({ id, name: line.name });
    }
    for (const { rel, file: article, parts } of articles) {
      const doc = parseYamlDocument(parts.yaml);
      const people = doc.get('people');
      const ids = Array.isArray((people as { toJSON?: () => unknown } | undefined)?.toJSON?.())
        ? ((people as { toJSON: () => unknown[] }).toJSON() as unknown[])
        : [];
      if (ids.some((p) => p === id || (typeof p === 'object' && p && (p as { id?: string }).id === id))) continue;
      doc.set('people', [...ids, id]);
      await write(article, `---\n${doc.toString({ lineWidth: 0 }).trimEnd()}\n---\n${parts.body}`);
      result.tagged.push(rel);
    }
  }
  return result;
}
