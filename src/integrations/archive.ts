import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../lib/content-dir.ts';
import { splitFrontmatter } from '../lib/content-files.ts';
import { formatReport } from '../lib/problems.ts';
import { partSize } from '../lib/search-parts.ts';
import { planFor, searchRecords } from '../lib/search-records.ts';
import { checkContent, type CheckResult } from '../lib/validate-content.ts';
import { buildSearchParts, type PartsReport } from './search-parts-build.ts';

// The archive's part of `astro build`:
// 1. before Astro loads any collection, check the whole content folder and fail the build with
//    every problem listed at once (Astro itself stops at the first bad entry);
// 2. while Astro syncs content and renders pages, build the Pagefind index from the same checked
//    content in Pagefind's own process (the second core), and put it into dist/pagefind/ at the end.

/** The Markdown body of an article file (for the search index). */
function articleBody(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return splitFrontmatter(text)?.body ?? text;
}

/** Astro integration for content checking and the search index. */
export default function archive(): AstroIntegration {
  let checked: CheckResult | undefined;
  let index: Promise<PartsReport> | undefined;
  let staging = '';
  return {
    name: 'archive',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        checked = await checkContent(contentDir());
        const { problems, counts } = checked;
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (command !== 'build') return logger.warn(report);
          throw new Error(`${report}\n\nNothing was built. Run \`npm run check\` to see this list again.`);
        }
        logger.info(
          `${counts.articles} articles (${counts.drafts} drafts), ${counts.people} people, ${counts.sources} sources: no problems`,
        );
        if (command !== 'build') return;
        // Start indexing now: Pagefind works in its own process while Astro syncs and renders.
        // Written beside the output folder (which Astro empties first), then moved in with one rename.
        const outDir = fileURLToPath(config.outDir);
        staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-pagefind-${process.pid}`);
        await rm(staging, { recursive: true, force: true });
        await mkdir(staging, { recursive: true });
        const parts = planFor(checked, partSize());
        // Smaller word chunks than Pagefind's default (20,000 word positions): a search downloads
        // one chunk per word per part, and with several parts the default made the first search
        // download 511 kB instead of 338 kB at 10,000 articles (measured in docs/performance.md).
        // The setting is Pagefind's, marked unstable; without it the index is only larger.
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '4000';
        const content = checked;
        const cache = path.join(fileURLToPath(config.cacheDir), 'search-index');
        index = buildSearchParts(
          parts,
          (part) => searchRecords(content, articleBody, part, parts.length),
          staging,
          cache,
        );
        index.catch(() => {}); // awaited, and any error reported, in astro:build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, seconds, parts, indexed } = await index!;
        const target = path.join(fileURLToPath(dir), 'pagefind');
        await rm(target, { recursive: true, force: true });
        await rename(staging, target);
        const reused = parts - indexed;
        logger.info(
          `search index: ${pages} pages in ${parts} part${parts === 1 ? '' : 's'}` +
            `${reused > 0 ? ` (${reused} unchanged, reused)` : ''}, ${seconds.toFixed(1)} s alongside page rendering`,
        );
      },
    },
  };
}
