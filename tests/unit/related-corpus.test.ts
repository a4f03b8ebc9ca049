import { expect, test } from 'vitest';
import { relatedOracle } from '../helpers/related-oracle.ts';

// The related-links oracle (tests/helpers/related-oracle.ts) on a build made elsewhere, such as
// the benchmark's 10,000-article corpus: too heavy for every test run, so it runs only when given
// the content folder and the build of it:
//
//   RELATED_CHECK_CONTENT=.bench/corpus-10000 RELATED_CHECK_DIST=.bench/dist-10000 \
//     npx vitest run --project unit tests/unit/related-corpus.test.ts
//
// (after `npm run bench -- --articles 10000`, which leaves the corpus as it was built last only
// when its edits are undone, so build the corpus once more into the folder checked).

const content = process.env.RELATED_CHECK_CONTENT;
const dist = process.env.RELATED_CHECK_DIST;

test.skipIf(!content || !dist)(
  'every related link of the given build shares a person, topic or rare word with its article',
  async () => {
    const report = await relatedOracle(content!, dist!, process.env.RELATED_CHECK_BASE ?? '/');
    console.log(
      `related oracle: ${report.pages} article pages, ${report.links} links, ${report.emptyPages} with no related coverage`,
    );
    expect(report.problems.slice(0, 20)).toEqual([]);
    expect(report.pages).toBeGreaterThan(0);
  },
  1_800_000,
);
