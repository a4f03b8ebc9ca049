import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// Runs `astro build` the way a user does, with the environment a user would set.

/** Result of one build: exit code and everything it printed, without terminal colour codes. */
export interface BuildResult {
  code: number;
  output: string;
}

/**
 * The environment a user's shell would have: without the variables vitest adds for its own Vite
 * (BASE_URL among them, which a child `astro build` would take for its own base path).
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX']) delete env[key];
  return env;
}

/**
 * Vite's module runner gives up on a module it waits for after 60 s ("transport invoke timed
 * out"), a limit of Vite's own, not of the archive, that a machine busy with several builds and
 * the linters at once can reach while Astro syncs its content types.
 */
const VITE_TRANSPORT_TIMEOUT = /transport invoke timed out after \d+ms/;

/**
 * Builds the site from `content` into `outDir`; never throws, so tests can assert on failures.
 * A build that failed only because Vite's module runner timed out (VITE_TRANSPORT_TIMEOUT) is run
 * once more, as a user would run it again; any other failure is returned as it is.
 * Unless `env` names one (ARCHIVE_CACHE_DIR), the build cache is the folder `<outDir>-cache`, which
 * goes with the test's other scratch folders: the default one, under node_modules/.astro/, would
 * outlive the run, keep a folder for every scratch content folder, and hand the next run's build
 * what an earlier run rendered.
 */
export async function astroBuild(
  content: string,
  outDir: string,
  env: Record<string, string> = {},
  /** More arguments for `astro build`, e.g. ['--site', 'https://…']. */
  args: string[] = [],
): Promise<BuildResult> {
  const first = await buildOnce(content, outDir, env, args);
  if (first.code === 0 || !VITE_TRANSPORT_TIMEOUT.test(first.output)) return first;
  return buildOnce(content, outDir, env, args);
}

/** One `astro build` run of astroBuild, with the same arguments. */
function buildOnce(content: string, outDir: string, env: Record<string, string>, args: string[]): Promise<BuildResult> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir, ...args], {
      env: {
        ...userEnv(),
        ARCHIVE_CONTENT_DIR: content,
        ARCHIVE_CACHE_DIR: `${path.resolve(outDir)}-cache`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Astro colours its log when CI or FORCE_COLOR is set (as CI machines do): tests read the
    // words, so the colour codes go.
    child.on('close', (code) => resolve({ code: code ?? 1, output: stripVTControlCharacters(output) }));
  });
}

/** One build of a test archive: its base path, its output folder's name, its search index part size. */
export interface BaseBuild {
  base: string;
  name: string;
  /** ARCHIVE_SEARCH_PART_SIZE: records per index part, or '' for the whole index in one part. */
  partSize: string;
}

/**
 * Builds `content` once for each of `builds`, all at once, into `<dir>/<name>` (site
 * https://archive.example.org, plus `env`), and checks that each search index is split as asked:
 * into two parts or more with a part size, into one part at most without.
 * @returns each build's output folder, by base path.
 * @throws Error naming the base path when a build fails (with what it printed) or its index is
 *   not split as asked.
 */
export async function buildAtBases(
  content: string,
  dir: string,
  builds: readonly BaseBuild[],
  env: Record<string, string> = {},
): Promise<Record<string, string>> {
  const outs = await Promise.all(
    builds.map(async ({ base, name, partSize }) => {
      const out = path.join(dir, name);
      const result = await astroBuild(content, out, {
        ARCHIVE_BASE: base,
        ARCHIVE_SITE: 'https://archive.example.org',
        ARCHIVE_SEARCH_PART_SIZE: partSize,
        ...env,
      });
      if (result.code !== 0) throw new Error(`build of ${content} (base ${base}) failed:\n${result.output}`);
      const parts = (await readdir(path.join(out, 'pagefind'))).filter((d) => d.startsWith('part-'));
      if (parts.length > 1 !== (partSize !== ''))
        throw new Error(`base ${base}, part size "${partSize}": index parts ${parts.join(', ') || 'none'}`);
      return [base, out] as const;
    }),
  );
  return Object.fromEntries(outs);
}
