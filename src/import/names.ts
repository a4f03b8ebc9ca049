import { lowerLettersAndDigits, lowerWithoutAccents } from '../text/fold.ts';
import { BYLINE_LEAD_WORDS } from '../text/byline-words.ts';
import { MONTH_NAMES } from '../text/month-names.ts';
import { NAME_PARTICLES } from '../text/name-particles.ts';
import { isNameSuffix } from '../text/name-suffixes.ts';
import { LETTER_BOUNDARY, wordAlternation } from '../text/word-pattern.ts';
import { singleSpaced } from '../text/white-space.ts';
import { withoutControlCharactersIn } from '../content/control-characters.ts';

// Names as pages print them: bylines and publication names. A byline field on a real page holds
// more than names: "By", a date or time glued on, a job title, "(with …)", the outlet itself.
// Each is taken off here, so the archive stores names only.

/** Words that start the byline and are not part of a name ("By", "Par", "Von", "Text:"...). */
const BY_PREFIX = new RegExp(
  `^\\s*(?:(?:written|words|reporting|text|story|interview) by|${wordAlternation(BYLINE_LEAD_WORDS)}|da|texte?|texto|auteur|autor|autore|redactie|text und fotos?)\\s*:?\\s+`,
  'i',
);

/** A month's name or short form (MONTH_NAMES: en, fr, de, es, it, pt, nl), to find a date glued to a byline. */
const MONTH = `(?:${wordAlternation(MONTH_NAMES.flat())})\\.?`;

/** Where a date, time or "Updated" note starts inside a byline. */
export const GLUED_DATE = new RegExp(
  `\\s*(?:[,|–—·•-]\\s*)?(?:${LETTER_BOUNDARY}(?:last updated|last modified|updated|published|posted|aktualisiert|publié|actualizado|publicado|pubblicato|bijgewerkt|le|am|on)${LETTER_BOUNDARY}[: ]*)?(?:${LETTER_BOUNDARY}${MONTH}\\s+\\d|${LETTER_BOUNDARY}\\d{1,4}(?:[./:-]|(?:\\.|\\s+de)?\\s+${MONTH}|\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)|$)|${LETTER_BOUNDARY}(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+\\d|${LETTER_BOUNDARY}\\d+\\s+(?:hours?|minutes?|days?)\\s+ago${LETTER_BOUNDARY}|${LETTER_BOUNDARY}(?:last updated|updated|published|aktualisiert|publié|actualizado)${LETTER_BOUNDARY}).*$`,
  'iu',
);

/** Words of job titles that follow a name in a byline ("Senior Staff Technologist", "Correspondant"). */
const JOB_WORD =
  /^(?:senior|junior|chief|deputy|managing|executive|associate|assistant|contributing|special|staff|political|foreign|business|economics|health|science|sports?|technology|tech|legal|investigative|data|digital|national|international|local|metro|city|state|white|house|washington|bureau|desk|editor(?:-at-large)?|editors|writer|writers|reporter|reporters|correspondent|correspondents|columnist|contributor|analyst|producer|photographer|photojournalist|journalist|journalists|technologist|critic|commentator|author|host|anchor|intern|fellow|director|head|lead|staff|team|chef|rédacteur|rédactrice|journaliste|correspondant|correspondante|envoyé|envoyée|spéciale?|redakteur|redakteurin|korrespondent|korrespondentin|redaktion|periodista|corresponsal|redactor|redactora|giornalista|inviato|inviata|corrispondente|jornalista|repórter|correspondente|verslaggever|correspondent|redacteur|in|for|at|of|en|à|in|aus|de|da|del|di)$/i;

/** Words that cannot begin a job title but may be part of a name (particles): a name ends at the first job word after them. */
const PARTICLE = new RegExp(`^(?:${wordAlternation(NAME_PARTICLES)})$`, 'i');

/** Wire agencies, which a byline names as authors in one word ("Jane Doe, Reuters"). */
const AGENCY =
  /^(?:reuters|ap|afp|dpa|efe|ansa|anp|belga|lusa|apa|sda|ats|kyodo|xinhua|bloomberg|pa|tt|ntb|ritzau|epa|kna|epd|agencies|agences|agenturen|agencias|agenzie)$/i;

/** Link labels that byline elements carry beside the name ("Follow author", "Contact", "More by"). */
const NOT_A_NAME = new RegExp(
  `^(?:follow|contact|e-?mail|more (?:by|from|articles)|view (?:all|profile)|see all|all (?:articles|stories)|about the author|author|staff|last)${LETTER_BOUNDARY}`,
  'iu',
);

/**
 * A name printed in capitals ("JOE HILDEBRAND", "O'NEILL") in the usual case ("Joe Hildebrand",
 * "O'Neill", a Roman numeral suffix kept: "John Smith III"); names with any lower-case letter, and
 * wire agencies ("AFP"), are kept as printed.
 */
function capitalised(name: string): string {
  if (/\p{Ll}/u.test(name) || AGENCY.test(name)) return name;
  return (
    name
      .toLowerCase()
      .replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase())
      // A Roman numeral suffix stays in capitals: "JOHN SMITH III" -> "John Smith III".
      .replace(/(^|\s)(ii|iii|iv)$/i, (_m, before: string, numeral: string) => before + numeral.toUpperCase())
  );
}

/** True when a text is a date or time rather than a name. */
function isDateLike(text: string): boolean {
  return /\d/.test(text) && !/\p{L}{3,}\s+\p{L}{3,}/u.test(text.replace(new RegExp(MONTH, 'giu'), ''));
}

/** Takes a job title off the end of a name: "Jane Doe Senior Staff Technologist" -> "Jane Doe". */
function dropJobTitle(name: string): string {
  const words = name.split(' ');
  for (let i = 2; i < words.length; i++) {
    const rest = words.slice(i);
    if (
      JOB_WORD.test(rest[0]!) &&
      !PARTICLE.test(rest[0]!) &&
      rest.every((w) => JOB_WORD.test(w) || /^\p{Lu}/u.test(w))
    )
      if (rest.some((w) => JOB_WORD.test(w) && !/^(?:in|for|at|of|en|à|aus|de|da|del|di)$/i.test(w)))
        return words.slice(0, i).join(' ');
  }
  return name;
}

/**
 * "Doe, Jane" (citation style) as "Jane Doe", and "King, Martin Luther, Jr." as "Martin Luther
 * King Jr."; a name with its suffix after a comma ("Martin Luther King, Jr.") or anything else
 * unchanged.
 */
function personName(name: string): string {
  const m = /^([^,]+),\s*([^,]+?)(?:,\s*([^,]+))?$/.exec(name.trim());
  if (!m || isNameSuffix(m[2]!) || (m[3] !== undefined && !isNameSuffix(m[3]))) return name.trim();
  return [m[2], m[1], m[3]].filter(Boolean).join(' ');
}

/**
 * A name with the punctuation around it taken off, but the dot of a suffix kept ("Martin
 * Luther King Jr." stays as printed).
 */
function trimmedName(name: string): string {
  const trimmed = name
    .replace(/[\s,;:.|–—-]+$/, '')
    .replace(/^[\s,;:|–—-]+/, '')
    .trim();
  return /(?:^|\s)(?:jr|sr|jnr|snr)\.[\s,;:|–—-]*$/i.test(name) ? `${trimmed}.` : trimmed;
}

/** True when a byline names the outlet itself ("BBC News" on bbc.co.uk), not a person or agency. */
function isOutlet(name: string, outlet: string | undefined): boolean {
  if (!outlet) return false;
  // Letters and digits only, lower-cased, without accents.
  const a = lowerLettersAndDigits(lowerWithoutAccents(name));
  const b = lowerLettersAndDigits(lowerWithoutAccents(outlet));
  return a.length > 1 && b.length > 1 && (a === b || a.startsWith(b) || b.startsWith(a));
}

/** A word joining the names of a byline before a capital ("and", "et", "und", "y", "e", "en", "&"), with the spaces around it. */
const NAME_JOIN = new RegExp(`\\s*(${LETTER_BOUNDARY}(?:and|et|und|y|e|en)${LETTER_BOUNDARY}|&)\\s*(?=\\p{Lu})`, 'u');

/**
 * The names of one byline piece joined by NAME_JOIN words, in order: "Mario Rossi e Luca
 * Bianchi" -> ["Mario Rossi", "Luca Bianchi"]. Spanish "y" and Portuguese "e" also join the two
 * surnames of one person ("José Ortega y Gasset", "Maria Silva e Sousa"): before a single word
 * after a full name they are part of the name, since a surname alone is no one's byline.
 */
function namesJoined(piece: string): string[] {
  const [first = '', ...rest] = piece.split(NAME_JOIN);
  const names = [first];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const [join, next] = [rest[i]!, rest[i + 1]!.trim()];
    const last = names.length - 1;
    if (/^[ye]$/.test(join) && names[last]!.trim().split(/\s+/).length >= 2 && /^\S+$/.test(next))
      names[last] = `${names[last]!.trim()} ${join} ${next}`;
    else names.push(next);
  }
  return names;
}

/**
 * Author names from byline fields: "By", glued dates and times, job titles and "(with …)" are
 * taken off, several names in one field are split ("A, B and C"), and entries that are a date,
 * a URL or the outlet itself are dropped. `citation` reads "Doe, Jane" as one name.
 * Returns names in page order without duplicates.
 */
export function cleanAuthors(list: string[], opts: { citation?: boolean; outlet?: string | undefined } = {}): string[] {
  const out: string[] = [];
  for (const raw of list) {
    // Invisible control characters first ("By\u0007 Jane Doe"): the names are read as the site shows them.
    let text = singleSpaced(withoutControlCharactersIn(raw));
    if (!text || /^https?:\/\//i.test(text)) continue;
    if (opts.citation) text = personName(text);
    text = text.replace(BY_PREFIX, '');
    const pieces: string[] = [];
    // "(with Jane Doe)", "(avec …)", "(mit …)": the co-author is a name of its own; other
    // parentheses ("(Reuters)", "(photos)") are remarks.
    text = text.replace(/\(([^()]*)\)?/g, (_m, inner: string) => {
      const co = /^\s*(?:with|avec|mit|con|com|met|med)\s+(.+)$/i.exec(inner);
      if (co) pieces.push(co[1]!);
      return ' ';
    });
    pieces.unshift(text);
    // "By A | Role, Outlet | By B | Role": the first segment, and every later one that starts a byline.
    const segments = pieces.flatMap((piece) =>
      piece.split(/\s[|–—]\s|\s-\s/).filter((seg, i) => i === 0 || BY_PREFIX.test(seg)),
    );
    for (const segment of segments) {
      const head = segment
        .replace(BY_PREFIX, '')
        .replace(
          /\s(?:edited|editing|photos?|photographs|illustrations?|graphics|translated|translation|video) by\s.*$/i,
          '',
        )
        .replace(/@[\p{L}\p{M}\p{N}_.]+/gu, ' ')
        .replace(GLUED_DATE, '')
        .replace(/\d.*$/, '')
        .replace(/\s+/g, ' ');
      // The name this segment added last, which a suffix after a comma belongs to ("Martin Luther King, Jr.").
      let named = -1;
      for (const [i, piece] of head.split(/\s*[,;]\s*/).entries()) {
        if (i > 0 && isNameSuffix(piece.trim())) {
          if (named >= 0 && named === out.length - 1) out[named] = `${out[named]!} ${capitalised(trimmedName(piece))}`;
          continue;
        }
        // After a comma, one word is a role or a desk ("Jane Doe, News"), unless it is a wire agency.
        if (i > 0 && !/\s/.test(piece.trim()) && !AGENCY.test(piece.trim())) continue;
        for (let name of namesJoined(piece)) {
          name = dropJobTitle(trimmedName(name));
          if (!name || name.length >= 80 || isDateLike(name) || isOutlet(name, opts.outlet)) continue;
          if (!/\p{Lu}/u.test(name) || name.split(' ').every((w) => JOB_WORD.test(w)) || NOT_A_NAME.test(name))
            continue;
          out.push(capitalised(name));
          named = out.length - 1;
        }
      }
    }
  }
  return [...new Set(out)];
}

/**
 * A publication's name without the tagline pages append to it: "Aktuálně.cz - Víte, co se právě
 * děje" -> "Aktuálně.cz", "The Daily Planet | News for the valley" -> "The Daily Planet".
 * A name with a separator but no tagline after it (under three words) is kept whole.
 */
export function siteNameOf(name: string | undefined): string | undefined {
  const text = singleSpaced(name ?? '');
  if (!text) return undefined;
  const m = /^(.{2,60}?)\s+[|–—:-]\s+(.+)$/.exec(text);
  if (m && m[2]!.split(' ').length >= 3) return m[1]!.trim();
  return text;
}
