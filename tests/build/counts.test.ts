import path from 'node:path';
import { expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { listFiles } from '../../src/content/files.ts';
import { DIST_HOSTILE, DIST_ROOT, FIXTURE_CONTENT, HOSTILE_CONTENT } from '../helpers/paths.ts';

// No article is dropped silently: every public article in content/ has its page in dist/.

/** Article pages in a build (not the pages of their versions, /articles/<id>/versions/...). */
async function articlePages(dist: string): Promise<number> {
  const files = await listFiles(path.join(dist, 'articles'));
  return files.filter((f) => f.endsWith('index.html') && !f.split('/').includes('versions')).length;
}

test.each([
  ['fixture archive', FIXTURE_CONTENT, DIST_ROOT],
  ['hostile and edge-case archive', HOSTILE_CONTENT, DIST_HOSTILE],
])('%s: articles in content minus drafts = article pages in dist', async (_name, content, dist) => {
  const { counts, problems } = await checkContent(content);
  expect(problems).toEqual([]);
  expect(counts.articles).toBeGreaterThan(10);
  expect(await articlePages(dist)).toBe(counts.articles - counts.drafts);
});
