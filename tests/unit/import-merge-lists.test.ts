import { describe, expect, test } from 'vitest';
import { mergeEntry, type EntryText } from '../../src/import/merge.ts';

// Lists and objects of an article merged element by element: the editor's additions, removals
// and roles are kept, the original's additions and removals are applied; an image key by key.

const FIELDS = ['title', 'authors', 'people', 'topics', 'image'];
const ARTICLE = ['people', 'topics'];
const IMAGE = {
  original: 'https://cdn.example/ferry.jpg',
  alt: 'The ferry leaving the harbour',
  caption: 'The ferry has run every 30 minutes since 1998.',
  credit: 'Photograph: James Orr',
};
const base: EntryText = {
  data: {
    title: 'Ferry cut',
    authors: ['Hannah Lowe'],
    people: ['daniel-okafor'],
    topics: ['Transport', 'Ferries', 'Portmouth'],
    image: IMAGE,
  },
  body: 'One.\n',
};
const entry = (data: Record<string, unknown>): EntryText => ({ data: { ...base.data, ...data }, body: base.body });

describe.each(['fresh', 'file'] as const)('a capture with rule %s', (rule) => {
  test('topics: the editor removed one and added one, the original added one', () => {
    const file = entry({ topics: ['Transport', 'Portmouth', 'Public transport'] });
    const fresh = entry({ topics: ['Transport', 'Ferries', 'Portmouth', 'Budget'] });
    const m = mergeEntry(file, base, fresh, FIELDS, rule, ARTICLE);
    expect(m.data.topics).toEqual(['Transport', 'Portmouth', 'Public transport', 'Budget']);
  });

  test('topics: the original removed one the editor kept, and the editor added one', () => {
    const file = entry({ topics: ['Transport', 'Ferries', 'Portmouth', 'Harbour'] });
    const fresh = entry({ topics: ['Transport', 'Portmouth'] });
    expect(mergeEntry(file, base, fresh, FIELDS, rule, ARTICLE).data.topics).toEqual([
      'Transport',
      'Portmouth',
      'Harbour',
    ]);
  });

  test("people by id: the editor's role stays when the original names another person", () => {
    const file = entry({ people: [{ id: 'daniel-okafor', role: 'nurse and commuter' }] });
    const fresh = entry({ people: ['daniel-okafor', 'priya-nair'] });
    expect(mergeEntry(file, base, fresh, FIELDS, rule, ARTICLE).data.people).toEqual([
      { id: 'daniel-okafor', role: 'nurse and commuter' },
      'priya-nair',
    ]);
  });

  test('people: a person the editor removed stays removed; one the original dropped goes', () => {
    const b = entry({ people: ['daniel-okafor', 'priya-nair', 'colin-baptiste'] });
    const file = entry({ people: ['daniel-okafor', 'colin-baptiste'] });
    const fresh = entry({ people: ['daniel-okafor', 'priya-nair'] });
    expect(mergeEntry(file, b, fresh, FIELDS, rule, ARTICLE).data.people).toEqual(['daniel-okafor']);
  });

  test("authors: the editor's second reporter stays when the original corrects a byline", () => {
    const file = entry({ authors: ['Hannah Lowe', 'Sam Ortiz'] });
    const fresh = entry({ authors: ['Hannah Lowe', 'Tom Reed'] });
    expect(mergeEntry(file, base, fresh, FIELDS, rule, ARTICLE).data.authors).toEqual([
      'Hannah Lowe',
      'Sam Ortiz',
      'Tom Reed',
    ]);
  });

  test("image key by key: a new caption keeps the editor's alt text", () => {
    const file = entry({ image: { ...IMAGE, alt: 'EDITOR ALT the white ferry' } });
    const fresh = entry({ image: { ...IMAGE, caption: 'The ferry will run hourly from April.' } });
    expect(mergeEntry(file, base, fresh, FIELDS, rule, ARTICLE).data.image).toEqual({
      ...IMAGE,
      alt: 'EDITOR ALT the white ferry',
      caption: 'The ferry will run hourly from April.',
    });
  });
});

test('a different picture brings its own alt text, caption and credit (rule fresh)', () => {
  const file = entry({ image: { ...IMAGE, alt: 'EDITOR ALT the white ferry' } });
  const other = { original: 'https://cdn.example/pier.jpg', alt: 'Commuters on the pier' };
  const fresh = entry({ image: other });
  expect(mergeEntry(file, base, fresh, FIELDS, 'fresh', ARTICLE).data.image).toEqual(other);
});

describe('a key or an item both the editor and the original changed is a conflict', () => {
  const file = entry({
    image: { ...IMAGE, alt: 'EDITOR ALT the white ferry', credit: 'Photograph: J. Orr' },
    authors: ['Hannah Lowe (corrected)'],
  });
  const fresh = entry({
    image: { ...IMAGE, alt: 'The ferry at the quay', credit: 'Photograph: James Orr/Courier' },
    authors: ['H. Lowe'],
  });

  test("rule file (a rewrite in place): the editor's alt, credit and byline stay, and the notes name them", () => {
    const m = mergeEntry(file, base, fresh, FIELDS, 'file', ARTICLE);
    expect(m.data.image).toEqual({ ...IMAGE, alt: 'EDITOR ALT the white ferry', credit: 'Photograph: J. Orr' });
    expect(m.data.authors).toEqual(['Hannah Lowe (corrected)']);
    expect(m.notes).toContainEqual({ field: 'image', action: 'kept', items: ['alt', 'credit'] });
    expect(m.notes).toContainEqual({ field: 'authors', action: 'kept', items: ['Hannah Lowe'] });
  });

  test("rule fresh (a newer capture): the original's values, and the notes name what they replaced", () => {
    const m = mergeEntry(file, base, fresh, FIELDS, 'fresh', ARTICLE);
    expect(m.data.image).toEqual({ ...IMAGE, alt: 'The ferry at the quay', credit: 'Photograph: James Orr/Courier' });
    expect(m.data.authors).toEqual(['H. Lowe']);
    expect(m.notes).toContainEqual({ field: 'image', action: 'overruled', items: ['alt', 'credit'] });
    expect(m.notes).toContainEqual({ field: 'authors', action: 'overruled', items: ['Hannah Lowe'] });
  });
});
