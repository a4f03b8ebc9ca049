import path from 'node:path';
import { z } from 'astro/zod';
import { isHiddenFile, listFiles, readAllUtf8, splitFrontmatter } from './files.ts';
import { rememberFrontMatter } from './front-matter-memo.ts';
import type { YamlCache } from './yaml-cache.ts';
import { parsedYaml } from './yaml-problems.ts';
import { displayPath, type Problem } from './problems.ts';
import { articleFields, articleRuleProblems, articleSchema, type personSchema, type sourceSchema } from './schema.ts';
import { idFromPath, slugify, unnamedParts } from './slug.ts';
import type { VersionData } from './version-entries.ts';
import { controlCharacterNotes, withoutControlCharacters } from './control-characters.ts';
import { fixFor, schemaProblems } from './schema-problems.ts';
import { sha256Base64url } from '../text/hash.ts';

// One collection folder read and validated file by file, for the checker (src/content/check.ts):
// each file's entry, or its problems and the fields that passed. Nothing is kept between calls:
// what a read finds is all in what it returns.

/**
 * What passed its check of a field, when the file as a whole did not: a list keeps one slot per
 * entry written, the entry where its shape is valid and `undefined` where not (so `people.<i>`
 * still names the entry the editor wrote); a group of fields (image, publishedInferred, warc)
 * keeps the parts that are valid.
 */
type CheckedPart<V> = V extends readonly (infer E)[] ? (E | undefined)[] : V extends object ? Partial<V> : V;

/** The fields of a file that failed its schema, each as far as it passed (CheckedPart). */
export type CheckedFields<T> = { [K in keyof T]?: CheckedPart<T[K]> };

/** What reading one file gives: its data when valid, its valid fields when not, its body, its problems and notes. */
interface Parsed<T> {
  data?: T | undefined;
  /** The fields that passed their own check, when the file as a whole did not (for the checks that follow). */
  partial?: CheckedFields<T> | undefined;
  body?: string;
  problems: Problem[];
  /** What the editor should know that does not fail the check (CheckResult.notes). */
  notes?: Problem[];
}

/** Reads one file's text (`file` is its path as shown); `cache` is the front matter cache of the check, if any. */
export type EntryParser<T> = (file: string, text: string, cache: YamlCache | undefined) => Parsed<T>;

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

/** What reading a collection folder found. */
interface CollectionRead<T> {
  /** The files that passed their schema, in file name order. */
  entries: Entry<T>[];
  /** The files that failed it, with the fields that passed (for the checks that follow). */
  invalid: Entry<CheckedFields<T>>[];
  /** The id and shown path of every file of the collection, valid or not. */
  present: Map<string, string>;
  problems: Problem[];
  notes: Problem[];
}

/**
 * Reads every file of a collection folder (a missing folder has none), reporting files of the
 * wrong kind (`ext`, named `expected` in messages: ".md"), files that are not UTF-8 and names
 * that give no address. Files that fail their schema are returned in `invalid` with the fields
 * that passed, so the checks that follow (references, folders) report their problems in the same
 * run.
 * @throws {NodeJS.ErrnoException} when the folder or a file cannot be read at all (EACCES).
 */
export async function readCollection<T>(
  dir: string,
  ext: RegExp,
  expected: string,
  parseOne: EntryParser<T>,
  cache?: YamlCache,
): Promise<CollectionRead<T>> {
  const read: CollectionRead<T> = { entries: [], invalid: [], present: new Map(), problems: [], notes: [] };
  const { entries, invalid, present, problems } = read;
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
    const parsed = parseOne(file, text, cache);
    problems.push(...parsed.problems);
    read.notes.push(...(parsed.notes ?? []));
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
    const digest = sha256Base64url(text);
    if (parsed.data !== undefined) entries.push({ id, file, path: abs, data: parsed.data, digest });
    else if (parsed.partial !== undefined) invalid.push({ id, file, path: abs, data: parsed.partial, digest });
  }
  return read;
}

const plainRef = z.string().trim().min(1, { error: 'must not be empty' });
const articleCheck = articleSchema({ person: plainRef, source: plainRef });
const articleFieldCheck = articleFields({ person: plainRef, source: plainRef });
/** An article's validated frontmatter (references as plain ids). */
export type ArticleData = z.output<typeof articleCheck>;
/** A person's validated data. */
export type PersonData = z.output<typeof personSchema>;
/** A source's validated data. */
export type SourceData = z.output<typeof sourceSchema>;

/** Reads and validates one article file's text. */
export function parseArticle(file: string, text: string, cache: YamlCache | undefined): Parsed<ArticleData> {
  return parseMarkdownEntry(file, text, true, cache);
}

/**
 * Reads and validates one version file's text: the article fields, without the rules that make
 * source, url and published required (a version takes them from its article file).
 */
export function parseVersion(file: string, text: string, cache: YamlCache | undefined): Parsed<VersionData> {
  return parseMarkdownEntry(file, text, false, cache);
}

/** Reads and validates a Markdown entry; `rules` adds the article rules across fields. */
function parseMarkdownEntry(
  file: string,
  text: string,
  rules: boolean,
  cache: YamlCache | undefined,
): Parsed<ArticleData | VersionData> {
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
  const { data: raw, problem } = parsedYaml(file, parts.yaml, 2, cache);
  if (problem) return { problems: [problem] };
  // Checked and published without the characters no page or feed can carry; the editor is told.
  const bodyStartLine = text.slice(0, text.length - parts.body.length).split('\n').length;
  const notes = controlCharacterNotes(file, raw, parts.body, bodyStartLine);
  const data = withoutControlCharacters(raw);
  // Handed to the articles loader, keyed by the text it was parsed from (src/content/front-matter-memo.ts).
  rememberFrontMatter(parts.yaml, data);
  const schema = rules ? articleCheck : articleFieldCheck;
  const result = schema.safeParse(data);
  const problems = result.success ? [] : schemaProblems(file, result.error, data, schema);
  const checked = result.success ? undefined : validFields(file, data, new Set(problems.map((p) => p.field)));
  problems.push(...(checked?.problems ?? []));
  const partial = checked?.fields;
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
  return { data: result.success ? result.data : undefined, partial, body: parts.body, problems, notes };
}

/**
 * The fields of an article's front matter as far as each passes its own check, checked alone
 * (CheckedFields: a list keeps its good entries in their slots, a group of fields its good
 * parts), with the problems that its bad parts hid: a rule of a group of fields (an image's alt
 * text when it has a file) runs only once every part is valid, so it is run again on the good
 * parts. `reported` are the fields already reported, not reported twice.
 */
function validFields(
  file: string,
  data: unknown,
  reported: ReadonlySet<string>,
): { fields: CheckedFields<ArticleData>; problems: Problem[] } {
  const raw = isRecord(data) ? data : {};
  const shape = articleFieldCheck.shape as Record<string, z.ZodType>;
  const fields: Record<string, unknown> = {};
  const hidden: z.core.$ZodIssue[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const whole = schema.safeParse(raw[key]);
    if (whole.success) {
      if (whole.data !== undefined) fields[key] = whole.data;
      continue;
    }
    const inner = unwrapped(schema);
    const value = raw[key];
    if (inner instanceof z.ZodArray && Array.isArray(value))
      fields[key] = value.map((entry) => checkedEntry(inner.element as z.ZodType, entry));
    else if (inner instanceof z.ZodObject && isRecord(value)) {
      const { parts, input } = goodParts(inner, value);
      fields[key] = parts;
      const again = inner.safeParse(input);
      if (!again.success) hidden.push(...again.error.issues.map((i) => ({ ...i, path: [key, ...i.path] })));
    }
  }
  const problems = hidden.length === 0 ? [] : schemaProblems(file, new z.ZodError(hidden), data, articleFieldCheck);
  return { fields, problems: problems.filter((p) => !reported.has(p.field)) };
}

/** Whether a parsed YAML value is a mapping (not a list, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema inside its optional and default wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** The object schemas a value may match: the schema itself, its union's options, or a transform's input. */
function objectSchemas(schema: z.ZodType): z.ZodObject[] {
  const s = unwrapped(schema);
  if (s instanceof z.ZodObject) return [s];
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap(objectSchemas);
  if (s instanceof z.ZodPipe) return objectSchemas(s.in as z.ZodType);
  return [];
}

/** The parts of a mapping that pass their own check: as checked (`parts`) and as written (`input`). */
function goodParts(
  schema: z.ZodObject,
  value: Record<string, unknown>,
): { parts: Record<string, unknown>; input: Record<string, unknown> } {
  const parts: Record<string, unknown> = {};
  const input: Record<string, unknown> = {};
  const shape: Record<string, z.ZodType> = schema.shape;
  for (const [key, part] of Object.entries(shape)) {
    if (!(key in value)) continue;
    const one = part.safeParse(value[key]);
    if (!one.success) continue;
    input[key] = value[key];
    if (one.data !== undefined) parts[key] = one.data;
  }
  return { parts, input };
}

/**
 * A list entry as far as it passes: the entry when valid; else, for a mapping, the entry without
 * its bad parts when that is a valid entry (`{ id: x, role: "" }` is still a reference to x);
 * else undefined.
 */
function checkedEntry(schema: z.ZodType, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isRecord(value)) return undefined;
  for (const option of objectSchemas(schema)) {
    const trimmed = schema.safeParse(goodParts(option, value).input);
    if (trimmed.success) return trimmed.data;
  }
  return undefined;
}

/** The reader of one YAML data file (a person, a source), validated with `schema`. */
export function yamlParser<S extends z.ZodType>(schema: S): EntryParser<z.output<S>> {
  return (file, text, cache) => {
    const { data: raw, problem } = parsedYaml(file, text, 1, cache);
    if (problem) return { problems: [problem] };
    const notes = controlCharacterNotes(file, raw);
    const data = withoutControlCharacters(raw);
    const result = schema.safeParse(data);
    return result.success
      ? { data: result.data, problems: [], notes }
      : { problems: schemaProblems(file, result.error, data, schema), notes };
  };
}
