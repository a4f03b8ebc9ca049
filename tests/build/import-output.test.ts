import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importAll } from '../../src/import/run.ts';
import { astroBuild } from '../helpers/build.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { TMP } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// What the importer writes must build into valid, accessible pages: the whole labelled set of
// saved pages is imported into an empty archive and built, and every imported article page is
// checked with the Nu HTML Checker and with axe-core.

const CONTENT = path.join(TMP, 'imported-content');
const DIST = path.join(TMP, 'dist-imported');
const VNU = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

let articlePages: string[] = [];

beforeAll(async () => {
  await rm(CONTENT, { recursive: true, force: true });
  await cp(path.resolve('content/people'), path.join(CONTENT, 'people'), { recursive: true });
  await cp(path.resolve('content/sources'), path.join(CONTENT, 'sources'), { recursive: true });
  const run = await importAll([path.resolve('tests/fixtures/extraction')], CONTENT, {
    dryRun: false,
    force: false,
    addPeople: false,
    maxBytes: 20_000_000,
    given: {},
  });
  expect(run.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.file}: ${o.reason}`)).toEqual([]);
  const built = await astroBuild(CONTENT, DIST, { ARCHIVE_SITE: 'https://archive.example.org' });
  if (built.code !== 0) throw new Error(`build of the imported labelled set failed:\n${built.output}`);
  articlePages = (await htmlFiles(path.join(DIST, 'articles')))
    .filter((f) => f.endsWith('/index.html') && f.split('/').length === 5)
    .map((f) => path.join(DIST, 'articles', f));
}, 300_000);

test('every imported article page is valid HTML (Nu HTML Checker)', () => {
  expect(articlePages.length).toBeGreaterThanOrEqual(60);
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...articlePages], {
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`could not run Java for the Nu HTML Checker: ${run.error.message}`);
  expect(`${run.stdout}${run.stderr}`.split('\n').filter((l) => / error/.test(l))).toEqual([]);
}, 180_000);

describe('axe-core on every imported article page', () => {
  /** Tabs checking pages at once. */
  const TABS = 3;
  let site: Served;
  let pages: Page[];
  let close: () => Promise<void>;
  beforeAll(async () => {
    const browser = await launchChromium();
    site = await serve(DIST, '/');
    pages = await Promise.all(Array.from({ length: TABS }, () => browser.newPage()));
    close = async () => {
      await browser.close();
      await site.close();
    };
  }, 60_000);
  afterAll(async () => close?.());

  test('no WCAG 2.2 AA or best-practice violations', async () => {
    const violations: string[] = [];
    const check = async (page: Page, file: string) => {
      const url = `/${path.relative(DIST, path.dirname(file)).split(path.sep).join('/')}/`;
      await page.goto(site.origin + url);
      for (const line of await axeViolations(page)) violations.push(`${url} ${line}`);
    };
    await Promise.all(
      pages.map(async (page, i) => {
        for (const file of articlePages.filter((_, j) => j % TABS === i)) await check(page, file);
      }),
    );
    expect(violations.sort()).toEqual([]);
  }, 300_000);
});
