import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { partInputs } from '../../src/build/search-index.ts';
import type { CheckResult } from '../../src/content/check.ts';
import { planArchiveParts, type SearchPart } from '../../src/search/parts.ts';
import { searchRecords } from '../../src/search/records.ts';

// A rebuild indexes again only the search parts whose inputs changed (src/build/search-index.ts).
// The inputs must cover everything a part's records print (or a part would keep stale words), and
// no more (or one edit re-indexes parts it cannot change). The oracle for "covers everything" is
// the records themselves: whenever an edit changes a part's records, its inputs must change.

const d = (s: string) => new Date(`${s}T00:00:00Z`);

interface ArticleSpec {
  id: string;
  day: string;
  topics?: string[];
  people?: string[];
  authors?: string[];
  body?: string;
}

/** Checked entries from a few article specs; an article's digest is the hash of its spec (as a file's would change with it). */
function entriesOf(specs: ArticleSpec[]): CheckResult['entries'] {
  return {
    articles: specs.map((s) => ({
      id: s.id,
      file: `${s.id}.md`,
      path: `/c/${s.id}.md`,
      digest: createHash('sha256').update(JSON.stringify(s)).digest('hex'),
      data: {
        title: s.id,
        source: 'wire',
        url: `https://x.example/${s.id}`,
        published: d(s.day),
        captured: d(s.day),
        language: 'en',
        draft: false,
        organizations: [],
        authors: (s.authors ?? []).map((name) => ({ name, organization: false })),
        topics: s.topics ?? [],
        people: s.people ?? [],
      },
    })),
    people: ['ana', 'ben', 'cy', 'dee'].map((id) => ({
      id,
      file: `${id}.yaml`,
      path: '',
      data: { name: `${id[0]!.toUpperCase()}${id.slice(1)} Example`, aliases: [], links: [] },
    })),
    sources: [{ id: 'wire', file: 'wire.yaml', path: '', data: { name: 'The Wire' } }],
    versions: [],
  } as unknown as CheckResult['entries'];
}

// Two articles per part, two people per part: parts 0 and 1 hold people (ana, ben | cy, dee),
// parts 2 and 3 articles (January | February).
const SPECS: ArticleSpec[] = [
  {
    id: 'a1',
    day: '2020-01-05',
    topics: ['Courts'],
    people: ['ana'],
    body: 'Ana said “the courts are slow”, said Ana Example.',
  },
  { id: 'a2', day: '2020-01-20', topics: ['Courts'], people: ['cy'], authors: ['Sam Lee'] },
  { id: 'b1', day: '2020-02-03', topics: ['courts'], people: ['ben'], authors: ['sam lee'] },
  { id: 'b2', day: '2020-02-25', topics: ['Housing'] },
];
const SIZE = 2;

const hashOf = (parts: Iterable<string | Uint8Array>) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/** Each part's inputs hash and records (as JSON), for `specs`; the plan must be the same for all compared specs. */
async function partsOf(specs: ArticleSpec[]): Promise<{ plan: SearchPart[]; inputs: string[]; records: string[] }> {
  const entries = entriesOf(specs);
  const plan = planArchiveParts(entries.articles, entries.people.length, SIZE);
  const bodies = new Map(specs.map((s) => [`/c/${s.id}.md`, `<p>${s.body ?? `The text of ${s.id}.`}</p>`]));
  const inputs = plan.map((part) => hashOf(partInputs('code', { entries }, part, plan.length)));
  const records: string[] = [];
  for (const part of plan) {
    const out = [];
    for await (const r of searchRecords({ entries }, async (p) => bodies.get(p)!, part, plan.length)) out.push(r);
    records.push(JSON.stringify(out));
  }
  return { plan, inputs, records };
}

/** Which parts' inputs and which parts' records differ between two archives. */
async function changedParts(before: ArticleSpec[], after: ArticleSpec[]) {
  const [x, y] = await Promise.all([partsOf(before), partsOf(after)]);
  expect(JSON.stringify(y.plan.map((p) => [p.articles, p.people, p.peopleFrom]))).toBe(
    JSON.stringify(x.plan.map((p) => [p.articles, p.people, p.peopleFrom])),
  );
  return {
    inputs: x.inputs.flatMap((h, i) => (h === y.inputs[i] ? [] : [i])),
    records: x.records.flatMap((r, i) => (r === y.records[i] ? [] : [i])),
  };
}

const edit = (id: string, change: Partial<ArticleSpec>) => SPECS.map((s) => (s.id === id ? { ...s, ...change } : s));

test('the plan of the test archive: two parts of people, then two of articles', () => {
  const plan = planArchiveParts(entriesOf(SPECS).articles, 4, SIZE);
  expect(plan.map((p) => [p.people, p.articles])).toEqual([
    [2, []],
    [2, []],
    [0, ['a1', 'a2']],
    [0, ['b1', 'b2']],
  ]);
});

test('an edit to an article naming no one re-indexes its own part only, no part of person records', async () => {
  const changed = await changedParts(SPECS, edit('b2', { body: 'Rewritten text.' }));
  expect(changed.records).toEqual([3]);
  expect(changed.inputs).toEqual([3]);
});

test("an edit to an article re-indexes the part of the people it names, and not the others' part", async () => {
  // a1 names ana (part 0): her record carries the article's quote.
  const changed = await changedParts(SPECS, edit('a1', { body: 'Ana said “the courts are fast”, said Ana Example.' }));
  expect(changed.records).toEqual([0, 2]);
  expect(changed.inputs).toEqual([0, 2]);
});

test('an article that stops naming a person re-indexes that person’s part as well as the part of the one it names now', async () => {
  const changed = await changedParts(SPECS, edit('a1', { people: ['dee'] }));
  expect(changed.inputs).toEqual([0, 1, 2]);
  for (const part of changed.records) expect(changed.inputs).toContain(part);
});

test('a topic spelled another way by most articles re-labels the other parts’ records, and changes their inputs', async () => {
  // "Courts" is used by a1 and a2, "courts" by b1: the label is "Courts". With a2 spelling it
  // "courts", the label becomes "courts" in b1's record too (another part).
  const changed = await changedParts(SPECS, edit('a2', { topics: ['courts'] }));
  expect(changed.records).toContain(3);
  for (const part of changed.records) expect(changed.inputs).toContain(part);
});

test('a byline spelled another way by most articles re-labels the other parts’ author filter, and changes their inputs', async () => {
  // "Sam Lee" (a2) and "sam lee" (b1) once each: the label is "Sam Lee". A second "sam lee" (b2)
  // makes it "sam lee" in a2's record too (another part).
  const changed = await changedParts(SPECS, edit('b2', { authors: ['sam lee'] }));
  expect(changed.records).toContain(2);
  for (const part of changed.records) expect(changed.inputs).toContain(part);
});
