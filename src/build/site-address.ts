import type { AstroIntegration } from 'astro';

// The archive's public address (Astro's `site`), which every citation, canonical link, feed,
// sitemap and robots.txt names. It is given the Astro way: ARCHIVE_SITE (read in astro.config.ts),
// `site` in astro.config.ts, or `astro build --site https://…` (the flag wins). With none of them,
// the build still works, for this machine: the pages name LOCAL_SITE, and the build says so.

/** The address `astro preview` serves a build at on this machine, used when no site address is given. */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

/**
 * The notice of a build without a site address: what its outputs will name, and the three ways
 * to give the real address. `base` is the build's base path ("/" or "/archive/").
 */
export function noSiteNotice(base: string): string {
  const published = new URL(base, LOCAL_SITE).href;
  return [
    `No site address was given, so this build names ${published} (this machine) as the archive's address:`,
    '  every citation, canonical link, the feeds, the sitemap and robots.txt will point there, not at the published archive.',
    '  Give the address it will be published at, in one of these ways (README.md, "Deploying"):',
    '    ARCHIVE_SITE=https://archive.example.org npm run build',
    '    npm run build -- --site https://archive.example.org',
    "    site: 'https://archive.example.org' in astro.config.ts",
    `  For a build only looked at on this machine, give the local address to silence this: npm run build -- --site ${LOCAL_SITE}`,
  ].join('\n');
}

/**
 * Astro integration that fills in LOCAL_SITE when no site address is given, and then, for
 * `astro build` (not `astro dev`, which only serves this machine), logs noSiteNotice once as a
 * warning. Runs at `astro:config:setup`, after the `--site` flag and astro.config.ts are merged,
 * and before @astrojs/sitemap reads the address at `astro:config:done`.
 */
export default function siteAddress(): AstroIntegration {
  return {
    name: 'archive-site-address',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (config.site) return;
        updateConfig({ site: LOCAL_SITE });
        if (command === 'build') logger.warn(noSiteNotice(config.base));
      },
    },
  };
}
