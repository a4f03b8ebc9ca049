import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sortKey } from '../../src/content/names.ts';
import { checkContent } from '../../src/content/check.ts';
import { authorInEveryStyle, caseCitationFacts } from '../helpers/citation.ts';

// Titles of office, rank and religion before a name come off in reference lists like the
// honorifics do ("Do not include titles, positions, ranks": APA 7th, "Format of the Author
// Element"; MLA 9th and Chicago 17th agree). Words that are also names ("Gen" Hoshino, "Col"
// Joye, "Major" Lance, "Maj" Sjöwall) are titles only with their dot, or after another title
// ("Lt Col").
// Every expected string is written out by hand.

const CASE = path.resolve('tests/fixtures/cases/citation-name-forms/content');
const names = caseCitationFacts((await checkContent(CASE)).entries.articles[0]!);

function allStyles(name: string) {
  return authorInEveryStyle(names, name);
}

describe('a title of office or rank before a full name comes off in every style', () => {
  test.each([
    ['Sen. Maria Cantwell', 'Maria', 'Cantwell', 'M.'],
    ['Senator Maria Cantwell', 'Maria', 'Cantwell', 'M.'],
    ['Rep. Jamie Raskin', 'Jamie', 'Raskin', 'J.'],
    ['Representative Jamie Raskin', 'Jamie', 'Raskin', 'J.'],
    ['Gov. Gavin Newsom', 'Gavin', 'Newsom', 'G.'],
    ['Governor Gavin Newsom', 'Gavin', 'Newsom', 'G.'],
    ['Congresswoman Ilhan Omar', 'Ilhan', 'Omar', 'I.'],
    ['Cllr Jane Smith', 'Jane', 'Smith', 'J.'],
    ['Councillor Jane Smith', 'Jane', 'Smith', 'J.'],
    ['Sheikh Mohammed Al Maktoum', 'Mohammed Al', 'Maktoum', 'M. A.'],
    ['Gen. Mark Milley', 'Mark', 'Milley', 'M.'],
    ['Lt. Gen. Mark Milley', 'Mark', 'Milley', 'M.'],
    ['Lt Col John Smith', 'John', 'Smith', 'J.'],
    ['Brig Gen Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Sgt Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Sgt. Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Cpl Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Pte Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Capt Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Lieutenant Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Sergeant Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Admiral Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Det. Supt. Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Insp Ann Lee', 'Ann', 'Lee', 'A.'],
    ['Pres. Ann Lee', 'Ann', 'Lee', 'A.'],
  ])('%s', (name, given, family, initials) => {
    expect(allStyles(name)).toEqual({
      apa: `${family}, ${initials}`,
      mla: `${family}, ${given}.`,
      chicago: `${family}, ${given}.`,
      bibtex: `${family}, ${given}`,
      csl: [{ given, family }],
    });
    expect(sortKey(name)).toBe(`${family}, ${given}`);
  });
});

describe('words that are titles and names stay names without their dot', () => {
  test.each([
    // Given names: Gen Hoshino, Col Joye, Sen (a given and a family name), Major Lance.
    ['Gen Hoshino', 'Hoshino, G.'],
    ['Col Joye Smith', 'Smith, C. J.'],
    ['Sen Li Wei', 'Wei, S. L.'],
    ['Amartya Sen', 'Sen, A.'],
    ['Rep Jones Hall', 'Hall, R. J.'],
    ['Major Lance Owens', 'Owens, M. L.'],
    ['Maj Sjöwall', 'Sjöwall, M.'],
    ['Dr. Sig Hansen', 'Hansen, S.'],
    ['Prof. Hon Lam Chan', 'Chan, H. L.'],
    // A title before a single word is the name as written.
    ['Sen. Warren', 'Sen. Warren.'],
    ['Sheikh Hasina', 'Sheikh Hasina.'],
    ['Sgt. Pepper', 'Sgt. Pepper.'],
  ])('%s -> APA %s', (name, expected) => {
    expect(allStyles(name).apa).toBe(expected);
  });
});
