import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { comparableQuoteText } from '../../src/text/quote-text.ts';

// What `npm run check` says about an article's `quotes:` corrections: who they name and whether
// their passage is in the body. Expected lines written by hand from the article below.

const BASE = {
  'sources/the-hill.yaml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'people/jeff-sessions.yaml': 'name: Jeff Sessions\n',
  'people/sally-yates.yaml': 'name: Sally Yates\n',
};

const BODY =
  '“When we depart from the law, we do *violence* to the\nrule of law,” Sessions said.\n\nYates [called it](https://example.com/) “a **grave** mistake.”\n';

/** An article naming Jeff Sessions, with these lines of `quotes:` corrections. */
function article(quotes: string[]): string {
  return `---\ntitle: A title\nsource: the-hill\nurl: https://thehill.com/a\npublished: 2018-09-10\ncaptured: 2019-07-20\npeople:\n  - jeff-sessions\nquotes:\n${quotes.join('\n')}\n---\n\n${BODY}`;
}

/** Checks a content folder holding the article, one line per problem, paths relative to the folder. */
async function check(quotes: string[]): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-quote-checks-'));
  try {
    for (const [rel, text] of Object.entries({ ...BASE, 'articles/2018/09/a.md': article(quotes) })) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    const { problems } = await checkContent(root);
    return problems.map((p) =>
      formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) }).replaceAll(`${root}/`, ''),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('quotes: corrections in front matter', () => {
  test('a good correction passes: passage across a line break and emphasis, a removal', async () => {
    expect(
      await check([
        '  - text: we do violence to the rule of law',
        '    person: jeff-sessions',
        '  - text: a grave mistake',
        '    remove: true',
      ]),
    ).toEqual([]);
  });

  test('an unknown person, one not in the article, and a passage not in the body are each reported', async () => {
    const lines = await check([
      '  - text: we do violence',
      '    person: jeff-sesions',
      '  - text: a grave mistake',
      '    person: sally-yates',
      '  - text: the law is the law',
      '    person: jeff-sessions',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^articles\/2018\/09\/a\.md: quotes\.0\.person: "jeff-sesions" is not in people\/; did you mean `jeff-sessions`\?.*write `jeff-sessions`/,
      ),
      expect.stringMatching(
        /^articles\/2018\/09\/a\.md: quotes\.1\.person: "sally-yates" is not one of this article's people.*add `- id: sally-yates` to people, or attribute the quotation to one of jeff-sessions/,
      ),
      expect.stringMatching(
        /^articles\/2018\/09\/a\.md: quotes\.2\.text: "the law is the law" is not in the article's body.*copy a passage/,
      ),
    ]);
  });

  test('a passage found more than once, or outside quotation marks, is refused with the fix', async () => {
    const lines = await check([
      '  - text: the',
      '    person: jeff-sessions',
      '  - text: Sessions said',
      '    person: jeff-sessions',
      '  - text: grave mistake',
      '    remove: true',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^articles\/2018\/09\/a\.md: quotes\.0\.text: "the" is found 2 times in the article's body.*quote more words so the passage is found once/,
      ),
      expect.stringMatching(
        /^articles\/2018\/09\/a\.md: quotes\.1\.text: "Sessions said" is not within quotation marks.*copy a passage from inside the quotation marks/,
      ),
    ]);
  });

  test('a correction needs either person or remove: true', async () => {
    const lines = await check(['  - text: we do violence']);
    expect(lines).toEqual([expect.stringMatching(/quotes\.0: needs either person .* or remove: true/)]);
    const both = await check(['  - text: we do violence', '    person: jeff-sessions', '    remove: true']);
    expect(both).toEqual([expect.stringMatching(/quotes\.0: needs either person/)]);
  });
});

describe('comparableQuoteText: passages as an editor copies them', () => {
  test.each([
    ['we do *violence* to the\nrule', 'we do violence to the rule'],
    ['a **grave** _mistake_', 'a grave mistake'],
    ['[called it](https://example.com/) “a', 'called it “a'],
    ['> “A quote in a block quote”', '“A quote in a block quote”'],
    ['snake_case and 2*3 stay', 'snake_case and 2*3 stay'],
    ['an escaped \\*star\\*', 'an escaped *star*'],
    ['<em>tagged</em> words', 'tagged words'],
  ])('%j -> %j', (input, want) => {
    expect(comparableQuoteText(input)).toBe(want);
  });
});
