import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  awaitDataFiles,
  dataFilesStamp,
  handOverDataFiles,
  takeDataFiles,
  writeDataFiles,
} from '../../src/build/data-files-output.ts';
import type { DataFile } from '../../src/site/data-files.ts';

// The data files written in one pass at the end of a build: the files and bytes the list says,
// a rebuild writing again only the files whose cache key changed and taking the rest from the
// cache, every file present in each build's output, and an older output left as it was.

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-files-output-'));
  folders.push(dir);
  return dir;
}

/** A data file whose text is `text`, counting how often the text is made. */
function file(name: string, format: 'csv' | 'jsonl', cacheKey: string, text: string, made: string[]): DataFile {
  return {
    name,
    format,
    cacheKey,
    text: () => {
      made.push(`${name}.${format}`);
      return text;
    },
  };
}

/** Every file under `dir`, by path relative to it (with "/"), and its bytes as UTF-8 text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) out[name.split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

const CSV = '\uFEFFid,headline\r\n2018/09/a,"Judges, told"\r\n';
const JSONL = '{"id":"2018/09/a","headline":"Judges — told ≠ ü"}\n';

describe('writeDataFiles', () => {
  test('writes each file under data/ with its name, form and exact bytes', () => {
    const [out, cache] = [scratch(), scratch()];
    const made: string[] = [];
    const files = [
      file('articles', 'jsonl', 'k1', JSONL, made),
      file('articles', 'csv', 'k1', CSV, made),
      file('people/maria-okafor', 'csv', 'k2', '', made),
    ];
    const result = writeDataFiles(files, out, cache, 'stamp');
    expect(tree(out)).toEqual({
      'data/articles.jsonl': JSONL,
      'data/articles.csv': CSV,
      'data/people/maria-okafor.csv': '',
    });
    expect(readFileSync(path.join(out, 'data/articles.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result).toEqual({ written: ['articles.jsonl', 'articles.csv', 'people/maria-okafor.csv'], reused: 0 });
  });

  test('a rebuild into a new output writes only the files whose key changed, and every file is there', () => {
    const cache = scratch();
    const first = scratch();
    writeDataFiles(
      [file('articles', 'csv', 'a1', CSV, []), file('topics/housing', 'csv', 'h1', 'housing 1\r\n', [])],
      first,
      cache,
      'stamp',
    );
    const second = scratch();
    const made: string[] = [];
    const result = writeDataFiles(
      [file('articles', 'csv', 'a1', CSV, made), file('topics/housing', 'csv', 'h2', 'housing 2\r\n', made)],
      second,
      cache,
      'stamp',
    );
    expect(made).toEqual(['topics/housing.csv']);
    expect(result).toEqual({ written: ['topics/housing.csv'], reused: 1 });
    expect(tree(second)).toEqual({ 'data/articles.csv': CSV, 'data/topics/housing.csv': 'housing 2\r\n' });
    // The earlier output keeps what it held: the changed file is a new file, not the old one overwritten.
    expect(tree(first)).toEqual({ 'data/articles.csv': CSV, 'data/topics/housing.csv': 'housing 1\r\n' });
  });

  test('another stamp (code or base path changed) writes every file again', () => {
    const cache = scratch();
    writeDataFiles([file('articles', 'csv', 'a1', 'old\r\n', [])], scratch(), cache, 'one');
    const made: string[] = [];
    const out = scratch();
    writeDataFiles([file('articles', 'csv', 'a1', 'new\r\n', made)], out, cache, 'two');
    expect(made).toEqual(['articles.csv']);
    expect(tree(out)).toEqual({ 'data/articles.csv': 'new\r\n' });
  });

  test('a file no longer listed is in neither the output nor the cache', () => {
    const cache = scratch();
    writeDataFiles(
      [file('articles', 'csv', 'a1', CSV, []), file('people/gone', 'csv', 'g', 'gone\r\n', [])],
      scratch(),
      cache,
      's',
    );
    const out = scratch();
    writeDataFiles([file('articles', 'csv', 'a1', CSV, [])], out, cache, 's');
    expect(Object.keys(tree(out))).toEqual(['data/articles.csv']);
    expect(Object.keys(tree(cache)).filter((f) => f.startsWith('files/'))).toEqual(['files/articles.csv']);
  });

  test('a cache copy that went missing is written again', () => {
    const cache = scratch();
    writeDataFiles([file('articles', 'csv', 'a1', CSV, [])], scratch(), cache, 's');
    rmSync(path.join(cache, 'files/articles.csv'));
    const made: string[] = [];
    const out = scratch();
    writeDataFiles([file('articles', 'csv', 'a1', CSV, made)], out, cache, 's');
    expect(made).toEqual(['articles.csv']);
    expect(tree(out)).toEqual({ 'data/articles.csv': CSV });
  });
});

describe('the hand-over from the route to the integration', () => {
  test('the files are handed over only when the integration waits for them, and taken once', () => {
    const files = [file('articles', 'csv', 'k', CSV, [])];
    // No one waits (the dev server): the route serves the files itself.
    expect(handOverDataFiles(files)).toBe(false);
    expect(takeDataFiles()).toBeUndefined();
    awaitDataFiles();
    expect(handOverDataFiles(files)).toBe(true);
    expect(takeDataFiles()).toBe(files);
    expect(takeDataFiles()).toBeUndefined();
    expect(handOverDataFiles(files)).toBe(false);
  });
});

describe('dataFilesStamp', () => {
  test('changes with any file under src/, the lockfile and the base path, and with nothing else', () => {
    const root = scratch();
    mkdirSync(path.join(root, 'src/site'), { recursive: true });
    writeFileSync(path.join(root, 'src/site/data-files.ts'), 'a');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const stamp = dataFilesStamp(root, '/');
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(path.join(root, 'README.md'), 'not code');
    expect(dataFilesStamp(root, '/')).toBe(stamp);
    expect(dataFilesStamp(root, '/archive/')).not.toBe(stamp);
    writeFileSync(path.join(root, 'src/site/data-files.ts'), 'b');
    const edited = dataFilesStamp(root, '/');
    expect(edited).not.toBe(stamp);
    writeFileSync(path.join(root, 'package-lock.json'), '{"x":1}');
    expect(dataFilesStamp(root, '/')).not.toBe(edited);
  });
});
