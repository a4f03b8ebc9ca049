import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { formatCounts } from '../../src/content/problems.ts';

// Small text a user reads: counts in the check's summary, and what the README promises.

test("the check's summary agrees in number", () => {
  expect(formatCounts({ articles: 1, drafts: 0, people: 1, sources: 1 })).toBe(
    '1 article (0 drafts), 1 person, 1 source',
  );
  expect(formatCounts({ articles: 12500, drafts: 2, people: 3, sources: 2 })).toBe(
    '12,500 articles (2 drafts), 3 people, 2 sources',
  );
});

test('the README documents organization authors, sortName, the date rule and the EBADENGINE warnings', async () => {
  const readme = await readFile('README.md', 'utf8');
  const reference = readme.slice(readme.indexOf('### Frontmatter reference'), readme.indexOf('## Importing'));
  expect(reference).toContain('organization: true');
  expect(reference).toContain('sortName:');
  expect(reference).toMatch(/calendar\s+day in that offset/);
  expect(readme).toMatch(/EBADENGINE[\s\S]{0,200}harmless/);
});
