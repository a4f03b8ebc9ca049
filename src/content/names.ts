import { parse as parseCslName, type CslName } from '@citation-js/name';
import { lowerWithoutAccents } from '../text/fold.ts';
import { isNameSuffix } from '../text/name-suffixes.ts';
import {
  OFFICE_QUALIFIERS,
  OFFICE_TITLES,
  OFFICE_TITLES_ALSO_NAMES,
  TITLES_AFTER_TITLE,
} from '../text/office-titles.ts';
import { BYLINE_ORGANIZATION_WORDS } from '../text/organization-words.ts';
import { singleSpaced } from '../text/white-space.ts';

// Names of authors and people, in the parts citation styles and indexes need. Personal names are
// parsed by @citation-js/name into CSL name parts (family, given, particles, suffix), so
// "Anne van der Berg" files under Berg with her particle, and "Robert Hale Jr." keeps his suffix
// after the family name. Organizations and names whose order the parser cannot know are kept as
// one literal name, exactly as written.

export type { CslName };

/** A byline as the front matter gives it, after checking: the name as printed, and what it names. */
export interface Author {
  /** The name as printed in the byline. */
  name: string;
  /** True for an organization (a news agency, "Staff", an editorial board): cited as one name. */
  organization: boolean;
}

// Words that mark a byline as an organization's rather than a person's, when the front matter
// does not say (`{ name, organization: true }` always wins).
const ORGANIZATION_WORDS = new Set(BYLINE_ORGANIZATION_WORDS);

/** True when a byline reads as an organization's name ("Associated Press", "Reuters staff"). */
export function looksLikeOrganization(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[\s,/&]+/)
    .some((word) => ORGANIZATION_WORDS.has(word));
}

/**
 * True when the order of a name's parts cannot be read from the Latin-script "given family"
 * convention: names in scripts other than Latin, Greek and Cyrillic (李娜, محمد), and Vietnamese
 * names, which put the family name first (Nguyễn Văn An). They are kept as written.
 */
function keepAsWritten(name: string): boolean {
  if (/[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u.test(name))
    return true;
  // ơ ư đ ă and the letters of Unicode's Latin Extended Additional block with Vietnamese tone marks.
  return /[ơưđăƠƯĐĂ\u1EA0-\u1EF9]/u.test(name.normalize('NFC'));
}

// Honorifics and post-nominal letters are not part of a name in a reference list: "Do not include
// titles, positions, ranks, or academic achievements with names in reference entries (e.g., Rev.,
// Dr., Professor, PhD, MSW)" (APA Publication Manual, 7th ed., "Format of the Author Element");
// MLA (Handbook, 9th ed., "Titles and Suffixes": omit titles, affiliations and degrees that
// precede or follow names) and Chicago (Manual of Style, 17th ed., on names in bibliographies:
// "Sir", "Dr." and degrees are omitted) agree. Suffixes (Jr., III) stay. The words below are
// compared without case or dots ("Dr", "dr.", "DR." alike), in the languages the archive holds.

/** Honorifics that are never a name, before a name: "Dr. Priya Raman", "Herr Hans Müller", "Sra. Ana García". */
const HONORIFICS = new Set([
  // English
  ...['mr', 'mrs', 'ms', 'mx', 'mister', 'messrs', 'dr', 'prof', 'professor', 'doctor', 'rev', 'revd', 'reverend'],
  ...['honourable', 'honorable', 'rt', 'right'],
  // Offices and ranks, written out or in forms that are no one's name ("Cllr", "Sgt", "Lt Col")
  ...['senator', 'governor', 'representative', 'congressman', 'congresswoman', 'assemblyman', 'assemblywoman'],
  ...['councillor', 'councilor', 'cllr', 'president'],
  ...['lieutenant', 'sergeant', 'corporal', 'admiral', 'brigadier', 'lt', 'sgt', 'cpl', 'pte', 'pvt', 'capt', 'cmdr'],
  ...['cdr', 'adm', 'brig', 'supt', 'insp'],
  // German, Dutch, Scandinavian
  ...['herr', 'frau', 'hr', 'fru', 'drin', 'dr-ing', 'dipl-ing', 'univ-prof', 'dhr', 'mevr', 'mw', 'drs', 'ir'],
  ...['doktor', 'doktorin', 'professorin'],
  // French (M. and Me are initials in other languages: see FRENCH_HONORIFICS)
  ...['mme', 'mmes', 'mlle', 'mlles', 'madame', 'mademoiselle', 'monsieur', 'messieurs'],
  ...['docteur', 'docteure', 'professeur', 'professeure'],
  // Spanish, Portuguese
  ...['sr', 'sra', 'srta', 'sres', 'dra', 'doctora', 'señor', 'señora', 'señorita', 'dña', 'lic', 'lcdo', 'lcda'],
  // Italian
  ...['dott', 'dottssa', 'dottore', 'dottoressa', 'sigra', 'signa', 'signor', 'signora', 'signorina', 'avv', 'profssa'],
]);
/** Honorifics that are also names (Lady Gaga, Father John Misty), taken off before a given and a family name like the others. */
const NAME_LIKE_HONORIFICS = new Set([
  'sir',
  'dame',
  'lord',
  'lady',
  'miss',
  'father',
  'sister',
  'rabbi',
  'imam',
  'bishop',
  'baroness',
  'sheikh',
  'sheikha',
  'shaikh',
  'sheik',
  'ayatollah',
  'mufti',
  'cardinal',
]);
/**
 * Honorifics written only with their dot, as the word without it is a name (Sig Hansen, Gen
 * Hoshino, Col Joye, Amartya Sen) or a word: "Sig.", "Gen.", "Sen.", "Rep.", "Gov.". Without the
 * dot they are titles only after another title ("Maj Gen Ann Lee", "Lt Col John Smith").
 */
const DOTTED_HONORIFICS = new Set([
  'hon.',
  'sen.',
  'rep.',
  'gov.',
  'pres.',
  'det.',
  'sig.',
  'ing.',
  'gen.',
  'col.',
  'capt.',
  'lt.',
  'maj.',
  'sgt.',
  'adm.',
  'cmdr.',
  'fr.',
  'mag.',
  'on.',
]);
/**
 * Ranks that are names without their dot (Gen Hoshino, Col Joye) but titles after another title:
 * "Lt Col", "Brig Gen"; and words that are titles only after a title or a qualifier ("Attorney
 * General", "Chief Executive": TITLES_AFTER_TITLE).
 */
const RANKS_AFTER_TITLE = new Set(['gen', 'col', ...TITLES_AFTER_TITLE]);
/** Offices in every language the archive holds ("Mayor", "Bürgermeisterin", "Alcaldesa": src/text/office-titles.ts). */
const OFFICES = new Set(Object.values(OFFICE_TITLES).flat());
/** Offices that are also given names ("Dean Baquet"): titles only before a given and a family name. */
const OFFICES_ALSO_NAMES = new Set(OFFICE_TITLES_ALSO_NAMES);
/** Words that are titles only in front of another title ("Prime Minister", "Deputy Mayor", "Chief Executive"). */
const QUALIFIERS = new Set(OFFICE_QUALIFIERS);
/** French honorifics that are initials in other languages ("M. Jean Dupont", but "M. Scott Peck"): only in French. */
const FRENCH_HONORIFICS = new Set(['m.', 'mm.', 'me', 'me.']);
/** Qualifiers of a German doctorate after "Dr.": "Dr. med.", "Dr. rer. nat.", "Dr. h.c.". */
const DOCTORATE_QUALIFIERS = new Set([
  'med.',
  'phil.',
  'jur.',
  'rer.',
  'nat.',
  'pol.',
  'oec.',
  'dent.',
  'vet.',
  'h.c.',
  'habil.',
  'mult.',
]);
/** Degrees and honours written after a name: "Jane Smith, PhD", "Ann Lee MP". */
const POST_NOMINALS = new Set([
  'phd',
  'md',
  'dphil',
  'edd',
  'esq',
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'dbe',
  'qc',
  'kc',
  'frs',
  'mp',
  'msp',
]);

/** A word compared as an honorific: lower case, without dots. */
const bare = (word: string) => word.toLowerCase().replace(/\./g, '');

/** Articles before an honorific, taken off with it: "The Rev. Jesse Jackson", "Mme la Docteure Claire Dubois". */
const ARTICLES = new Set(['the', 'le', 'la']);

/**
 * A name without the honorifics before it (all of a chain: "Herr Doktor Hans Weber") and the
 * degrees after it (see the comment above HONORIFICS); `whole` when it must be kept as written:
 * honorifics before one word only ("Mr. T", "Dr. Seuss", "Lady Gaga": the whole is the name the
 * person is known by, and "Mr. T" has no given name to cite), or a name that is nothing but
 * honorifics. `language` is the BCP 47 tag of the text the name is printed in: "M." is Monsieur
 * only in French.
 */
function honorificsRemoved(name: string, language = 'en'): { name: string; whole: boolean } {
  const words = name.trim().split(/\s+/);
  const french = /^fr\b/i.test(language);
  /** A title written with hyphens, every part a title word: "Vice-President", "President-elect", "Ex-Kanzler". */
  const hyphenated = (w: string) => {
    const parts = bare(w).split('-');
    return (
      parts.length > 1 &&
      parts.some((p) => OFFICES.has(p) || HONORIFICS.has(p)) &&
      parts.every((p) => OFFICES.has(p) || HONORIFICS.has(p) || QUALIFIERS.has(p) || ['elect', 'designate'].includes(p))
    );
  };
  /** True for a word that is a title and never a name: "Lt", "Dr.", "Gen.", "Mayor". */
  const isTitle = (w: string) =>
    HONORIFICS.has(bare(w)) || DOTTED_HONORIFICS.has(w.toLowerCase()) || OFFICES.has(bare(w)) || hyphenated(w);
  // "Hon" without its dot is a given name too (Hon Lam), but not after "The" or "Rt" ("The Rt Hon");
  // so are "Gen" and "Col" (Gen Hoshino), but not after another title ("Lt Col John Smith"), and
  // "Dean" and "Justice" (Dean Baquet), but not before a given and a family name (`rest`: the
  // words after this one).
  const isHonorific = (w: string, after = '', rest = 0) =>
    isTitle(w) ||
    NAME_LIKE_HONORIFICS.has(bare(w)) ||
    (bare(w) === 'hon' && ['the', 'rt', 'right'].includes(bare(after))) ||
    (RANKS_AFTER_TITLE.has(bare(w)) && (isTitle(after) || QUALIFIERS.has(bare(after)))) ||
    (OFFICES_ALSO_NAMES.has(bare(w)) && rest >= 2) ||
    (french && FRENCH_HONORIFICS.has(w.toLowerCase()));
  const honorificAt = (i: number) => isHonorific(words[i]!, words[i - 1] ?? '', words.length - i - 1);
  let start = 0;
  while (start < words.length) {
    const w = words[start]!;
    if (ARTICLES.has(bare(w)) && start + 1 < words.length && isHonorific(words[start + 1]!, w)) start++;
    else if (honorificAt(start)) {
      start++;
      while (start < words.length && DOCTORATE_QUALIFIERS.has(words[start]!.toLowerCase())) start++;
    } else if (QUALIFIERS.has(bare(w))) {
      // Qualifiers are titles only before one: "Prime Minister", "Former Deputy Mayor"; "Chief Keef" is a name.
      let next = start;
      while (next < words.length && QUALIFIERS.has(bare(words[next]!)) && !honorificAt(next)) next++;
      if (next === start || next >= words.length || !honorificAt(next)) break;
      start = next;
    } else if (bare(w) === 'of' && start > 0 && isTitle(words[start - 1]!) && bare(words[start + 1] ?? '') === 'state')
      start += 2; // "Secretary of State Antony Blinken"
    else break;
  }
  let end = words.length;
  while (end - 1 > start && POST_NOMINALS.has(bare(words[end - 1]!.replace(/,$/, '')))) end--;
  const kept = words.slice(start, end);
  if (kept.length < 2 && start > 0) return { name: words.join(' '), whole: true };
  if (kept.length === 0) return { name: words.join(' '), whole: false };
  kept[kept.length - 1] = kept.at(-1)!.replace(/,$/, '');
  return { name: kept.join(' '), whole: false };
}

/**
 * A name as it goes into a reference list: without honorifics before it ("Dr. Priya Raman" ->
 * "Priya Raman", "Sir Harold Evans" -> "Harold Evans", "Prof. Dr. med. Hans Müller" -> "Hans
 * Müller") or degrees after it ("Jane Smith, PhD" -> "Jane Smith"); suffixes stay ("Robert Hale
 * Jr."). Honorifics before a single word stay: the whole is the name ("Mr. T", "Lady Gaga"). "M." and "Me" are
 * taken as Monsieur and Maître only when `language` (BCP 47) is French; elsewhere they are
 * initials ("M. Scott Peck").
 */
function withoutHonorifics(name: string, language?: string): string {
  return honorificsRemoved(name, language).name;
}

/**
 * True when a byline names more than one person or a firm: "and" or "&" as a word ("John and
 * Jane Doe", "Ernst and Young", "Mr and Mrs Smith"). Which words are whose given and family names
 * cannot be told from the words alone, so such a byline is cited as one literal name, as written.
 */
const isJoined = (name: string) => /(^|\s)(and|&)(\s|$)/i.test(name);

/**
 * Name particles that follow the given names in an inverted name, CSL's `dropping-particle`
 * ("Humboldt, Alexander von", "La Fontaine, Jean de", "Silva, Luiz Inácio Lula da"): German
 * von and zu, and the lower-case particles of the Romance languages (Chicago Manual of Style,
 * 17th ed., 8.5 to 8.11: French, German, Italian, Portuguese and Spanish names with particles).
 * Every other particle stays before the family name, CSL's `non-dropping-particle` ("van der
 * Berg, Anne"; French du and des, Arabic al and bin), and so does every particle in a Dutch text
 * ("de Vries, Jan"), as Dutch writes it. In a German text, Dutch "van" drops as German "von"
 * does ("Beethoven, Ludwig van"). A particle written with a capital is part of the family name
 * ("Le Bœuf", "Di Maio", "Van Dyke": CAPITAL_PARTICLES).
 */
const DROPPING_PARTICLES = new Set([
  'von',
  'zu',
  'vom',
  'zum',
  'de',
  'd',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'dei',
  'degli',
  'di',
]);

/** Whether a particle (its first word decides: "von der", "van den") is CSL's dropping particle in a text of `language`. */
function particleDrops(particle: string, language = 'en'): boolean {
  const first = particle.split(' ')[0]!.toLowerCase().replace(/['’]$/, '');
  const lang = language.toLowerCase().split('-')[0];
  if (lang === 'nl') return false;
  if (lang === 'de' && first === 'van') return true;
  return DROPPING_PARTICLES.has(first);
}

/** Particles written with a capital, which are part of the family name they start: "Le Bœuf", "Du Bois", "Di Maio", "Van Dyke". */
const CAPITAL_PARTICLES = new Set([
  'Le',
  'La',
  'Les',
  'Du',
  'Des',
  'De',
  'Del',
  'Della',
  'Di',
  'Da',
  'Dos',
  'Das',
  'Van',
  'Von',
  'Ten',
  'Ter',
  "D'",
  'D’',
]);

/**
 * Conjunctions joining the two surnames of one person: Spanish "y" ("José Ortega y Gasset",
 * "Ana Muñoz y Pérez"), Portuguese "e" ("Maria Silva e Sousa"), Catalan "i" ("Josep Puig i
 * Cadafalch"). The double surname is the family name.
 */
const DOUBLE_SURNAME = /^(\S.*?)\s+(\p{Lu}[\p{L}\p{M}'’-]*\s+(?:y|e|i)\s+\p{Lu}[\p{L}\p{M}'’-]*)$/u;

/**
 * A personal name (without honorifics or suffix) as CSL name parts: parsed by
 * @citation-js/name, then its particles set as CSL and the languages write them (see
 * DROPPING_PARTICLES, CAPITAL_PARTICLES, DOUBLE_SURNAME); `{ literal }` when it cannot be parsed.
 */
function personalName(text: string, language?: string): CslName {
  const double = DOUBLE_SURNAME.exec(text);
  if (double) return { given: double[1]!, family: double[2]! };
  const parts = parseCslName(text);
  if (parts.literal !== undefined || !parts.family) return { literal: text };
  // Words the parser takes for titles but the honorific lists here do not ("Prince Rogers
  // Nelson", "Colonel Tom Parker") are given names: the parser files them as a dropping particle.
  const title = parts['dropping-particle']?.trim();
  const given = [title, parts.given?.trim()].filter(Boolean).join(' ').split(' ').filter(Boolean);
  let family = parts.family.trim();
  while (given.length > 1 && CAPITAL_PARTICLES.has(given.at(-1)!)) family = `${given.pop()!} ${family}`;
  const particle = parts['non-dropping-particle']?.trim();
  const out: CslName = {};
  if (given.length) out.given = given.join(' ');
  if (particle) out[particleDrops(particle, language) ? 'dropping-particle' : 'non-dropping-particle'] = particle;
  out.family = family;
  if (parts.suffix?.trim()) out.suffix = parts.suffix.trim();
  return out;
}

/**
 * A name as CSL name parts, without honorifics or degrees (withoutHonorifics; `language` is the
 * BCP 47 tag of the text the name is printed in). An organization, a one-word name, a name kept
 * as written (see keepAsWritten), a byline joined with "and" (see isJoined) and honorifics before
 * one word ("Mr. T", "Lady Gaga") are `{ literal }`; a personal name is parsed by
 * @citation-js/name (see personalName). A generational suffix after it, with or without its
 * comma or dot ("Martin Luther King, Jr.", "John Smith III"), is the CSL `suffix`, as written.
 */
function cslName(name: string, organization = false, language?: string): CslName {
  const written = singleSpaced(name);
  if (organization || keepAsWritten(written) || isJoined(written)) return { literal: written };
  const { name: text, whole } = honorificsRemoved(written, language);
  if (whole || !text.includes(' ')) return { literal: text };
  const words = text.split(' ');
  if (words.length > 2 && isNameSuffix(words.at(-1)!)) {
    const suffix = words.pop()!.replace(/,$/, '');
    words[words.length - 1] = words.at(-1)!.replace(/,$/, '');
    const parts = personalName(words.join(' '), language);
    return parts.literal === undefined ? { ...parts, suffix } : { literal: text };
  }
  return personalName(text, language);
}

/** A byline's CSL name parts (see cslName); `language` is the article's BCP 47 tag. */
export function authorName(author: Author, language?: string): CslName {
  return cslName(author.name, author.organization, language);
}

/**
 * A byline as a citation writes it in running text ("Given Family Suffix"): without honorifics or
 * degrees ("Sir Harold Evans" -> "Harold Evans"), or whole when cslName keeps it as one literal
 * name (an organization, "Mr and Mrs Smith", "Mr. T"). Citations, Highwire and Dublin Core tags
 * all name authors this way.
 */
export function citedName(author: Author, language?: string): string {
  return authorName(author, language).literal ?? withoutHonorifics(author.name, language);
}

/** The family name with its non-dropping particle: "van der Berg"; a literal name whole. */
export function familyWithParticle(n: CslName): string {
  if (n.literal !== undefined) return n.literal;
  return [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
}

/**
 * The key a name is sorted and grouped by in an A–Z index: family name first, without its
 * particle, then the given names ("Anne van der Berg" -> "Berg, Anne van der"; "Jeff Sessions" ->
 * "Sessions, Jeff"). Literal names sort as written. Following CSL's default
 * demote-non-dropping-particle "display-and-sort" (CSL 1.0.2, "Name-part Order").
 */
export function sortKey(name: string): string {
  const n = cslName(name);
  if (n.literal !== undefined) return n.literal;
  const given = [n.given, n['dropping-particle'], n['non-dropping-particle']].filter(Boolean).join(' ');
  return [n.family, given, n.suffix].filter(Boolean).join(', ');
}

/**
 * The letter an A–Z index files a sort key under: its first letter, upper-case, without accents
 * ("Ørsted" and "Østergaard" under "Ø" stay; "Álvarez" goes under "A"), folded as slugs are
 * (lowerWithoutAccents: a ligature "ﬁ" under "F", a full-width "Ｚ" under "Z"). A key that starts
 * with no letter (a digit, a symbol) is filed under "#".
 */
export function indexLetter(key: string): string {
  const first = [...lowerWithoutAccents(key)].find((c) => /[\p{L}\p{N}]/u.test(c));
  if (!first || !/\p{L}/u.test(first)) return '#';
  return first.toLocaleUpperCase('en');
}

/** A byline as a reader sees it: the names as printed, joined with commas ("Sam Lee, Ana Ruiz"). */
export function bylineText(authors: Author[]): string {
  return authors.map((a) => a.name).join(', ');
}
