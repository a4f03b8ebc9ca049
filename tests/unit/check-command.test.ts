import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// `npm run check` names its content folder the way `npm run import` does: `--content <dir>` as
// well as ARCHIVE_CONTENT_DIR. An argument it cannot use stops it, so an editor who typed the
// importer's option never reads "no problems" about another folder.

const check = (args: string[]) =>
  spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/check.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: path.resolve('content') },
  });

test('--content <dir> checks that folder, and its problems fail the check', async () => {
  const { root } = await scratchArchive('archive-check-');
  await writeFile(path.join(root, 'people', 'no-name.yaml'), 'aliases: []\n');
  const run = check(['--content', root]);
  expect(run.status, run.stdout).toBe(1);
  expect(run.stderr).toContain('no-name.yaml');
  expect(run.stdout).not.toContain('no problems');
}, 60_000);

test.each([[['--contents', 'x']], [['content']], [['--dry-run']]])(
  '%j is refused with the usage, before any folder is checked',
  (args) => {
    const run = check(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^npm run check: /);
    expect(run.stderr).toContain('--content <dir>');
    expect(run.stdout).not.toContain('no problems');
  },
  60_000,
);
