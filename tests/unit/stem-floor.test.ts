import { describe, expect, test } from 'vitest';
import { englishStemFloor } from '../../src/search/browser/stem-floor.ts';
import { MIN_SHARED } from '../../src/search/word-cuts.ts';

// The floor on how much of a typed word its English stem keeps (stem-floor.ts), against stems
// written by hand from Snowball's own English stemmer: the sample vocabulary and its stems on
// https://snowballstem.org/algorithms/english/stemmer.html, the stemmer's exceptional words from
// the same page, and stems of the words the benchmark's queries type.

/** The length of the common start of two words (written out here, not the module's own). */
function common(a: string, b: string): number {
  let n = 0;
  while (n < Math.min(a.length, b.length) && a[n] === b[n]) n++;
  return n;
}

/** Words with their Snowball English stems. */
const STEMS: Record<string, string> = {
  // The algorithm page's sample.
  consign: 'consign',
  consigned: 'consign',
  consigning: 'consign',
  consignment: 'consign',
  consist: 'consist',
  consisted: 'consist',
  consistency: 'consist',
  consistent: 'consist',
  consistently: 'consist',
  consisting: 'consist',
  consists: 'consist',
  consolation: 'consol',
  consolations: 'consol',
  consolatory: 'consolatori',
  console: 'consol',
  consoled: 'consol',
  consoles: 'consol',
  consolidate: 'consolid',
  consolidated: 'consolid',
  consolidating: 'consolid',
  consoling: 'consol',
  consolingly: 'consol',
  consols: 'consol',
  consonant: 'conson',
  consort: 'consort',
  consorted: 'consort',
  consorting: 'consort',
  conspicuous: 'conspicu',
  conspicuously: 'conspicu',
  conspiracy: 'conspiraci',
  conspirator: 'conspir',
  conspirators: 'conspir',
  conspire: 'conspir',
  conspired: 'conspir',
  conspiring: 'conspir',
  constable: 'constabl',
  constables: 'constabl',
  constance: 'constanc',
  constancy: 'constanc',
  constant: 'constant',
  knack: 'knack',
  knackeries: 'knackeri',
  knacks: 'knack',
  knave: 'knave',
  knaves: 'knave',
  knavish: 'knavish',
  kneaded: 'knead',
  kneading: 'knead',
  knee: 'knee',
  kneel: 'kneel',
  kneeled: 'kneel',
  kneeling: 'kneel',
  kneels: 'kneel',
  knees: 'knee',
  knell: 'knell',
  knelt: 'knelt',
  knew: 'knew',
  knife: 'knife',
  knight: 'knight',
  knightly: 'knight',
  knights: 'knight',
  knit: 'knit',
  knits: 'knit',
  knitted: 'knit',
  knitting: 'knit',
  knives: 'knive',
  knob: 'knob',
  knock: 'knock',
  knocked: 'knock',
  knocker: 'knocker',
  knockers: 'knocker',
  knocking: 'knock',
  knocks: 'knock',
  knot: 'knot',
  knots: 'knot',
  // The words the stemmer takes whole.
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  news: 'news',
  atlas: 'atlas',
  andes: 'andes',
  // Long chains of suffixes, and the benchmark's words.
  nationalizations: 'nation',
  generously: 'generous',
  relational: 'relat',
  happy: 'happi',
  hopping: 'hop',
  grace: 'grace',
  park: 'park',
  anderson: 'anderson',
  wilson: 'wilson',
  budgets: 'budget',
  bridges: 'bridg',
  biotechnology: 'biotechnolog',
  broadcasting: 'broadcast',
  police: 'polic',
  policy: 'polici',
};

describe('the least of a word its English stem keeps', () => {
  test('is never more than the stem shares with the word, where that is MIN_SHARED letters or more', () => {
    for (const [word, stem] of Object.entries(STEMS))
      expect(Math.max(MIN_SHARED, englishStemFloor(word)), `${word}: ${stem}`).toBeLessThanOrEqual(
        Math.max(MIN_SHARED, common(word, stem)),
      );
  });

  test('is the stem itself for a word with no suffix of the stemmer’s', () => {
    for (const word of ['park', 'anderson', 'wilson', 'knight', 'constant', 'consort', 'knob'])
      expect(englishStemFloor(word), word).toBe(STEMS[word]!.length);
  });

  test('is within two letters of the stem for most of the sample', () => {
    const close = Object.entries(STEMS).filter(([word, stem]) => common(word, stem) - englishStemFloor(word) <= 2);
    expect(close.length / Object.keys(STEMS).length).toBeGreaterThan(0.8);
  });

  test('a y after a y taken as a consonant is a vowel, as the stemmer marks them left to right', () => {
    // "ayybent": a, Y (after a vowel), y (after a consonant: a vowel), b: R1 "ybent", R2 "ent",
    // so step 4 takes "ent" and the stem is "ayyb".
    expect(englishStemFloor('ayybent')).toBeLessThanOrEqual(4);
  });

  test('words of one or two letters are their own stems', () => {
    expect(englishStemFloor('a')).toBe(1);
    expect(englishStemFloor('us')).toBe(2);
  });
});
