import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { relatedCoverage, termCounter, wordRuns } from '../../src/site/related.ts';
import { markdownLede } from '../../src/text/markdown-prose.ts';
import { goldenArchive, listsDigest, type GoldenArticle } from '../helpers/related-golden.ts';
import { TMP } from '../helpers/paths.ts';

// The related lists on a generated archive of 2,000 articles (the benchmark's corpus writer,
// seed 3), against a digest of the lists the code gave before its words were counted apart from
// the scoring and kept between builds: the same content must give the same lists, whether an
// article's words are counted from its text or given as counts (as a rebuild takes them from the
// cache). The digest was computed by that earlier code (commit 32b5263) with each side put in
// date order, oldest first, as the lists are shown now; it holds 19,432 links.
const EXPECTED = 'ae2f0d741ca8db5769ba64c1573ddff334c2f541a905bbe3ea3826a2089303b4';

const dir = path.join(TMP, 'related-golden');
let archive: GoldenArticle[];

beforeAll(async () => {
  await rm(dir, { recursive: true, force: true });
  archive = await goldenArchive(dir, { articles: 2000, people: 400, seed: 3 });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('related lists on a generated archive', () => {
  test('from headlines and texts: the same lists as before', () => {
    const lists = relatedCoverage(archive.map((a) => ({ ...a, text: `${a.dek}\n\n${a.prose}` })));
    expect(lists.size).toBe(2000);
    expect(listsDigest(lists)).toBe(EXPECTED);
  }, 60_000);

  test('from counts of the opening prose (markdownLede), as the build gives them: the same lists', () => {
    const count = termCounter();
    const lists = relatedCoverage(
      archive.map((a) => ({ ...a, terms: count(a.title, `${a.dek}\n\n${markdownLede(a.body)}`, a.language) })),
    );
    expect(listsDigest(lists)).toBe(EXPECTED);
  }, 60_000);
});

describe('wordRuns', () => {
  // The oracle: the regular expression the runs were split with before.
  const split = (text: string) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((r) => r !== '');

  test('gives what the Unicode split gives, on every script, mark, digit and surrogate case', () => {
    const cases = [
      '',
      'plain ASCII words, with 42 numbers and_underscores-and-dashes.',
      'Zürich élan naïve façade — “quoted” ‘single’ «guillemets»',
      'e\u0301tude combining mark, and a mark alone \u0301 between',
      'Ελληνικά κείμενα, русский текст, עברית, العربية, हिन्दी',
      '中文字符和日本語のかな、한국어',
      'digits: ٣٤٥ ५६ ①②',
      'astral: 𝐀𝐁𝐂 math letters, 😀 emoji, 𠀀 CJK extension B',
      'lone surrogates: a\ud800b c\udc00d \ud83d',
      '\u00a0non-breaking\u2009thin\u200bzero-width space',
      'tab\tnew\nline\r\nend',
    ];
    for (const c of cases) expect(wordRuns(c), JSON.stringify(c)).toEqual(split(c));
  });

  test('gives what the Unicode split gives on the generated archive', () => {
    for (const a of archive.slice(0, 200)) expect(wordRuns(a.body)).toEqual(split(a.body));
  });
});
