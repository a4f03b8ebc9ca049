import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import archive from './src/build/integration.ts';
import { archiveBase, markdownOptions } from './src/render/pipeline.ts';
import { cacheDir } from './src/build/cache-dir.ts';
import { cspConfig } from './src/site/csp.ts';
import headersFile from './src/build/headers-file.ts';

// ARCHIVE_SITE: the public address the site is served from (feeds and sitemaps need it).
// ARCHIVE_BASE: the sub-path under that address, e.g. /archive/ for GitHub Pages project sites.
const site = process.env.ARCHIVE_SITE || 'http://127.0.0.1:4321';
const base = archiveBase();
const archiveIntegration = archive();

export default defineConfig({
  site,
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
  integrations: [archiveIntegration, sitemap({ filter: archiveIntegration.inSitemap }), headersFile()],
  // Rebuilds copy unchanged pages from the build cache: each page's getStaticPaths gives a cache
  // key covering what it shows (src/build/page-keys.ts); Astro adds the page's own code.
  experimental: { incrementalBuild: true },
});
