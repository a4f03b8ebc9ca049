import { markedQuotes, paragraphsOf, type MarkedQuote } from './quote-marks.ts';
import { comparableQuoteText } from './quote-text.ts';
import type { FoundQuote, QuoteOptions } from './quotes.ts';

// Editors' corrections (front matter `quotes:`, docs/quotes.md) applied to the quotations
// findQuotes finds (it applies them last, through withCorrections), by the one rule the checker (src/content/quote-checks.ts) checks them by:
// a passage is found on word boundaries (" you" is not in "your"), an apostrophe or quotation
// mark typed straight matches the body's curly one and the other way round, and a correction
// applies to the whole quotation holding the passage: every paragraph of a quotation running
// over paragraphs and every part of a split one.

/** Curly and other typographic apostrophes and quotation marks, as the straight mark a keyboard types. */
const MARK_FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u2032': "'",
  // An acute accent or a grave typed for an apostrophe ("don´t"), as findQuotes reads them (withApostrophes).
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
};

/**
 * `text` as passages are compared: comparableQuoteText (Markdown markup and white space aside),
 * then each typographic apostrophe or quotation mark as its straight form, one character for one.
 */
export function passageForm(text: string): string {
  return comparableQuoteText(text).replace(
    /[\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`\u201c-\u201f\u2033\u00ab\u00bb]/g,
    (m) => MARK_FOLDS[m]!,
  );
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The indices where `passage` occurs in `text` (both already in passageForm) on word boundaries:
 * a passage beginning (ending) with a letter or digit is not found right after (before) another
 * one, so " you" is not in "your" and "cat" is not in "concatenate". Overlapping occurrences count.
 */
export function passageIndices(text: string, passage: string): number[] {
  if (!passage) return [];
  const found: number[] = [];
  const first = WORD.test(passage[0]!);
  const last = WORD.test(passage.at(-1)!);
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
    const end = at + passage.length;
    if (first && at > 0 && WORD.test(text[at - 1]!)) continue;
    if (last && end < text.length && WORD.test(text[end]!)) continue;
    found.push(at);
  }
  return found;
}

/** True when `passage` (passageForm) is in `text` (passageForm) on word boundaries. */
function holdsPassage(text: string, passage: string): boolean {
  return passageIndices(text, passage).length > 0;
}

/** The cue of a quotation whose attribution is the editor's correction, not the text's (as findQuotes writes it). */
const CORRECTION_CUE = 'editor’s correction';

/** Whether a quotation of withCorrections's result is attributed by an editor's correction (its `person` theirs). */
export function isEditorsCorrection(q: FoundQuote): boolean {
  return q.cue === CORRECTION_CUE;
}

/**
 * For each quotation part of `quotes` (findQuotes's, in reading order), the number of the whole
 * quotation it belongs to: parts in one marked quotation (an incise split), a paragraph that
 * continues a quotation left open at the end of the one before, and the parts of a split
 * quotation (the same speaker mention written between them, in one paragraph) share a number.
 */
function quotationNumbers(quotes: readonly FoundQuote[], marked: readonly MarkedQuote[]): number[] {
  const markOf = (q: FoundQuote) => marked.find((m) => q.quote.start >= m.start && q.quote.start <= m.end);
  const numbers: number[] = [];
  quotes.forEach((q, i) => {
    const prev = quotes[i - 1];
    if (!prev) return numbers.push(0);
    const m = markOf(q);
    const pm = markOf(prev);
    const sameMark = m !== undefined && m === pm;
    const continued =
      m !== undefined && pm !== undefined && m.continues && !pm.closed && m.paragraph === pm.paragraph + 1;
    const split =
      q.speaker !== null &&
      prev.speaker !== null &&
      q.speaker.start === prev.speaker.start &&
      q.speaker.end === prev.speaker.end &&
      m?.paragraph === pm?.paragraph &&
      prev.quote.end <= q.speaker.start &&
      q.speaker.end <= q.quote.start;
    return numbers.push(sameMark || continued || split ? numbers[i - 1]! : numbers[i - 1]! + 1);
  });
  return numbers;
}

/**
 * `found` (findQuotes's quotations of `text`, in reading order, before any correction) with the
 * editor's corrections of `options` applied, each in order: findQuotes's last step
 * (src/text/quotes.ts, its contract). A correction applies only when its passage is found exactly
 * once in the text on word
 * boundaries (passageForm, passageIndices: white space, Markdown markup and straight or curly
 * marks aside, letter case counts) and within quotation marks; it is otherwise ignored (the
 * checker reports it). `remove: true` drops the whole quotation holding the passage (all its
 * parts); `person` (ignored unless one of `options.people`) makes every part of it that person's
 * as the editor's attribution: speaker and refersTo null, cue "editor’s correction". Words in
 * marks the extraction left out (scare quotes, titles) are added as that marked quotation.
 * Throws nothing.
 */
export function withCorrections(text: string, found: FoundQuote[], options: QuoteOptions): FoundQuote[] {
  const corrections = options.corrections ?? [];
  if (corrections.length === 0) return found;
  const marked = markedQuotes(text, options.language, paragraphsOf(text));
  const numbers = quotationNumbers(found, marked);
  let quotes = found.map((q, i) => ({ q, n: numbers[i]! }));
  const whole = passageForm(text);
  const ids = new Set(options.people.map((p) => p.id));
  let added = -1;
  for (const c of corrections) {
    const wanted = passageForm(c.text);
    if (passageIndices(whole, wanted).length !== 1) continue;
    const hit = quotes.find(({ q }) => holdsPassage(passageForm(q.quote.text), wanted));
    if (c.remove) {
      if (hit) quotes = quotes.filter(({ n }) => n !== hit.n);
      continue;
    }
    if (!c.person || !ids.has(c.person)) continue;
    const corrected = { speaker: null, refersTo: null, person: c.person, cue: CORRECTION_CUE };
    if (hit) {
      quotes = quotes.map((e) => (e.n === hit.n ? { q: { ...e.q, ...corrected }, n: e.n } : e));
      continue;
    }
    const m = marked.find((q) => holdsPassage(passageForm(text.slice(q.start, q.end)), wanted));
    if (m)
      quotes = [
        ...quotes,
        { q: { quote: { start: m.start, end: m.end, text: text.slice(m.start, m.end) }, ...corrected }, n: added-- },
      ].sort((a, b) => a.q.quote.start - b.q.quote.start);
  }
  return quotes.map(({ q }) => q);
}
