import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../content/check.ts';
import { versionsByArticle } from '../content/version-entries.ts';
import { markdownOptionsFor } from '../render/pipeline.ts';
import { partSize, type SearchPart } from '../search/parts.ts';
import { planFor } from '../search/records.ts';
import { checkBeforeBuild } from './check-content.ts';
import { awaitDataFiles, dataFilesStamp, takeDataFiles, writeDataFiles } from './data-files-output.ts';
import { frontMatterCacheFile } from './front-matter-cache.ts';
import { moveOldOutputAside, type OldOutput } from './old-output.ts';
import { outDirProblem } from './out-dir.ts';
import { tunePagefind } from './pagefind-settings.ts';
import { canonicalElsewhere } from './sitemap-filter.ts';
import { renderBodiesAhead, type BodiesAhead } from './render-ahead.ts';
import { startSearchIndex, type SearchIndexJob } from './search-index.ts';
import { searchPartsModule } from './search-parts-module.ts';

// The archive's part of `astro build`, one module per job, called in this order:
// 1. check-content: before Astro loads any collection, check the whole content folder (with the
//    front matter kept by the last build, front-matter-cache) and stop on any problem;
// then, once Astro has resolved its configuration (`astro:config:done`: the base path is final,
// whether from ARCHIVE_BASE, `--base` or the site address), each given what it needs of it:
// 2. old-output: move the previous output aside, for Astro not to empty it and for the index to
//    take its unchanged parts from;
// 3. pagefind-settings: the settings Pagefind reads from the environment;
// 4. render-ahead: article bodies rendered on the second core, in the order the index reads them;
// 5. search-index: the Pagefind index, built while Astro syncs and renders, moved into dist/ at the end;
// and once the pages are written (`astro:build:done`):
// 6. data-files-output: the data files under data/, handed over by their route, in one pass.
// The index's plan is made once, here, and handed to the search pages (search-parts-module).

/** The archive's integration, and the sitemap's filter it fills from the checked content. */
export interface ArchiveIntegration extends AstroIntegration {
  /**
   * Whether a page (its full address, as @astrojs/sitemap passes it) belongs in the sitemap:
   * false for a page whose canonical address is another page (src/build/sitemap-filter.ts).
   */
  inSitemap: (page: string) => boolean;
}

/**
 * Astro integration for content checking, the search index and the sitemap's filter, and the
 * Markdown pipeline Astro itself renders with (the site's, for the settled base path). The content
 * check runs for `astro build` and `astro dev` only: `astro preview` serves a finished build, which
 * may be of another content folder than ARCHIVE_CONTENT_DIR says now, and `astro sync` (run by
 * `astro check`) type-checks code.
 */
export default function archive(): ArchiveIntegration {
  let notInSitemap = new Set<string>();
  let old: OldOutput | undefined;
  let bodies: BodiesAhead | undefined;
  let index: SearchIndexJob | undefined;
  let checked: CheckResult | undefined;
  let parts: SearchPart[] | undefined;
  let dataCache: { folder: string; stamp: string } | undefined;
  return {
    name: 'archive',
    inSitemap: (page) => !notInSitemap.has(new URL(page).pathname),
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        // Runs after src/build/site-address.ts has settled the base path. Nothing in the site
        // renders Markdown through Astro (bodies are rendered per page, src/render/article-body.ts),
        // but anything that does gets the site's pipeline and sanitizer.
        updateConfig({ markdown: { processor: unified(markdownOptionsFor(config.base)) } });
        if (command !== 'build' && command !== 'dev') return;
        // An output folder Astro would take for one inside the project is refused before the
        // check and the build, which would fail at its end (src/build/out-dir.ts).
        const outDirRefusal =
          command === 'build' ? outDirProblem(fileURLToPath(config.outDir), process.cwd(), '--outDir') : undefined;
        if (outDirRefusal) {
          // The message is the whole story: a thrown error would be printed with a stack trace.
          logger.error(`${outDirRefusal}\n\nNothing was built.`);
          process.exit(1);
        }
        const result = await checkBeforeBuild(command, logger, frontMatterCacheFile(command, config.cacheDir));
        if (command !== 'build') {
          // No index is written in dev; the search page still shows the parts a build would have
          // (planned when it is first asked for, so content with problems stops only that page).
          updateConfig({ vite: { plugins: [searchPartsModule(() => planFor(result, partSize()))] } });
          return;
        }
        // Vite plugins are added here, before the configuration is final; the plan does not
        // depend on the base path.
        const plan = planFor(result, partSize());
        updateConfig({ vite: { plugins: [searchPartsModule(() => plan)] } });
        checked = result;
        parts = plan;
      },
      'astro:config:done': async ({ config, logger }) => {
        if (!checked || !parts) return;
        const content = checked;
        checked = undefined;
        notInSitemap = canonicalElsewhere(content, config.base);
        const outDir = fileURLToPath(config.outDir);
        const root = fileURLToPath(config.root);
        dataCache = {
          folder: path.join(fileURLToPath(config.cacheDir), 'data-files'),
          stamp: dataFilesStamp(root, `${config.base}\0${config.site ?? ''}`),
        };
        awaitDataFiles();
        old = await moveOldOutputAside(outDir, (m) => logger.warn(m));
        tunePagefind();
        const paths = new Map(content.entries.articles.map((a) => [a.id, a.path]));
        const versions = versionsByArticle(content.entries.versions);
        // An article's record holds passages of its earlier versions, so their bodies are read too.
        const order = parts.flatMap((p) =>
          p.articles.flatMap((id) => [paths.get(id)!, ...(versions.get(id) ?? []).map((v) => v.path)]),
        );
        bodies = renderBodiesAhead(order, config.base, (m) => logger.warn(m));
        index = await startSearchIndex(content, parts, bodies.html, {
          root,
          outDir,
          cacheDir: fileURLToPath(config.cacheDir),
          aside: old.aside,
          release: old.release,
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const data = takeDataFiles();
        if (data && dataCache) {
          const [start, cpu] = [performance.now(), process.cpuUsage()];
          const { written, reused } = writeDataFiles(data, fileURLToPath(dir), dataCache.folder, dataCache.stamp);
          const used = process.cpuUsage(cpu);
          const seconds = (ms: number) => (ms / 1000).toFixed(1);
          logger.info(
            `data files: ${written.length} written, ${reused} unchanged (from the cache) in ${seconds(performance.now() - start)} s (${seconds((used.user + used.system) / 1000)} s CPU)`,
          );
          for (const name of written) logger.debug(`data file written: ${name}`);
        }
        if (!bodies || !index || !old) return;
        await bodies.stop();
        logger.info(bodies.report());
        logger.info(await index.finish(fileURLToPath(dir)));
        await old.cleared;
      },
    },
  };
}
