import { expect, test } from 'vitest';
import { articleAuthors, bylineAuthors } from '../../src/content/authors.ts';

// Whom a byline names (src/content/authors.ts): a person of the archive by name or by an other
// name only they have, else an author of its own; organizations never a person.

const people = [
  { id: 'tom-whitaker', data: { name: 'Tom Whitaker', aliases: ['T. Whitaker'] } },
  { id: 'jane-byrne', data: { name: 'Jane Byrne', aliases: ['J. Byrne'] } },
  { id: 'john-byrne', data: { name: 'John Byrne', aliases: ['J. Byrne'] } },
  { id: 'press-person', data: { name: 'Jane Press', aliases: [] } },
];
const person = (name: string) => ({ name, organization: false });
const org = (name: string) => ({ name, organization: true });
const bylines = [
  [person('Tom Whitaker')],
  [person('t.  whitaker'), org('Staff reporter')],
  [org('STAFF REPORTER')],
  [org('Staff reporter')],
  [person('J. Byrne')],
  [org('Jane Press')],
  [person('Zoë Ångström')],
];
const authorOf = bylineAuthors(bylines, people);

test('a byline that is a person’s name or their own other name is that person, in any case or spacing', () => {
  expect(authorOf(person('Tom Whitaker'))).toMatchObject({ key: 'person:tom-whitaker', name: 'Tom Whitaker' });
  expect(authorOf(person('t.  whitaker'))).toMatchObject({ person: 'tom-whitaker', name: 'Tom Whitaker' });
});

test('an other name two people share, or an organization’s byline, is an author of its own', () => {
  expect(authorOf(person('J. Byrne'))).toMatchObject({ key: 'byline:j. byrne', name: 'J. Byrne' });
  expect(authorOf(person('J. Byrne')).person).toBeUndefined();
  expect(authorOf(org('Jane Press'))).toMatchObject({ name: 'Jane Press', organization: true });
  expect(authorOf(org('Jane Press')).person).toBeUndefined();
});

test('bylines differing in case are one author, shown as most articles spell it, at one address', () => {
  const upper = authorOf(org('STAFF REPORTER'));
  const lower = authorOf(org('Staff reporter'));
  expect(upper).toEqual(lower);
  expect(lower).toMatchObject({ name: 'Staff reporter', slug: 'staff-reporter', organization: true });
  // A slug that would lose characters keeps a hash of the whole name, as topics do.
  expect(authorOf(person('Zoë Ångström')).slug).toMatch(/^zoe-angstrom-[0-9a-z]+$/);
  expect(authorOf(person('J. Byrne')).slug).not.toBe(authorOf(person('J Byrne')).slug);
});

test('an article’s authors are each listed once, in byline order', () => {
  expect(
    articleAuthors([person('T. Whitaker'), org('Staff reporter'), person('Tom Whitaker')], authorOf).map((a) => a.name),
  ).toEqual(['Tom Whitaker', 'Staff reporter']);
});
