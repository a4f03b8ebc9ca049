import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { archiveSettings, setting, SettingsError } from '../../src/content/settings.ts';

// The ARCHIVE_* settings are read in one module with one schema: defaults for unset or empty
// variables, and for a value that cannot be used an error naming the variable, the value and the
// fix. No other module reads them from the environment, and the README lists exactly them.
// Expected values are written out by hand.

describe('a setting not given', () => {
  test.each([{}, Object.fromEntries(Object.keys(archiveSettings({})).map((name) => [name, '']))])(
    'takes its default (%j)',
    (env) => {
      expect(archiveSettings(env)).toEqual({
        ARCHIVE_CONTENT_DIR: path.resolve('content'),
        ARCHIVE_CACHE_DIR: undefined,
        ARCHIVE_SITE: undefined,
        ARCHIVE_BASE: '/',
        ARCHIVE_TITLE: 'News Archive',
        ARCHIVE_DESCRIPTION: 'Copies of news articles worth keeping, searchable and permanent.',
        ARCHIVE_PAGE_SIZE: 20,
        ARCHIVE_QUOTES_PAGE_SIZE: 100,
        ARCHIVE_SEARCH_PART_SIZE: 2000,
      });
    },
  );
});

test('a setting given is read into its form: folders absolute, the base path with its slashes, counts as numbers', () => {
  const env = {
    ARCHIVE_CONTENT_DIR: 'my-archive',
    ARCHIVE_CACHE_DIR: 'tmp/cache',
    ARCHIVE_SITE: 'https://archive.example.org',
    ARCHIVE_BASE: 'archive',
    ARCHIVE_TITLE: 'Harbour Archive',
    ARCHIVE_PAGE_SIZE: '5',
    ARCHIVE_QUOTES_PAGE_SIZE: '7',
    ARCHIVE_SEARCH_PART_SIZE: '4',
  };
  expect(archiveSettings(env)).toMatchObject({
    ARCHIVE_CONTENT_DIR: path.join(process.cwd(), 'my-archive'),
    ARCHIVE_CACHE_DIR: path.join(process.cwd(), 'tmp', 'cache'),
    ARCHIVE_SITE: 'https://archive.example.org',
    ARCHIVE_BASE: '/archive/',
    ARCHIVE_TITLE: 'Harbour Archive',
    ARCHIVE_PAGE_SIZE: 5,
    ARCHIVE_QUOTES_PAGE_SIZE: 7,
    ARCHIVE_SEARCH_PART_SIZE: 4,
  });
  expect(setting('ARCHIVE_PAGE_SIZE', env)).toBe(5);
  expect(setting('ARCHIVE_BASE', env)).toBe('/archive/');
});

describe('a value that cannot be used is named, with the fix', () => {
  test.each([
    ['ARCHIVE_PAGE_SIZE', 'lots', 'ARCHIVE_PAGE_SIZE=20'],
    ['ARCHIVE_PAGE_SIZE', '0', 'ARCHIVE_PAGE_SIZE=20'],
    ['ARCHIVE_PAGE_SIZE', '2.5', 'ARCHIVE_PAGE_SIZE=20'],
    ['ARCHIVE_PAGE_SIZE', '-3', 'ARCHIVE_PAGE_SIZE=20'],
    ['ARCHIVE_QUOTES_PAGE_SIZE', '0', 'ARCHIVE_QUOTES_PAGE_SIZE=100'],
    ['ARCHIVE_SEARCH_PART_SIZE', 'lots', 'ARCHIVE_SEARCH_PART_SIZE=2000'],
    ['ARCHIVE_SITE', 'archive.example.org', 'ARCHIVE_SITE=https://archive.example.org'],
    ['ARCHIVE_SITE', 'ftp://example.org', 'ARCHIVE_SITE=https://archive.example.org'],
  ] as const)('%s=%s', (name, value, fix) => {
    const env = { [name]: value };
    expect(() => setting(name, env)).toThrow(SettingsError);
    expect(() => setting(name, env)).toThrow(`${name} is ${JSON.stringify(value)}`);
    expect(() => setting(name, env)).toThrow(fix);
    expect(() => archiveSettings(env)).toThrow(`${name} is ${JSON.stringify(value)}`);
  });

  test('all of them at once, one line each, when every setting is read', () => {
    const env = { ARCHIVE_PAGE_SIZE: 'lots', ARCHIVE_SITE: 'example.org', ARCHIVE_SEARCH_PART_SIZE: '0' };
    let message = '';
    try {
      archiveSettings(env);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n').map((line) => line.split(' is ')[0])).toEqual([
      'ARCHIVE_SITE',
      'ARCHIVE_PAGE_SIZE',
      'ARCHIVE_SEARCH_PART_SIZE',
    ]);
  });

  test('one setting read alone is not stopped by another one that cannot be used', () => {
    expect(setting('ARCHIVE_TITLE', { ARCHIVE_TITLE: 'Harbour Archive', ARCHIVE_PAGE_SIZE: 'lots' })).toBe(
      'Harbour Archive',
    );
  });
});

/** Every .ts, .mjs and .astro file under `dir` (relative to the project), with its path. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs|astro)$/.test(f))
    .map((f) => path.join(dir, f));
}

test('no module but src/content/settings.ts reads an ARCHIVE_* variable from the environment', () => {
  const readers = [...sources('src'), ...sources('scripts'), ...sources('bench'), 'astro.config.ts'].filter(
    (file) =>
      file !== path.join('src', 'content', 'settings.ts') &&
      /\benv\s*(\.\s*ARCHIVE_|\[\s*['"`]ARCHIVE_)/.test(readFileSync(file, 'utf8')),
  );
  expect(readers).toEqual([]);
});

test("the README's table of settings lists exactly the settings", () => {
  const readme = readFileSync('README.md', 'utf8');
  const listed = [...readme.matchAll(/^\| `(ARCHIVE_\w+)`/gm)].map((m) => m[1]).sort();
  expect(listed).toEqual(Object.keys(archiveSettings({})).sort());
});
