import { typedFigureToken } from '../figures.ts';
import { isStopWord } from '../../text/stop-words.ts';
import { lowerWithoutMarks } from '../../text/fold.ts';

// What the words typed in the search box ask Pagefind. Pagefind's own query syntax is small: a
// query wholly in straight double quotes is a phrase (its words next to each other, never
// lengthened: "exact search"), anything else is words, each matching every word it begins. Its
// query keeps only what its index keeps of a word, so three things are rewritten here before it is
// asked (search-engine.ts):
// - a query wholly in typographic quotes (“…”, „…“, «…», »…«, ‘…’, ‚…‘, ‹…›, 「…」) is a phrase,
//   as phones type quotes;
// - a figure typed with its punctuation ("$1.8", "3.5%", "9/11") is searched as the start of the
//   figure's hidden token (src/search/figures.ts); in a phrase, as the digits Pagefind indexes;
// - a word typed with a leading minus ("-Trump") is left out: excluding words is not supported
//   (Pagefind has no "not"), and Pagefind would search the word itself, the opposite of what was
//   asked; the page says so.

/** One word of a query as typed and as Pagefind is asked for it. */
interface QueryWord {
  /** The word as typed, without the quotes around it. */
  typed: string;
  /** The word Pagefind is asked for. */
  searched: string;
  /** True for a figure searched by its token. */
  figure: boolean;
  /** True for a stop word of the page's language (src/text/stop-words.ts). */
  stop: boolean;
}

/** A query as the search page asks Pagefind. */
export interface ParsedQuery {
  /** Pagefind's search term: the words, or the phrase in straight quotes; null when nothing is to be searched. */
  term: string | null;
  /** True when the query is one phrase (Pagefind's exact search). */
  phrase: boolean;
  /** The words searched, in the order typed (those of the phrase, for a phrase). */
  words: QueryWord[];
  /** Words typed with a leading minus, without it: left out of the search. */
  excluded: string[];
}

/** Opening and closing quotation marks of a phrase (any opening one with any closing one). */
const OPENING = '"“”„«»‘‚‹›「『';
const CLOSING = '"”“«»’‘‹›」』';
/** Double quotation marks: a phrase holds none (single ones may be apostrophes). */
const DOUBLE = /["“”„«»「」『』]/u;
const PHRASE = new RegExp(`^\\s*[${OPENING}](.+)[${CLOSING}]\\s*$`, 'u');
/** A word typed as an exclusion: a minus (or hyphen) before a letter or a quotation mark. */
const EXCLUDED = /^[-−](?=[\p{L}"“„«‘])/u;

/** A word as Pagefind compares it: lower case, no diacritics, no punctuation. */
export function normalWord(word: string): string {
  return lowerWithoutMarks(word).replace(/\p{P}/gu, '');
}

/**
 * The query typed as `q` on a page in `language` (a BCP 47 tag, for its stop words) as Pagefind
 * is asked for it (see ParsedQuery and the module comment).
 */
export function parsedQuery(q: string, language = 'en'): ParsedQuery {
  const phrase = PHRASE.exec(q);
  if (phrase && !DOUBLE.test(phrase[1]!) && phrase[1]!.trim()) {
    const words = phrase[1]!
      .trim()
      .split(/\s+/)
      .map((typed) => ({
        typed,
        // Pagefind's exact search compares the words its index keeps: a figure's digits.
        searched: typedFigureToken(typed) ? typed.replace(/[^\p{L}\p{N}]/gu, '') : typed,
        figure: false,
        stop: isStopWord(normalWord(typed), language),
      }));
    return { term: `"${words.map((w) => w.searched).join(' ')}"`, phrase: true, words, excluded: [] };
  }
  const words: QueryWord[] = [];
  const excluded: string[] = [];
  for (const chunk of q.split(/\s+/).filter(Boolean)) {
    if (EXCLUDED.test(chunk)) {
      const word = chunk.replace(EXCLUDED, '').replace(new RegExp(`^[${OPENING}]+|[${CLOSING}]+$`, 'gu'), '');
      if (word) excluded.push(word);
      continue;
    }
    const typed = chunk.replace(new RegExp(`^[${OPENING}]+|[${CLOSING}]+$`, 'gu'), '');
    const token = typedFigureToken(typed);
    if (token) words.push({ typed, searched: token, figure: true, stop: false });
    else if (normalWord(typed))
      words.push({ typed, searched: typed, figure: false, stop: isStopWord(normalWord(typed), language) });
  }
  return { term: words.length > 0 ? words.map((w) => w.searched).join(' ') : null, phrase: false, words, excluded };
}
