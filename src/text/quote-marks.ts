// Where the quotations of a text are, by their marks alone: which marks open and close a
// quotation in the text's language, quotes nested inside quotes, apostrophes that close nothing,
// and quotations running over paragraphs (each paragraph opens again, only the last closes).
// Typographic conventions: The Chicago Manual of Style 13.28-13.30 (English, and the paragraph
// rule), Lexique des règles typographiques en usage à l'Imprimerie nationale (French « »), Duden's
// Anführungszeichen rules (German „ “ and » «).

/** A paragraph of the text: [start, end) indices, blank lines excluded. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
}

/** One quotation (or the part of one inside a paragraph) found by its marks. */
export interface MarkedQuote {
  /** The quoted words: [start, end) indices into the text, marks and the white space inside them excluded. */
  readonly start: number;
  readonly end: number;
  /** Index of the opening mark. */
  readonly open: number;
  /** Index just after the closing mark; the paragraph's end when the quotation runs on into the next paragraph. */
  readonly close: number;
  /** Whether the closing mark was found in this paragraph (false: the quotation goes on in the next one). */
  readonly closed: boolean;
  /** Index of the paragraph in `paragraphs`. */
  readonly paragraph: number;
  /** Whether this part continues a quotation left open at the end of the previous paragraph. */
  readonly continues: boolean;
}

/**
 * `text` with each acute accent (´, U+00B4) or grave (`) written for an apostrophe as the
 * apostrophe ’: between two letters ("don´t", "Delgado`s", "O´Brien") or after a plural's s before
 * white space ("the judges´ call"). One character for one, so offsets into either text are the
 * same. Keyboards without an apostrophe key near at hand give these; read as written they would
 * break words, possessives and names apart (docs/quotes.md, "Marks").
 */
export function withApostrophes(text: string): string {
  return /[´`]/.test(text) ? text.replace(/(?<=\p{L})[´`](?=\p{L})|(?<=\p{L}s)[´`](?=\s)/gu, '’') : text;
}

/** The paragraphs of `text`: the stretches between blank lines (a line holding only white space is blank). */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    pushTrimmed(text, start, m.index, paragraphs);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, paragraphs);
  return paragraphs;
}

function pushTrimmed(text: string, start: number, end: number, into: Paragraph[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end });
}

/** The marks of one language: what may open a quotation at the top and what closes each opener. */
interface MarkSet {
  readonly openers: string;
  readonly closers: Readonly<Record<string, string>>;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * The marks a language's texts use: English (and any language not listed) “ ” and straight ",
 * both of which news copy mixes (“…" is common after editing); French, Spanish, Italian,
 * Portuguese, Russian and others « » first, then “ ”; German and its neighbours „ “ and » «;
 * Swedish and Finnish ” ”. Guillemets and „ are read in every language, as quoted speech in a
 * foreign text keeps its own marks.
 */
function markSet(language: string): MarkSet {
  const lang = language.toLowerCase().split('-')[0] ?? 'en';
  const lowHigh = ['de', 'cs', 'sk', 'sl', 'hr', 'bs', 'sr', 'pl', 'ro', 'hu', 'bg', 'lt', 'et', 'lv', 'is', 'ka'];
  const reversedGuillemets = ['de', 'da', 'cs', 'sk', 'sl', 'hr'];
  const rightRight = ['sv', 'fi'];
  if (lowHigh.includes(lang))
    return {
      openers: `„«"${reversedGuillemets.includes(lang) ? '»' : ''}`,
      closers: { '„': '“”"', '«': '»', '»': '«', '"': '"“' },
    };
  return {
    openers: `“"«„${rightRight.includes(lang) ? '”»' : ''}${reversedGuillemets.includes(lang) ? '»' : ''}`,
    closers: {
      '“': '”"',
      '"': '"”',
      '«': '»',
      '„': '“”"',
      '”': rightRight.includes(lang) ? '”' : '',
      '»': rightRight.includes(lang) ? '»' : '«',
    },
  };
}

/** Marks that open a quotation nested in another, with what closes each. */
const NESTED: Readonly<Record<string, string>> = {
  '‘': '’',
  "'": "'",
  '‚': '‘’',
  '‹': '›',
  '“': '”"',
  '"': '"',
  '«': '»',
  '„': '“”',
};

/** Every character that may open or close a quotation in some language. */
const ANY_MARK = /[“”"«»„‘’'‚‹›]/g;

/** Single marks used for top-level quotations (British style) when the text opens more than twice as many quotations with them as with double ones. */
const SINGLE: MarkSet = { openers: "‘'", closers: { '‘': "’'", "'": "'’" } };

/**
 * Every quotation of `text` marked with quotation marks, in reading order, one entry per
 * paragraph a quotation spans. A mark that could close (", ’) closes only where a closing mark
 * can stand (after a non-space); one that could open opens only before a non-space. Single marks
 * (‘ ’ and ') are top-level quotations only in a text that opens more than twice as many quotations with them as
 * with double marks (British style), where
 * an apostrophe inside a word (it’s, don’t) or after a plural's s before a lower-case word (the
 * judges’ call) closes nothing. A quotation left open at a paragraph's end that the next
 * paragraph does not open again ends there.
 */
export function markedQuotes(text: string, language: string, paragraphs: readonly Paragraph[]): MarkedQuote[] {
  let marks = markSet(language);
  // British style: single marks open most quotations (double ones, then, are nested; nested single
  // ones in a text of double quotations are fewer than twice the double ones).
  const singles = text.match(/(?<![\p{L}\p{N}])[‘'](?=\p{L})/gu)?.length ?? 0;
  const doubles = text.match(/[“«„]|(?<![\p{L}\p{N}])"(?=\S)/gu)?.length ?? 0;
  if (singles > 2 * doubles) marks = SINGLE;
  const found: MarkedQuote[] = [];
  let carried: string | null = null;
  paragraphs.forEach((para, p) => {
    const stack: { mark: string; at: number; closers: string }[] = [];
    let continues = false;
    if (carried !== null) {
      const first = text[para.start]!;
      // French continues a quotation with » as often as with « (the guillemet de rappel).
      if (carried === '«' && first === '»') {
        stack.push({ mark: '«', at: para.start, closers: '»' });
        continues = true;
      } else if (marks.openers.includes(first)) {
        stack.push({ mark: first, at: para.start, closers: marks.closers[first] ?? '' });
        continues = true;
      }
    }
    carried = null;
    // Only the marks are looked at: the scan jumps from one to the next.
    ANY_MARK.lastIndex = para.start + (continues ? 1 : 0);
    for (let m = ANY_MARK.exec(text); m !== null && m.index < para.end; m = ANY_MARK.exec(text)) {
      const i = m.index;
      const ch = m[0];
      const before = i > para.start ? text[i - 1]! : ' ';
      const after = i + 1 < para.end ? text[i + 1]! : ' ';
      const top = stack.at(-1);
      // A mark closes the innermost open quotation it can close (a nested one left open, as an
      // unmatched 'Tis would leave it, is closed with its outer one).
      const closes = stack.findLastIndex((q) => q.closers.includes(ch));
      if (closes >= 0 && canClose(ch, before, after, text, i, marks === SINGLE)) {
        const outer = stack[0]!;
        stack.length = closes;
        if (stack.length === 0) {
          pushQuote(text, outer.at, i, i + 1, true, p, continues, found);
          continues = false;
        }
        continue;
      }
      if (top) {
        const nested = NESTED[ch];
        if (nested !== undefined && canOpen(ch, before, after) && !(ch === "'" && LETTER.test(before)))
          stack.push({ mark: ch, at: i, closers: nested });
        continue;
      }
      if (marks.openers.includes(ch) && canOpen(ch, before, after))
        stack.push({ mark: ch, at: i, closers: marks.closers[ch] ?? '' });
    }
    const open = stack[0];
    if (open) {
      pushQuote(text, open.at, para.end, para.end, false, p, continues, found);
      carried = open.mark;
    }
  });
  return found;
}

function canOpen(ch: string, before: string, after: string): boolean {
  if (/\s/.test(after)) return ch === '«' || ch === '»';
  if (ch === '"' || ch === "'" || ch === '‘') return !LETTER.test(before);
  return true;
}

function canClose(ch: string, before: string, after: string, text: string, i: number, single: boolean): boolean {
  if (ch === '"' || ch === "'" || ch === '’' || ch === '”') {
    if (/\s/.test(before) && ch !== '”') return false;
    if (single && (ch === '’' || ch === "'")) {
      if (LETTER.test(after)) return false;
      // the judges’ call: a plural's apostrophe before a lower-case word.
      if ((before === 's' || before === 'S') && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) return false;
    }
  }
  return true;
}

function pushQuote(
  text: string,
  openAt: number,
  closeAt: number,
  after: number,
  closed: boolean,
  paragraph: number,
  continues: boolean,
  into: MarkedQuote[],
): void {
  let start = openAt + 1;
  let end = closeAt;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end, open: openAt, close: after, closed, paragraph, continues });
}
