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
# needed), then run:  npm run import -- --apply-people <this file> [--content <dir>]
# Only lines marked keep are added, each tagged in the articles listed after "in:".
`;

/** The review file's text for a run's proposals: every name, marked drop, with the articles naming it. */
export function reviewText(outcomes: Outcome[], root: string): string {
  const byName = new Map<string, string[]>();
  for (const o of outcomes)
    if (o.article && (o.status === 'imported' || o.status === 'replaced'))
      for (const name of o.proposed)
        byName.set(name, [
          ...(byName.get(name) ?? []),
          path.relative(path.join(root, 'articles'), o.article).split(path.sep).join('/'),
        ]);
  const lines = [...byName]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([name, articles]) => `drop | ${name} | in: ${articles.join(', ')}`);
  return `${HEADER}${lines.join('\n')}\n`;
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
 * Applies a review file to a content folder: for each line marked keep, adds people/<id>.yaml
 * (never overwriting: an existing person with the same name is reused, another id gets -2, -3...)
 * and adds the id to `people` in each listed article. Lines marked drop change nothing. A listed
 * article that is missing or unreadable is reported in `problems`; the rest is still applied.
 * @throws Error naming the file when it cannot be read or a line is malformed (see parseReview).
 */
export async function applyReview(file: string, root: string): Promise<ApplyResult> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      `${file}: cannot read the review file (${err.code ?? err.message}); give the path --add-people printed`,
    );
  });
  const lines = parseReview(text, file);
  const index = await ExistingEntries.load(root);
  const result: ApplyResult = { added: [], tagged: [], problems: [] };
  for (const line of lines.filter((l) => l.keep)) {
    let id = index.peopleIndex.resolve(line.name);
    if (!id) {
      const base = slugify(line.name) || 'person';
      id = base;
      for (let n = 2; index.hasId('people', id) || existsSync(path.join(root, 'people', `${id}.yaml`)); n++)
        id = `${base}-${n}`;
      await writeAtomic(
        path.join(root, 'people', `${id}.yaml`),
        yamlText({
          name: line.name,
          aliases: [],
          description: `Named in ${line.articles.length} archived article(s).`,
        }),
      );
      index.addPeople([{ id, name: line.name, aliases: [] }]);
      result.added.push({ id, name: line.name });
    }
    for (const rel of line.articles) {
      const article = path.join(root, 'articles', rel);
      const parts = existsSync(article) ? splitFrontmatter(await readFile(article, 'utf8')) : null;
      if (!parts) {
        result.problems.push(`${file}: ${rel} (for ${line.name}) is not an article in ${path.join(root, 'articles')}`);
        continue;
      }
      const doc = parseYamlDocument(parts.yaml);
      const people = doc.get('people');
      const ids = Array.isArray((people as { toJSON?: () => unknown } | undefined)?.toJSON?.())
        ? ((people as { toJSON: () => unknown[] }).toJSON() as unknown[])
        : [];
      if (ids.some((p) => p === id || (typeof p === 'object' && p && (p as { id?: string }).id === id))) continue;
      doc.set('people', [...ids, id]);
      await writeAtomic(article, `---\n${doc.toString({ lineWidth: 0 }).trimEnd()}\n---\n${parts.body}`);
      result.tagged.push(rel);
    }
  }
  return result;
}
