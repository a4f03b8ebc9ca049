import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import archive from './src/build/integration.ts';
import { archiveBase, markdownOptions } from './src/render/pipeline.ts';
import { cacheDir } from './src/render/cache-dir.ts';
import { cspConfig } from './src/site/csp.ts';
import headersFile from './src/build/headers-file.ts';
import siteAddress, { givenSiteProblem } from './src/build/site-address.ts';

// The public address the site is served from (citations, canonical links, feeds, the sitemap and
// robots.txt name it): ARCHIVE_SITE, or write it here (`site: 'https://…'`), or `astro build
// --site https://…`. Without any, src/build/site-address.ts names this machine and says so. A
// path in it (https://example.org/archive/) is the base path (site-address.ts explains).
// An unusable one stops the build here, naming the setting and the fix (Astro only says "Invalid URL").
const siteProblem = givenSiteProblem();
if (siteProblem) throw new Error(siteProblem);
const site = process.env.ARCHIVE_SITE || undefined;
// ARCHIVE_BASE: the sub-path under that address, e.g. /archive/ for GitHub Pages project sites.
const base = archiveBase();
const archiveIntegration = archive();

export default defineConfig({
  ...(site && { site }),
  base,
  cacheDir: cacheDir(),
  trailingSlash: 'ignore',
  // Keep the whitespace between inline elements of article bodies ("<em>a</em> <strong>b</strong>").
  compressHTML: false,
  build: {
    // One cached stylesheet file instead of a copy inlined in every page (and no inline style for the CSP).
    inlineStylesheets: 'never',
    // Render several pages at once: with one, the main thread sat idle waiting for each page's
    // file writes (see docs/performance.md, "Figures behind the code").
    concurrency: 8,
  },
  markdown: {
    // Unified (remark/rehype) instead of the default engine: article bodies must pass through
    // rehype-sanitize (see src/render/pipeline.ts).
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  // A strict Content-Security-Policy in every page (src/site/csp.ts explains each directive).
  security: { csp: cspConfig },
  // The sitemap leaves out pages whose canonical address is another page (the latest version's).
  integrations: [siteAddress(), archiveIntegration, sitemap({ filter: archiveIntegration.inSitemap }), headersFile()],
  // Astro's console log with one line per built page (src/build/build-log.ts explains).
  logger: { entrypoint: new URL('./src/build/build-log.ts', import.meta.url) },
  // Rebuilds copy unchanged pages from the build cache: each page's getStaticPaths gives a cache
  // key covering what it shows (src/site/page-keys.ts); Astro adds the page's own code.
  experimental: { incrementalBuild: true },
});
