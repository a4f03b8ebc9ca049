import type { AstroIntegrationLogger } from 'astro';
import { checkContent, type CheckResult } from '../content/check.ts';
import { setting } from '../content/settings.ts';
import { formatCounts, formatProblem, formatReport } from '../content/problems.ts';
import { topicSpellingNotes } from '../content/topics.ts';
import { isPublic } from '../content/schema.ts';

// The build's first job: check the whole content folder before Astro loads any collection, and
// fail the build with every problem listed at once (Astro itself stops at the first bad entry).

/**
 * Checks the content folder (ARCHIVE_CONTENT_DIR or ./content) and logs the counts and topic
 * spelling notes. With problems, `astro build` logs the whole list and ends the process with
 * exit code 1 (the list is the whole message: a thrown error would get a stack trace and an
 * "unhandled error" around it from Astro); `astro dev` logs them as a warning and goes on.
 * @param yamlCache the file of front matter parsed by the last build (see front-matter-cache.ts), if any.
 * @returns the checked content, which the search index is built from.
 */
export async function checkBeforeBuild(
  command: string,
  logger: AstroIntegrationLogger,
  yamlCache: string | undefined,
): Promise<CheckResult> {
  const checked = await checkContent(setting('ARCHIVE_CONTENT_DIR'), yamlCache ? { yamlCache } : {});
  const { problems, counts } = checked;
  for (const note of checked.notes) logger.warn(`note: ${formatProblem(note)}`);
  if (problems.length > 0) {
    const report = formatReport(problems);
    if (command !== 'build') {
      logger.warn(report);
      return checked;
    }
    logger.error(`${report}\n\nNothing was built. Run \`npm run check\` to see this list again.`);
    process.exit(1);
  }
  logger.info(`${formatCounts(counts)}: no problems`);
  // Drafts have no say in a topic's spelling, as on the pages.
  const articles = checked.entries.articles
    .filter((a) => isPublic(a.data))
    .map((a) => ({ file: a.file, topics: a.data.topics }));
  for (const note of topicSpellingNotes(articles)) logger.info(`note: ${note}`);
  return checked;
}
