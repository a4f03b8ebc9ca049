import { describe, expect, test } from 'vitest';
import { canonicalLanguageTag, isLanguageTag } from '../../src/content/schema.ts';
import { textDirection } from '../../src/site/text-direction.ts';

// Writing direction and well-formed language tags. The expected directions are the scripts' own
// (Unicode's Arabic, Hebrew, Thaana and Syriac are written right to left; Latin, Cyrillic and
// Gurmukhi left to right), written out by hand rather than taken from CLDR.

describe('text direction', () => {
  test.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['dv', 'rtl'],
    ['ckb', 'rtl'],
    ['ps', 'rtl'],
    ['sd', 'rtl'],
    ['ug', 'rtl'],
    ['ks', 'rtl'],
    ['en', 'ltr'],
    ['pt-BR', 'ltr'],
    ['zh-Hant-TW', 'ltr'],
  ])('%s is written %s', (tag, direction) => {
    expect(textDirection(tag)).toBe(direction);
  });

  test.each([
    ['pa-Arab', 'rtl'], // Shahmukhi Punjabi, as written in Pakistan
    ['pa', 'ltr'], // Gurmukhi
    ['ku-Arab', 'rtl'], // Kurdish in Arabic letters
    ['ku', 'ltr'], // Kurmanji in Latin letters
    ['az-Latn', 'ltr'],
    ['az-Arab', 'rtl'], // South Azerbaijani, in Iran
    ['uz-Cyrl', 'ltr'],
    ['uz-Arab', 'rtl'], // Uzbek in Afghanistan
    ['ms-Arab', 'rtl'], // Jawi
    ['syr', 'rtl'],
    ['sr-Latn', 'ltr'],
    ['ar-Latn', 'ltr'], // Arabic in Latin letters (Arabizi)
    ['iw', 'rtl'], // the deprecated code for Hebrew
  ])('a script subtag or a language of its own script decides: %s is %s', (tag, direction) => {
    expect(textDirection(tag)).toBe(direction);
  });

  test('a language the runtime does not know is taken as left to right', () => {
    expect(textDirection('zz')).toBe('ltr');
  });
});

describe('language tags', () => {
  test.each(['en', 'pt-BR', 'pa-Arab', 'ku-Arab-IQ', 'zh-Hant-TW', 'de-DE-1996', 'en-GB-oxendict', 'ckb'])(
    '%s is accepted',
    (tag) => {
      expect(isLanguageTag(tag)).toBe(true);
    },
  );

  test.each(['EN', 'english', 'en_US', 'en-US-US', 'en-12', 'en-Latn-Arab', 'x-klingon', ''])(
    '%s is refused',
    (tag) => {
      expect(isLanguageTag(tag)).toBe(false);
    },
  );

  test.each([
    ['EN_us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['pa-arab', 'pa-Arab'],
    ['iw', 'he'],
    [' en-gb ', 'en-GB'],
    ['english!', 'english!'],
  ])('%s as a canonical tag is %s', (tag, canonical) => {
    expect(canonicalLanguageTag(tag)).toBe(canonical);
  });
});
