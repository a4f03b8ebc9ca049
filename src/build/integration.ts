import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../content/check.ts';
import { versionsByArticle } from '../content/version-entries.ts';
import { partSize } from '../search/parts.ts';
import { planFor } from '../search/records.ts';
import { checkBeforeBuild } from './check-content.ts';
import { frontMatterCacheFile } from './front-matter-cache.ts';
import { moveOldOutputAside, type OldOutput } from './old-output.ts';
import { tunePagefind } from './pagefind-settings.ts';
import { canonicalElsewhere } from './sitemap-filter.ts';
import { renderBodiesAhead, type BodiesAhead } from './render-ahead.ts';
import { startSearchIndex, type SearchIndexJob } from './search-index.ts';

// The archive's part of `astro build`, one module per job, called in this order:
// 1. check-content: before Astro loads any collection, check the whole content folder (with the
//    front matter kept by the last build, front-matter-cache) and stop on any problem;
// 2. old-output: move the previous output aside, for Astro not to empty it and for the index to
//    take its unchanged parts from;
// 3. pagefind-settings: the settings Pagefind reads from the environment;
// 4. render-ahead: article bodies rendered on the second core, in the order the index reads them;
// 5. search-index: the Pagefind index, built while Astro syncs and renders, moved into dist/ at the end.

/** The archive's integration, and the sitemap's filter it fills from the checked content. */
export interface ArchiveIntegration extends AstroIntegration {
  /**
   * Whether a page (its full address, as @astrojs/sitemap passes it) belongs in the sitemap:
   * false for a page whose canonical address is another page (src/build/sitemap-filter.ts).
   */
  inSitemap: (page: string) => boolean;
}

/**
 * Astro integration for content checking, the search index and the sitemap's filter. The content
 * check runs for `astro build` and `astro dev` only: `astro preview` serves a finished build, which
 * may be of another content folder than ARCHIVE_CONTENT_DIR says now, and `astro sync` (run by
 * `astro check`) type-checks code.
 */
export default function archive(): ArchiveIntegration {
  let notInSitemap = new Set<string>();
  let old: OldOutput | undefined;
  let bodies: BodiesAhead | undefined;
  let index: SearchIndexJob | undefined;
  return {
    name: 'archive',
    inSitemap: (page) => !notInSitemap.has(new URL(page).pathname),
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const checked: CheckResult = await checkBeforeBuild(
          command,
          logger,
          frontMatterCacheFile(command, config.cacheDir),
        );
        if (command !== 'build') return;
        notInSitemap = canonicalElsewhere(checked, config.base);
        const outDir = fileURLToPath(config.outDir);
        old = await moveOldOutputAside(outDir, (m) => logger.warn(m));
        tunePagefind();
        const parts = planFor(checked, partSize());
        const paths = new Map(checked.entries.articles.map((a) => [a.id, a.path]));
        const versions = versionsByArticle(checked.entries.versions);
        // An article's record holds passages of its earlier versions, so their bodies are read too.
        const order = parts.flatMap((p) =>
          p.articles.flatMap((id) => [paths.get(id)!, ...(versions.get(id) ?? []).map((v) => v.path)]),
        );
        bodies = renderBodiesAhead(order, (m) => logger.warn(m));
        index = await startSearchIndex(checked, parts, bodies.html, {
          root: fileURLToPath(config.root),
          outDir,
          cacheDir: fileURLToPath(config.cacheDir),
          aside: old.aside,
          release: old.release,
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!bodies || !index || !old) return;
        await bodies.stop();
        logger.info(bodies.report());
        logger.info(await index.finish(fileURLToPath(dir)));
        await old.cleared;
      },
    },
  };
}
