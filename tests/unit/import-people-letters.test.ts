import { describe, expect, test } from 'vitest';
import { candidateNames } from '../../src/import/people.ts';

// Names in an article's text whose first word begins like a listed place or function word but
// goes on with an accented letter: JavaScript's ASCII-only \b found a word end inside "Stéphane"
// ("St") and "Inés" ("In"), and the name was thrown away as a place. Written out by hand.

describe('a name starting with a non-ASCII letter after a place word’s letters is a name', () => {
  test.each([
    ['Stéphane Séjourné said the talks would resume on Monday.', 'Stéphane Séjourné'],
    ['Inés Arrimadas said she agreed with the plan.', 'Inés Arrimadas'],
    ['Ståle Solbakken said the team was ready.', 'Ståle Solbakken'],
    ['Onésime Reclus told the paper the map was wrong.', 'Onésime Reclus'],
  ])('%s', (text, name) => {
    expect(candidateNames(text)).toContain(name);
  });
  test('place words themselves are still no names', () => {
    expect(candidateNames('St Albans said the roads were shut. In Paris said nothing.')).toEqual([]);
  });
});
