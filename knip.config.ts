import type { KnipConfig } from 'knip';

// Unused files, exports, dependencies and binaries (https://knip.dev). Knip's Astro, Vitest and
// Prettier plugins find the pages, the content config, the test files and the tools in
// package.json's scripts. Entries ending in `!` are what users run with `npm ci --omit=dev`:
// `knip --production --strict` checks that they, and all they import, need only `dependencies`.
const config: KnipConfig = {
  entry: [
    'astro.config.ts!',
    'src/content.config.ts!',
    'src/pages/**/*.{astro,ts}!',
    // Named by package.json's scripts too, which knip counts for the default mode only (its hint
    // that these are redundant is wrong for production mode; the npm script hides hints).
    'scripts/check.ts!',
    'scripts/import.ts!',
    // Started by its URL (`new Worker(new URL(...))`) during the build, not imported.
    'src/render/render-ahead-worker.ts!',
    // Writes the extraction fixtures from their stories; run by hand (see its header).
    'tests/fixtures/extraction/generate.ts',
  ],
  // The Astro plugin's own entries (its config file, content config and pages) are listed above
  // instead: production mode leaves out a plugin's config file and non-production entries, but
  // astro.config.ts and src/content.config.ts are code the build runs.
  astro: { config: [], entry: [] },
  project: ['**/*.{ts,astro}!', '!tests/**!', '!bench/**!'],
  // Loaded by path (`createRequire(...).resolve('<name>/...')`), which knip does not follow:
  // axe-core's script is injected into pages by tests/helpers/axe.ts, vnu-jar's jar is run by
  // tests/helpers/vnu.ts.
  ignoreDependencies: ['axe-core', 'vnu-jar'],
  // Programs from the system, not npm packages: the Java runtime that runs vnu.jar
  // (tests/helpers/vnu.ts), and Hugo, which `npm run bench:hugo` builds beside the archive
  // (bench/hugo-compare.ts; Debian's package).
  ignoreBinaries: ['java', 'hugo'],
};

export default config;
