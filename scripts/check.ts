// `npm run check`: validates the content folder without building pages; exits 1 on any problem.
import { contentDir } from '../src/lib/content-dir.ts';
import { displayPath, formatCounts, formatReport } from '../src/lib/problems.ts';
import { checkContent } from '../src/lib/validate-content.ts';

const root = contentDir();
const { problems, counts } = await checkContent(root);
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(`${displayPath(root)}: ${formatCounts(counts)} — no problems.`);
