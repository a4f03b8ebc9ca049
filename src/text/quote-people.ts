// Speaker mentions resolved to the article's people: names and aliases, surnames alone or after
// a courtesy title or office ("Mr. Sessions", "Judge Marks", "Attorney General Jeff Sessions"),
// and roles ("the attorney general" for a person whose role in the article is "Attorney General").
// A mention resolves only when exactly one person fits; anything else stays unresolved.

import { lowerWithoutAccents } from './fold.ts';
import { GROUP_WORDS, INSTITUTION_WORDS, TRADE_WORDS } from './organization-words.ts';
import { givenNameGender, isNotGivenName } from './quote-given-names.ts';
import { OFFICE_TITLES as OFFICES_BY_LANGUAGE } from './office-titles.ts';
import type { QuotePerson } from './quotes.ts';

/**
 * Courtesy titles, honorifics and offices that stand before a name in news copy (AP Stylebook
 * "titles"; the abbreviated forms with and without their full stop), lower-case.
 */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss mx mme mlle madame monsieur frau herr dr prof professor doctor sir dame lord lady sen senator rep representative gov governor ' +
    'judge justice president vice secretary minister chancellor mayor attorney general lt gen col maj sgt capt ' +
    'cmdr adm rev father sister brother rabbi imam bishop cardinal pope sheriff chief officer detective det ' +
    'commissioner director chairman chairwoman chair coach ambassador speaker leader premier prince princess ' +
    'king queen deputy superintendent supt inspector constable pm mp mep cllr councillor councilman ' +
    'councilwoman alderman colonel major captain sergeant lieutenant commander admiral corporal private ' +
    'pastor reverend dean state foreign defense defence interior treasury homeland security press former ' +
    'acting interim democratic republican u.s. us federal district chief executive ceo founder spokesman spokeswoman ' +
    'magistrate coroner corporator principal headteacher headmaster headmistress const insp'
  ).split(' '),
);

/**
 * The offices src/text/office-titles.ts lists before a name in every language the archive holds
 * ("Bürgermeister Vogel", "Ministerin Baerbock", "le maire Vogel", "Alcaldesa López"), folded as
 * nameWord folds: titles as much as TITLE_WORDS's.
 */
const OFFICE_WORDS = new Set(Object.values(OFFICES_BY_LANGUAGE).flat().map(lowerWithoutAccents));

/**
 * The last parts of German compound offices ("Vorstandschef", "Fraktionschefin",
 * "Bundesinnenministerin", "Regierungssprecher", "Betriebsratsvorsitzender"): a German compound
 * noun is of the kind its last part names (Duden, Die Grammatik: "Determinativkompositum"), so a
 * capitalized word ending with an office is that office. The German offices of office-titles.ts
 * and the heads German news copy writes before names besides them.
 */
const GERMAN_OFFICE_HEADS = [
  ...OFFICES_BY_LANGUAGE['de']!.map(lowerWithoutAccents),
  ...'chef chefin vorsitzender vorsitzende leiter leiterin direktor direktorin'.split(' '),
];

/** Whether a folded word is a title or office that may stand before a name (TITLE_WORDS, OFFICE_WORDS, a German compound office). */
function titleWord(folded: string): boolean {
  return (
    TITLE_WORDS.has(folded) ||
    OFFICE_WORDS.has(folded) ||
    GERMAN_OFFICE_HEADS.some((h) => folded.length >= h.length + 3 && folded.endsWith(h))
  );
}

/**
 * Nouns naming a body, never a person: institutions' words and the bodies news copy quotes ("the
 * ministry said", "the union said"). A role's words before "of" may be one ("Ministry of Health
 * spokeswoman"): the person is the spokeswoman, and "the ministry" is no one.
 */
const BODY_NOUNS = new Set([
  ...INSTITUTION_WORDS,
  ...'ministry department union government office police board court party firm bank authority administration charity church trust club organisation organization federation'.split(
    ' ',
  ),
]);

/** Words that, after a surname, make it a company's or an institution's name ("Hadley Motors", "Ford Motor Co."). */
const COMPANY_WORDS = new Set([
  ...INSTITUTION_WORDS,
  ...GROUP_WORDS,
  ...TRADE_WORDS,
  ...'motor co plc ag sa nv gmbh'.split(' '),
]);

/** Abbreviated titles of offices and the words of a role they name (AP Stylebook abbreviations; Cllr in British use). */
const OFFICE_TITLES: Readonly<Record<string, readonly string[]>> = {
  cllr: ['councillor', 'councilor', 'council'],
  sen: ['senator', 'senate'],
  rep: ['representative', 'congressman', 'congresswoman'],
  gov: ['governor'],
  dr: ['doctor', 'physician', 'surgeon'],
  prof: ['professor'],
  det: ['detective'],
  supt: ['superintendent'],
  insp: ['inspector'],
  lt: ['lieutenant'],
  sgt: ['sergeant'],
  capt: ['captain'],
  rev: ['reverend', 'pastor', 'vicar', 'priest', 'minister'],
  gen: ['general'],
  col: ['colonel'],
  cmdr: ['commander'],
  adm: ['admiral'],
  mp: ['mp', 'parliament'],
};

/**
 * Capitalized words that may stand before a surname without being another person's given name
 * (folded), besides the words isNotGivenName knows (function words, days, sentence adverbs).
 */
const NOT_GIVEN_NAMES = new Set(
  'dear mrs ms mr st saint fort port mount lake new north south east west upper lower old'.split(' '),
);

/** A possessive determiner opening a role or a mention ("her son", "its founder"), folded. */
const POSSESSIVE_DETERMINER = /^(?:his|her|its|their)\s+/;

/** Whether the words of `phrase` end with the words of `tail` (both folded, single spaces). */
function endsWithWords(phrase: string, tail: string): boolean {
  return phrase === tail || phrase.endsWith(` ${tail}`);
}

/** A generational suffix after a name, as nameWord gives it. */
const SUFFIX = /^(jr|sr|ii|iii|iv)$/;

/** Titles that say the person's gender (for pronouns), lower-case without the full stop. */
const MALE_TITLES = new Set('mr sir lord king prince father brother monsieur herr'.split(' '));
const FEMALE_TITLES = new Set(
  'mrs ms miss dame lady queen princess sister mme mlle madame mademoiselle frau'.split(' '),
);

/** A word of a mention or a name as compared: folded, without a full stop or possessive at its end. */
export function nameWord(word: string): string {
  let folded = NAME_WORDS.get(word);
  if (folded === undefined) {
    // "O’Brien" in the text, "O'Brien" in people/: one apostrophe.
    folded = lowerWithoutAccents(word).replace(/’/g, "'").replace(/'s$/, '').replace(/[.,]$/, '');
    // Names repeat across a text and an archive; the cache is bounded so a large build stays small.
    if (NAME_WORDS.size > 50_000) NAME_WORDS.clear();
    NAME_WORDS.set(word, folded);
  }
  return folded;
}

/**
 * The pattern of a surname with the capitalized word before it and the one after it (groups 1
 * and 2), sticky: one per surname, kept across texts, since compiling a Unicode pattern costs more
 * than running it (PeopleIndex.surnameRivals tries it only where a match can start).
 */
function surnamePattern(surname: string): RegExp {
  let pattern = SURNAME_PATTERNS.get(surname);
  if (pattern === undefined) {
    const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(
      `(?<![\\p{L}\\p{M}])(?:(\\p{Lu}[\\p{Ll}\\p{M}'’-]+)[^\\S\\n]+)?${escaped}(?:[^\\S\\n]+(\\p{Lu}[\\p{L}&.]*))?(?![\\p{L}\\p{M}])`,
      'uy',
    );
    // Surnames repeat across an archive; the cache is bounded so a large build stays small.
    if (SURNAME_PATTERNS.size > 5_000) SURNAME_PATTERNS.clear();
    SURNAME_PATTERNS.set(surname, pattern);
  }
  return pattern;
}

const SURNAME_PATTERNS = new Map<string, RegExp>();

/**
 * The matches of surnamePattern(surname) in `text`, as a global scan from index 0 finds them
 * (leftmost first, none overlapping), tried only where one can start: every match holds the
 * surname, and the word before it (group 1) begins no earlier than the run of non-space
 * characters before that occurrence, so each occurrence (indexOf) is tried from there; the
 * positions a scan would try between occurrences cannot match. A scan of the whole text for every
 * surname was a third of findQuotes's time (docs/performance.md, "Quotes at 10,000 articles: the
 * rules' surname scan, the pages, and the cost left").
 */
export function* surnameMatches(text: string, surname: string): Generator<RegExpExecArray> {
  const pattern = surnamePattern(surname);
  let from = 0;
  for (let at = text.indexOf(surname); at !== -1; at = text.indexOf(surname, from)) {
    let start = at;
    while (start > from && /\s/.test(text[start - 1]!)) start--;
    while (start > from && /\S/.test(text[start - 1]!)) start--;
    let m: RegExpExecArray | null = null;
    for (let p = start; p <= at && m === null; p++) {
      // A Unicode scan never starts inside a surrogate pair.
      if (p > 0 && /[\udc00-\udfff]/.test(text[p]!) && /[\ud800-\udbff]/.test(text[p - 1]!)) continue;
      pattern.lastIndex = p;
      m = pattern.exec(text);
    }
    if (m === null) {
      from = at + 1;
      continue;
    }
    from = m.index + m[0].length;
    yield m;
  }
}

/** nameWord's results: Unicode decomposition is the costly part of reading a name. */
const NAME_WORDS = new Map<string, string>();

/** Whether a word of a mention is a title or office that may stand before a name. */
export function isTitleWord(word: string): boolean {
  return titleWord(nameWord(word));
}

/** "m" or "f" when a title says the gender, else null. */
export function titleGender(word: string): 'm' | 'f' | null {
  const w = nameWord(word);
  return MALE_TITLES.has(w) ? 'm' : FEMALE_TITLES.has(w) ? 'f' : null;
}

/** The article's people prepared for matching mentions: each name and alias as its words. */
export class PeopleIndex {
  /** Each name and alias as its words, without (words) and with (suffixed) a generational suffix. */
  private readonly forms: { id: string; words: string[]; suffixed: string[] }[] = [];
  private readonly roles: { id: string; head: string; full: string; nouns: string[]; parts: string[] }[] = [];
  readonly byId = new Map<string, QuotePerson>();
  /** The article's text, where a given name alone is checked against the full names written. */
  private readonly text: string;

  /**
   * `people` are the article's people; `text` (optional) the article's text, which lets a given
   * name alone resolve (see resolveName).
   */
  constructor(people: readonly QuotePerson[], text = '') {
    this.text = text;
    for (const p of people) {
      this.byId.set(p.id, p);
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        const words = n
          .split(/[\s\u00a0]+/)
          .map(nameWord)
          .filter(Boolean);
        // "Jeff Sessions III": the surname is the word before a generational suffix.
        const suffixed = [...words];
        while (words.length > 1 && SUFFIX.test(words.at(-1)!)) words.pop();
        if (words.length > 0) this.forms.push({ id: p.id, words, suffixed });
      }
      if (p.role) {
        // "her son": a role may be written with its possessive, as the text would say it.
        const full = lowerWithoutAccents(p.role).replace(/\s+/g, ' ').trim().replace(POSSESSIVE_DETERMINER, '');
        // "spokeswoman for the National Association ...": the office is the words before its first
        // qualifier.
        const head = full.split(/,|\s(?:for|of|at|in|on|to|with|from|and)\s/)[0]!.trim();
        // Each part's head noun: the last word of its office ("state senator", "réalisatrice, lauréate
        // du prix" -> senator; réalisatrice, lauréate); a part with a possessive in it ("the
        // senator's husband") names someone else's relation, not an office.
        // A later part written with a capital is an institution's name ("superintendent, Cobb Hollow
        // School District"), not an office.
        const nouns = p.role
          .split(/[,;(]/)
          .filter((part, i) => i === 0 || !/^\s*\p{Lu}/u.test(part))
          .map((part) => lowerWithoutAccents(part).replace(/\s+/g, ' ').trim())
          .map((part) => {
            const h = part
              .split(/\s(?:for|of|at|in|on|to|with|from|and|de|du|des|d['’]|von|der|des|im|am)\s/)[0]!
              .trim();
            // "ministry of health spokeswoman": a body before "of" names where the person works;
            // the person is the part's last word.
            return BODY_NOUNS.has(h.split(/\s+/).at(-1)!) ? part : h;
          })
          .filter((h) => h && !/['’]s?\s/.test(h))
          .map((h) => h.split(/\s+/).at(-1)!)
          .filter((n) => !BODY_NOUNS.has(n));
        // Each part's office or relation as written, without a possessive before it ("senate
        // majority leader", "cousin" of "Emeka Okafor's cousin"): what a definite mention's words
        // may end.
        const parts = full
          .split(/[,;(]/)
          .map((part) => part.split(/\s(?:for|of|at|in|on|to|with|from|and)\s/)[0]!.trim())
          .map((part) => part.replace(/^.*['’]s?\s+/, '').replace(POSSESSIVE_DETERMINER, ''))
          .filter(Boolean);
        this.roles.push({ id: p.id, head, full, nouns, parts });
      }
    }
  }

  /**
   * The id of the one person a name mention ("Sen. Jane Doe", "Mr Sessions", "Doe") names, or
   * null. A mention matches a person when its last words are one of their names or aliases, or its
   * first and last words are a name's first and last (a middle initial between), or its words,
   * titles included, are exactly an alias ("Mrs. Dubuque"), or it is one
   * surname alone or after a title ("Judge Marks"): a given name that is not theirs ("John
   * Sessions") does not match. Two people fitting equally well: null.
   */
  resolveName(mention: string): string | null {
    let id = this.resolved.get(mention);
    if (id === undefined) this.resolved.set(mention, (id = this.resolveNameOnce(mention)));
    return id;
  }

  /** The names already resolved in this text (a text names the same people many times). */
  private readonly resolved = new Map<string, string | null>();

  private resolveNameOnce(mention: string): string | null {
    // "union president Ana Ruiz": lower-case words before the name describe the person.
    // "Yesterday Whitaker", "Still Whitaker": a capitalized word that is no given name is no part of the name.
    const written = mention.split(/[\s\u00a0]+/).filter(Boolean);
    while (written.length > 1 && (!/^\p{Lu}/u.test(written[0]!) || isNotGivenName(written[0]!))) written.shift();
    const words = written.map(nameWord).filter(Boolean);
    if (words.length === 0) return null;
    // "Donald Trump Jr." is not Donald Trump: a mention with a suffix is only ever one with it.
    if (words.length > 1 && SUFFIX.test(words.at(-1)!)) {
      const ids = this.idsWhere(
        (f) =>
          f.suffixed.length <= words.length &&
          f.suffixed.every((w, i) => w === words[words.length - f.suffixed.length + i]),
      );
      return ids.size === 1 ? [...ids][0]! : null;
    }
    // An alias written with its title ("Mrs. Dubuque") names its person, even when the surname
    // alone would fit two.
    const whole = this.idsWhere((f) => f.words.length === words.length && f.words.every((w, i) => w === words[i]));
    if (whole.size === 1) return [...whole][0]!;
    // The name proper: the words after the last title ("Homeland Security Secretary | Kirstjen Nielsen").
    let t = words.length - 2;
    while (t >= 0 && !titleWord(words[t]!)) t--;
    const core = words.slice(t + 1);
    const exact = this.idsWhere((f) => f.words.length === core.length && f.words.every((w, i) => w === core[i]));
    if (exact.size > 0) return exact.size === 1 ? [...exact][0]! : null;
    // An office not in the title list before a full name ("Fraktionschefin Katrin Weber", "Band
    // Director Ann Lee"): the longest run of last words, two or more, that is a name.
    for (let from = 1; from <= core.length - 2; from++) {
      const tail = core.slice(from);
      const ids = this.idsWhere((f) => f.words.length === tail.length && f.words.every((w, i) => w === tail[i]));
      if (ids.size > 0) return ids.size === 1 ? [...ids][0]! : null;
    }
    const ids =
      core.length >= 2
        ? // First and last words with anything between (a middle name or initial).
          this.idsWhere((f) => f.words.length >= 2 && f.words[0] === core[0] && f.words.at(-1) === core.at(-1))
        : // A surname alone or after titles only.
          this.idsWhere((f) => f.words.length >= 2 && f.words.at(-1) === core[0]);
    const said =
      core.length === 1
        ? words
            .slice(0, t + 1)
            .map(titleGender)
            .find(Boolean)
        : undefined;
    if (ids.size === 1) {
      const id = [...ids][0]!;
      if (core.length !== 1) return id;
      // "Mrs. Whitaker" beside Tom Whitaker: a courtesy title of the other gender names someone else.
      if (this.titleContradicts(id, said)) return null;
      // The surname alone, when the text also gives it to a company ("Hadley Motors Co.": then
      // "Hadley said" is as likely the company) or to a person who is not this one ("Priya
      // Patel" beside the article's Ravi Patel), names this person only with a courtesy title of
      // their given name's gender that the other's given name does not share.
      const rivals = this.surnameRivals(written.at(-1)!, id);
      if (rivals === null) return id;
      // A company has no title: any title names the person ("Ms. Hadley", "Chairman Hadley").
      if (t < 0) return null;
      const people = rivals.filter((g) => g !== 'company');
      if (people.length === 0) return id;
      if (!said || this.givenNameGender(id) !== said) return null;
      return people.every((g) => g !== null && g !== said) ? id : null;
    }
    if (core.length !== 1) return null;
    // "Ms Lee" beside a Mark Lee and a Susan Lee: the courtesy title's gender tells them apart,
    // when the given name of one says that gender, or those of all but one say the other.
    if (ids.size > 1) {
      // "Cllr Patel" beside a council leader and an MP of one surname: an office's title that
      // names the role of exactly one of them.
      const byOffice = [...ids].filter((id) => words.slice(0, t + 1).some((w) => this.titleNamesRole(w, id)));
      if (byOffice.length === 1) return byOffice[0]!;
      if (!said) return null;
      const known = [...ids].filter((id) => this.givenNameGender(id) === said);
      const fit = [...ids].filter((id) => (this.givenNameGender(id) ?? said) === said);
      return known.length === 1 ? known[0]! : fit.length === 1 ? fit[0]! : null;
    }
    return null;
  }

  /**
   * The id of the one person a speaker's name mention names: as resolveName, and besides a given
   * name alone ("“…,” Susan said") when the text names that person in full and no one else with
   * that given name. Only for speakers: a capitalized word in the narration ("Mark the date") is
   * no name.
   */
  resolveSpeakerName(mention: string): string | null {
    const id = this.resolveName(mention);
    if (id !== null) return id;
    // "his daughter Sarah": lower-case words before the name describe the person.
    const words = mention.split(/[\s\u00a0]+/).filter(Boolean);
    while (words.length > 1 && !/^\p{Lu}/u.test(words[0]!)) words.shift();
    return words.length === 1 && /^\p{Lu}/u.test(words[0]!) ? this.resolveGivenName(words[0]!) : null;
  }

  /**
   * "Susan said": a given name alone names the one person whose name starts with it, when the text
   * writes that person's full name and gives the given name to no one else in full ("Susan Price").
   * Null otherwise, and always without the article's text.
   */
  private resolveGivenName(given: string): string | null {
    if (!this.text) return null;
    const word = nameWord(given);
    const ids = this.idsWhere((f) => f.words.length >= 2 && f.words[0] === word);
    if (ids.size !== 1) return null;
    const id = [...ids][0]!;
    const own = new Set(this.forms.filter((f) => f.id === id).flatMap((f) => f.words));
    const escaped = given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let full = false;
    for (const m of this.text.matchAll(
      new RegExp(`(?<![\\p{L}\\p{M}])${escaped}\\s+(\\p{Lu}[\\p{L}\\p{M}'’\\-]*)`, 'gu'),
    )) {
      if (!own.has(nameWord(m[1]!))) return null;
      full = true;
    }
    return full ? id : null;
  }

  /**
   * Whether the title word `title` (folded) names the role the article gives person `id`: the
   * title or one of its spelled-out forms ("cllr": councillor, council) begins a word of the role
   * ("Cllr" for "Labour leader of Essex Vale County Council", "Sen." for "state senator").
   */
  private titleNamesRole(title: string, id: string): boolean {
    const role = this.byId.get(id)!.role;
    if (!role || titleGender(title) !== null) return false;
    const forms = [title, ...(OFFICE_TITLES[title] ?? [])];
    const words = lowerWithoutAccents(role).split(/[^\p{L}]+/u);
    return forms.some((f) => words.some((w) => w === f || (f.length >= 4 && w.startsWith(f))));
  }

  /**
   * Who else the text gives the surname `written` (as a mention writes it) of person `id`: null
   * when no one; else the gender each other bearer's given name says (null for a company, which
   * has none, or a given name of either gender). Another bearer is a capitalized word before the
   * surname that is none of this person's names, no title and no sentence's function word ("Priya
   * Patel" beside "Ravi Patel"; its gender as the first-name lists give it), or "company" for the
   * surname opening a company's or institution's name ("Hadley Motors", "Ford Motor Co.", "Dell
   * Technologies").
   */
  private surnameRivals(written: string, id: string): ('m' | 'f' | 'company' | null)[] | null {
    const surname = written.replace(/['’]s?$/, '');
    const key = `${nameWord(surname)}\0${id}`;
    let rivals = this.rivals.get(key);
    if (rivals !== undefined) return rivals;
    rivals = [];
    if (this.text && /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(surname)) {
      const own = new Set(this.forms.filter((f) => f.id === id).flatMap((f) => f.words));
      for (const m of surnameMatches(this.text, surname)) {
        const before = m[1] === undefined ? '' : nameWord(m[1]);
        const after = m[2] === undefined ? '' : nameWord(m[2]);
        if (after && COMPANY_WORDS.has(after)) rivals.push('company');
        else if (
          before &&
          !own.has(before) &&
          !titleWord(before) &&
          !NOT_GIVEN_NAMES.has(before) &&
          // "On Monday Whitaker said", "Still Whitaker said": no other Whitaker.
          !isNotGivenName(m[1]!, this.text.slice(Math.max(0, m.index - 12), m.index))
        ) {
          rivals.push(givenNameGender(before));
        }
      }
    }
    this.rivals.set(key, (rivals = rivals.length > 0 ? rivals : null));
    return rivals;
  }

  private readonly rivals = new Map<string, ('m' | 'f' | 'company' | null)[] | null>();

  /** Whether a title's gender `said` is the other one than the given name of person `id` says. */
  private titleContradicts(id: string, said: 'm' | 'f' | null | undefined): boolean {
    const given = this.givenNameGender(id);
    return !!said && given !== null && given !== said;
  }

  /** The gender the given name of a person's name says ("Susan Lee": f), or null. */
  private givenNameGender(id: string): 'm' | 'f' | null {
    return givenNameGender(nameWord(this.byId.get(id)!.name.split(/\s+/)[0]!));
  }

  /**
   * The id of the one person whose role in the article the nominal mention names ("the attorney
   * general", "the mayor" for "mayor of Springfield"), or null.
   */
  resolveRole(mention: string): string | null {
    const folded = lowerWithoutAccents(mention).replace(/\s+/g, ' ').trim();
    const m = folded
      .replace(/^(?:(?:the|a|an|its|his|her|their|le|la|les|un|une|der|die|das|ein|eine)\s+|l['’])/, '')
      .trim();
    if (!m) return null;
    // "the 24-year-old said": the one person the text gives that age.
    const age = /^(?:the|his|her)\s+(\d{1,3})-year-old$/.exec(folded);
    if (age) return this.personOfAge(age[1]!);
    // "the ministry said", "the union said": a body speaks, not one of the people.
    if (BODY_NOUNS.has(m.split(' ').at(-1)!)) return null;
    const ids = new Set(this.roles.filter((r) => r.full === m || r.head === m).map((r) => r.id));
    if (ids.size > 0) return ids.size === 1 ? [...ids][0]! : null;
    // A definite mention of the head noun of one person's role ("the senator" for a "state
    // senator", "la jeune réalisatrice"); an indefinite one ("a senator") may be anyone. A
    // possessive determiner makes a mention definite too ("her son", "his cousin").
    if (!/^(?:(?:the|le|la|les|der|die|das|his|her|its|their)\s|l['’])/.test(folded) || m.split(' ').length > 3)
      return null;
    // Its words ending one person's office or relation ("the majority leader" for a "Senate
    // majority leader" beside a "House Republican leader").
    const byWords = new Set(this.roles.filter((r) => r.parts.some((p) => endsWithWords(p, m))).map((r) => r.id));
    if (byWords.size === 1) return [...byWords][0]!;
    const noun = m.split(' ').at(-1)!;
    const byNoun = new Set(this.roles.filter((r) => r.nouns.includes(noun)).map((r) => r.id));
    return byNoun.size === 1 ? [...byNoun][0]! : null;
  }

  /**
   * The id of the one person the text gives the age `age` (a number of years as written) right
   * after one of their names or its last word ("Nathan Rivers, 24,", "Rivers, 24") or in a
   * "24-year-old" right before one of them; null when no one or more than one person.
   */
  private personOfAge(age: string): string | null {
    const ids = [...this.byId.keys()].filter((id) => this.statedAges(id).has(age));
    return ids.length === 1 ? ids[0]! : null;
  }

  /**
   * The ages the text gives person `id` (numbers of years as written): right after one of their
   * names or its last word ("Nathan Rivers, 24,", "Rivers, 24") or in a "24-year-old" right
   * before one of them. Empty when it gives none.
   */
  statedAges(id: string): ReadonlySet<string> {
    let ages = this.ages.get(id);
    if (ages) return ages;
    const p = this.byId.get(id)!;
    const names = [p.name, ...(p.aliases ?? [])].flatMap((n) => [n, n.split(/\s+/).at(-1)!]);
    const alternatives = [...new Set(names)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{M}])(?:${alternatives}),\\s+(\\d{1,3})(?!\\d)|(?<!\\d)(\\d{1,3})-year-old\\s+(?:\\p{L}+\\s+){0,3}(?:${alternatives})(?![\\p{L}\\p{M}])`,
      'gu',
    );
    ages = new Set([...this.text.matchAll(pattern)].map((m) => (m[1] ?? m[2])!));
    this.ages.set(id, ages);
    return ages;
  }

  private readonly ages = new Map<string, ReadonlySet<string>>();

  /** The head nouns of the people's roles that name exactly one person (folded), with that person's id. */
  roleNouns(): Map<string, string> {
    if (this.nouns === undefined) {
      const owners = new Map<string, Set<string>>();
      for (const r of this.roles)
        for (const n of r.nouns) (owners.get(n) ?? owners.set(n, new Set()).get(n)!).add(r.id);
      this.nouns = new Map(
        [...owners].filter(([n, ids]) => ids.size === 1 && n.length >= 4).map(([n, ids]) => [n, [...ids][0]!]),
      );
    }
    return this.nouns;
  }

  private nouns: Map<string, string> | undefined;

  private idsWhere(test: (f: { id: string; words: string[]; suffixed: string[] }) => boolean): Set<string> {
    return new Set(this.forms.filter(test).map((f) => f.id));
  }
}
