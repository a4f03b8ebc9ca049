import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/corpus.ts';
import { surnameMatches } from '../../src/text/quote-people.ts';

// surnameMatches tries the surname pattern only where a match can start; it must give what a
// global scan of the whole text gives. The oracle here is that scan, with the pattern written
// out again from its description (a capitalized word and spaces before the surname, spaces and a
// capitalized word after it, no letter on either side).

function scan(text: string, surname: string): [number, string, string | undefined, string | undefined][] {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}])(?:(\\p{Lu}[\\p{Ll}\\p{M}'’-]+)[^\\S\\n]+)?${surname}(?:[^\\S\\n]+(\\p{Lu}[\\p{L}&.]*))?(?![\\p{L}\\p{M}])`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((m) => [m.index, m[0], m[1], m[2]]);
}

function matches(text: string, surname: string): [number, string, string | undefined, string | undefined][] {
  return [...surnameMatches(text, surname)].map((m) => [m.index, m[0], m[1], m[2]]);
}

const PIECES = [
  'Ruiz',
  'Ruiz',
  'Ruizes',
  'Ana',
  'Mr',
  'Jean-Luc',
  'O’Neil',
  'Ruiz’s',
  'de',
  'Motors',
  'Co.',
  'ANA',
  'x',
  'é',
  'É',
  '\u0301',
  '𝐀',
  '😀',
  '(',
  '“',
  ',',
  '.',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '\t',
];

describe('surnameMatches', () => {
  it('gives what a global scan gives on hand-picked texts', () => {
    const texts = [
      'Ana Ruiz said so.',
      '(Ana Ruiz) and Luis Ruiz, and Ruiz Motors.',
      'Ruiz Ruiz Ruiz',
      'Ana\nRuiz and ANA Ruiz and AnaRuiz and Ruizes',
      'Mr  Ruiz\u00a0Jr. left; “Ruiz” stayed.',
      '𝐀na Ruiz and é Ruiz and Éla Ruiz',
      '',
      'no one here',
    ];
    for (const text of texts) expect(matches(text, 'Ruiz'), text).toEqual(scan(text, 'Ruiz'));
    expect(matches('Ana Ruiz said so.', 'Ruiz')).toEqual([[0, 'Ana Ruiz', 'Ana', undefined]]);
  });

  it('gives what a global scan gives on 3,000 generated texts', () => {
    const next = mulberry32(20_261_208);
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(next() * 40);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      for (const surname of ['Ruiz', 'Ana'])
        expect(matches(text, surname), JSON.stringify(text)).toEqual(scan(text, surname));
    }
  });
});
