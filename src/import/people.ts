import nlp from 'compromise';
import { lowerWithoutAccents } from '../text/fold.ts';
import {
  GERMAN_ORGANIZATION_ENDINGS,
  GROUP_WORDS,
  INSTITUTION_WORDS,
  NAMED_AFTER_WORDS,
  PARTY_WORDS,
  PUBLIC_BODY_WORDS,
  TRADE_WORDS,
} from '../text/organization-words.ts';
import { escapeRegExp, LETTER_BOUNDARY, wordAlternation } from '../text/word-pattern.ts';
import { NAME_PARTICLES } from '../text/name-particles.ts';

// Who an article names. Known people are found by every name they go by (their aliases) in the
// cleaned text; names of people not yet in the archive come from an NLP pass (compromise) and
// are proposed, never tagged. Text removed as boilerplate is never searched.

/** A person in the archive, as the importer needs them. */
export interface KnownPerson {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * English words that qualify a title rather than name an office ("the former deputy …"): each is
 * both a title word (taken off a name) and a qualifier (never an office on its own).
 */
const EN_QUALIFIERS = [
  'the',
  'former',
  'then',
  'acting',
  'interim',
  'deputy',
  'vice',
  'u.s.',
  'us',
  'federal',
  'state',
];

/**
 * Titles and honorifics written before a name, by language, lower-case ("President-elect",
 * "Sen.", "Bundeskanzlerin", "M.", "Sra."). They are not part of the name: they are taken off
 * before a name is matched or proposed. Offices may carry "-elect", "-designate" or "former".
 */
export const TITLE_WORDS: Record<string, string[]> = {
  en: [
    ...EN_QUALIFIERS,
    'president',
    'attorney',
    'general',
    'sen.',
    'senator',
    'rep.',
    'representative',
    'congressman',
    'congresswoman',
    'gov.',
    'governor',
    'lt.',
    'mayor',
    'councilman',
    'councilwoman',
    'councillor',
    'councilor',
    'judge',
    'justice',
    'chief',
    'secretary',
    'minister',
    'prime',
    'foreign',
    'chancellor',
    'speaker',
    'leader',
    'majority',
    'minority',
    'dr.',
    'dr',
    'mr.',
    'mr',
    'mrs.',
    'mrs',
    'ms.',
    'ms',
    'mx.',
    'prof.',
    'professor',
    'gen.',
    'general',
    'col.',
    'maj.',
    'capt.',
    'sgt.',
    'adm.',
    'officer',
    'detective',
    'sheriff',
    'spokeswoman',
    'spokesman',
    'spokesperson',
    'ceo',
    'chairman',
    'chairwoman',
    'chair',
    'director',
    'ambassador',
    'king',
    'queen',
    'prince',
    'princess',
    'pope',
    'rev.',
    'reverend',
    'father',
    'sir',
    'dame',
    'lord',
    'lady',
    'coach',
    'manager',
    'chancellor',
    'commissioner',
    'superintendent',
    'candidate',
    'nominee',
    'sen',
    'rep',
    'gov',
  ],
  fr: [
    'm.',
    'mme',
    'mlle',
    'me',
    'président',
    'présidente',
    'ministre',
    'premier',
    'première',
    'sénateur',
    'sénatrice',
    'député',
    'députée',
    'maire',
    'docteur',
    'professeur',
    'juge',
    'général',
    'ancien',
    'ancienne',
    'porte-parole',
    'chancelier',
    'chancelière',
  ],
  de: [
    'herr',
    'frau',
    'dr.',
    'prof.',
    'bundeskanzler',
    'bundeskanzlerin',
    'kanzler',
    'kanzlerin',
    'präsident',
    'präsidentin',
    'bundespräsident',
    'bundespräsidentin',
    'minister',
    'ministerin',
    'bürgermeister',
    'bürgermeisterin',
    'oberbürgermeister',
    'oberbürgermeisterin',
    'ministerpräsident',
    'ministerpräsidentin',
    'senator',
    'senatorin',
    'richter',
    'richterin',
    'sprecher',
    'sprecherin',
    'vorsitzende',
    'vorsitzender',
    'geschäftsführer',
    'geschäftsführerin',
    'ex-kanzler',
    'ex-präsident',
  ],
  es: [
    'sr.',
    'sra.',
    'srta.',
    'don',
    'doña',
    'presidente',
    'presidenta',
    'ministro',
    'ministra',
    'alcalde',
    'alcaldesa',
    'senador',
    'senadora',
    'diputado',
    'diputada',
    'juez',
    'jueza',
    'expresidente',
    'expresidenta',
    'portavoz',
    'gobernador',
    'gobernadora',
    'canciller',
  ],
  it: [
    'sig.',
    'sig.ra',
    'dott.',
    'dott.ssa',
    'on.',
    'onorevole',
    'presidente',
    'ministro',
    'ministra',
    'sindaco',
    'senatore',
    'senatrice',
    'deputato',
    'deputata',
    'premier',
    'giudice',
    'ex',
    'portavoce',
  ],
  pt: [
    'sr.',
    'sra.',
    'dom',
    'dona',
    'presidente',
    'ministro',
    'ministra',
    'prefeito',
    'prefeita',
    'governador',
    'governadora',
    'senador',
    'senadora',
    'deputado',
    'deputada',
    'juiz',
    'juíza',
    'ex-presidente',
    'porta-voz',
  ],
  nl: [
    'dhr.',
    'mevr.',
    'mr.',
    'minister',
    'premier',
    'burgemeester',
    'president',
    'kamerlid',
    'rechter',
    'woordvoerder',
    'oud-premier',
    'staatssecretaris',
  ],
};

/** Offices that make a bare surname a reference to one known person ("President Obama"), unlike "Mr." alone. */
const OFFICE =
  /^(?:president|sen\.?|senator|rep\.?|gov\.?|governor|mayor|chancellor|secretary|minister|prime minister|speaker|judge|justice|pope|king|queen|bundeskanzler(?:in)?|kanzler(?:in)?|président(?:e)?|presidente|premier)(?:-elect|-designate)?$/i;

const TITLE_ALTERNATION = [...new Set(Object.values(TITLE_WORDS).flat())]
  .sort((a, b) => b.length - a.length)
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${escapeRegExp(w.slice(1))}`)
  .join('|');

/** Titles before a name, any number of them, in any of the languages above. */
const TITLES = new RegExp(`^(?:(?:${TITLE_ALTERNATION})(?:-elect|-designate)?(?:\\s+|(?<=\\.)(?=\\p{Lu})))+`, 'iu');

/** A name with the titles before it taken off: "President-elect Donald J. Trump" -> "Donald J. Trump". */
export function stripTitles(name: string): string {
  const stripped = name.trim().replace(TITLES, '');
  return stripped || name.trim();
}

/**
 * Words that, right after a name, make it part of an organization's or a place's name ("the
 * François-Xavier Bagnoud Center for Health", "Robert Wood Johnson Foundation", "Lyndon B.
 * Johnson Space Center").
 */
const ORG_WORD = new RegExp(
  `^(?:${wordAlternation([...INSTITUTION_WORDS, ...GROUP_WORDS, ...NAMED_AFTER_WORDS])})${LETTER_BOUNDARY}`,
  'iu',
);

/** A word that, right after a name, makes it part of an organization's name (ORG_WORD, or a trade: "Van Oord Dredging"). */
const orgWord = (w: string) => ORG_WORD.test(w) || TRADE_WORD.test(w);

/** A trade a company is named after (TRADE_WORDS): "Van Oord Dredging". */
const TRADE_WORD = new RegExp(`^(?:${wordAlternation(TRADE_WORDS)})$`, 'i');

/** A German compound noun that names an organization by its ending ("Mieterverein"). */
const GERMAN_ORG_COMPOUND = new RegExp(`^\\p{L}*(?:${wordAlternation(GERMAN_ORGANIZATION_ENDINGS)})$`, 'iu');

/** A party or group named by a plural or an adjective ("Die Grünen", "the Greens"). */
const PARTY_WORD = new RegExp(`^(?:${wordAlternation(PARTY_WORDS)})$`, 'iu');

/** Words of a name, lower-cased, without accents or punctuation: "Jefferson (Jeff) Sessions" -> ["jefferson","jeff","sessions"]. */
function nameTokens(name: string): string[] {
  return lowerWithoutAccents(name)
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Finds known people in text by any of their names; a lookup table built once per import run. */
export class PeopleIndex {
  private byFirstToken = new Map<string, { tokens: string[]; id: string }[]>();
  private byName = new Map<string, string>();

  constructor(people: KnownPerson[]) {
    for (const p of people) for (const alias of [p.name, ...p.aliases]) this.add(alias, p.id);
  }

  private add(alias: string, id: string): void {
    const tokens = nameTokens(alias);
    if (tokens.length === 0) return;
    this.byName.set(tokens.join(' '), id);
    const list = this.byFirstToken.get(tokens[0]!) ?? [];
    list.push({ tokens, id });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirstToken.set(tokens[0]!, list);
  }

  /** Ids of known people named in the text (capitalised names only), in order of first mention. */
  find(text: string): string[] {
    const words = [...text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => ({ raw: m[0], token: nameTokens(m[0])[0] ?? '' }));
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i]!.raw)) continue;
      for (const cand of this.byFirstToken.get(words[i]!.token) ?? []) {
        if (cand.tokens.every((t, k) => words[i + k]?.token === t)) {
          found.add(cand.id);
          break;
        }
      }
    }
    return [...found];
  }

  /** The id for a name as written ("Attorney General Jeff Sessions", "President-elect Donald J. Trump"), if known. */
  resolve(name: string): string | undefined {
    return this.byName.get(nameTokens(name).join(' ')) ?? this.byName.get(nameTokens(stripTitles(name)).join(' '));
  }

  /** Ids of known people whose name or an alias ends with this surname. */
  withSurname(surname: string): string[] {
    const want = nameTokens(surname).join(' ');
    const ids = new Set<string>();
    for (const list of this.byFirstToken.values())
      for (const { tokens, id } of list) if (tokens.length > 1 && tokens.at(-1) === want) ids.add(id);
    return [...ids];
  }
}

/** Credit lines and agency credits, which name photographers, not people in the story. */
const CREDITS =
  /(?:\b(?:photo(?:graph)?s?|pictures?|images?|video|illustrations?|graphics?|credits?|fotos?|bild|crédits?|créditos?)(?:\s+(?:by|de|von|di|door))?\s*:\s*|\((?:photo|foto|image|picture)s?\s+(?:by|de|von|di)\s+)[^.\n)]*|[\p{L}.'’ -]{2,60}\/\s*(?:getty images|ap(?: photo)?|afp|reuters|epa|shutterstock|pa(?: media)?|dpa|anp|efe|ansa)\b/giu;

/** Last words that make a capitalised phrase an organization, never a person ("… Center", "… Foundation"). */
const ORG_END = new RegExp(
  `^(?:${wordAlternation([...INSTITUTION_WORDS, ...GROUP_WORDS, ...PUBLIC_BODY_WORDS])})$`,
  'i',
);

/** True when a name's last word makes it an organization's name (see ORG_END, TRADE, GERMAN_ORG_COMPOUND, PARTY_WORD). */
function endsAsOrganization(name: string): boolean {
  const last = name.split(/\s+/).at(-1)!;
  return ORG_END.test(last) || TRADE_WORD.test(last) || GERMAN_ORG_COMPOUND.test(last) || PARTY_WORD.test(last);
}

/**
 * True when the last word of a capitalised phrase is a plural common noun ("Harbour Link
 * Ferries", "Kestrel Motors", "Blue Water Airlines"): a company or a group, not a person. The
 * word's tags come from compromise's lexicon; a surname that is also a plural ("Williams",
 * "Roberts") is tagged a name there and kept.
 */
function endsInPluralNoun(name: string): boolean {
  const words = name.split(/\s+/);
  const tagsOf = (word: string) =>
    new Set((nlp(word).json() as { terms?: { tags?: string[] }[] }[])[0]?.terms?.at(-1)?.tags ?? []);
  const last = tagsOf(words.at(-1)!);
  if (!last.has('Plural') || last.has('Person') || last.has('LastName') || last.has('FirstName')) return false;
  // Many surnames are plurals too (Peter Sellers, Tyra Banks, Maxine Waters): after a first name
  // the phrase is a person's name.
  return words.length === 1 || !tagsOf(words[0]!).has('FirstName');
}

/** True when every mention of the name in the text runs on (within four capitalised words) into an organization or place name. */
function onlyInOrganizationNames(name: string, text: string): boolean {
  const at = [...text.matchAll(new RegExp(`${escapeRegExp(name)}(?:['’]s)?((?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,4})`, 'gu'))];
  return (
    at.length > 0 &&
    at.every((m) =>
      m[1]!
        .trim()
        .split(/\s+/)
        .some((w) => /^\p{Lu}/u.test(w) && (orgWord(w) || endsInPluralNoun(w))),
    )
  );
}

/**
 * Articles before a name that make it a place's or a thing's (French, Spanish, Italian,
 * Portuguese and English): "la Côte de Beaune", "del Campo de Cartagena", "the Rio Grande".
 */
const ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:the|la|le|les|l['’]|el|los|las|del|du|des|al|au|aux|il|lo|gli|della|dello|do|da|dos|das)\s*$/iu;

/** True when every mention of the name in the text comes right after an article: a place, not a person. */
function onlyAfterArticle(name: string, text: string): boolean {
  const at = [...text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'gu'))];
  return at.length > 0 && at.every((m) => ARTICLE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)));
}

/** Words in the title lists that qualify a title rather than being one ("the", "former", "deputy"). */
const QUALIFIER = new Set([
  ...EN_QUALIFIERS,
  'general',
  'chief',
  'prime',
  'foreign',
  'majority',
  'minority',
  'leader',
  'lt.',
  'ancien',
  'ancienne',
  'premier',
  'première',
  'ex',
  'don',
  'dom',
  'dona',
  'doña',
  'father',
  'chair',
  'candidate',
  'nominee',
  'manager',
  'coach',
  'officer',
]);
const OFFICE_ALTERNATION = [...new Set(Object.values(TITLE_WORDS).flat())]
  .filter((w) => !QUALIFIER.has(w))
  .sort((a, b) => b.length - a.length)
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${escapeRegExp(w.slice(1))}`)
  .join('|');

/** Name particles as a pattern ("von der Leyen"). */
const PARTICLES = wordAlternation(NAME_PARTICLES);
const PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

/** Two to four capitalised words (initials and particles allowed) right after a title: "Chancellor Olaf Scholz". */
const AFTER_TITLE = new RegExp(
  `(?<![\\p{L}.])(?:${OFFICE_ALTERNATION})(?:-elect|-designate)?\\s+((?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)(?:[^\\S\\r\\n]+(?:(?:${PARTICLES})[^\\S\\r\\n]+)?(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)){1,3})`,
  'gu',
);

/** Reporting verbs (and the possessive) that follow a person's name in news copy. */
const REPORTING =
  "(?:['’]s\\s|\\s(?:said|says|told|added|asked|wrote|spoke|announced|warned|argued|explained|insisted|noted|replied|tweeted|posted|testified|declined|denied|confirmed|admitted|urged|called|met|visited|resigned|sagte|erklärte|a déclaré|a dit|dijo|afirmó|ha detto|disse|zei)\\b)";

/** Two or three capitalised words right before a reporting verb or a possessive: "Xi Jinping spoke", "Elon Musk's". */
const BEFORE_VERB = new RegExp(
  `(?<![\\p{L}.’'-])(\\p{Lu}[\\p{Ll}'’-]+(?:[^\\S\\r\\n]+\\p{Lu}[\\p{Ll}'’-]+){1,2})(?=${REPORTING})`,
  'gu',
);

/** Two or three capitalised words right after a reporting verb, then a comma or full stop: "said Helen Marsh, the …". */
const AFTER_VERB =
  /\b(?:said|says|told|added|wrote|asked|according to|sagte|erklärte|a déclaré|a dit|dijo|afirmó|ha detto|disse|zei)\s+(\p{Lu}[\p{Ll}'’-]+(?:[^\S\r\n]+\p{Lu}[\p{Ll}'’-]+){1,2})(?=[,.;:]|\s+(?:on|in|at|who|when)\b)/gu;

/** Text before a match that makes it the tail of a longer proper name ("… Health and Human Rights said"). */
const LONGER_NAME = /(?:\p{Lu}[\p{L}'’-]*|\b(?:of|for|and|&|de|du|des|der|für|und))\s+$/u;

/** First words of places and organizations that stand before "said" as often as people do. */
const PLACE_START = new RegExp(
  `^(?:the|der|die|das|den|dem|het|een|ein|eine|north|south|east|west|new|united|saudi|hong|sri|el|los|las|san|santa|st|great|white|downing|wall|silicon|european|british|american|german|french|chinese|russian|prime|foreign|defense|defence|home|justice|state|city|county|national|federal|supreme|high|this|that|these|those|when|while|after|before|but|and|in|on|at|for|from|with)${LETTER_BOUNDARY}`,
  'iu',
);

/**
 * Names the NLP pass (compromise) finds, names written after a title ("Chancellor Olaf
 * Scholz"), and two or three capitalised words next to a reporting verb or before a possessive
 * ("Xi Jinping said", "said Helen Marsh,", "Elon Musk's"), which the NLP pass misses for names
 * it does not know: trimmed, titles removed, at
 * least two words, never a name that only occurs as part of an organization's name, never a
 * name from a photo credit.
 */
export function candidateNames(text: string): string[] {
  const prose = text.replace(CREDITS, ' ');
  const names = [
    // compromise holds an object for every word of the text it reads: a long text is read in
    // pieces of whole paragraphs (see nlpPieces), each let go before the next is read.
    ...nlpPieces(prose.replace(/(\p{L})['’]s\b/gu, '$1')).flatMap(
      (piece) => nlp(piece).people().out('array') as string[],
    ),
    ...[...prose.matchAll(AFTER_TITLE)].map((m) => m[1]!),
    ...[...prose.matchAll(AFTER_VERB)].map((m) => m[1]!).filter((n) => !PLACE_START.test(n)),
    ...[...prose.matchAll(BEFORE_VERB)]
      .filter((m) => !PLACE_START.test(m[1]!) && !LONGER_NAME.test(prose.slice(Math.max(0, m.index - 40), m.index)))
      .map((m) => m[1]!),
  ];
  const cleaned = names
    .map(withinSentence)
    .map((n) =>
      stripTitles(
        n
          .replace(/[^\p{L}\p{N}.'’)]+$/u, '')
          .replace(/['’]s$/, '')
          .replace(/\.$/, ''),
      ).trim(),
    )
    .filter(
      (n) =>
        n.split(/\s+/).length >= 2 &&
        n.split(/\s+/).every((w) => /^[\p{Lu}(]/u.test(w) || PARTICLE.test(w)) &&
        !/\p{Ll}\p{Lu}/u.test(n.replace(/\b(?:Mc|Mac|O['’]|De|Di|La|Le)(?=\p{Lu})/gu, '')) &&
        !endsAsOrganization(n) &&
        !PLACE_START.test(n) &&
        !endsInPluralNoun(n) &&
        !onlyInOrganizationNames(n, prose) &&
        !onlyAfterArticle(n, prose),
    );
  return [...new Set(cleaned)];
}

/**
 * The most characters compromise reads at once: a text up to this length (a long article's is
 * about 40,000) is read whole, a longer one in pieces of this size at most.
 */
const NLP_PIECE = 50_000;

/**
 * A text in pieces of whole paragraphs (split at blank lines) of at most NLP_PIECE characters, a
 * longer paragraph in pieces of whole sentences (split after a full stop, question or exclamation
 * mark followed by a capital): compromise finds names within a sentence, so the names found are
 * the same as in the whole text, while its memory is that of one piece (about 200 bytes a word).
 * A text up to NLP_PIECE characters is one piece, unchanged.
 */
function nlpPieces(text: string): string[] {
  if (text.length <= NLP_PIECE) return [text];
  const pieces: string[] = [];
  let piece = '';
  const add = (part: string, separator: string) => {
    if (piece && piece.length + separator.length + part.length > NLP_PIECE) {
      pieces.push(piece);
      piece = '';
    }
    piece = piece ? piece + separator + part : part;
  };
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (paragraph.length <= NLP_PIECE) add(paragraph, '\n\n');
    else for (const sentence of paragraph.split(/(?<=[.!?]["”’»)]?)\s+(?=\p{Lu})/u)) add(sentence, ' ');
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The part of a found name before any line break or sentence end: a name is never more than
 * one sentence's words ("Thomas Brandl.\n\nDer Mieterverein" -> "Thomas Brandl."). A full stop
 * after an initial, a short abbreviation or a title ("Donald J. Trump", "St. John", "Sen. Mitch
 * McConnell") is not a sentence end.
 */
function withinSentence(name: string): string {
  const line = name.split(/[\r\n]/)[0]!;
  const end = [...line.matchAll(/(\p{L}\p{Ll}{2,})\.(?=\s)/gu)].find((m) => !TITLE_SET.has(`${m[1]!.toLowerCase()}.`));
  return end ? line.slice(0, end.index + end[0].length) : line;
}

/** Title words written with a full stop ("Mrs.", "Sen.", "Prof."), which end no sentence. */
const TITLE_SET = new Set(Object.values(TITLE_WORDS).flat());

/** "President Obama", "Mr. Sessions", "Kanzlerin Merkel": a title and one capitalised word. */
const TITLED_SURNAME = new RegExp(
  `(?<![\\p{L}.])((?:${TITLE_ALTERNATION})(?:-elect|-designate)?)\\s+(\\p{Lu}[\\p{L}'’-]+)(?![\\p{L}'’-]|\\s+\\p{Lu})`,
  'gu',
);

/**
 * Known people named in the text, and the names not in the archive (to propose as new people).
 * A surname after a title ("Mr. Sessions", "President Obama") is the one person with that
 * surname already named in the article; after an office ("President", "Chancellor") it is also
 * the one person in the archive with that surname, when there is exactly one.
 */
export function findPeople(
  text: string,
  index: PeopleIndex,
  extraNames: string[] = [],
): { known: string[]; unknown: string[] } {
  const known = index.find(text);
  for (const name of extraNames) {
    const id = index.resolve(name);
    if (id && !known.includes(id)) known.push(id);
  }
  for (const m of text.matchAll(TITLED_SURNAME)) {
    const ids = index.withSurname(m[2]!);
    const tagged = ids.filter((id) => known.includes(id));
    const id = tagged.length === 1 ? tagged[0] : ids.length === 1 && OFFICE.test(m[1]!) ? ids[0] : undefined;
    if (id && !known.includes(id)) known.push(id);
  }
  const unknown = candidateNames(text).filter((n) => !index.resolve(n));
  return { known, unknown };
}
