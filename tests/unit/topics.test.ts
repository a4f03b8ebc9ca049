import { expect, test } from 'vitest';
import { topicKey, topicLabels, topicSlug, topicSpellingNotes } from '../../src/content/topics.ts';

// One identity rule for topics: case and spacing do not make a new topic; anything else does.

test('names that differ only in case or spacing are one topic with one address', () => {
  expect(topicKey('Immigration  Courts ')).toBe(topicKey('immigration courts'));
  expect(topicSlug('Immigration Courts')).toBe('immigration-courts');
  expect(topicSlug('immigration courts')).toBe('immigration-courts');
  expect(topicSlug('covid-19')).toBe('covid-19');
});

test('names that differ in symbols or letters are different topics with different addresses', () => {
  const names = ['C', 'C++', 'C#', 'C--', 'café', 'cafe', 'AT&T', 'AT-T', '+', '#'];
  const slugs = names.map(topicSlug);
  expect(new Set(slugs).size).toBe(names.length);
  expect(topicSlug('c++')).toBe(topicSlug('C++'));
  for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('the spelling most articles use is kept; a tie keeps the first in code-point order', () => {
  const labels = topicLabels([['immigration courts'], ['Immigration Courts'], ['immigration courts'], ['C', 'C++']]);
  expect(labels.get(topicKey('IMMIGRATION COURTS'))!.label).toBe('immigration courts');
  expect(topicLabels([['b Topic'], ['B topic']]).get('b topic')!.label).toBe('B topic');
  expect([...labels.values()].map((l) => l.label).sort()).toEqual(['C', 'C++', 'immigration courts']);
});

test('the check names the spelling kept and every file written otherwise', () => {
  const notes = topicSpellingNotes([
    { file: 'a.md', topics: ['Immigration Courts'] },
    { file: 'b.md', topics: ['immigration courts'] },
    { file: 'c.md', topics: ['C++', 'C'] },
  ]);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain('"Immigration Courts"');
  expect(notes[0]).toContain('"immigration courts" in b.md');
});
