// How much of a typed English word its stem keeps at the least, so that the page follows only the
// word-chunk cuts the stem's words can reach (word-chunks.ts) instead of allowing for a stem four
// letters shorter than any word. Pagefind stems an English index and its queries with Snowball's
// English stemmer ("Porter2": https://snowballstem.org/algorithms/english/stemmer.html), inside
// its WebAssembly, which does not give the stem out. The stem is not computed here; the steps of
// that algorithm are followed with every choice it can make left open: at each step, each
// suffix of its list the word ends with is either replaced as the step says or kept, whatever the
// step's conditions (R2, short syllables, the letters before), and only the condition that the
// suffix lies in R1 is applied, with R1 found without the algorithm's exceptional prefixes
// ("gener", "commun" …), which only move R1 later. The stem Pagefind uses is one of the words so
// reached, so the fewest letters any of them shares with the typed word is a floor for the real
// stem's: a suffix a later version of the algorithm adds to a step is the one way round it. The
// words the algorithm stems whole ("dying": "die", "early": "earli") need no rule of their own:
// their steps reach as short a word, or their stems share fewer letters than the page ever follows
// a cut by (MIN_SHARED).

import { sharedLength } from '../word-cuts.ts';

/** Snowball's English vowels (y is one unless it begins the word or follows a vowel). */
const VOWELS = 'aeiouy';

/**
 * One step: each suffix with what replaces it ('' deletes it), and the region the suffix must lie
 * in for the step to act: 0 anywhere, 1 R1, 2 R2.
 */
interface Step {
  suffixes: readonly (readonly [string, string])[];
  region: 0 | 1 | 2;
}

/** Suffix pairs from a compact list: "from>to" or "from" (deleted). */
const pairs = (list: string): [string, string][] =>
  list.split(' ').map((s) => (s.includes('>') ? (s.split('>') as [string, string]) : [s, '']));

/** The steps in order (1a, 1b, 1c, 2, 3, 4, 5), as the algorithm lists their suffixes. */
const STEPS: readonly Step[] = [
  // Step 1a ("s" goes after a vowel not just before it; "ied", "ies" become "i" or "ie").
  { suffixes: pairs('sses>ss ied>i ied>ie ies>i ies>ie s'), region: 0 },
  // Step 1b: "eed", "eedly" become "ee" in R1; the others go when a vowel precedes them, and the
  // word then gets an "e" or loses a doubled last letter (both left open below).
  { suffixes: pairs('eed>ee eedly>ee ed edly ing ingly'), region: 0 },
  // Step 1c: a last y after a consonant becomes i.
  { suffixes: pairs('y>i'), region: 0 },
  {
    suffixes: pairs(
      'tional>tion enci>ence anci>ance abli>able entli>ent izer>ize ization>ize ational>ate ation>ate ator>ate ' +
        'alism>al aliti>al alli>al fulness>ful ousli>ous ousness>ous iveness>ive iviti>ive biliti>ble bli>ble ' +
        'ogi>og fulli>ful lessli>less li ogist>og',
    ),
    region: 1,
  },
  // Step 3 ("ative" in R2 only: taken as R1).
  { suffixes: pairs('tional>tion ational>ate alize>al icate>ic iciti>ic ical>ic ful ness ative'), region: 1 },
  {
    suffixes: pairs('al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion'),
    region: 2,
  },
  // Step 5: "e" in R2, or in R1 after no short syllable; "l" in R2.
  { suffixes: pairs('e l'), region: 1 },
];

/**
 * Where R1 and R2 begin in `word`: R1 after the first non-vowel that follows a vowel, R2 the same
 * within R1 (the word's length when there is none).
 */
function regions(word: string): [number, number] {
  // A y that begins the word or follows a vowel is a consonant (the stemmer's "Y"), left to right.
  const vowels: boolean[] = [];
  for (const [i, letter] of [...word].entries())
    vowels.push(VOWELS.includes(letter) && !(letter === 'y' && (i === 0 || vowels[i - 1])));
  const vowel = (i: number) => vowels[i]!;
  const after = (from: number) => {
    for (let i = from + 1; i < word.length; i++) if (!vowel(i) && vowel(i - 1)) return i + 1;
    return word.length;
  };
  const r1 = after(0);
  return [r1, after(r1)];
}

/** The words one step can leave of each of `words`, with its regions' starts (`starts`: 0, R1, R2). */
function afterStep(words: readonly string[], step: Step, starts: readonly number[], step1b: boolean): string[] {
  const out = new Set(words);
  for (const word of words)
    for (const [suffix, by] of step.suffixes) {
      if (!word.endsWith(suffix) || word.length - suffix.length < starts[step.region]!) continue;
      const kept = word.slice(0, -suffix.length);
      out.add(kept + by);
      // Step 1b, after deleting its suffix: an "e" added, or a doubled last letter undone.
      if (step1b && by === '') out.add(`${kept}e`).add(kept.slice(0, -1));
    }
  return [...out];
}

/**
 * The fewest letters at the start of `word` (lower case, without marks or punctuation, as
 * Pagefind searches it: normalWord in query.ts) that its English Snowball stem is sure to share
 * with it, when the stem shares MIN_SHARED letters or more (see the module comment); 0 to
 * `word.length`. Words of one or two letters are their own stems.
 */
export function englishStemFloor(word: string): number {
  if (word.length <= 2) return word.length;
  const starts = [0, ...regions(word)];
  let words = [word];
  for (const [i, step] of STEPS.entries()) words = afterStep(words, step, starts, i === 1);
  return Math.min(...words.map((w) => sharedLength(w, word)));
}
