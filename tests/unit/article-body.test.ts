import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { renderAhead, renderArticleBody } from '../../src/render/article-body.ts';
import { markdownOptions } from '../../src/render/pipeline.ts';

// Article bodies rendered ahead of the pages land in the same cache, with the same HTML, as the
// pages render them; a body already there is not rendered twice.

let dir = '';
const bodies = {
  'plain.md': 'A court ruled on *Tuesday*.\n\n> “Not yet,” she said.\n\n[Source](https://example.org/a)',
  'table.md': 'Cases by year:\n\n| Year | Cases |\n| --- | --- |\n| 2018 | 12 |\n\n~~withdrawn~~',
  'hostile.md': 'Before.\n\n<img src="x" onerror="alert(1)"><script>alert(2)</script>\n\nAfter.',
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'article-body-'));
  vi.stubEnv('ARCHIVE_CACHE_DIR', path.join(dir, 'cache'));
  for (const [name, body] of Object.entries(bodies))
    await writeFile(path.join(dir, name), `---\ntitle: t\n---\n${body}`);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

test('rendering ahead fills the cache the pages read, with the pipeline’s HTML', async () => {
  const files = Object.keys(bodies).map((name) => path.join(dir, name));
  expect(await renderAhead(files, '/')).toBe(3);
  expect(await readdir(path.join(dir, 'cache', 'rendered'))).toHaveLength(3);
  expect(await renderAhead(files, '/')).toBe(0);
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  for (const [name, body] of Object.entries(bodies))
    expect(await renderArticleBody(path.join(dir, name), '/')).toBe((await processor.render(body)).code);
  expect(await renderArticleBody(path.join(dir, 'table.md'), '/')).toContain('<table id="user-content-table-1">');
  expect(await renderArticleBody(path.join(dir, 'hostile.md'), '/')).not.toMatch(/onerror|script/);
});

test('a body longer than the limit is left to its page, and said so; the next ones are rendered', async () => {
  const files = ['long.md', 'short.md'].map((name) => path.join(dir, 'limit', name));
  await mkdir(path.join(dir, 'limit'));
  // A cache of its own, so that the other test finds only its own bodies whichever runs first.
  vi.stubEnv('ARCHIVE_CACHE_DIR', path.join(dir, 'limit', 'cache'));
  try {
    await writeFile(files[0]!, `---\ntitle: t\n---\n${'A long paragraph. '.repeat(10)}`);
    await writeFile(files[1]!, '---\ntitle: t\n---\nA short one.');
    const said: [string, boolean][] = [];
    expect(await renderAhead(files, '/', (file, inCache) => said.push([file, inCache]), 100)).toBe(1);
    expect(said).toEqual([
      [files[0], false],
      [files[1], true],
    ]);
    // Once in the cache (rendered with its page), it counts as there whatever its length.
    await renderArticleBody(files[0]!, '/');
    said.length = 0;
    expect(await renderAhead(files, '/', (file, inCache) => said.push([file, inCache]), 100)).toBe(0);
    expect(said.map(([, inCache]) => inCache)).toEqual([true, true]);
  } finally {
    vi.stubEnv('ARCHIVE_CACHE_DIR', path.join(dir, 'cache'));
  }
});
