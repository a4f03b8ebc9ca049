import { parse as parseCslName, type CslName } from '@citation-js/name';

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
// does not say (`{ name, organization: true }` always wins). Taken from the bylines of news
// agencies and desks ("Associated Press", "BBC News", "Staff and agencies", "Editorial Board").
const ORGANIZATION_WORDS = new Set(
  [
    'press',
    'presse',
    'news',
    'newswire',
    'wire',
    'wires',
    'staff',
    'agency',
    'agencies',
    'service',
    'services',
    'bureau',
    'desk',
    'board',
    'team',
    'reporters',
    'correspondents',
    'newsroom',
    'editors',
    'editorial',
    'media',
    'network',
    'group',
    'inc',
    'inc.',
    'ltd',
    'ltd.',
    'llc',
    'institute',
    'association',
    'council',
    'committee',
    'foundation',
    'corporation',
    'company',
    'office',
    'department',
    'ministry',
    'university',
  ].map((w) => w.toLowerCase()),
);

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

/**
 * A name as CSL name parts. An organization, a one-word name and a name kept as written (see
 * keepAsWritten) are `{ literal }`; a personal name is parsed by @citation-js/name. Suffixes
 * written with a period ("Jr.") are recognised too (the parser only knows "Jr").
 */
export function cslName(name: string, organization = false): CslName {
  const text = name.trim().replace(/\s+/g, ' ');
  if (organization || keepAsWritten(text) || !text.includes(' ')) return { literal: text };
  let parts = parseCslName(text);
  if (!parts.suffix && /\.$/.test(text)) {
    const again = parseCslName(text.slice(0, -1));
    if (again.suffix) parts = { ...again, suffix: `${again.suffix}.` };
  }
  if (parts.literal !== undefined || !parts.family) return { literal: text };
  return parts;
}

/** A byline's CSL name parts (see cslName). */
export function authorName(author: Author): CslName {
  return cslName(author.name, author.organization);
}

/** The family name with its non-dropping particle: "van der Berg"; a literal name whole. */
export function familyWithParticle(n: CslName): string {
  if (n.literal !== undefined) return n.literal;
  return [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
}

/** The given names with a dropping particle after them ("Ludwig"; "Jean de" for "Jean de La Fontaine"). */
export function givenWithParticle(n: CslName): string {
  return [n.given, n['dropping-particle']].filter(Boolean).join(' ');
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
 * ("Ørsted" and "Østergaard" under "Ø" stay; "Álvarez" goes under "A"). A key that starts with no
 * letter (a digit, a symbol) is filed under "#".
 */
export function indexLetter(key: string): string {
  const first = [...key.normalize('NFD').replace(/\p{Mn}/gu, '')].find((c) => /[\p{L}\p{N}]/u.test(c));
  if (!first || !/\p{L}/u.test(first)) return '#';
  return first.toLocaleUpperCase('en');
}

/** A byline as a reader sees it: the names as printed, joined with commas ("Sam Lee, Ana Ruiz"). */
export function bylineText(authors: Author[]): string {
  return authors.map((a) => a.name).join(', ');
}
