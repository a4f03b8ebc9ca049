import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import archive from './src/build/integration.ts';
import { archiveSettings } from './src/content/settings.ts';
import { cacheDir } from './src/render/cache-dir.ts';
import { cspConfig } from './src/site/csp.ts';
import headersFile from './src/build/headers-file.ts';
import siteAddress, { siteFlagProblem } from './src/build/site-address.ts';

// Every ARCHIVE_* setting is read and checked here first (src/content/settings.ts): an unusable
// one stops the build, naming the variable, the value and the fix. An unusable `--site` too
// (Astro's own message is only "Invalid URL").
const settings = archiveSettings();
const siteProblem = siteFlagProblem();
if (siteProblem) throw new Error(siteProblem);
const archiveIntegration = archive();

// The public address the site is served from (citations, canonical links, feeds, the sitemap and
// robots.txt name it): ARCHIVE_SITE, or write it here (`site: 'https://…'`), or `astro build
// --site https://…`. Without any, src/build/site-address.ts names this machine and says so. A
// path in it (https://example.org/archive/) is the base path (site-address.ts explains).
// ARCHIVE_BASE, or `astro build --base`: the sub-path under that address, e.g. /archive/ for
// GitHub Pages project sites. The build and the pages read both from Astro's resolved
// configuration, whichever way they were given.
export default defineConfig({
  ...(settings.ARCHIVE_SITE && { site: settings.ARCHIVE_SITE }),
  base: settings.ARCHIVE_BASE,
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
    // The processor is unified (remark/rehype) with rehype-sanitize (src/render/pipeline.ts), set by
    // the archive integration for the settled base path (src/build/integration.ts).
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
