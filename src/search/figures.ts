// Figures as printed ("$1.8", "3.5%", "9/11", "10,000") found as printed. Pagefind keeps only the
// letters and digits of a word, so it indexes "$1.8" as "18" and "9/11" as "911": a search for
// 1.8 would find "18 pence" and one for $5 nothing at all (its query keeps the "$", its index
// never has one). So each record also carries a hidden token per figure it prints (records.ts,
// the FIGURES_FIELD metadata field), and the search page searches a figure typed with its
// punctuation as the start of that token (browser/query.ts).
//
// A token is made of digits and consonants only, which no Snowball stemmer changes (so the
// index and the query stem it alike), and starts with a digit, so no word being typed begins it:
//
//   <number> q <unit> x <multiplier> z
//
// - number: the digits as printed, with "." as d, "," as g, "/" as s, ":" as t ("1.8" 1d8,
//   "10,000" 10g000, "9/11" 9s11);
// - unit: c and the code point of a currency symbol before or after the number ("$" c36,
//   "£" c163, "€" c8364), then p for a percent sign;
// - multiplier: the power of ten a suffix names (k 3, m or mn 6, b or bn 9, tn or trn 12).
//
// Pagefind matches a query word against every word it begins, so a figure typed without a unit
// ("1.8" searched as 1d8q) finds $1.8, 1.8% and 1.8bn, one typed with its unit ("$1.8", 1d8qc36x)
// finds $1.8 and $1.8bn but not 1.8%, and one typed whole ("$1.8bn", 1d8qc36x9z) only itself;
// "1.85" (1d85q…) is never found by "1.8". A number of digits alone ("18", "2019") is no figure
// here: Pagefind indexes it as printed.
//
// No Node APIs: the search page's browser code uses this module too.

/** Word-start punctuation that is not part of a figure: brackets and quotation marks. */
const LEADING = /^[\p{Ps}\p{Pi}\p{Pf}"'*]+/u;
/** Word-end punctuation that is not part of a figure: sentence and clause marks, brackets, quotes. */
const TRAILING = /[\p{Pe}\p{Pf}\p{Pi}.,;:!?…"'*]+$/u;
/** A figure: currency symbol (after up to three capitals, "US$"), number, currency or percent, multiplier. */
const FIGURE =
  /^(?:[A-Z]{0,3}(?<pre>\p{Sc}))?(?<number>\d+(?:[.,/:]\d+)*)(?<post>\p{Sc})?(?<percent>%)?(?<multiplier>bn|b|mn|m|k|trn|tn)?$/u;
const SEPARATORS: Record<string, string> = { '.': 'd', ',': 'g', '/': 's', ':': 't' };
const POWERS: Record<string, string> = { k: '3', m: '6', mn: '6', b: '9', bn: '9', tn: '12', trn: '12' };

/** The parts of a figure as printed in one word, or undefined when the word is no figure with punctuation. */
function parsedFigure(word: string) {
  const m = FIGURE.exec(word.replace(LEADING, '').replace(TRAILING, ''));
  if (!m?.groups) return undefined;
  const { pre, number, post, percent, multiplier } = m.groups;
  // "18" and "2019" are indexed as printed; "18%", "$18" and "1.8" are not.
  if (!pre && !post && !percent && /^\d+$/.test(number!)) return undefined;
  if (pre && post) return undefined;
  const currency = pre ?? post;
  return {
    number: number!.replace(/[.,/:]/g, (c) => SEPARATORS[c]!),
    unit: `${currency ? `c${currency.codePointAt(0)}` : ''}${percent ? 'p' : ''}`,
    power: multiplier ? POWERS[multiplier]! : '',
    hasUnit: Boolean(currency || percent),
  };
}

/**
 * The token a record carries for a figure printed as `word` (one word of a text, as split at
 * whitespace, with any brackets, quotes or sentence punctuation around it): "$1.8," gives
 * "1d8qc36xz", "(3.5%)" gives "3d5qpxz", "£4.5bn" gives "4d5qc163x9z". Undefined for a word that
 * is no figure, or a number of digits alone.
 */
export function figureToken(word: string): string | undefined {
  const f = parsedFigure(word);
  return f && `${f.number}q${f.unit}x${f.power}z`;
}

/**
 * What a figure typed in a search box is searched as: the start of the token of every figure it
 * names ("1.8" gives "1d8q", "$1.8" gives "1d8qc36x", "$1.8bn" the whole "1d8qc36x9z"; see the
 * module comment). Undefined for a word that is no figure with punctuation.
 */
export function typedFigureToken(word: string): string | undefined {
  const f = parsedFigure(word);
  if (!f) return undefined;
  if (!f.hasUnit) return `${f.number}q`;
  return f.power ? `${f.number}q${f.unit}x${f.power}z` : `${f.number}q${f.unit}x`;
}

/** The tokens of every figure printed in `text`, each once, in order of first appearance. */
export function figureTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const word of text.split(/\s+/)) {
    const token = figureToken(word);
    if (token) tokens.add(token);
  }
  return [...tokens];
}
