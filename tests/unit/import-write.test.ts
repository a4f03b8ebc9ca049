import fs from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { writeAtomic } from '../../src/import/write.ts';

// The importer's promise: a failure never leaves half an article. Files a user keeps are written
// whole, flushed to the disk before they replace the old file, and a failed write changes nothing.

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'archive-write-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

test('text and bytes are written exactly, into folders made as needed', async () => {
  const bytes = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).subarray(2, 6); // a view into a larger buffer
  await writeAtomic(path.join(dir, 'a/b/capture.bin'), bytes);
  await writeAtomic(path.join(dir, 'a/article.md'), '---\ntitle: Café\n---\n\nBody.\n');
  expect([...(await readFile(path.join(dir, 'a/b/capture.bin')))]).toEqual([2, 3, 4, 5]);
  expect(await readFile(path.join(dir, 'a/article.md'), 'utf8')).toBe('---\ntitle: Café\n---\n\nBody.\n');
});

test('the new text is flushed to the disk before it replaces the file, and the file keeps its mode', async () => {
  const file = path.join(dir, 'kept.md');
  await writeFile(file, 'old');
  await chmod(file, 0o640);
  const fsync = vi.spyOn(fs, 'fsync');
  await writeAtomic(file, 'new');
  expect(fsync).toHaveBeenCalled();
  expect(await readFile(file, 'utf8')).toBe('new');
  expect((await stat(file)).mode & 0o777).toBe(0o640);
});

test('a write that fails leaves the old file whole and no temporary file behind', async () => {
  const folder = path.join(dir, 'failing');
  const file = path.join(folder, 'article.md');
  await writeAtomic(file, 'the whole old article');
  vi.spyOn(fs, 'fsync').mockImplementation((_fd: number, done: (err: Error) => void) =>
    done(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
  );
  await expect(writeAtomic(file, 'half of a new article')).rejects.toThrow(/ENOSPC/);
  expect(await readFile(file, 'utf8')).toBe('the whole old article');
  expect(await readdir(folder)).toEqual(['article.md']);
});
