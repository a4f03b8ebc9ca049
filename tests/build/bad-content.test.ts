import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';

// A content folder with several bad files: the build fails and names every problem in one run;
// `npm run check` says the same without building.

const content = path.join(TMP, 'bad-content');
const BAD = {
  'articles/2020/01/no-title.md':
    '---\nsource: the-hill\nurl: https://thehill.com/1\npublished: 2020-01-01\ncaptured: 2020-01-02\n---\n\nText.\n',
  'articles/2020/02/bad-date.md':
    '---\ntitle: Bad date\nsource: the-hill\nurl: https://thehill.com/2\npublished: 2018-02-30\ncaptured: 2020-01-02\n---\n\nText.\n',
  'articles/2020/03/unknown-person.md':
    '---\ntitle: Unknown person\nsource: the-hill\nurl: https://thehill.com/3\npublished: 2020-03-01\ncaptured: 2020-03-02\npeople: [nobody-known]\n---\n\nText.\n',
};
const EXPECTED = [
  'articles/2020/01/no-title.md: title: is missing',
  'articles/2020/02/bad-date.md: published: "2018-02-30" is not a real date',
  'articles/2020/03/unknown-person.md: people.0: "nobody-known" is not in people/',
];

beforeAll(async () => {
  await cp(path.resolve('content'), content, { recursive: true });
  for (const [rel, text] of Object.entries(BAD)) {
    await mkdir(path.dirname(path.join(content, rel)), { recursive: true });
    await writeFile(path.join(content, rel), text);
  }
});

test('astro build fails and lists every bad file, field and problem at once', async () => {
  const result = await astroBuild(content, path.join(TMP, 'dist-bad'));
  expect(result.code).not.toBe(0);
  for (const line of EXPECTED) expect(result.output).toContain(line);
  expect(result.output).toContain('The archive content has 3 problems in 3 files');
  // The list is the message: no stack trace and no "unhandled error" wrapped around it.
  expect(result.output).not.toMatch(/Stack trace|unhandled error| {4}at /i);
});

test('npm run check reports the same problems and exits non-zero', () => {
  const run = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/check.ts'], {
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content },
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  for (const line of EXPECTED) expect(run.stderr).toContain(line);
});

describe('a content folder that is not there', () => {
  const missing = path.join(TMP, 'no-such-content');
  // Paths are shown relative to the working folder when inside it (src/content/problems.ts).
  const shown = path.relative(process.cwd(), missing);

  test('npm run check fails and names the folder and ARCHIVE_CONTENT_DIR', () => {
    const run = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/check.ts'], {
      env: { ...process.env, ARCHIVE_CONTENT_DIR: missing },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`content folder ${shown} does not exist`);
    expect(run.stderr).toContain('set ARCHIVE_CONTENT_DIR');
    expect(run.stdout).not.toContain('no problems');
  });

  test('astro build fails through the same check, building nothing', async () => {
    const out = path.join(TMP, 'dist-missing-content');
    const result = await astroBuild(missing, out);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`content folder ${shown} does not exist`);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
