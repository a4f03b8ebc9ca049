import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from './yaml.ts';
import { splitFrontmatter } from './files.ts';
import { displayPath, groupProblems, type Problem } from './problems.ts';
import { topicKey, type TopicLabel } from './topics.ts';
import { formatMonth, yearMonth } from './dates.ts';
import type { VersionData } from './version-entries.ts';
import type { ArticleData, CheckedFields, Entry } from './read-collection.ts';
import { didYouMean, shownText } from './schema-problems.ts';
import { sha256Hex } from '../text/hash.ts';
import { singleSpaced } from '../text/white-space.ts';

// The checks across files, once every collection is read (src/content/read-collection.ts): ids,
// addresses and URLs used twice, repeats inside one article, references to people and sources,
// folders that promise another date, and the files front matter names. Each returns the problems
// it finds; none keeps anything between calls.

/**
 * Entries sharing a key (id, or original URL by its addressKey) are reported (groupProblems: each
 * file of a small group, once for a large one). `shown` is the value as the entry writes it, when
 * that can differ from the key.
 */
export function duplicates<T>(
  entries: Entry<T>[],
  key: (e: Entry<T>) => string,
  field: string,
  what: string,
  shown: (e: Entry<T>) => string = key,
): Problem[] {
  const byKey = Map.groupBy(entries, key);
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) => {
      // Written alike ("…/a" twice) or not ("http://…/a/" and "https://…/a?utm_source=x").
      const alike = new Set(group.map(shown)).size === 1;
      const name = (e: Entry<T>) => (alike ? e.file : `${e.file} (as "${shown(e)}")`);
      return groupProblems(group, name, (e, others) => ({
        file: e.file,
        field,
        message: `${what} "${shown(e)}" is also used by ${others}${alike ? '' : ': addresses that differ only in http/https, a trailing slash, a #fragment or tracking parameters (utm_source, fbclid, …) are one article'}`,
        fix:
          field === 'file'
            ? 'rename one of the files (addresses ignore case, spaces and punctuation)'
            : 'keep one copy of the article and delete the other',
      }));
    });
}

/**
 * The same person named twice in one article's (or version's) people (as `id` or as
 * `{ id, role }`), and the same topic twice in its topics (by topicKey: "libraries" and "Libraries" are one topic, as on
 * the site). The second mention is reported, naming the first.
 */
export function repeatedInArticle(
  articles: Entry<CheckedFields<ArticleData> | CheckedFields<VersionData>>[],
  labels: Map<string, TopicLabel>,
): Problem[] {
  const problems: Problem[] = [];
  for (const a of articles) {
    const firstPerson = new Map<string, number>();
    // An entry of bad shape (undefined: its own problem is reported) is skipped, the others keeping their numbers.
    (a.data.people ?? []).forEach((p, i) => {
      if (p === undefined) return;
      const id = typeof p === 'string' ? p : p.id;
      const first = firstPerson.get(id);
      if (first === undefined) return void firstPerson.set(id, i);
      problems.push({
        file: a.file,
        field: `people.${i}`,
        message: `names "${id}" again (people.${first} names them already)`,
        fix: `keep one entry for ${id}; to give a role, write it on that one: \`{ id: ${id}, role: ... }\``,
      });
    });
    const topics = (a.data.topics ?? []).flatMap((t, i) => (t === undefined ? [] : [{ t, i }]));
    const groups = [...Map.groupBy(topics, ({ t }) => topicKey(t)).values()].filter((m) => m.length > 1);
    if (groups.length === 0) continue;
    const written = writtenTopics(a.path, a.data.topics?.length ?? 0);
    for (const mentions of groups) {
      // The mention kept is the one written as the site shows the topic (topicLabels, the
      // spelling the topic-spelling notes name), else the first.
      const label = labels.get(topicKey(mentions[0]!.t))?.label;
      const kept = mentions.find(({ t }) => singleSpaced(t) === label) ?? mentions[0]!;
      // Shown as written, spaces and all (the schema trims them, so "libraries" and " libraries"
      // would read the same).
      const keptText = written?.[kept.i] ?? kept.t;
      for (const { t, i } of mentions) {
        if (i === kept.i) continue;
        const text = written?.[i] ?? t;
        const differs =
          text === keptText
            ? 'written the same way twice'
            : text.toLocaleLowerCase('und') === keptText.toLocaleLowerCase('und')
              ? 'differing only in letter case'
              : singleSpaced(text) === singleSpaced(keptText)
                ? 'differing only in spacing'
                : 'differing only in letter case and spacing';
        problems.push({
          file: a.file,
          field: `topics.${i}`,
          message: `${shownText(text)} is the same topic as ${shownText(keptText)} (topics.${kept.i}), ${differs}: topics that differ only in letter case or spacing are one topic`,
          fix:
            label !== undefined && singleSpaced(kept.t) === label
              ? `remove ${shownText(text)} and keep ${shownText(keptText)}, the spelling the site shows`
              : `remove ${shownText(text)} and keep ${shownText(keptText)}`,
        });
      }
    }
  }
  return problems;
}

/**
 * The topics of a Markdown entry as its front matter writes them, before the schema trims them;
 * undefined when the file no longer reads as a list of `count` topics, and an entry that is not
 * text is undefined (the caller shows the checked values then).
 */
function writtenTopics(file: string, count: number): (string | undefined)[] | undefined {
  try {
    const parts = splitFrontmatter(readFileSync(file, 'utf8'));
    const topics = parts && (parseYaml(parts.yaml) as { topics?: unknown } | null)?.topics;
    return Array.isArray(topics) && topics.length === count
      ? topics.map((t: unknown) => (typeof t === 'string' ? t : undefined))
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * References from articles to people and sources that do not exist, with the nearest existing id;
 * `root` is the content folder. `people` and `sources` are the valid ids; `present` maps the id
 * of every file in people/ and sources/, valid or not, to its shown path: a reference to a file
 * there that is not valid says so (the file's own problems say why), not that the file is missing.
 */
export function referenceProblems(
  root: string,
  articles: Entry<CheckedFields<ArticleData>>[],
  people: Set<string>,
  sources: Set<string>,
  present: { people: Map<string, string>; sources: Map<string, string> },
): Problem[] {
  const problems: Problem[] = [];
  const unknown = (file: string, field: string, id: string, folder: 'people' | 'sources', known: Set<string>) => {
    const invalidFile = present[folder].get(id);
    if (invalidFile !== undefined)
      return void problems.push({
        file,
        field,
        message: `"${id}" is ${invalidFile}, which is not valid (its own problems are listed under that file)`,
        fix: `correct ${invalidFile}; this reference is then right as it is`,
      });
    const guess = didYouMean(id, known);
    const newFile = displayPath(path.join(root, folder, `${id}.yaml`));
    problems.push({
      file,
      field,
      message: `"${id}" is not in ${folder}/${guess ? `; did you mean \`${guess}\`?` : ''}`,
      fix: guess
        ? `write \`${guess}\`, or add ${newFile} if "${id}" is meant`
        : `use the id of a file in ${folder}/ (its file name without .yaml), or add ${newFile}`,
    });
  };
  for (const a of articles) {
    if (a.data.source !== undefined && !sources.has(a.data.source))
      unknown(a.file, 'source', a.data.source, 'sources', sources);
    (a.data.people ?? []).forEach((p, i) => {
      if (p === undefined) return;
      const id = typeof p === 'string' ? p : p.id;
      const field = typeof p === 'string' ? `people.${i}` : `people.${i}.id`;
      if (!people.has(id)) unknown(a.file, field, id, 'people', people);
    });
  }
  return problems;
}

/**
 * Articles filed in a folder that promises another date: `articles/2019/03/x.md` is served at
 * /articles/2019/03/x/, so it must be from March 2019 (its calendar day, src/content/dates.ts);
 * and a dated article left in `articles/undated/`, the importer's folder for drafts without a
 * date. Other folders that are not a year (and month) promise nothing.
 */
export function folderProblems(
  root: string,
  articles: Entry<CheckedFields<ArticleData>>[],
  found: Problem[],
): Problem[] {
  const problems: Problem[] = [];
  // A date already reported as wrong says nothing about where the file belongs.
  const badDate = new Set(found.filter((p) => p.field === 'published').map((p) => p.file));
  for (const a of articles) {
    if (!a.data.published || badDate.has(a.file)) continue;
    const rel = path.relative(path.join(root, 'articles'), a.path).split(path.sep);
    const [y, m] = rel;
    const { year, month } = yearMonth(a.data.published);
    const yearFolder = rel.length > 1 && /^\d{4}$/.test(y!);
    const monthFolder = yearFolder && rel.length > 2 && /^(0[1-9]|1[0-2])$/.test(m!);
    // articles/undated/ is where the importer files drafts without a date: one given its date
    // (by hand) goes to its dated folder before it is published, as the importer moves it.
    if (rel.length === 2 && y === 'undated') {
      problems.push({
        file: a.file,
        field: 'published',
        message: `is ${a.data.published}, but the file is in articles/undated/, the folder for drafts without a date, so its address would say undated`,
        fix: `move the file to ${displayPath(path.join(root, 'articles', year, month, rel[1]!))} (its versions folder, if any, from versions/undated/ with it); importing its capture again with --force moves it and keeps every edit`,
      });
      continue;
    }
    if ((yearFolder && y !== year) || (monthFolder && m !== month)) {
      const where = monthFolder ? `${y}/${m}` : y!;
      const right = monthFolder ? `${year}/${month}` : year;
      const promised = monthFolder ? formatMonth(y!, m!) : y!;
      problems.push({
        file: a.file,
        field: 'published',
        message: `is ${a.data.published}, but the file is in articles/${where}/, so its address promises ${promised}`,
        fix: `move the file to ${displayPath(path.join(root, 'articles', right, ...rel.slice(monthFolder ? 2 : 1)))} (or correct the date)`,
      });
    }
  }
  return problems;
}

/**
 * Lead images and captures named in frontmatter whose file is not in the content folder, and
 * captures whose bytes do not have the SHA-256 the article gives (the article page shows that
 * hash as proof the published copy is unaltered, so it must be the hash of what is published).
 */
export async function missingFiles(root: string, articles: Entry<CheckedFields<ArticleData>>[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const check = (file: string, field: string, folder: string, rel: string | undefined, fix: string) => {
    if (rel && !existsSync(path.join(root, folder, rel))) {
      problems.push({ file, field, message: `"${rel}" is not in ${displayPath(path.join(root, folder))}`, fix });
      return false;
    }
    return rel !== undefined;
  };
  for (const a of articles) {
    check(
      a.file,
      'image.src',
      'media',
      a.data.image?.src,
      'copy the image there, correct the path, or remove src and keep the credit',
    );
    const capture = a.data.capture;
    if (!check(a.file, 'capture', 'captures', capture, 'put the verbatim capture there or correct the path')) continue;
    const given = a.data.captureSha256;
    if (!given || !capture) continue;
    const actual = sha256Hex(await readFile(path.join(root, 'captures', capture)));
    if (actual !== given)
      problems.push({
        file: a.file,
        field: 'captureSha256',
        message: `is ${given}, but the SHA-256 of captures/${capture} is ${actual}: the capture is not the file that was hashed`,
        fix: `restore the original capture; or, if this capture is the right one, write captureSha256: ${actual}`,
      });
  }
  return problems;
}
