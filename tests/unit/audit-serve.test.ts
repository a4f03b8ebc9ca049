import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../bench/serve.ts';
import { builtBase, missingFiles } from '../../bench/served-build.ts';

// `npm run audit` serves a build under the base path it was built for, and refuses a build whose
// pages do not find their files, instead of scoring pages without their stylesheet.

let root: string;

/** A small built site for `base`, its home page naming `canonical`; `drop` leaves out files. */
async function site(name: string, base: string, canonical: string | undefined, drop: string[] = []): Promise<string> {
  const dist = path.join(root, name);
  const page = (title: string) =>
    `<!doctype html><html><head><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}<link rel="stylesheet" href="${base}_astro/site.css"><script type="module" src="${base}search.js"></script></head><body><h1>${title}</h1></body></html>`;
  const files: Record<string, string> = {
    'index.html': page('Home'),
    'articles/2018/09/a/index.html': page('An article'),
    'search/index.html': page('Search'),
    '_astro/site.css': 'body{color:#111}',
    'search.js': 'export {};',
  };
  for (const [rel, text] of Object.entries(files)) {
    if (drop.includes(rel)) continue;
    await mkdir(path.dirname(path.join(dist, rel)), { recursive: true });
    await writeFile(path.join(dist, rel), text);
  }
  return dist;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'audit-serve-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the base path of a build', () => {
  test.each([
    ['/archive/', 'https://archive.example.org/archive/'],
    ['/', 'https://archive.example.org/'],
    ['/a/b/', 'http://127.0.0.1:4321/a/b/'],
  ])('a build for %s is read as such from its home page', async (base, canonical) => {
    expect(await builtBase(await site(`base${base.replace(/\//g, '-')}`, base, canonical))).toBe(base);
  });

  test('served under its base, a build for /archive/ finds every file; served at / (as before), its stylesheet and script are missing', async () => {
    const dist = await site('archive', '/archive/', 'https://archive.example.org/archive/');
    const right = await serve(dist, '/archive/');
    try {
      expect(await missingFiles(right.origin, ['/archive/', '/archive/articles/2018/09/a/'])).toEqual([]);
    } finally {
      await right.close();
    }
    const wrong = await serve(dist, '/');
    try {
      expect(await missingFiles(wrong.origin, ['/'])).toEqual([
        '/archive/_astro/site.css (linked from /): 404',
        '/archive/search.js (linked from /): 404',
      ]);
    } finally {
      await wrong.close();
    }
  });
});

describe('npm run audit refuses, before starting a browser', () => {
  const audit = (dist: string) =>
    spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/audit.ts', dist], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  test('a build whose stylesheet is not where its pages ask for it: exit 1, the file named, no scores', async () => {
    const dist = await site('no-css', '/archive/', 'https://archive.example.org/archive/', ['_astro/site.css']);
    const run = audit(dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not audited');
    expect(run.stderr).toContain('/archive/_astro/site.css (linked from /archive/): 404');
    expect(run.stdout).not.toMatch(/\| home \|/);
  }, 60_000);

  test('a build whose home page names no canonical address: exit 1, saying why', async () => {
    const dist = await site('no-canonical', '/', undefined);
    const run = audit(dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('names no canonical address');
  }, 60_000);
});
