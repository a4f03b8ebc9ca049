import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { markdownOptions } from '../../src/render/pipeline.ts';
import type { Archive, Article } from '../../src/site/collections.ts';
import { archiveQuotes, quotesOfArticle } from '../../src/site/quotes.ts';
import { QUOTE_PEOPLE, quoteArticles } from '../fixtures/quote-articles.ts';

// The archive's quotes, gathered for the person pages and the data files, are the quotes each
// article's page was given: an article whose page asked for its quotes in this build is not read
// again for them (at 10,000 articles that second reading of every body was where the build's
// memory peaked: docs/performance.md).

const folder = mkdtempSync(path.join(tmpdir(), 'archive-quotes-'));
const before = process.env.ARCHIVE_CACHE_DIR;
let render: (md: string) => Promise<string>;
beforeAll(async () => {
  process.env.ARCHIVE_CACHE_DIR = path.join(folder, 'cache');
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  render = async (md) => (await processor.render(md)).code;
});
afterAll(() => {
  if (before === undefined) delete process.env.ARCHIVE_CACHE_DIR;
  else process.env.ARCHIVE_CACHE_DIR = before;
  rmSync(folder, { recursive: true, force: true });
});

/** An archive of the quote fixtures' articles, their files written under `folder`/`name`/. */
function archiveOf(name: string): Archive {
  const people = new Map(QUOTE_PEOPLE.map((p) => [p.id, { id: p.id, data: p }]));
  mkdirSync(path.join(folder, name), { recursive: true });
  const articles = quoteArticles().map((a) => {
    const filePath = path.join(folder, name, `${a.id.replaceAll('/', '-')}.md`);
    writeFileSync(filePath, `---\ntitle: x\n---\n${a.body}\n`);
    return {
      id: a.id,
      filePath,
      data: { ...a.data, language: 'en' },
      people: a.data.people.map((p) => (typeof p === 'string' ? { id: p } : p)),
    } as unknown as Article;
  });
  return { articles, people } as unknown as Archive;
}

test("an article whose page asked for its quotes is not read again when the archive's quotes are gathered", async () => {
  const archive = archiveOf('pages');
  const fresh = archiveOf('fresh');
  // Each page renders its body and asks with it, as src/pages/articles/[...id].astro does.
  const given = new Map<string, readonly unknown[]>();
  for (const article of archive.articles)
    given.set(article.id, await quotesOfArticle(article, archive, await render(`${quoteBody(article)}\n`)));
  expect([...given.values()].some((q) => q.length > 0)).toBe(true);
  // Their files gone, the gathering can only take what the pages were given.
  for (const article of archive.articles) rmSync(article.filePath!);
  const { byArticle } = await archiveQuotes(archive);
  for (const article of archive.articles) expect(byArticle.get(article.id)).toBe(given.get(article.id));
  // An archive whose pages did not ask reads each body and finds the same quotes.
  const gathered = await archiveQuotes(fresh);
  for (const article of fresh.articles) expect(gathered.byArticle.get(article.id)).toEqual(given.get(article.id));
}, 30_000);

/** The Markdown body of a fixture article. */
function quoteBody(article: Article): string {
  return quoteArticles().find((a) => a.id === article.id)!.body;
}
