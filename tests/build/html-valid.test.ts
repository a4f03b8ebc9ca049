import { expect, test } from 'vitest';
import { htmlFiles } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// The Nu HTML Checker (vnu-jar, run on Java) on every built page of both fixture builds.

// Both builds in one run of the checker (one Java start); every error line goes to one of the
// two tests, the sub-path build's by its folder name.
let errors: string[] | undefined;
const errorsOf = (build: 'root' | 'archive') =>
  (errors ??= vnuErrors([DIST_ROOT, DIST_ARCHIVE])).filter((l) => l.includes(DIST_ARCHIVE) === (build === 'archive'));

test('every page of the fixture site is valid HTML', async () => {
  expect((await htmlFiles(DIST_ROOT)).length).toBeGreaterThan(40);
  expect(errorsOf('root')).toEqual([]);
}, 120_000);

test('every page of the sub-path build is valid HTML', async () => {
  expect((await htmlFiles(DIST_ARCHIVE)).length).toBeGreaterThan(40);
  expect(errorsOf('archive')).toEqual([]);
}, 120_000);
