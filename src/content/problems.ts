import path from 'node:path';
import { countOf } from '../site/plural.ts';

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
