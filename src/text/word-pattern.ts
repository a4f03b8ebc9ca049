// Regular-expression sources built from word lists, so a list has one home and each pattern
// that reads it says only how (anchors, flags).

/** A string with every character that has a meaning in a regular expression escaped: "St." -> "St\\.". */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular-expression source matching any one of `words` literally: the words escaped and joined
 * with "|", longest first (so "del" is tried before "de"). Wrap it in a group: `(?:${...})`.
 */
export function wordAlternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** A character of a word for LETTER_BOUNDARY: a letter of any script, a combining mark, a digit or "_". */
const WORD_CHARACTER = String.raw`[\p{L}\p{M}\p{N}_]`;

/**
 * A regular-expression source for a word boundary that knows every script's letters (use it with
 * the u flag). JavaScript's \b knows only ASCII letters, so it finds one inside "Renée" (between
 * "é" and "e") and "Rene\u0301e" (after the combining accent); this does not.
 */
export const LETTER_BOUNDARY = `(?:(?<=${WORD_CHARACTER})(?!${WORD_CHARACTER})|(?<!${WORD_CHARACTER})(?=${WORD_CHARACTER}))`;
