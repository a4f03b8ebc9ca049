import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'astro/zod';
import { listFiles, readAllUtf8, splitFrontmatter } from './content-files.ts';
import { rememberFrontMatter } from './front-matter-memo.ts';
import { YamlCache } from './yaml-cache.ts';
import { displayPath, type Problem } from './problems.ts';
import { articleSchema, personSchema, sourceSchema } from './schema.ts';
import { idFromPath } from './slug.ts';

// The whole content folder checked in one pass, before any page is built: schema, encoding,
// references, duplicates. Every problem is collected, so one run shows them all.

/** What the checker found: the problems, and how many entries of each kind it read. */
export interface CheckResult {
  problems: Problem[];
  counts: { articles: number; drafts: number; people: number; sources: number };
  /** Every entry that passed its schema, for tools that read the archive without Astro (the search index). */
  entries: { articles: Entry<ArticleData>[]; people: Entry<PersonData>[]; sources: Entry<SourceData>[] };
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
  description: 'give one sentence on who they are as `description: ...`',
  homepage: 'give the publication home page, starting with https://',
};

/** The fix to suggest for a field path such as "people.2.id". */
function fixFor(field: string): string {
  const key = field.split('.')[0] ?? field;
  return FIXES[key] ?? 'correct the value; every field is described in README.md under "Frontmatter reference"';
}

/** Zod issues turned into problems for one file. */
function schemaProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const field = issue.keys.join(', ');
      return {
        file,
        field,
        message: 'is not a known field',
        fix: 'remove it or correct its spelling (see README.md, "Frontmatter reference")',
      };
    }
    const field = issue.path.join('.') || 'file';
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { file, field, message: missing ? 'is missing' : issue.message, fix: fixFor(field) };
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

/** Parses the YAML (see parseYamlText). */
function parseYamlNow(file: string, yaml: string, firstLine: number): { data?: unknown; problem?: Problem } {
  try {
    // The core schema keeps dates as text, so impossible dates reach the strict date check.
    return { data: parseYaml(yaml, { schema: 'core', uniqueKeys: true }) ?? {} };
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line + firstLine - 1})` : '';
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

/** What reading one file gives: its data when valid, its body, and its problems. */
interface Parsed<T> {
  data?: T | undefined;
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

/** Reads every file of a collection folder, reporting files of the wrong kind. */
async function readCollection<T>(
  dir: string,
  ext: RegExp,
  expected: string,
  parseOne: (file: string, text: string) => Parsed<T>,
  problems: Problem[],
): Promise<Entry<T>[]> {
  const entries: Entry<T>[] = [];
  const all = (await listFiles(dir)).filter((rel) => !path.basename(rel).startsWith('.'));
  const texts = readAllUtf8(all.filter((rel) => ext.test(rel)).map((rel) => path.join(dir, rel)));
  for (const rel of all) {
    const abs = path.join(dir, rel);
    const file = displayPath(abs);
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
    if (!id) {
      problems.push({
        file,
        field: 'file',
        message: 'has a name that gives no usable id',
        fix: 'name the file with letters or digits, e.g. my-article.md',
      });
      continue;
    }
    const parsed = parseOne(file, text);
    problems.push(...parsed.problems);
    const digest = createHash('sha256').update(text).digest('base64url');
    if (parsed.data !== undefined) entries.push({ id, file, path: abs, data: parsed.data, digest });
  }
  return entries;
}

const plainRef = z.string().trim().min(1, { error: 'must not be empty' });
const articleCheck = articleSchema({ person: plainRef, source: plainRef });
/** An article's validated frontmatter (references as plain ids). */
export type ArticleData = z.output<typeof articleCheck>;
/** A person's validated data. */
export type PersonData = z.output<typeof personSchema>;
/** A source's validated data. */
export type SourceData = z.output<typeof sourceSchema>;

/** Reads and validates one article file's text. */
function parseArticle(file: string, text: string): Parsed<ArticleData> {
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
  const { data, problem } = parseYamlText(file, parts.yaml, 2);
  if (problem) return { problems: [problem] };
  rememberFrontMatter(parts.yaml, data);
  const result = articleCheck.safeParse(data);
  const problems = result.success ? [] : schemaProblems(file, result.error);
  if (parts.body.trim() === '')
    problems.push({
      file,
      field: 'body',
      message: 'is empty: the article has no text',
      fix: 'paste the article text below the closing ---',
    });
  return { data: result.success ? result.data : undefined, body: parts.body, problems };
}

/** Reads and validates one YAML data file with the given schema. */
function yamlParser<S extends z.ZodType>(schema: S) {
  return (file: string, text: string): Parsed<z.output<S>> => {
    const { data, problem } = parseYamlText(file, text);
    if (problem) return { problems: [problem] };
    const result = schema.safeParse(data);
    return result.success
      ? { data: result.data as z.output<S>, problems: [] }
      : { problems: schemaProblems(file, result.error) };
  };
}

/** Two or more entries sharing a key (id or URL) are each reported. */
function duplicates<T>(entries: Entry<T>[], key: (e: Entry<T>) => string, field: string, what: string): Problem[] {
  const byKey = Map.groupBy(entries, key);
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((e) => ({
        file: e.file,
        field,
        message: `${what} "${key(e)}" is also used by ${group
          .filter((o) => o !== e)
          .map((o) => o.file)
          .join(', ')}`,
        fix: field === 'file' ? 'rename one of the files' : 'keep one copy of the article and delete the other',
      })),
    );
}

/** References from articles to people and sources that do not exist. */
function referenceProblems(articles: Entry<ArticleData>[], people: Set<string>, sources: Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const a of articles) {
    if (a.data.source !== undefined && !sources.has(a.data.source))
      problems.push({
        file: a.file,
        field: 'source',
        message: `"${a.data.source}" is not in sources/`,
        fix: fixFor('source'),
      });
    a.data.people.forEach((p, i) => {
      const id = typeof p === 'string' ? p : p.id;
      const field = typeof p === 'string' ? `people.${i}` : `people.${i}.id`;
      if (!people.has(id))
        problems.push({ file: a.file, field, message: `"${id}" is not in people/`, fix: fixFor('people') });
    });
  }
  return problems;
}

/** Lead images and captures named in frontmatter whose file is not in the content folder. */
function missingFiles(root: string, articles: Entry<ArticleData>[]): Problem[] {
  const problems: Problem[] = [];
  const check = (file: string, field: string, folder: string, rel: string | undefined, fix: string) => {
    if (rel && !existsSync(path.join(root, folder, rel)))
      problems.push({ file, field, message: `"${rel}" is not in ${displayPath(path.join(root, folder))}`, fix });
  };
  for (const a of articles) {
    check(
      a.file,
      'image.src',
      'media',
      a.data.image?.src,
      'copy the image there, correct the path, or remove src and keep the credit',
    );
    check(a.file, 'capture', 'captures', a.data.capture, 'put the verbatim capture there or correct the path');
  }
  return problems;
}

/** Checks the whole content folder and returns every problem found. */
export async function checkContent(root: string, options: { yamlCache?: string } = {}): Promise<CheckResult> {
  yamlCache = options.yamlCache ? await YamlCache.open(options.yamlCache) : undefined;
  try {
    const result = await checkAll(root);
    await yamlCache?.save();
    return result;
  } finally {
    yamlCache = undefined;
  }
}

/** The check itself. */
async function checkAll(root: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const yamlFiles = /\.ya?ml$/i;
  const articles = await readCollection(path.join(root, 'articles'), /\.md$/i, '.md', parseArticle, problems);
  const people = await readCollection(
    path.join(root, 'people'),
    yamlFiles,
    '.yaml',
    yamlParser(personSchema),
    problems,
  );
  const sources = await readCollection(
    path.join(root, 'sources'),
    yamlFiles,
    '.yaml',
    yamlParser(sourceSchema),
    problems,
  );
  for (const [list, what] of [
    [articles, 'id'],
    [people, 'id'],
    [sources, 'id'],
  ] as const)
    problems.push(...duplicates<unknown>(list, (e) => e.id, 'file', `the ${what}`));
  const withUrl = articles.filter((a) => a.data.url !== undefined);
  problems.push(...duplicates(withUrl, (e) => e.data.url!, 'url', 'the original URL'));
  problems.push(...referenceProblems(articles, new Set(people.map((p) => p.id)), new Set(sources.map((s) => s.id))));
  problems.push(...missingFiles(root, articles));
  const drafts = articles.filter((a) => a.data.draft).length;
  const counts = { articles: articles.length, drafts, people: people.length, sources: sources.length };
  return { problems, counts, entries: { articles, people, sources } };
}
