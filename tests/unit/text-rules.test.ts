import { describe, expect, test } from 'vitest';
import { lowerLettersAndDigits, lowerWithoutAccents, lowerWithoutMarks } from '../../src/text/fold.ts';
import { indexLetter } from '../../src/content/names.ts';
import { slugify } from '../../src/content/slug.ts';
import { jsonDigest, sha256Base64url, sha256Hex } from '../../src/text/hash.ts';
import { singleSpaced } from '../../src/text/white-space.ts';

// Expected outputs written by hand from the Unicode data (decompositions and General_Category),
// spelled as code points where the characters look alike. Where the two foldings differ, the row
// says why each caller wants its own.

const A_RING = '\u00c5'; // Å, decomposes canonically to A + U+030A
const ANGSTROM = '\u212b'; // Å ANGSTROM SIGN, a canonical singleton for U+00C5
const FI = '\ufb01'; // ﬁ LATIN SMALL LIGATURE FI, compatibility decomposition "fi"
const I_DOT = '\u0130'; // İ, canonical I + U+0307 COMBINING DOT ABOVE
const FULL_2024 = '\uff12\uff10\uff12\uff14'; // full-width digits, compatibility decomposition "2024"
const HINDI = '\u0939\u093f\u0928\u094d\u0926\u0940'; // हिन्दी: vowel signs U+093F, U+0940 (Mc), virama U+094D (Mn)
const SHALOM = '\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd'; // שָׁלוֹם with points (Mn)
// The same, its marks in canonical order as any normalization leaves them: qamats U+05B8
// (combining class 18) before shin dot U+05C1 (class 24).
const SHALOM_ORDERED = '\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd';

describe('lowerWithoutAccents (slugs, index letters, name matching at import)', () => {
  test.each([
    ['Straße', 'straße'],
    [`${FI}nance`, 'finance'],
    [`${A_RING}ngstr\u00f6m`, 'angstrom'],
    [ANGSTROM, 'a'],
    [`${I_DOT}stanbul`, 'istanbul'],
    ['Nguye\u0302\u0303n', 'nguyen'],
    ['e\u0301te\u0301', 'ete'],
    [FULL_2024, '2024'],
    ['x\u00b2', 'x2'],
    ['\u0141\u00f3d\u017a', '\u0142odz'],
    ['\u00d8rsted', '\u00f8rsted'],
    [HINDI, HINDI],
    [SHALOM, SHALOM_ORDERED],
  ])('%s -> %s', (input, want) => {
    expect(lowerWithoutAccents(input)).toBe(want);
  });
});

describe('lowerWithoutMarks (what the search page compares)', () => {
  test.each([
    ['Straße', 'straße'],
    [`${FI}nance`, `${FI}nance`],
    [`${A_RING}ngstr\u00f6m`, 'angstrom'],
    [ANGSTROM, 'a'],
    [`${I_DOT}stanbul`, 'istanbul'],
    ['Nguye\u0302\u0303n', 'nguyen'],
    [FULL_2024, FULL_2024],
    ['\uff21\uff22', '\uff41\uff42'],
    ['\u0141\u00f3d\u017a', '\u0142odz'],
    [HINDI, '\u0939\u0928\u0926'],
    [SHALOM, '\u05e9\u05dc\u05d5\u05dd'],
  ])('%s -> %s', (input, want) => {
    expect(lowerWithoutMarks(input)).toBe(want);
  });
});

describe('lowerLettersAndDigits (the same words, whatever the spacing and punctuation)', () => {
  test.each([
    ['The Day-After, 2024!', 'thedayafter2024'],
    ['Café  au lait', 'caféaulait'],
    [`${I_DOT}stanbul`, 'istanbul'],
    [`Vol. ${FULL_2024}`, `vol${FULL_2024}`],
    ['“Quoted” — text…', 'quotedtext'],
  ])('%s -> %s', (input, want) => {
    expect(lowerLettersAndDigits(input)).toBe(want);
  });
});

describe('callers fold as their rule says', () => {
  test('a slug drops Latin accents and takes compatibility forms', () => {
    expect(slugify(`${I_DOT}stanbul Stra\u00dfe ${FI}le ${FULL_2024}`)).toBe('istanbul-straße-file-2024');
  });

  test.each([
    ['\u00c1lvarez', 'A'],
    ['\u00d8rsted', '\u00d8'],
    [`${I_DOT}lhan`, 'I'],
    [`${FI}ona`, 'F'],
    ['\uff3aeta', 'Z'],
    ['\u00dfmall', 'SS'],
    ['42 Club', '#'],
    ['', '#'],
  ])('the A–Z index files %s under %s', (key, want) => {
    expect(indexLetter(key)).toBe(want);
  });
});

describe('hashes', () => {
  // FIPS 180-4 test vector for "abc"; its base64url is the same 32 bytes re-encoded.
  const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  test('SHA-256 in hex and base64url, of a string and of its bytes', () => {
    expect(sha256Hex('abc')).toBe(ABC);
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(ABC);
    expect(sha256Base64url('abc')).toBe(Buffer.from(ABC, 'hex').toString('base64url'));
  });

  test('a JSON-able value is keyed by its JSON text', () => {
    expect(jsonDigest(['a', 1])).toBe(sha256Base64url('["a",1]'));
    expect(jsonDigest({ a: 1, b: 2 })).not.toBe(jsonDigest({ a: 1, b: 3 }));
  });
});

describe('singleSpaced', () => {
  test.each([
    ['  Jane\n\tDoe ', 'Jane Doe'],
    ['a\u00a0\u202fb', 'a b'],
    ['a\r\n\r\nb', 'a b'],
    ['\u3000全角\u3000', '全角'],
    ['', ''],
  ])('%j -> %j', (input, want) => {
    expect(singleSpaced(input)).toBe(want);
  });
});
