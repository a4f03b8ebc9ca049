import { spawn } from 'node:child_process';
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
 * Builds the site from `content` into `outDir`; never throws, so tests can assert on failures.
 * Unless `env` names one (ARCHIVE_CACHE_DIR), the build cache is the folder `<outDir>-cache`, which
 * goes with the test's other scratch folders: the default one, under node_modules/.astro/, would
 * outlive the run, keep a folder for every scratch content folder, and hand the next run's build
 * what an earlier run rendered.
 */
export function astroBuild(
  content: string,
  outDir: string,
  env: Record<string, string> = {},
  /** More arguments for `astro build`, e.g. ['--site', 'https://…']. */
  args: string[] = [],
): Promise<BuildResult> {
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
