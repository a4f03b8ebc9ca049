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

/** Error lines vnu reports for a folder of HTML ("file":line.col: error: message). */
function vnuErrors(dir: string): string[] {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', '--skip-non-html', dir], {
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(
      `could not run Java for the Nu HTML Checker (apt-get install -y default-jre-headless): ${run.error.message}`,
    );
  return `${run.stdout}${run.stderr}`.split('\n').filter((l) => / error/.test(l));
}

test('every page of the fixture site is valid HTML', async () => {
  expect((await htmlFiles(DIST_ROOT)).length).toBeGreaterThan(40);
  expect(vnuErrors(DIST_ROOT)).toEqual([]);
}, 120_000);

test('every page of the sub-path build is valid HTML', () => {
  expect(vnuErrors(DIST_ARCHIVE)).toEqual([]);
}, 120_000);
