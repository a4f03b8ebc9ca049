import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter } from '../content/files.ts';
import { distance } from 'fastest-levenshtein';
import { isSeq } from 'yaml';
import { parseYamlDocument } from '../content/yaml.ts';
import { slugify } from '../content/slug.ts';
import { ExistingEntries } from './existing-entries.ts';
import { findPeople } from './people.ts';
import { ArchiveFiles, BACKUP_FOLDER, backupStamp, writeAtomic, yamlText } from './write.ts';
import { singleSpaced } from '../text/white-space.ts';

// New people go through a person: `--add-people` writes the names the importer found, with the
// articles that name them, to a review file; the user marks each line keep or drop (and may fix
// a name's spelling); `--apply-people` adds only the kept ones and tags them in those articles.

/** One line of the review file. */
export interface ReviewLine {
  keep: boolean;
  /** Marked `added`: --apply-people applied this line already, and applying again leaves it alone. */
  applied?: boolean;
  /** Its index among the file's lines (0-based), as read by parseReviewLines. */
  index?: number;
  name: string;
  /** Article files, relative to the content folder's articles/. */
  articles: string[];
  /** The person's description, as the editor wrote it after "who:". */
  who?: string;
}

const HEADER = `# People named in imported articles who are not in people/ yet.
# For each line, change "drop" to "keep" to add that person (fix the spelling of the name if
# needed), then run:  npm run import -- --apply-people <this file> --content <the folder below>
# Only lines marked keep are added, each tagged in the articles listed after "in:". To give the
# person's description, end the line with  | who: one sentence on who they are  (without it, the
# person has no description: the person page lists the articles naming them).
# Running --add-people again adds new names to this file and keeps every line and mark in it.
# --apply-people marks each line it applied "added"; applying the file again leaves those alone,
# so a tag you remove by hand stays removed.
`;

/** The header line that records the content folder a review file was made for. */
const CONTENT_LINE = /^#\s*content folder:\s*(.+?)\s*$/m;

/** Names proposed for review, each with the articles naming it (paths under articles/, "/"-separated). */
export type Proposals = Map<string, Set<string>>;

/**
 * The names each article names that are not in people/ (see findPeople), read from the article
 * files as they are now through `files` (a dry run's writes included): an editor's changes to the
 * text count, and an article already archived is reviewed without importing it again. An article
 * file that cannot be read is left out (`npm run check` reports it).
 */
export async function proposeFromArticles(
  articles: string[],
  root: string,
  index: ExistingEntries,
): Promise<Proposals> {
  const byName: Proposals = new Map();
  for (const file of articles) {
    const bytes = await index.files.bytes(file).catch(() => null);
    const parts = bytes && splitFrontmatter(Buffer.from(bytes).toString('utf8'));
    if (!parts) continue;
    const rel = path.relative(path.join(root, 'articles'), file).split(path.sep).join('/');
    for (const name of findPeople(proseOf(parts.body), index.peopleIndex).unknown)
      byName.set(name, (byName.get(name) ?? new Set()).add(rel));
  }
  return byName;
}

/**
 * The words of a Markdown body as a reader sees them, for finding names as the importer does in
 * the text it converts: links keep their text ("Mitch [McConnell](…)" is "Mitch McConnell"),
 * images, HTML tags, emphasis marks and backslash escapes go.
 */
function proseOf(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(^|[^\p{L}\p{N}])[_*]+|[_*]+(?=[^\p{L}\p{N}]|$)/gmu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/** What writeReview did. */
export interface ReviewWritten {
  /** The review file written (another name than asked when that file belongs to another content folder or cannot be read). */
  file: string;
  /** Names added as new lines, marked drop. */
  added: number;
  /** Lines already in the file, kept with their marks and spellings (some with articles added). */
  kept: number;
  /** Set when the file asked for was left alone: why. */
  instead?: string;
  /** Names not written because they hold a line break or a "|" (a review line is one line, its fields split at "|"). */
  refused?: string[];
  /** Lines of the existing file that are not review lines (see parseReviewLines): kept as they are, and reported. */
  unreadable?: string[];
}

/** A review line as written. */
const lineText = (l: ReviewLine) =>
  `${l.applied ? 'added' : l.keep ? 'keep' : 'drop'} | ${l.name} | in: ${l.articles.join(', ')}${l.who ? ` | who: ${l.who}` : ''}`;

/**
 * Writes the proposals to a review file, never losing what is in it already: an existing review
 * file for the same content folder keeps every line with its mark (keep or drop) and spelling, a
 * name already there gains the new articles naming it, and only new names are added (marked
 * drop, most-named first). A file made for another content folder, or one that cannot be read as
 * a review, is left alone and the review goes to the first free name beside it
 * (people-review-2.txt, -3…), which the result names. Written through `files` (nothing is
 * written by a dry run).
 */
export async function writeReview(
  file: string,
  root: string,
  proposals: Proposals,
  files: ArchiveFiles,
): Promise<ReviewWritten> {
  let target = file;
  let instead: string | undefined;
  let existing: ReviewLine[] = [];
  let rawLines: string[] = [];
  let unreadable: { index: number; problem: string }[] = [];
  for (let n = 2; ; n++) {
    const bytes = await files.bytes(target);
    if (bytes === null) break;
    const text = Buffer.from(bytes).toString('utf8');
    const madeFor = reviewContentFolder(text);
    const read = parseReviewLines(text, target);
    // A file with no review line at all and lines of something else is not a review file.
    const foreign = !madeFor && read.lines.length === 0 && read.problems.length > 0;
    if (!foreign && (!madeFor || path.resolve(madeFor) === path.resolve(root))) {
      existing = read.lines;
      unreadable = read.problems;
      rawLines = text.split(/\r?\n/);
      break;
    }
    instead ??= foreign
      ? `${file} cannot be read as a review file`
      : `${file} was made for the content folder ${madeFor}`;
    const ext = path.extname(file);
    target = `${file.slice(0, file.length - ext.length)}-${n}${ext}`;
  }
  const known = new Map(existing.map((l) => [l.name.toLowerCase(), l]));
  let added = 0;
  const fresh: ReviewLine[] = [];
  const refused: string[] = [];
  for (const [found, articles] of [...proposals].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))) {
    if (/[\r\n|]/.test(found)) {
      refused.push(found);
      continue;
    }
    const name = singleSpaced(found);
    const line = known.get(name.toLowerCase());
    if (line) line.articles = [...new Set([...line.articles, ...articles])];
    else {
      fresh.push({ keep: false, name, articles: [...articles] });
      added++;
    }
  }
  // The file's lines stay in their order; those that are not review lines stay as written.
  const before = [
    ...existing.map((l) => ({ index: l.index!, text: lineText(l) })),
    ...unreadable.map((u) => ({ index: u.index, text: rawLines[u.index]!.trim() })),
  ].sort((a, b) => a.index - b.index);
  const lines = [...before.map((l) => l.text), ...fresh.map(lineText)];
  await files.write(target, `${HEADER}# content folder: ${path.resolve(root)}\n${lines.join('\n')}\n`);
  return {
    file: target,
    added,
    kept: existing.length,
    ...(instead && { instead }),
    ...(refused.length && { refused }),
    ...(unreadable.length && { unreadable: unreadable.map((u) => u.problem) }),
  };
}

/** The content folder a review file's text was made for, or undefined for a file without one. */
function reviewContentFolder(text: string): string | undefined {
  return CONTENT_LINE.exec(text)?.[1];
}

/**
 * Reads a review file's text; comment and blank lines are skipped. A line that is not
 * "keep | Name | in: a.md, b.md" (or drop, added; optionally "| who: …") is not read: `problems`
 * names the file, the line and the fix, each with the line's index (0-based), and every other
 * line is still read.
 */
export function parseReviewLines(
  text: string,
  file: string,
): { lines: ReviewLine[]; problems: { index: number; problem: string }[] } {
  const out: ReviewLine[] = [];
  const problems: { index: number; problem: string }[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(keep|drop|added)\s*\|\s*([^|]+?)\s*\|\s*in:\s*([^|]+?)\s*(?:\|\s*who:\s*(.*\S)\s*)?$/i.exec(line);
    if (!m) {
      problems.push({
        index: i,
        problem: `${file}, line ${i + 1}: "${line.slice(0, 60)}" is not "keep | Name | in: article.md" (optionally "| who: …"), so it was not read; write the name and its articles on one line starting with keep or drop (added: applied already)`,
      });
      continue;
    }
    out.push({
      keep: m[1]!.toLowerCase() === 'keep',
      ...(m[1]!.toLowerCase() === 'added' && { applied: true }),
      index: i,
      name: m[2]!.replace(/\s+/g, ' '),
      articles: m[3]!
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      ...(m[4] && { who: m[4] }),
    });
  }
  return { lines: out, problems };
}

/**
 * True when `found` (a name as an article writes it) is `corrected` (the name as the editor
 * spelled it on a review line) written another way, so the article's spelling becomes an alias
 * and is not proposed again: the same names once middle initials are set aside ("Sean Musgrave",
 * "Sean R. Musgrave"), or at most two letters apart with the same initials ("Shaun Musgrave",
 * "Sean Musgrave"; not "John Musgrave", nor "Dean Musgrave"). Case is ignored.
 */
export function sameNameRespelled(found: string, corrected: string): boolean {
  const words = (n: string) => n.toLowerCase().split(/\s+/).filter(Boolean);
  const [a, b] = [words(found), words(corrected)];
  if (a.join(' ') === b.join(' ') || a.length < 2 || b.length < 2) return false;
  const full = (w: string[]) => w.filter((x) => !/^\p{L}\.?$/u.test(x)).join(' ');
  if (full(a) === full(b)) return true;
  const initials = (w: string[]) => `${w[0]![0]}${w.at(-1)![0]}`;
  return initials(a) === initials(b) && distance(full(a), full(b)) <= 2;
}

/** What applying a review file did. */
export interface ApplyResult {
  /** People added; `aliases`: the spellings the articles use that the review line corrected (see spellingsOf). */
  added: { id: string; name: string; aliases?: string[] }[];
  /** Articles tagged (paths under articles/), in order. */
  tagged: string[];
  /** For each article tagged, the copy of it as it was before (under .import-backups/; none in a dry run). */
  backups: string[];
  problems: string[];
}

/**
 * Applies a review file to a content folder: for each line marked keep whose listed articles
 * include at least one in the folder, adds people/<id>.yaml (never overwriting: an existing
 * person with the same name is reused, another id gets -2, -3...) and adds the id to `people` in
 * each of those articles (each once), changing only that field (the front matter keeps its
 * comments, order and list style). Each article rewritten is first copied to
 * `<root>/.import-backups/<time>/articles/…` (see BACKUP_FOLDER), and the result names the copies.
 * Each line applied is then marked `added` in the review file, so applying it again changes
 * nothing, and a tag the editor removed by hand stays removed. Lines marked drop change nothing.
 * A listed article that is missing or unreadable is reported in `problems`, and a kept name none
 * of whose articles is there adds no person; the rest is still applied. With `dryRun`, the
 * result says what would be done and nothing is written.
 * A line that is not a review line is reported in `problems` (see parseReviewLines) and the other
 * lines are applied.
 * @throws Error naming the file when it cannot be read, or it was made for another content folder
 *   than `root` (the message gives the --content to use).
 */
export async function applyReview(
  file: string,
  root: string,
  { dryRun = false, stamp = backupStamp() } = {},
): Promise<ApplyResult> {
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
  const read = parseReviewLines(text, file);
  const lines = read.lines;
  const index = await ExistingEntries.load(root);
  const result: ApplyResult = { added: [], tagged: [], backups: [], problems: read.problems.map((p) => p.problem) };
  const write = (target: string, data: string) => (dryRun ? Promise.resolve() : writeAtomic(target, data));
  const applied: number[] = [];
  for (const line of lines.filter((l) => l.keep)) {
    const articles: { rel: string; file: string; text: string; parts: { yaml: string; body: string } }[] = [];
    for (const rel of new Set(line.articles)) {
      const article = path.join(root, 'articles', rel);
      const text = existsSync(article) ? await readFile(article, 'utf8') : null;
      const parts = text === null ? null : splitFrontmatter(text);
      if (text !== null && parts) articles.push({ rel, file: article, text, parts });
      else
        result.problems.push(`${file}: ${rel} (for ${line.name}) is not an article in ${path.join(root, 'articles')}`);
    }
    if (articles.length === 0) {
      result.problems.push(`${file}: ${line.name} not added: none of the articles listed is in this content folder`);
      continue;
    }
    let id = index.peopleIndex.resolve(line.name);
    if (!id) {
      const others = lines.filter((l) => l !== line && (l.keep || l.applied)).map((l) => l.name);
      const aliases = [
        ...new Set(
          articles.flatMap((a) =>
            findPeople(proseOf(a.parts.body), index.peopleIndex).unknown.filter(
              (found) => !others.includes(found) && sameNameRespelled(found, line.name),
            ),
          ),
        ),
      ];
      const base = slugify(line.name) || 'person';
      id = base;
      for (let n = 2; index.hasId('people', id) || existsSync(path.join(root, 'people', `${id}.yaml`)); n++)
        id = `${base}-${n}`;
      await write(
        path.join(root, 'people', `${id}.yaml`),
        yamlText({
          name: line.name,
          aliases,
          ...(line.who && { description: line.who }),
        }),
      );
      index.addPeople([{ id, name: line.name, aliases }]);
      result.added.push({ id, name: line.name, ...(aliases.length && { aliases }) });
    }
    for (const { rel, file: article, text, parts } of articles) {
      const doc = parseYamlDocument(parts.yaml);
      const people = doc.get('people');
      const ids = isSeq(people) ? people.toJSON() : [];
      if (ids.some((p) => p === id || (typeof p === 'object' && p && (p as { id?: string }).id === id))) continue;
      // A list the editor wrote keeps its style (a flow list stays one); an empty one becomes a block list.
      if (isSeq(people) && people.items.length > 0) people.add(doc.createNode(id));
      else doc.set('people', [id]);
      const copy = path.join(root, BACKUP_FOLDER, stamp, 'articles', ...rel.split('/'));
      if (!dryRun) {
        if (!existsSync(copy)) await writeAtomic(copy, text);
        result.backups.push(copy);
      }
      await write(
        article,
        `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()}\n---\n${parts.body}`,
      );
      result.tagged.push(rel);
    }
    if (line.index !== undefined) applied.push(line.index);
  }
  // What was applied is recorded in the review file itself: those lines are marked "added".
  if (applied.length && !dryRun) {
    const raw = text.split(/(?<=\n)/);
    for (const i of applied) raw[i] = raw[i]!.replace(/^(\s*)keep\b/i, '$1added');
    await writeAtomic(file, raw.join(''));
  }
  return result;
}
