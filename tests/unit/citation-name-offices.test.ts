import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sortKey } from '../../src/content/names.ts';
import { checkContent } from '../../src/content/check.ts';
import { authorInEveryStyle, caseCitationFacts } from '../helpers/citation.ts';

// Offices before a name come off in reference lists like every other title ("Do not include
// titles, positions, ranks": APA 7th, "Format of the Author Element"; MLA 9th and Chicago 17th
// agree): "Mayor Sadiq Khan" is cited as Khan, S., in every language the archive holds, and
// offices of several words ("Prime Minister", "Chief Executive", "Attorney General") go whole.
// Names that are also office words ("Dean Baquet", "Justice Hill", "Chief Keef", a surname
// "Mayor") stay names. Every expected string is written out by hand.

const CASE = path.resolve('tests/fixtures/cases/citation-name-forms/content');
const names = caseCitationFacts((await checkContent(CASE)).entries.articles[0]!);

function allStyles(name: string, language?: string) {
  return authorInEveryStyle(names, name, language);
}

describe('an office before a full name comes off in every style', () => {
  test.each([
    // English: offices of one word
    ['Mayor Sadiq Khan', undefined, 'Sadiq', 'Khan', 'S.'],
    ['Mayoress Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Minister Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Premier Doug Ford', undefined, 'Doug', 'Ford', 'D.'],
    ['President Joe Biden', undefined, 'Joe', 'Biden', 'J.'],
    ['Judge Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Chancellor Olaf Scholz', undefined, 'Olaf', 'Scholz', 'O.'],
    ['Commissioner Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Ambassador Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Speaker Mike Johnson', undefined, 'Mike', 'Johnson', 'M.'],
    ['Sheriff Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Secretary Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['CEO Tim Cook', undefined, 'Tim', 'Cook', 'T.'],
    // English: offices of several words, and titles before them
    ['Prime Minister Keir Starmer', undefined, 'Keir', 'Starmer', 'K.'],
    ['Deputy Mayor Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Vice President Kamala Harris', undefined, 'Kamala', 'Harris', 'K.'],
    ['Vice-President Kamala Harris', undefined, 'Kamala', 'Harris', 'K.'],
    ['Chief Executive Jane Smith', undefined, 'Jane', 'Smith', 'J.'],
    ['Attorney General Merrick Garland', undefined, 'Merrick', 'Garland', 'M.'],
    ['Surgeon General Vivek Murthy', undefined, 'Vivek', 'Murthy', 'V.'],
    ['First Minister John Swinney', undefined, 'John', 'Swinney', 'J.'],
    ['Former President Barack Obama', undefined, 'Barack', 'Obama', 'B.'],
    ['Secretary of State Antony Blinken', undefined, 'Antony', 'Blinken', 'A.'],
    ['Chief Justice John Roberts', undefined, 'John', 'Roberts', 'J.'],
    ['Justice Ruth Bader Ginsburg', undefined, 'Ruth Bader', 'Ginsburg', 'R. B.'],
    ['Supreme Court Justice Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Dean Jane Smith Lee', undefined, 'Jane Smith', 'Lee', 'J. S.'],
    ['Majority Leader Chuck Schumer', undefined, 'Chuck', 'Schumer', 'C.'],
    ['U.S. Sen. Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    ['Lord Mayor Ann Lee', undefined, 'Ann', 'Lee', 'A.'],
    // Other languages
    ['Bürgermeisterin Anna Weber', 'de', 'Anna', 'Weber', 'A.'],
    ['Bundeskanzler Olaf Scholz', 'de', 'Olaf', 'Scholz', 'O.'],
    ['Ministerpräsident Markus Söder', 'de', 'Markus', 'Söder', 'M.'],
    ['Maire Anne Hidalgo', 'fr', 'Anne', 'Hidalgo', 'A.'],
    ['Ministre Jean Dupont', 'fr', 'Jean', 'Dupont', 'J.'],
    ['Alcaldesa Ana López', 'es', 'Ana', 'López', 'A.'],
    ['Presidente Pedro Sánchez', 'es', 'Pedro', 'Sánchez', 'P.'],
    ['Sindaco Mario Rossi', 'it', 'Mario', 'Rossi', 'M.'],
    ['Prefeito João Silva', 'pt', 'João', 'Silva', 'J.'],
    ['Burgemeester Jan Jansen', 'nl', 'Jan', 'Jansen', 'J.'],
    ['Wethouder Piet Bakker', 'nl', 'Piet', 'Bakker', 'P.'],
  ])('%s (%s)', (name, language, given, family, initials) => {
    const bib = (s: string) =>
      s
        .replace('ö', '{\\"{o}}')
        .replace('é', "{\\'{e}}")
        .replace('ã', '{\\~{a}}')
        .replace('ó', "{\\'{o}}")
        .replace('á', "{\\'{a}}");
    expect(allStyles(name, language)).toEqual({
      apa: `${family}, ${initials}`,
      mla: `${family}, ${given}.`,
      chicago: `${family}, ${given}.`,
      bibtex: bib(`${family}, ${given}`),
      csl: [{ given, family }],
    });
  });

  test('A–Z sort keys leave the office out', () => {
    expect(sortKey('Mayor Sadiq Khan')).toBe('Khan, Sadiq');
    expect(sortKey('Prime Minister Keir Starmer')).toBe('Starmer, Keir');
    expect(sortKey('Bürgermeisterin Anna Weber')).toBe('Weber, Anna');
  });
});

describe('names that are also office words stay names', () => {
  test.each([
    // Given names that are offices: a title only before a given and a family name.
    ['Dean Baquet', 'Baquet, D.'],
    ['Justice Hill', 'Hill, J.'],
    ['Chief Keef', 'Keef, C.'],
    // Surnames that are offices.
    ['Tim Mayor', 'Mayor, T.'],
    ['Ann Judge', 'Judge, A.'],
    ['Gerhard Richter', 'Richter, G.'],
    ['Amy Dean', 'Dean, A.'],
    // An office before a single word is the name as written (as "Sen. Warren").
    ['Mayor Khan', 'Mayor Khan.'],
    ['Judge Reinhold', 'Judge Reinhold.'],
  ])('%s -> APA %s', (name, expected) => {
    expect(allStyles(name).apa).toBe(expected);
  });
});
