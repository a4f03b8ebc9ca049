// `npm run check`: validates the content folder without building pages; exits 1 on any problem.
import { setting } from '../src/content/settings.ts';
import { displayPath, formatCounts, formatProblem, formatReport } from '../src/content/problems.ts';
import { checkContent } from '../src/content/check.ts';
import { topicSpellingNotes } from '../src/content/topics.ts';
import { isPublic } from '../src/content/schema.ts';

const root = setting('ARCHIVE_CONTENT_DIR');
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
