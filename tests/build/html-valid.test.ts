import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { htmlFiles } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';

// The Nu HTML Checker (vnu-jar, run on Java) on every built page of both fixture builds.

const VNU = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

/** Error lines vnu reports for folders of HTML ("file":line.col: error: message), in one Java run. */
function vnuErrors(dirs: string[]): string[] {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', '--skip-non-html', ...dirs], {
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(
      `could not run Java for the Nu HTML Checker (apt-get install -y default-jre-headless): ${run.error.message}`,
    );
  return `${run.stdout}${run.stderr}`.split('\n').filter((l) => / error/.test(l));
}

// Both builds in one run of the checker (one Java start); every error line goes to one of the
// two tests, the sub-path build's by its folder name.
let errors: string[] | undefined;
const errorsOf = (build: 'root' | 'archive') =>
  (errors ??= vnuErrors([DIST_ROOT, DIST_ARCHIVE])).filter((l) => l.includes(DIST_ARCHIVE) === (build === 'archive'));

test('every page of the fixture site is valid HTML', async () => {
  expect((await htmlFiles(DIST_ROOT)).length).toBeGreaterThan(40);
  expect(errorsOf('root')).toEqual([]);
}, 120_000);

test('every page of the sub-path build is valid HTML', () => {
  expect(errorsOf('archive')).toEqual([]);
}, 120_000);
