import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import type { Problem } from './problems.ts';

// Zod's issues worded for the person who has to fix the file: what is wrong with the field as
// written, and what to write instead.

const FIXES: Record<string, string> = {
  title: 'give the headline as `title: ...`',
  published: 'write the date as YYYY-MM-DD, e.g. published: 2018-09-10',
  captured: 'write the date the copy was made as YYYY-MM-DD',
  updated: 'write the date as YYYY-MM-DD, or remove the field',
  url: 'give the full address of the original, starting with https://',
  source: 'use the id of a file in sources/ (its file name without .yaml), or add that file',
  people:
    'write each person as the id of a file in people/ (its file name without .yaml), or as `{ id: ..., role: ... }`; add the file if the person is new',
  authors:
    'write each byline as the name printed (`- Jane Doe`), or as `{ name: ..., organization: true }` for an organization',
  topics: 'write each topic as a short phrase, e.g. `topics: [immigration courts, asylum]`',
  organizations: 'write each organization as its name, e.g. `organizations: [ACLU, Department of Justice]`',
  image: 'give the image as `image: { src: 2018/photo.jpg, alt: ..., caption: ..., credit: ... }`',
  publishedInferred:
    'give `publishedInferred: { latest: YYYY-MM-DD, basis: ... }` (basis: how the date was worked out)',
  name: 'give the name as `name: ...`',
  description: 'give one sentence on who they are as `description: ...`, or remove the field',
  homepage: 'give the publication home page, starting with https://',
  aliases: 'write each other name as text, e.g. `aliases: [Jeff Sessions, Sessions]`',
  links: 'give each link as `{ label: ..., url: https://... }`',
};

/** The fix to suggest for a field path such as "people.2.id". */
export function fixFor(field: string): string {
  const key = field.split('.')[0] ?? field;
  return FIXES[key] ?? 'correct the value; every field is described in README.md under "Frontmatter reference"';
}

/**
 * The nearest of `known` to `value` by edit distance (Levenshtein), when it is close enough to be
 * a likely typo: at most a third of the value's length, and at most 3 edits.
 */
export function didYouMean(value: string, known: Iterable<string>): string | undefined {
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
export function shownText(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0085\u00A0\u1680\u180E\u2000-\u200F\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/g,
    (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Fields whose value is a list, so a single value written without brackets gets its own fix. */
const LIST_FIELDS = new Set(['authors', 'people', 'organizations', 'topics', 'aliases', 'links']);

/** The schema inside its optional and default wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/**
 * The field names a mapping at `at` (a field path such as ["authors", 1]) may have under `schema`:
 * the keys of the object schema found there, through lists, unions (their object options) and
 * transforms; empty when there is none.
 */
function keysAt(schema: z.ZodType | undefined, at: readonly PropertyKey[]): string[] {
  if (schema === undefined) return [];
  const s = unwrapped(schema);
  if (s instanceof z.ZodUnion) return [...new Set((s.options as z.ZodType[]).flatMap((o) => keysAt(o, at)))];
  if (s instanceof z.ZodPipe) return keysAt(s.in as z.ZodType, at);
  const [first, ...rest] = at;
  if (first === undefined) return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
  if (s instanceof z.ZodArray) return typeof first === 'number' ? keysAt(s.element as z.ZodType, rest) : [];
  if (s instanceof z.ZodObject) return keysAt((s.shape as Record<string, z.ZodType>)[String(first)], rest);
  return [];
}

/** What a value of each type Zod expects is, in words. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields (`{ key: value, ... }`)',
  date: 'a date',
};

/** What a YAML value is, in words, for "must be text, not a list". */
function writtenAs(value: unknown): string {
  if (Array.isArray(value)) return `a list (${JSON.stringify(value)})`;
  if (value === null) return 'empty (null)';
  if (typeof value === 'object') return `a group of fields (${JSON.stringify(value)})`;
  return `${JSON.stringify(value)}`;
}

/**
 * Zod issues turned into problems for one file, each naming the field by its whole path
 * ("authors.1.role"), what is wrong and the fix; `data` is the parsed YAML, `schema` the schema it
 * was checked with (for the field names a misspelt one is compared with, at its own level).
 */
export function schemaProblems(file: string, error: z.ZodError, data: unknown, schema?: z.ZodType): Problem[] {
  return issueProblems(file, error.issues, data, schema);
}

/** The problems of a list of issues (schemaProblems); a union's issues are those of the option the value was written for. */
function issueProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType | undefined,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const known = keysAt(schema, issue.path);
        const guess = didYouMean(key, known);
        const nested = issue.path.length > 0;
        return {
          file,
          field: [...issue.path, key].join('.'),
          message: `is not a known field${guess ? `; did you mean \`${guess}\`?` : ''}`,
          fix: guess
            ? `rename it to \`${guess}\``
            : nested
              ? `remove it or correct its spelling: ${issue.path.join('.')} may have ${known.map((k) => `\`${k}\``).join(', ')}`
              : 'remove it or correct its spelling (see README.md, "Frontmatter reference")',
        };
      });
    const field = issue.path.join('.') || 'file';
    const value = valueAt(data, issue.path);
    // A value written for one option of a union (a mapping for `{ id, role }`) is told that
    // option's problems, by their own paths, not "Invalid input".
    if (issue.code === 'invalid_union' && value !== undefined) {
      const meant = issue.errors.filter(
        (option) => !option.some((i) => i.code === 'invalid_type' && i.path.length === 0),
      );
      if (meant.length === 1)
        return issueProblems(
          file,
          meant[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
          data,
          schema,
        );
    }
    const key = String(issue.path[0] ?? '');
    // A missing date fails its union of date and text, not a type check: still "missing".
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined)
      return [{ file, field, message: 'is missing', fix: fixFor(field) }];
    // An entry or field written with nothing after its `-` or colon is YAML's null: say so, not
    // "Invalid input" or "must be text, not null".
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === null) {
      const entry = typeof issue.path.at(-1) === 'number';
      return [
        {
          file,
          field,
          message: entry ? 'is an empty entry (a `-` with nothing after it)' : 'is empty (nothing after its colon)',
          fix: entry ? `remove the empty \`-\` line, or write the entry: ${fixFor(field)}` : fixFor(field),
        },
      ];
    }
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
    if (issue.code === 'invalid_type' && EXPECTED[issue.expected])
      return [
        { file, field, message: `must be ${EXPECTED[issue.expected]}, not ${writtenAs(value)}`, fix: fixFor(field) },
      ];
    // A rule across fields (schema.ts, articleRuleProblems) brings its own fix.
    const ruleFix: unknown = issue.code === 'custom' ? issue.params?.fix : undefined;
    return [{ file, field, message: issue.message, fix: typeof ruleFix === 'string' ? ruleFix : fixFor(field) }];
  });
}
