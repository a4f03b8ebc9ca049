// `npm run check`: validates the content folder without building pages; exits 1 on any problem.
import path from 'node:path';
import { argsOrExit } from './options.ts';
import { setting } from '../src/content/settings.ts';
import { displayPath, formatCounts, formatProblem, formatReport } from '../src/content/problems.ts';
import { checkContent } from '../src/content/check.ts';
import { topicSpellingNotes } from '../src/content/topics.ts';
import { isPublic } from '../src/content/schema.ts';

const USAGE = `Usage: npm run check [-- --content <dir>]

Checks every file of the content folder (default: ARCHIVE_CONTENT_DIR or ./content) without
building pages, lists every problem with its fix, and exits 1 when there is one.`;

// The folder is named as the importer names it; any other argument stops the check, so a typo
// never reports "no problems" about another folder.
const { values } = argsOrExit(
  'npm run check',
  { options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } },
  USAGE,
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = values.content ? path.resolve(values.content) : setting('ARCHIVE_CONTENT_DIR');
const { problems, notes, counts, entries } = await checkContent(root);
for (const note of notes) console.log(`note: ${formatProblem(note)}`);
// Notes are not problems: they say what the build will merge, and never fail the check.
for (const note of topicSpellingNotes(
  entries.articles.filter((a) => isPublic(a.data)).map((a) => ({ file: a.file, topics: a.data.topics })),
))
  console.log(`note: ${note}`);
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(`${displayPath(root)}: ${formatCounts(counts)} — no problems.`);
