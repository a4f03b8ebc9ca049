import { describe, expect, test } from 'vitest';
import { cleanAuthors } from '../../src/import/names.ts';

// Bylines whose names hold accented or other non-ASCII letters. A rule that finds words with
// JavaScript's ASCII-only \b saw "Renée" as "René" + the word "e" (Italian and Portuguese "and").
// Every expected list is written out by hand.

describe('a name with non-ASCII letters is one name', () => {
  test.each([
    'Renée Dupont',
    'Désirée Nick',
    'Aimée Lou Wood',
    'André Breton',
    'Zoë Ball',
    'Noémie Lenoir',
    'Chloé Zhao',
    'Kalle Räikkönen',
    'Ólafur Arnalds',
    'Dagný Brynjarsdóttir',
    'Jürgen Klopp',
    'Çağla Kubat',
    'Łucja Wróblewska',
    'Søren Kierkegaard',
    'Anaïs Nin',
    'Beyoncé Knowles',
    'Ἀλέξανδρος Παπαδόπουλος',
    'Дмитрий Медведев',
  ])('%s', (name) => {
    expect(cleanAuthors([name])).toEqual([name]);
    expect(cleanAuthors([`By ${name}`])).toEqual([name]);
  });
  test('decomposed accents (NFD) are letters too', () => {
    const name = 'Rene\u0301e Dupont';
    expect(cleanAuthors([name])).toEqual([name]);
  });
  test('a name ending in an accented letter before a joining word still splits', () => {
    expect(cleanAuthors(['Renée Dupont et Aimée Martin'])).toEqual(['Renée Dupont', 'Aimée Martin']);
    expect(cleanAuthors(['Chloé Zhao and José Ruiz'])).toEqual(['Chloé Zhao', 'José Ruiz']);
    expect(cleanAuthors(['Désirée Nick und Jürgen Klopp'])).toEqual(['Désirée Nick', 'Jürgen Klopp']);
  });
  test('a link label holding an accented letter is not read as a label ("Lastéra")', () => {
    expect(cleanAuthors(['Lastéra Dupont'])).toEqual(['Lastéra Dupont']);
  });
  test('a handle with accented letters comes off whole', () => {
    expect(cleanAuthors(['Renée Dupont @renéedupont'])).toEqual(['Renée Dupont']);
  });
});

describe('"y" and "e" join two surnames of one name, and two full names of two authors', () => {
  test.each([
    // Spanish: "y" between the two surnames (José Ortega y Gasset).
    ['Ana Muñoz y Pérez', ['Ana Muñoz y Pérez']],
    ['José Ortega y Gasset', ['José Ortega y Gasset']],
    ['Santiago Ramón y Cajal', ['Santiago Ramón y Cajal']],
    // Portuguese: "e" between the two surnames.
    ['Maria Silva e Sousa', ['Maria Silva e Sousa']],
    ['João Pereira e Costa', ['João Pereira e Costa']],
    // Two full names: two authors.
    ['Ana Muñoz y Pedro Pérez', ['Ana Muñoz', 'Pedro Pérez']],
    ['Mario Rossi e Luca Bianchi', ['Mario Rossi', 'Luca Bianchi']],
    ['Por Ana Muñoz y Pérez y Luis García', ['Ana Muñoz y Pérez', 'Luis García']],
    ['Mário Sousa e Inês Ferreira', ['Mário Sousa', 'Inês Ferreira']],
  ])('%s', (byline, expected) => {
    expect(cleanAuthors([byline])).toEqual(expected);
  });
});
