import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml, yamlErrorLine } from './yaml.ts';
import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { ARTICLE_FILE, DATA_FILE, isHiddenFile, listFiles, readAllUtf8, splitFrontmatter } from './files.ts';
import { rememberFrontMatter } from './front-matter-memo.ts';
import { YamlCache } from './yaml-cache.ts';
import { addressKey } from './addresses.ts';
import { displayPath, groupProblems, type Problem } from './problems.ts';
import { topicKey, topicLabels, type TopicLabel } from './topics.ts';
import { formatMonth, yearMonth } from './dates.ts';
import { articleFields, articleRuleProblems, articleSchema, isPublic, personSchema, sourceSchema } from './schema.ts';
import { idFromPath, slugify, unnamedParts } from './slug.ts';
import { versionProblems, type VersionData } from './versions.ts';
import { controlCharacterNotes, withoutControlCharacters } from './control-characters.ts';

// The whole content folder checked in one pass, before any page is built: schema, encoding,
// references, duplicates. Every problem is collected, so one run shows them all.

/** What the checker found: the problems, and how many entries of each kind it read. */
export interface CheckResult {
  problems: Problem[];
  /**
   * What the editor should know but the site handles itself, so the check still passes: the
   * control characters a field or body holds, which every page and feed leaves out
   * (src/content/control-characters.ts).
   */
  notes: Problem[];
  counts: { articles: number; drafts: number; people: number; sources: number; versions: number };
  /** Every entry that passed its schema, for tools that read the archive without Astro (the search index). */
  entries: {
    articles: Entry<ArticleData>[];
    people: Entry<PersonData>[];
    sources: Entry<SourceData>[];
    /** Earlier versions of articles, content/versions/<article id>/<version id>.md (src/content/versions.ts). */
    versions: Entry<VersionData>[];
  };
}

const FIXES: Record<string, string> = {
  title: 'give the headline as `title: ...`',
  published: 'write the date as YYYY-MM-DD, e.g. published: 2018-09-10',
  captured: 'write the date the copy was made as YYYY-MM-DD',
  updated: 'write the date as YYYY-MM-DD, or remove the field',
  url: 'give the full address of the original, starting with https://',
  source: 'use the id of a file in sources/ (its file name without .yaml), or add that file',
  people: 'use the id of a file in people/ (its file name without .yaml), or add that file',
  name: 'give the name as `name: ...`',
  description: 'give one sentence on who they are as `description: ...`, or remove the field',
  homepage: 'give the publication home page, starting with https://',
};

/** The fix to suggest for a field path such as "people.2.id". */
function fixFor(field: string): string {
  const key = field.split('.')[0] ?? field;
  return FIXES[key] ?? 'correct the value; every field is described in README.md under "Frontmatter reference"';
}

/**
 * The nearest of `known` to `value` by edit distance (Levenshtein), when it is close enough to be
 * a likely typo: at most a third of the value's length, and at most 3 edits.
 */
function didYouMean(value: string, known: Iterable<string>): string | undefined {
  const list = [...known];
  if (list.length === 0) return undefined;
  const best = closest(value, list);
  const d = distance(value, best);
  return d > 0 && d <= Math.min(3, Math.max(1, Math.floor(value.length / 3))) ? best : undefined;
}

/** The value at a field path of parsed YAML, if any. */
function valueAt(data: unknown, field: PropertyKey[]): unknown {
  let v = data;
  for (const key of field)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** A value as the user wrote it, for messages. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A text quoted JSON-style for messages, so spacing shows: `" libraries"`, `"a\tb"`; spaces other
 * than U+0020 and invisible characters (no-break space, zero-width space, BOM) as `\uXXXX`.
 */
function shownText(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0085\u00A0\u1680\u180E\u2000-\u200F\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/g,
    (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Fields whose value is a list, so a single value written without brackets gets its own fix. */
const LIST_FIELDS = new Set(['authors', 'people', 'organizations', 'topics', 'aliases', 'links']);

/** Zod issues turned into problems for one file; `data` is the parsed YAML, `known` the valid field names. */
function schemaProblems(file: string, error: z.ZodError, data: unknown, known: string[] = []): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const guess = didYouMean(key, known);
        return {
          file,
          field: key,
          message: `is not a known field${guess ? `; did you mean \`${guess}\`?` : ''}`,
          fix: guess
            ? `rename it to \`${guess}\``
            : 'remove it or correct its spelling (see README.md, "Frontmatter reference")',
        };
      });
    const field = issue.path.join('.') || 'file';
    const value = valueAt(data, issue.path);
    const key = String(issue.path[0] ?? '');
    // A missing date fails its union of date and text, not a type check: still "missing".
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined)
      return [{ file, field, message: 'is missing', fix: fixFor(field) }];
    if (issue.code === 'invalid_type' && issue.expected === 'array' && LIST_FIELDS.has(key) && issue.path.length === 1)
      return [
        {
          file,
          field,
          message: `is a single value (${shown(value)}), but must be a list`,
          fix: `write it in square brackets: \`${key}: [${shown(value)}]\` (separate several with commas)`,
        },
      ];
    if (
      key === 'url' &&
      typeof value === 'string' &&
      !/^https?:\/\//i.test(value) &&
      /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value)
    )
      return [
        {
          file,
          field,
          message: `"${value}" has no scheme; it must be a full http(s) address`,
          fix: `write \`url: https://${value}\``,
        },
      ];
    // A rule across fields (schema.ts, articleRuleProblems) brings its own fix.
    const ruleFix: unknown = issue.code === 'custom' ? issue.params?.fix : undefined;
    return [{ file, field, message: issue.message, fix: typeof ruleFix === 'string' ? ruleFix : fixFor(field) }];
  });
}

/** Parsed YAML of a file, or a problem saying why it could not be read; `firstLine` is where the YAML starts in the file. */
function parseYamlText(file: string, yaml: string, firstLine = 1): { data?: unknown; problem?: Problem } {
  return yamlCache
    ? yamlCache.parse(yaml, () => parseYamlNow(file, yaml, firstLine))
    : parseYamlNow(file, yaml, firstLine);
}

/** Parsed YAML kept from the last build, while a check that was given one runs. */
let yamlCache: YamlCache | undefined;

/** The notes of the check running now (CheckResult.notes). */
let notes: Problem[] = [];

/** Parses the YAML (see parseYamlText). */
function parseYamlNow(file: string, yaml: string, firstLine: number): { data?: unknown; problem?: Problem } {
  try {
    return { data: parseYaml(yaml) ?? {} };
  } catch (err) {
    const line = yamlErrorLine(yaml, err);
    const where = line !== undefined ? ` (line ${line + firstLine - 1})` : '';
    const reason = (err as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const message = `is not valid YAML${where}: ${reason}`;
    return {
      problem: {
        file,
        field: 'frontmatter',
        message,
        fix: 'correct the YAML; quote values that contain ": " or start with a symbol',
      },
    };
  }
}

/** What reading one file gives: its data when valid, its valid fields when not, its body, and its problems. */
interface Parsed<T> {
  data?: T | undefined;
  /** The fields that passed their own check, when the file as a whole did not (for the checks that follow). */
  partial?: Partial<T> | undefined;
  body?: string;
  problems: Problem[];
}

/** One collection folder's entries, read and validated; the caller checks cross-references. */
export interface Entry<T> {
  id: string;
  /** Path as shown to the user. */
  file: string;
  /** Absolute path, for tools that read the file again (bodies are not kept in memory). */
  path: string;
  data: T;
  /** Hash of the file's text (front matter and body): what later steps compare between builds. */
  digest: string;
}

/**
 * Reads every file of a collection folder, reporting files of the wrong kind. Files that fail
 * their schema are added to `invalid` with the fields that passed, so the checks that follow
 * (references, folders) report their problems in the same run.
 */
async function readCollection<T>(
  dir: string,
  ext: RegExp,
  expected: string,
  parseOne: (file: string, text: string) => Parsed<T>,
  problems: Problem[],
  invalid: Entry<Partial<T>>[] = [],
  /** Filled with the id and shown path of every file of the collection, valid or not. */
  present: Map<string, string> = new Map(),
): Promise<Entry<T>[]> {
  const entries: Entry<T>[] = [];
  const all = (await listFiles(dir)).filter((rel) => !isHiddenFile(rel));
  const texts = readAllUtf8(all.filter((rel) => ext.test(rel)).map((rel) => path.join(dir, rel)));
  for (const rel of all) {
    const abs = path.join(dir, rel);
    const file = displayPath(abs);
    // A file of another kind ("ana-ruiz.yml") is there too, only not read (its own problem says so).
    if (ext.test(rel) || !present.has(idFromPath(rel))) present.set(idFromPath(rel), file);
    if (!ext.test(rel)) {
      problems.push({
        file,
        field: 'file',
        message: `is not read: only ${expected} files belong here`,
        fix: `rename it to ${expected} or move it out of ${displayPath(dir)}`,
      });
      continue;
    }
    const text = (await texts.next()).value![1];
    if (text === null) {
      problems.push({
        file,
        field: 'file',
        message: 'is not UTF-8 text',
        fix: 'save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)',
      });
      continue;
    }
    const id = idFromPath(rel);
    const parsed = parseOne(file, text);
    problems.push(...parsed.problems);
    // Every part of the path must give part of the address: "🎉.md" would otherwise be served at
    // its folder's address, and "x/🎉/y.md" at "x/y".
    const unnamed = unnamedParts(rel);
    if (unnamed.length > 0) {
      const title = (parsed.data ?? parsed.partial) as { title?: unknown } | undefined;
      const name = typeof title?.title === 'string' ? slugify(title.title).split('-').slice(0, 6).join('-') : '';
      const folder = path.posix.dirname(rel);
      const suggestion = `${folder === '.' ? '' : `${folder}/`}${name || 'a-short-name'}${expected}`;
      problems.push({
        file,
        field: 'file',
        message: `has a name that gives no address: "${unnamed.join('/')}" has no letters or digits to make one from`,
        fix: `rename it with letters or digits, e.g. ${suggestion}`,
      });
      continue;
    }
    const digest = createHash('sha256').update(text).digest('base64url');
    if (parsed.data !== undefined) entries.push({ id, file, path: abs, data: parsed.data, digest });
    else if (parsed.partial !== undefined) invalid.push({ id, file, path: abs, data: parsed.partial, digest });
  }
  return entries;
}

const plainRef = z.string().trim().min(1, { error: 'must not be empty' });
const articleCheck = articleSchema({ person: plainRef, source: plainRef });
const articleFieldCheck = articleFields({ person: plainRef, source: plainRef });
const ARTICLE_FIELDS = Object.keys(articleFieldCheck.shape);
/** An article's validated frontmatter (references as plain ids). */
export type ArticleData = z.output<typeof articleCheck>;
/** A person's validated data. */
type PersonData = z.output<typeof personSchema>;
/** A source's validated data. */
type SourceData = z.output<typeof sourceSchema>;

/** Reads and validates one article file's text. */
function parseArticle(file: string, text: string): Parsed<ArticleData> {
  return parseMarkdownEntry(file, text, true);
}

/**
 * Reads and validates one version file's text: the article fields, without the rules that make
 * source, url and published required (a version takes them from its article file).
 */
function parseVersion(file: string, text: string): Parsed<VersionData> {
  return parseMarkdownEntry(file, text, false);
}

/** Reads and validates a Markdown entry; `rules` adds the article rules across fields. */
function parseMarkdownEntry(file: string, text: string, rules: boolean): Parsed<ArticleData | VersionData> {
  const parts = splitFrontmatter(text);
  if (!parts)
    return {
      problems: [
        {
          file,
          field: 'frontmatter',
          message: 'is missing (the file must start with a line of three dashes)',
          fix: 'start the file with ---, the fields, then --- (see README.md)',
        },
      ],
    };
  const { data: raw, problem } = parseYamlText(file, parts.yaml, 2);
  if (problem) return { problems: [problem] };
  // Checked and published without the characters no page or feed can carry; the editor is told.
  const bodyStartLine = text.slice(0, text.length - parts.body.length).split('\n').length;
  notes.push(...controlCharacterNotes(file, raw, parts.body, bodyStartLine));
  const data = withoutControlCharacters(raw);
  rememberFrontMatter(parts.yaml, data);
  const result = (rules ? articleCheck : articleFieldCheck).safeParse(data);
  const problems = result.success ? [] : schemaProblems(file, result.error, data, ARTICLE_FIELDS);
  const partial = result.success ? undefined : validFields(data);
  if (partial && rules) {
    // The rules across fields, on the fields that are valid: reported in the same run.
    const reported = new Set(problems.map((p) => p.field.split('.')[0]));
    for (const [field, message, fix] of articleRuleProblems(partial))
      if (!reported.has(field[0]))
        problems.push({ file, field: field.join('.'), message, fix: fix ?? fixFor(field.join('.')) });
  }
  if (parts.body.trim() === '')
    problems.push({
      file,
      field: 'body',
      message: 'is empty: the article has no text',
      fix: 'paste the article text below the closing ---',
    });
  return { data: result.success ? result.data : undefined, partial, body: parts.body, problems };
}

/** The fields of an article's front matter that pass their own check, each checked alone. */
function validFields(data: unknown): Partial<ArticleData> {
  const raw = (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const shape = articleFieldCheck.shape as Record<string, z.ZodType>;
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const r = schema.safeParse(raw[key]);
    if (r.success && r.data !== undefined) valid[key] = r.data;
  }
  return valid;
}

/** Reads and validates one YAML data file with the given schema. */
function yamlParser<S extends z.ZodType>(schema: S) {
  return (file: string, text: string): Parsed<z.output<S>> => {
    const { data: raw, problem } = parseYamlText(file, text);
    if (problem) return { problems: [problem] };
    notes.push(...controlCharacterNotes(file, raw));
    const data = withoutControlCharacters(raw);
    const result = schema.safeParse(data);
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    return result.success
      ? { data: result.data, problems: [] }
      : { problems: schemaProblems(file, result.error, data, known) };
  };
}

/**
 * Entries sharing a key (id, or original URL by its addressKey) are reported (groupProblems: each
 * file of a small group, once for a large one). `shown` is the value as the entry writes it, when
 * that can differ from the key.
 */
function duplicates<T>(
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
function repeatedInArticle(
  articles: Entry<Partial<ArticleData> | Partial<VersionData>>[],
  labels: Map<string, TopicLabel>,
): Problem[] {
  const problems: Problem[] = [];
  for (const a of articles) {
    const firstPerson = new Map<string, number>();
    (a.data.people ?? []).forEach((p, i) => {
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
    const topics = (a.data.topics ?? []).map((t, i) => ({ t, i }));
    const groups = [...Map.groupBy(topics, ({ t }) => topicKey(t)).values()].filter((m) => m.length > 1);
    if (groups.length === 0) continue;
    const written = writtenTopics(a.path, topics.length);
    for (const mentions of groups) {
      // The mention kept is the one written as the site shows the topic (topicLabels, the
      // spelling the topic-spelling notes name), else the first.
      const label = labels.get(topicKey(mentions[0]!.t))?.label;
      const kept = mentions.find(({ t }) => t.replace(/\s+/g, ' ').trim() === label) ?? mentions[0]!;
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
              : text.replace(/\s+/g, ' ').trim() === keptText.replace(/\s+/g, ' ').trim()
                ? 'differing only in spacing'
                : 'differing only in letter case and spacing';
        problems.push({
          file: a.file,
          field: `topics.${i}`,
          message: `${shownText(text)} is the same topic as ${shownText(keptText)} (topics.${kept.i}), ${differs}: topics that differ only in letter case or spacing are one topic`,
          fix:
            label !== undefined && kept.t.replace(/\s+/g, ' ').trim() === label
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
 * undefined when the file no longer reads as a list of `count` topics (the caller shows the
 * checked values then).
 */
function writtenTopics(file: string, count: number): string[] | undefined {
  try {
    const parts = splitFrontmatter(readFileSync(file, 'utf8'));
    const topics = parts && (parseYaml(parts.yaml) as { topics?: unknown } | null)?.topics;
    return Array.isArray(topics) && topics.length === count && topics.every((t) => typeof t === 'string')
      ? topics
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
function referenceProblems(
  root: string,
  articles: Entry<Partial<ArticleData>>[],
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
      const id = typeof p === 'string' ? p : p.id;
      const field = typeof p === 'string' ? `people.${i}` : `people.${i}.id`;
      if (!people.has(id)) unknown(a.file, field, id, 'people', people);
    });
  }
  return problems;
}

/**
 * Articles filed in a folder that promises another date: `articles/2019/03/x.md` is served at
 * /articles/2019/03/x/, so it must be from March 2019 (its calendar day, src/content/dates.ts).
 * Folders that are not a year (and month) promise nothing.
 */
function folderProblems(root: string, articles: Entry<Partial<ArticleData>>[], found: Problem[]): Problem[] {
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
async function missingFiles(root: string, articles: Entry<Partial<ArticleData>>[]): Promise<Problem[]> {
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
    const actual = createHash('sha256')
      .update(await readFile(path.join(root, 'captures', capture)))
      .digest('hex');
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

/** Whether `p` is a folder (false when it is missing or a file). */
function isFolder(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * Checks the whole content folder and returns every problem found, with the valid entries. A bad
 * file is a problem in the result, never an exception; so is a content folder that does not exist
 * or has no articles/ folder (an empty archive is never a silent success).
 * @param options.yamlCache a file of front matter parsed by an earlier check, reused where the text is unchanged.
 * @throws {NodeJS.ErrnoException} when the folder or a file in it cannot be read at all (EACCES).
 */
export async function checkContent(root: string, options: { yamlCache?: string } = {}): Promise<CheckResult> {
  yamlCache = options.yamlCache ? await YamlCache.open(options.yamlCache) : undefined;
  notes = [];
  try {
    const result = await checkAll(root);
    await yamlCache?.save();
    return { ...result, notes };
  } finally {
    yamlCache = undefined;
    notes = [];
  }
}

/** The check itself. */
async function checkAll(root: string): Promise<Omit<CheckResult, 'notes'>> {
  const problems: Problem[] = [];
  // A mistyped ARCHIVE_CONTENT_DIR would otherwise read as an empty archive and pass, and the
  // build would publish an empty site.
  if (!isFolder(root)) {
    problems.push({
      file: displayPath(root),
      field: 'folder',
      message: `content folder ${displayPath(root)} ${existsSync(root) ? 'is not a folder' : 'does not exist'}`,
      fix: "set ARCHIVE_CONTENT_DIR to the archive's content folder (the folder that holds articles/, people/ and sources/), or unset it to use ./content",
    });
    const counts = { articles: 0, drafts: 0, people: 0, sources: 0, versions: 0 };
    return { problems, counts, entries: { articles: [], people: [], sources: [], versions: [] } };
  }
  if (!isFolder(path.join(root, 'articles')))
    problems.push({
      file: displayPath(path.join(root, 'articles')),
      field: 'folder',
      message: 'does not exist, so the archive has no articles',
      fix: `create ${displayPath(path.join(root, 'articles'))} and put the articles in it, or set ARCHIVE_CONTENT_DIR to the archive's content folder`,
    });
  const invalidArticles: Entry<Partial<ArticleData>>[] = [];
  const articles = await readCollection(
    path.join(root, 'articles'),
    ARTICLE_FILE,
    '.md',
    parseArticle,
    problems,
    invalidArticles,
  );
  const present = { people: new Map<string, string>(), sources: new Map<string, string>() };
  const people = await readCollection(
    path.join(root, 'people'),
    DATA_FILE,
    '.yaml',
    yamlParser(personSchema),
    problems,
    [],
    present.people,
  );
  const sources = await readCollection(
    path.join(root, 'sources'),
    DATA_FILE,
    '.yaml',
    yamlParser(sourceSchema),
    problems,
    [],
    present.sources,
  );
  // Addresses are made from file names (lower case, hyphens for spaces and punctuation), so
  // "Big News.md" and "big-news.md" in one folder would be one page.
  problems.push(
    ...duplicates<unknown>([...articles, ...invalidArticles], (e) => `/articles/${e.id}/`, 'file', 'the address'),
  );
  for (const list of [people, sources]) problems.push(...duplicates<unknown>(list, (e) => e.id, 'file', 'the id'));
  // The checks across files see every article, valid or not, so one run reports everything.
  const allArticles: Entry<Partial<ArticleData>>[] = [...articles, ...invalidArticles];
  const withUrl = allArticles.filter((a) => addressKey(a.data.url) !== undefined);
  problems.push(
    ...duplicates(
      withUrl,
      (e) => addressKey(e.data.url)!,
      'url',
      'the original URL',
      (e) => e.data.url!,
    ),
  );
  // The spelling the site shows each topic in, as the topic-spelling notes name it (from the valid
  // articles the site shows: drafts have no say, as on the pages and in search).
  const labels = topicLabels(articles.filter((a) => isPublic(a.data)).map((a) => a.data.topics));
  problems.push(...repeatedInArticle(allArticles, labels));
  problems.push(
    ...referenceProblems(
      root,
      allArticles,
      new Set(people.map((p) => p.id)),
      new Set(sources.map((s) => s.id)),
      present,
    ),
  );
  problems.push(...folderProblems(root, allArticles, problems));
  problems.push(...(await missingFiles(root, allArticles)));
  // Earlier versions of articles: read like articles, then checked against them.
  const invalidVersions: Entry<Partial<VersionData>>[] = [];
  const versionsDir = path.join(root, 'versions');
  const versions = await readCollection(versionsDir, /\.md$/i, '.md', parseVersion, problems, invalidVersions);
  const allVersions: Entry<Partial<VersionData>>[] = [...versions, ...invalidVersions];
  problems.push(...repeatedInArticle(allVersions, labels));
  problems.push(...versionProblems(versionsDir, allArticles, allVersions));
  problems.push(...(await missingFiles(root, allVersions)));
  const drafts = articles.filter((a) => a.data.draft).length;
  const counts = {
    articles: articles.length,
    drafts,
    people: people.length,
    sources: sources.length,
    versions: versions.length,
  };
  return { problems, counts, entries: { articles, people, sources, versions } };
}
