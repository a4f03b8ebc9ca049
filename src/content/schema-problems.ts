import type { z } from 'astro/zod';
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
  people: 'use the id of a file in people/ (its file name without .yaml), or add that file',
  name: 'give the name as `name: ...`',
  description: 'give one sentence on who they are as `description: ...`, or remove the field',
  homepage: 'give the publication home page, starting with https://',
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

/** Zod issues turned into problems for one file; `data` is the parsed YAML, `known` the valid field names. */
export function schemaProblems(file: string, error: z.ZodError, data: unknown, known: string[] = []): Problem[] {
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
