import path from 'node:path';
import { countOf } from '../text/plural.ts';

// Problems found in the content folder, worded for the person who has to fix the file.

/** One thing wrong with one field of one file. */
export interface Problem {
  /** Path of the file, as the user would type it. */
  file: string;
  /** Field inside the file ("title", "people.2.id"), or "file" for the file as a whole. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** How a path is shown: relative to the working folder when inside it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** One problem on one line: "file: field: message. Fix: ..." (no second period after "?" or "."). */
export function formatProblem(p: Problem): string {
  const message = /[.?!]$/.test(p.message) ? p.message : `${p.message}.`;
  return `${p.file}: ${p.field}: ${message} Fix: ${p.fix}`;
}

/** What a check found, in one line: "12 articles (1 draft), 4 people, 1 source" (", 3 earlier versions" when there are any). */
export function formatCounts(c: {
  articles: number;
  drafts: number;
  people: number;
  sources: number;
  versions?: number;
}): string {
  const versions = c.versions ? `, ${countOf(c.versions, 'earlier version')}` : '';
  return `${countOf(c.articles, 'article')} (${countOf(c.drafts, 'draft')}), ${countOf(c.people, 'person', 'people')}, ${countOf(c.sources, 'source')}${versions}`;
}

/** All problems as one report, grouped in file order. */
export function formatReport(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = [...problems].sort((a, b) => a.file.localeCompare(b.file)).map((p) => `  ${formatProblem(p)}`);
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return [
    `The archive content has ${problems.length} ${noun} in ${files} file${files === 1 ? '' : 's'}:`,
    ...lines,
  ].join('\n');
}

/** How many of the other files a problem shared by a large group names (see groupProblems). */
export const NAMED = 3;

/**
 * The problems of one group of items (files) that share a value they must not share (an original
 * URL, a capture): a small group (up to NAMED + 1) gets one problem per item naming the others; a
 * larger one gets one problem, on its first item, giving the count and the first NAMED others
 * ("… and 221 more"), so 224 files naming one capture are one line, not 224 lines of 223 names.
 * `name` is how an item is named among the others; `problem` makes the problem of `item` from the
 * text naming the others, e.g. "content/b.md" or
 * "223 other files (content/b.md, content/c.md, content/d.md and 220 more)".
 */
export function groupProblems<T>(
  items: T[],
  name: (item: T) => string,
  problem: (item: T, others: string) => Problem,
): Problem[] {
  if (items.length <= NAMED + 1)
    return items.map((item) =>
      problem(
        item,
        items
          .filter((o) => o !== item)
          .map(name)
          .join(', '),
      ),
    );
  const [first, ...rest] = items;
  const named = rest.slice(0, NAMED).map(name).join(', ');
  return [problem(first!, `${countOf(rest.length, 'other file')} (${named} and ${rest.length - NAMED} more)`)];
}
