import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../site/base-path.ts';

// The archive's public address (Astro's `site`), which every citation, canonical link, feed,
// sitemap and robots.txt names. It is given the Astro way: ARCHIVE_SITE (read in astro.config.ts),
// `site` in astro.config.ts, or `astro build --site https://…` (the flag wins). With none of them,
// the build still works, for this machine: the pages name LOCAL_SITE, and the build says so.
// An address with a path (https://example.org/archive/) is a site served under that path: Astro
// itself uses only the origin of `site` and takes the path from `base`, so the path becomes the
// base path here (ARCHIVE_BASE or --base may say the same, not something else). The base path is
// then handed to the Markdown pipeline (ARCHIVE_BASE), so links inside article bodies carry it too.

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
 * Why a site address given as `value` (by `name`: "ARCHIVE_SITE" or "--site") cannot be used, or
 * undefined when it can: it must be a whole http(s) address with its scheme, as Astro's `site`
 * (https://docs.astro.build/en/reference/configuration-reference/#site). The message names the
 * setting, the value and the fix.
 */
export function siteAddressProblem(value: string, name: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // handled below
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '') return undefined;
  const hostLike = /^[\w.-]+\.[\w-]+(:\d+)?(\/.*)?$/.test(value);
  const fix = hostLike ? `https://${value}` : 'https://archive.example.org';
  const setting = name === '--site' ? `--site ${fix}` : `${name}=${fix}`;
  return (
    `${name} is ${JSON.stringify(value)}, which is not a web address: the site address must be whole, ` +
    `with https:// or http:// in front. Give, for example, ${setting}`
  );
}

/**
 * The first unusable site address among those given before Astro reads its configuration:
 * ARCHIVE_SITE in `env` and the `--site` flag in `argv` (`--site X` or `--site=X`), as
 * siteAddressProblem describes it; undefined when all are usable. Astro's own check of `site`
 * says only "Invalid URL", naming neither the setting nor the value.
 */
export function givenSiteProblem(
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = process.argv,
): string | undefined {
  const given: [string, string][] = [];
  if (env.ARCHIVE_SITE) given.push([env.ARCHIVE_SITE, 'ARCHIVE_SITE']);
  argv.forEach((arg, i) => {
    if (arg === '--site' && argv[i + 1] !== undefined) given.push([argv[i + 1]!, '--site']);
    else if (arg.startsWith('--site=')) given.push([arg.slice('--site='.length), '--site']);
  });
  for (const [value, name] of given) {
    const problem = siteAddressProblem(value, name);
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
 * logs noSiteNotice once as a warning. The base path is put in ARCHIVE_BASE for the Markdown
 * pipeline and the body cache (src/render/), which read it when the pages are rendered. Runs at
 * `astro:config:setup`, after the flags and astro.config.ts are merged, first of the integrations
 * (the archive's and @astrojs/sitemap read the settled address and base).
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
          process.env.ARCHIVE_BASE = settled.base;
          return;
        }
        process.env.ARCHIVE_BASE = normalizeBase(config.base);
        updateConfig({ site: LOCAL_SITE });
        if (command === 'build') logger.warn(noSiteNotice(config.base));
      },
    },
  };
}
