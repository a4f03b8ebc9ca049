import type { AstroIntegration } from 'astro';
import { siteAddressProblem } from '../content/settings.ts';
import { normalizeBase } from '../text/base-path.ts';

// The archive's public address (Astro's `site`), which every citation, canonical link, feed,
// sitemap and robots.txt names. It is given the Astro way: ARCHIVE_SITE (src/content/settings.ts),
// `site` in astro.config.ts, or `astro build --site https://…` (the flag wins). With none of them,
// the build still works, for this machine: the pages name LOCAL_SITE, and the build says so.
// An address with a path (https://example.org/archive/) is a site served under that path: Astro
// itself uses only the origin of `site` and takes the path from `base`, so the path becomes the
// base path here (ARCHIVE_BASE or --base may say the same, not something else). Whatever gave it,
// the pages and the build then take the base path from Astro's resolved configuration, so links
// inside article bodies carry it too (src/build/integration.ts, src/render/article-body.ts).

/** The address `astro preview` serves a build at on this machine, used when no site address is given. */
const LOCAL_SITE = 'http://127.0.0.1:4321';

/**
 * The notice of a build without a site address: what its outputs will name, and the three ways
 * to give the real address. `base` is the build's base path ("/" or "/archive/").
 */
function noSiteNotice(base: string): string {
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
 * Why a site address given by the `--site` flag in `argv` (`--site X` or `--site=X`) cannot be
 * used, as siteAddressProblem describes it, or undefined when it can or none is given. Astro's own
 * check of `site` says only "Invalid URL", naming neither the setting nor the value; ARCHIVE_SITE
 * is checked with the other settings (src/content/settings.ts).
 */
export function siteFlagProblem(argv: readonly string[] = process.argv): string | undefined {
  const given: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--site' && argv[i + 1] !== undefined) given.push(argv[i + 1]!);
    else if (arg.startsWith('--site=')) given.push(arg.slice('--site='.length));
  });
  for (const value of given) {
    const problem = siteAddressProblem(value, '--site');
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The site address and base path a build uses, from the `site` and `base` it was given: a path in
 * `site` ("https://example.org/archive/") is the base path when `base` is "/" (none given), and
 * the address kept is the origin, as Astro builds every address from the origin and `base`.
 * Returns `{ site, base, note }`: `base` in normalizeBase's form, `note` a line for the build log
 * when the path was taken as the base path.
 * @throws {Error} when `site` has a path and `base` is another one: the message names both and
 * the two ways to agree.
 */
export function siteAndBase(site: string, base: string): { site: string; base: string; note?: string } {
  const url = new URL(site);
  const sitePath = normalizeBase(decodeURI(url.pathname));
  const given = normalizeBase(base);
  if (sitePath === '/') return { site, base: given };
  if (given !== '/' && given !== sitePath)
    throw new Error(
      `The site address ${site} has the path ${sitePath}, but the base path is ${given} (ARCHIVE_BASE, --base or ` +
        `base in astro.config.ts): the site cannot be served under both. Give the path in one place, e.g. ` +
        `--site ${url.origin} --base ${sitePath}, or --site ${url.origin} --base ${given}.`,
    );
  return {
    site: url.origin,
    base: sitePath,
    ...(given === '/' && {
      note: `The site address ${site} has the path ${sitePath}: the site is built to be served under ${sitePath} (its base path).`,
    }),
  };
}

/**
 * Astro integration that settles the site address and base path: a site address's path becomes
 * the base path (siteAndBase, which throws when the two disagree); with no site address, it fills
 * in LOCAL_SITE and then, for `astro build` (not `astro dev`, which only serves this machine),
 * logs noSiteNotice once as a warning. Runs at `astro:config:setup`, after the flags and
 * astro.config.ts are merged, first of the integrations (the archive's and @astrojs/sitemap read
 * the settled address and base from the configuration).
 */
export default function siteAddress(): AstroIntegration {
  return {
    name: 'archive-site-address',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (config.site) {
          const settled = siteAndBase(config.site, config.base);
          if (settled.site !== config.site) updateConfig({ site: settled.site, base: settled.base });
          if (settled.note) logger.info(settled.note);
          return;
        }
        updateConfig({ site: LOCAL_SITE });
        if (command === 'build') logger.warn(noSiteNotice(config.base));
      },
    },
  };
}
