import { expect, test } from 'vitest';
import type { CheckResult } from '../../src/content/check.ts';
import { planFor, searchRecords } from '../../src/search/records.ts';
import { resultSummary } from '../../src/search/browser/result-summary.ts';
import type { PagefindSearchFragment } from '../../src/search/browser/pagefind-types.ts';
import { EARLIER_VERSIONS, LATEST_WORDS, type SearchRecord } from '../../src/search/contract.ts';

// An article's earlier versions keep what they printed searchable: their headline, standfirst
// and byline as well as their text, and every match that lies only in an earlier version is
// labelled and linked to that version, for several words and phrases as for one word. The
// texts are those of the two captures of case import/two-captures-warc (the headline changed,
// a paragraph edited); positions are counted here by splitting at whitespace.

const OLD_TITLE = 'Water rates to rise 9% to fund lead pipe replacement';
const NEW_TITLE = 'Water rates to rise 9% as city replaces lead pipes';
const OLD_PARAGRAPH =
  'An average household will pay about $6 more a month, according to the utility, which serves roughly 85,000 customers.';
const NEW_PARAGRAPH =
  'An average household will pay about $8.50 more a month, the utility said in a correction on Wednesday, after an earlier figure of $6 left out the new sewer charge. The utility serves roughly 85,000 customers.';
const FIRST =
  'Water bills in Northstar will rise by 9% from October after the utility board approved a new rate schedule.';

const ARTICLE = '2025/09/water-rates';
const entries = {
  articles: [
    {
      id: ARTICLE,
      file: 'water-rates.md',
      path: '/c/latest.md',
      data: {
        title: NEW_TITLE,
        dek: 'The board approved the largest increase in a decade.',
        source: 'northstar',
        url: 'https://northstar.example/water',
        published: '2025-09-03T08:00:00-05:00',
        captured: '2025-09-05T09:30:00Z',
        authors: [{ name: 'Grace Kim', organization: false }],
        organizations: [],
        language: 'en',
        draft: false,
        topics: [],
        people: [],
      },
    },
  ],
  versions: [
    {
      id: `${ARTICLE}/20250903140000`,
      file: '20250903140000.md',
      path: '/c/first.md',
      data: {
        title: OLD_TITLE,
        dek: 'Board backs a rise to pay for safer pipes.',
        captured: '2025-09-03T14:00:00Z',
        authors: [
          { name: 'Grace Kim', organization: false },
          { name: 'Omar Tillett', organization: false },
        ],
      },
    },
  ],
  people: [],
  sources: [{ id: 'northstar', file: 'n.yaml', path: '', data: { name: 'Northstar Times', homepage: 'https://x/' } }],
} as unknown as CheckResult['entries'];
const bodies: Record<string, string> = {
  '/c/latest.md': `<p>${FIRST}</p><p>${NEW_PARAGRAPH}</p>`,
  '/c/first.md': `<p>${FIRST}</p><p>${OLD_PARAGRAPH}</p>`,
};

async function record(): Promise<SearchRecord> {
  const [r] = await Array.fromAsync(searchRecords({ entries }, async (p) => bodies[p]!, planFor({ entries }, 100)[0]!));
  return r!;
}

/** The record as Pagefind hands it to the page, with the given matched word positions. */
function loaded(r: SearchRecord, locations: number[], matchedMetaFields: string[] = []) {
  const data: PagefindSearchFragment = {
    url: r.url,
    content: r.content,
    excerpt: '(Pagefind’s excerpt of the latest text)',
    meta: r.meta,
    filters: r.filters,
    word_count: r.content.split(/\s+/).length,
    locations,
  };
  return { result: { id: 'a', score: 1, words: locations, matchedMetaFields, data: async () => data }, data };
}

/** Positions of the words of `text` (split at whitespace) that begin with `start`, lower-cased. */
function positions(text: string, ...starts: string[]): number[] {
  return text.split(/\s+/).flatMap((w, i) => (starts.some((s) => w.toLowerCase().startsWith(s)) ? [i] : []));
}

test('an earlier headline, standfirst and byline are searchable, credited to their version', async () => {
  const r = await record();
  const words = r.content.split(/\s+/);
  const latestWords = Number(r.filters[LATEST_WORDS]![0]);
  const earlierText = words.slice(latestWords).join(' ');
  expect(earlierText).toContain(OLD_TITLE);
  expect(earlierText).toContain('Board backs a rise to pay for safer pipes.');
  expect(earlierText).toContain('Omar Tillett');
  expect(earlierText).toContain(OLD_PARAGRAPH);
  // What the latest still prints is not repeated: its text, its headline, its byline.
  expect(earlierText).not.toContain(FIRST);
  expect(earlierText).not.toContain(NEW_TITLE);
  expect(earlierText.split('\n').map((l) => l.trim())).not.toContain('Grace Kim');
  expect(r.filters[EARLIER_VERSIONS]).toEqual([`${latestWords}:20250903140000`]);
});

test('the first headline finds the article in its earlier version, with the old headline as the passage', async () => {
  const r = await record();
  const latestWords = Number(r.filters[LATEST_WORDS]![0]);
  // Pagefind matches every word of the old headline; "fund" and "replacement" only in the earlier passages.
  const at = positions(r.content, 'water', 'rates', 'rise', 'fund', 'lead', 'pipe', 'replacement');
  const summary = resultSummary(loaded(r, at, ['title']), OLD_TITLE);
  expect(summary.earlierVersion).toBe(`/articles/${ARTICLE}/versions/20250903140000/`);
  const excerpt = 'runs' in summary.excerpt ? summary.excerpt.runs.map((x) => x.text).join('') : '';
  expect(excerpt).toContain('to fund lead pipe replacement');
  expect(at.some((l) => l < latestWords)).toBe(true);
});

test('a phrase only an earlier version had is labelled, in straight or typographic quotes', async () => {
  const r = await record();
  // Every word of the phrase is in the latest text too, but not together: the locations Pagefind
  // gives may hold those words' places in the latest text as well.
  const at = positions(r.content, 'utility', 'to');
  const phrase = positions(r.content, 'according').flatMap((l) => [l, l + 1, l + 2, l + 3]);
  for (const q of ['"according to the utility"', '“according to the utility”', '„according to the utility“']) {
    const summary = resultSummary(loaded(r, [...at, ...phrase]), q);
    expect(summary.earlierVersion, q).toBe(`/articles/${ARTICLE}/versions/20250903140000/`);
    const runs = 'runs' in summary.excerpt ? summary.excerpt.runs : [];
    expect(runs.map((x) => x.text).join(''), q).toContain('according to the utility');
    // The passage is the one with the phrase, not the old headline whose "to" Pagefind also matched.
    expect(runs.map((x) => x.text).join(''), q).not.toContain('fund lead pipe');
  }
  // "the utility serves" is in the latest text: nothing to label.
  const latest = resultSummary(loaded(r, positions(r.content, 'utility', 'serves')), '"the utility serves"');
  expect(latest.earlierVersion).toBeUndefined();
});

test('several words, one of them only in an earlier version: labelled, the passage from that version', async () => {
  const r = await record();
  const summary = resultSummary(loaded(r, positions(r.content, 'utility', 'according')), 'utility according');
  expect(summary.earlierVersion).toBe(`/articles/${ARTICLE}/versions/20250903140000/`);
  const runs = 'runs' in summary.excerpt ? summary.excerpt.runs : [];
  expect(runs.filter((x) => x.mark).map((x) => x.text)).toContain('according');
});

test('a word in the latest headline or byline is not labelled, though its only body match is an earlier one', async () => {
  const r = await record();
  // "city" is in the latest headline and in no body text; "replacement" only in the old headline.
  const onlyEarlierBody = positions(r.content, 'omar');
  expect(resultSummary(loaded(r, onlyEarlierBody, ['byline']), 'Omar').earlierVersion).toBeDefined();
  const kim = positions(r.content, 'kim');
  expect(resultSummary(loaded(r, kim, ['byline']), 'Kim').earlierVersion).toBeUndefined();
  const lead = positions(r.content, 'lead');
  expect(lead.length).toBeGreaterThan(0);
  expect(resultSummary(loaded(r, lead, ['title']), 'lead').earlierVersion).toBeUndefined();
});
