// Citations of an archived article as a newspaper article: APA (7th), MLA (9th) and Chicago
// (17th, bibliography) text, BibTeX and CSL-JSON. Pure functions of plain facts, so they are
// unit-tested without a build. Names are CSL name parts (src/content/names.ts); dates are calendar
// days in the original's offset (src/content/dates.ts). Every style names the copy cited: the
// archive's address of it and its capture date as the access date, each in the style's own words
// for a web page read in an archive (see apa, mla and chicago).

import { lowerWithoutAccents } from '../text/fold.ts';
import { sha256Hex } from '../text/hash.ts';
import { dateParts, isoDay, yearOf, type ArchiveDate } from '../content/dates.ts';
import { authorName, familyWithParticle, citedName, type Author, type CslName } from '../content/names.ts';

/** What a citation needs to know. */
export interface CitationFacts {
  title: string;
  /** Bylines, people or organizations (src/content/names.ts). */
  authors: Author[];
  newspaper: string;
  url: string;
  /** Publication date (src/content/dates.ts): cited on its calendar day in the original's offset. */
  published: ArchiveDate;
  /** Latest possible date when the date is inferred; the citation then shows the range in brackets. */
  inferredLatest?: ArchiveDate | undefined;
  /** When the copy was made (the access date); cited on its calendar day in its own offset. */
  captured: ArchiveDate;
  /** Address of the archived copy: the version page cited, or the article page of an article captured once. */
  archiveUrl: string;
  /** Name of the archive. */
  archiveName: string;
  /** BCP 47 tag of the article's language (default en): "M." before a name is Monsieur only in French (src/content/names.ts). */
  language?: string | undefined;
}

/** A run of citation text; italic runs are titles of the newspaper. */
export interface Run {
  text: string;
  italic?: boolean;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** Year, month index (0-11) and day of a date's calendar day. */
function parts(d: ArchiveDate): [number, number, number] {
  const [y, m, day] = dateParts(d);
  return [y, m - 1, day];
}

/**
 * "Family, Given" (suffix after: "Hale, Robert, Jr."; a dropping particle after the given names,
 * which `given` abbreviates alone: "Humboldt, A. von"); a literal name as written.
 */
function inverted(n: CslName, given: (g: string) => string = (g) => g): string {
  if (n.literal !== undefined) return n.literal;
  const first = [n.given && given(n.given), n['dropping-particle']].filter(Boolean).join(' ');
  return [familyWithParticle(n), first, n.suffix].filter(Boolean).join(', ');
}

/** "Jordain Alex" -> "J. A."; hyphenated given names keep the hyphen ("Jean-Paul" -> "J.-P."). */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((g) =>
      g
        .split('-')
        .map((p) => `${p.charAt(0)}.`)
        .join('-'),
    )
    .join(' ');
}

/** A day or a range of days in one style's words: "September 10–11" etc. */
function dateText(facts: CitationFacts, style: 'apa' | 'mla' | 'chicago'): string {
  const [y, m, d] = parts(facts.published);
  const [y2, m2, d2] = parts(facts.inferredLatest ?? facts.published);
  const month = (i: number) => (style === 'mla' ? MLA_MONTHS[i]! : MONTHS[i]!);
  const one = (mm: number, dd: number) => (style === 'mla' ? `${dd} ${month(mm)}` : `${month(mm)} ${dd}`);
  let span = one(m, d);
  if (facts.inferredLatest && (m !== m2 || d !== d2))
    span =
      m === m2
        ? style === 'mla'
          ? `${d}–${d2} ${month(m)}`
          : `${month(m)} ${d}–${d2}`
        : `${one(m, d)}–${one(m2, d2)}`;
  const year = y === y2 ? `${y}` : `${y}–${y2}`;
  const text = style === 'apa' ? `${year}, ${span}` : style === 'mla' ? `${span} ${year}` : `${span}, ${year}`;
  return facts.inferredLatest ? (style === 'apa' ? `${year}, [${span}]` : `[${text}]`) : text;
}

/** Joins names as "A, B, and C" (or "A & B" for APA). */
function list(names: string[], last: string): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}, ${last} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${last} ${names.at(-1)}`;
}

/** Ends a sentence with a period unless it already ends with punctuation. */
const period = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A day in a style's words, without brackets: "July 20, 2019" (APA, Chicago), "20 July 2019" (MLA). */
function dayText(d: ArchiveDate, style: 'apa' | 'mla' | 'chicago'): string {
  const [y, m, day] = parts(d);
  return style === 'mla' ? `${day} ${MLA_MONTHS[m]} ${y}` : `${MONTHS[m]} ${day}, ${y}`;
}

/**
 * APA 7th edition, newspaper article online, read in an archive: the author, date, title and
 * newspaper, then "Retrieved <capture day>, from <archived copy's address>" (Publication Manual,
 * 7th ed., 9.16 on retrieval dates for pages whose content changes, and its rule of giving the
 * address where the reader finds the work cited: the archived copy, as the original may have
 * changed or gone).
 * Shape: runs of text, the newspaper's name italic.
 */
export function apa(f: CitationFacts): Run[] {
  const names = f.authors.map((a) => inverted(authorName(a, f.language), initials));
  const date = `(${dateText(f, 'apa')}).`;
  // The author element ends with a period, also after a one-word or corporate author ("Reuters.").
  const head = names.length
    ? [`${period(list(names, '&'))} ${date} ${period(f.title)} `]
    : [`${period(f.title)} ${date} `];
  return [
    { text: head.join('') },
    { text: f.newspaper, italic: true },
    { text: `. Retrieved ${dayText(f.captured, 'apa')}, from ${f.archiveUrl}` },
  ];
}

/**
 * MLA 9th edition, newspaper article online, read in an archive: the newspaper as the first
 * container (with the original address), the archive as the second container with the archived
 * copy's address, then the optional access date as the last element, "Accessed 20 July 2019."
 * (MLA Handbook, 9th ed.: the template of core elements with a second container, the optional
 * element "date of access", and addresses printed without "https://"). Shape: runs of text, the newspaper's name italic.
 */
export function mla(f: CitationFacts): Run[] {
  const lead = f.authors[0] ? inverted(authorName(f.authors[0], f.language)) : '';
  const names =
    f.authors.length === 0
      ? ''
      : f.authors.length === 1
        ? `${period(lead)} `
        : f.authors.length === 2
          ? `${lead}, and ${period(citedName(f.authors[1]!, f.language))} `
          : `${lead}, et al. `;
  return [
    { text: `${names}“${period(f.title)}” ` },
    { text: f.newspaper, italic: true },
    { text: `, ${dateText(f, 'mla')}, ${bare(f.url)}. ` },
    { text: f.archiveName, italic: true },
    { text: `, ${bare(f.archiveUrl)}. Accessed ${dayText(f.captured, 'mla')}.` },
  ];
}

/** An address as MLA prints it, without its scheme. */
const bare = (url: string) => url.replace(/^https?:\/\//, '');

/**
 * Chicago 17th edition, bibliography entry for a newspaper article (unsigned: newspaper first),
 * read in an archive: after the date, "Accessed <capture day>." and the archived copy's address
 * (Chicago Manual of Style, 17th ed., 14.12 on access dates, and on giving the address of the
 * version consulted). Shape: runs of text, the newspaper's name italic.
 */
export function chicago(f: CitationFacts): Run[] {
  const names = f.authors.map((a, i) => (i === 0 ? inverted(authorName(a, f.language)) : citedName(a, f.language)));
  if (names.length === 0)
    return [
      { text: f.newspaper, italic: true },
      { text: `. “${period(f.title)}” ${dateText(f, 'chicago')}. ${chicagoAccess(f)}` },
    ];
  return [
    { text: `${period(list(names, 'and'))} “${period(f.title)}” ` },
    { text: f.newspaper, italic: true },
    { text: `, ${dateText(f, 'chicago')}. ${chicagoAccess(f)}` },
  ];
}

/** Chicago's closing elements of an archived copy: "Accessed July 20, 2019. https://archive/…." */
const chicagoAccess = (f: CitationFacts) => `Accessed ${dayText(f.captured, 'chicago')}. ${f.archiveUrl}.`;

/** A citation as plain text (italics dropped). */
export function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * LaTeX's text-mode commands for the characters it reserves (LaTeX2e, "special characters").
 * Braces are written as \textbraceleft and \textbraceright rather than \{ and \}: BibTeX
 * counts every brace, escaped or not, so one unbalanced "\{" would end the field in the wrong place.
 */
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** LaTeX's accent commands, by the combining mark Unicode decomposes an accented letter into. */
const TEX_ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
};

/** Letters LaTeX writes as commands of their own (ß, æ, ø, ł...). */
const TEX_LETTERS: Record<string, string> = {
  ß: '\\ss',
  æ: '\\ae',
  Æ: '\\AE',
  œ: '\\oe',
  Œ: '\\OE',
  ø: '\\o',
  Ø: '\\O',
  å: '\\aa',
  Å: '\\AA',
  ł: '\\l',
  Ł: '\\L',
  ı: '\\i',
};

/**
 * One letter with its accents as a LaTeX command in braces ("é" -> "{\'e}", "ł" -> "{\l}"),
 * the form BibTeX counts as one "special character", so an abbreviating style makes "{\'E}." of
 * "Émile" instead of cutting the letter's UTF-8 bytes in half (Patashnik, "BibTeXing", 4: special
 * characters). Undefined for a character LaTeX has no such command for.
 */
function texLetter(c: string): string | undefined {
  if (TEX_LETTERS[c]) return `{${TEX_LETTERS[c]}}`;
  const [base, ...marks] = [...c.normalize('NFD')];
  if (!base || !/^[A-Za-z]$/.test(base) || marks.length === 0 || marks.some((m) => !TEX_ACCENTS[m])) return undefined;
  // Accents above an i or j sit on the dotless letter.
  let out =
    /[ij]/.test(base) && marks.some((m) => m !== '\u0323' && m !== '\u0327' && m !== '\u0328') ? `\\${base}` : base;
  for (const m of marks) out = `\\${TEX_ACCENTS[m]}{${out}}`;
  return `{${out}}`;
}

/**
 * Text for a BibTeX field that LaTeX typesets (title, journal, note): LaTeX's special
 * characters as the commands that print them (& % $ # _ { } ~ ^ \), accented Latin letters as
 * accent commands (texLetter); any other character (typographic quotes, other scripts) as it is,
 * in UTF-8, which LaTeX reads by default since 2018.
 */
function bibEscape(s: string): string {
  return texPieces(s)
    .map((p) => p.text)
    .join('');
}

/**
 * Text split into what LaTeX reads as it is and the commands that stand for characters:
 * `{ text, command }` pieces, a command being a special character's command (TEX_SPECIALS,
 * "\\%", "\\textasciitilde{}") or an accented letter in braces (texLetter, "{\\'{e}}").
 */
function texPieces(s: string): { text: string; command: boolean }[] {
  return [...s.normalize('NFC')].map((c) => {
    const command = TEX_SPECIALS[c] ?? (c.charCodeAt(0) > 0x7f ? texLetter(c) : undefined);
    return command ? { text: command, command: true } : { text: c, command: false };
  });
}

/**
 * A command as BibTeX's "special character": in braces at the name's top level, with the
 * backslash first ("{\\%}", "{\\textasciitilde}", "{\\'{e}}"). BibTeX's name functions
 * (format.name$, text.prefix$, purify$) count such a group as one character and never cut it,
 * as label-making styles (alpha.bst: the first three letters of a family name) otherwise would,
 * leaving half a command ("\\t" of "\\textbraceleft") in the label (Patashnik, "BibTeXing", 4).
 */
const special = (command: string) => (command.startsWith('{') ? command : `{${command.replace(/\{\}$/, '')}}`);

/**
 * A part of a personal name for BibTeX (family, given, suffix): escaped as bibEscape, with every
 * command a special character (see special), and a word "and" in braces, as BibTeX splits an
 * author list at any "and" outside braces, in any case.
 */
function bibNamePart(s: string): string {
  return texPieces(s)
    .map((p) => (p.command ? special(p.text) : p.text))
    .join('')
    .replace(/(^|\s)(and)(?=\s|$)/gi, '$1{$2}');
}

/**
 * A literal name (an organization, a name kept as written) for BibTeX, kept whole: each run of
 * plain text in braces, so BibTeX never splits it at a space, comma, hyphen or "and", and each
 * command a special character between them (see special): "{Associated Press}",
 * "{\\textasciitilde}{Tilde Media}", "{R}{\\&}{D Desk}". BibTeX reads the whole as one
 * family name, and styles that cut family names (alpha.bst's labels) cut only between characters.
 */
function bibLiteral(name: string): string {
  let out = '';
  let run = '';
  for (const p of texPieces(name)) {
    if (!p.command) {
      run += p.text;
      continue;
    }
    if (run) out += `{${run}}`;
    run = '';
    out += special(p.text);
  }
  return run ? `${out}{${run}}` : out;
}

/**
 * An address for BibTeX's `url` field, which biblatex, natbib's styles and hyperref read
 * verbatim (as \url): written as it is, so it stays usable ("%", "#", "_", "~", "&" unescaped).
 * Only what would break the .bib file itself is percent-encoded: braces (BibTeX's delimiters),
 * backslashes, and whitespace.
 */
function bibUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** ISO day of a date. */
const day = (d: ArchiveDate) => isoDay(d);

/**
 * A BibTeX name: "von Last, Jr, First" (Patashnik, "Designing BibTeX Styles", and the biblatex
 * manual, 3.4), the parts escaped by bibNamePart: BibTeX's one "von" part holds every particle,
 * dropping or not ("von Humboldt, Alexander", "de La Fontaine, Jean"), and its styles and
 * biblatex's useprefix option decide where it goes; an organization or other literal name in
 * braces, so BibTeX keeps it whole ("{Associated Press}", see bibLiteral).
 */
function bibName(n: CslName): string {
  if (n.literal !== undefined) return bibLiteral(n.literal);
  // A family name holding a lower-case word ("Muñoz y Pérez") is braced, or BibTeX would read that word as a "von" part.
  const family = /\s\p{Ll}/u.test(n.family ?? '') ? `{${bibNamePart(n.family!)}}` : bibNamePart(n.family ?? '');
  const particles = [n['dropping-particle'], n['non-dropping-particle']].filter(Boolean).join(' ');
  return [
    [particles && bibNamePart(particles), family].filter(Boolean).join(' '),
    n.suffix && bibNamePart(n.suffix),
    n.given && bibNamePart(n.given),
  ]
    .filter((p): p is string => Boolean(p))
    .join(', ');
}

/** Latin letters NFKD leaves whole, as ASCII (ß -> ss, ł -> l, ø -> o). */
const ASCII_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Text as lower-case ASCII letters and digits: accents dropped, other scripts and signs left out. */
function asciiKeyPart(text: string): string {
  return [...lowerWithoutAccents(text)]
    .map((c) => ASCII_LETTERS[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The BibTeX key of an entry: "smith2024council-3f9a1c". The first author's family name (a
 * literal name as a whole; the newspaper's name for an unsigned article, or when the name has no
 * Latin letters), the publication year and the first title word with Latin letters or digits,
 * in lower-case ASCII (accents dropped, ß as ss, ł as l), as Google Scholar and most reference
 * managers make keys; then a hyphen and the first 6 hex digits of the SHA-256 of `id` (the
 * article's id, or "id@version" for a version's page; CiteThis), so that two articles by one
 * author in one year whose titles start alike get different keys, and a reader who gathers
 * several downloads into one .bib never sees BibTeX's "Repeated entry". The key depends only on
 * these facts: the same article keeps it across builds, however the archive grows. Only ASCII
 * letters, digits and "-" are used, which BibTeX, biber, natbib and LaTeX's \cite all accept.
 * Two entries of an archive share a key only if author, year and title word agree and the
 * 24-bit digests of their ids collide (about one chance in 16 million per such pair).
 */
function bibtexKey(f: CitationFacts, id: string): string {
  const first = f.authors[0] ? authorName(f.authors[0], f.language) : undefined;
  const name = asciiKeyPart(first ? (first.family ?? first.literal ?? '') : '') || asciiKeyPart(f.newspaper);
  const word = f.title.split(/\s+/).map(asciiKeyPart).find(Boolean) ?? '';
  const digest = sha256Hex(id).slice(0, 6);
  return `${name}${yearOf(f.published)}${word}-${digest}`;
}

/**
 * A BibTeX (biblatex-compatible) entry, its key made by bibtexKey from the facts and `id`. Every field compiles in LaTeX whatever the text holds:
 * typeset fields are escaped (bibEscape; the title in a second pair of braces, so styles keep its
 * capitals), the `url` field is left verbatim (bibUrl), and the archived copy's address in the
 * note is escaped text.
 */
export function bibtex(f: CitationFacts, id: string): string {
  const key = bibtexKey(f, id);
  const note = f.inferredLatest
    ? `Publication date inferred (between ${day(f.published)} and ${day(f.inferredLatest)}). Archived copy: ${f.archiveUrl}`
    : `Archived copy: ${f.archiveUrl}`;
  const fields: [string, string][] = [
    ...(f.authors.length
      ? [['author', f.authors.map((a) => bibName(authorName(a, f.language))).join(' and ')] as [string, string]]
      : []),
    ['title', `{${bibEscape(f.title)}}`],
    ['journal', bibEscape(f.newspaper)],
    ['journaltitle', bibEscape(f.newspaper)],
    ['date', f.inferredLatest ? `${day(f.published)}/${day(f.inferredLatest)}` : day(f.published)],
    ['year', yearOf(f.published)],
    ['url', bibUrl(f.url)],
    ['urldate', day(f.captured)],
    ['note', bibEscape(note)],
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@article{${key},\n${body}\n}\n`;
}

/** CSL-JSON (a one-item array) of type article-newspaper, as reference managers import it. */
export function cslJson(f: CitationFacts, id: string): string {
  const item = {
    id,
    type: 'article-newspaper',
    title: f.title,
    'container-title': f.newspaper,
    author: f.authors.map((a) => authorName(a, f.language)),
    issued: {
      'date-parts': f.inferredLatest ? [dateParts(f.published), dateParts(f.inferredLatest)] : [dateParts(f.published)],
      ...(f.inferredLatest && { circa: true }),
    },
    accessed: { 'date-parts': [dateParts(f.captured)] },
    URL: f.url,
    archive: f.archiveName,
    archive_location: f.archiveUrl,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}
