import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { formatReport } from '../lib/problems.ts';
import { checkContent } from '../lib/validate-content.ts';

// Runs the content checker before Astro loads any collection, so a build with bad files fails
// with every problem listed at once (Astro itself stops at the first bad entry).

/** Fails `astro build` on any content problem; in dev it only warns, so the server keeps running. */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'archive:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        const { problems, counts } = await checkContent(contentDir());
        if (problems.length === 0) {
          logger.info(
            `${counts.articles} articles (${counts.drafts} drafts), ${counts.people} people, ${counts.sources} sources: no problems`,
          );
          return;
        }
        const report = formatReport(problems);
        if (command !== 'build') return logger.warn(report);
        throw new Error(`${report}\n\nNothing was built. Run \`npm run check\` to see this list again.`);
      },
    },
  };
}
