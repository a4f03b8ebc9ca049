// White space as text compares and shows it on one line.

/**
 * Text with every run of white space as one space and none at either end: "  Jane\n\tDoe " ->
 * "Jane Doe". White space is what JavaScript's \s and String.prototype.trim take (Unicode
 * White_Space and the line terminators, so also no-break spaces, U+00A0 and U+202F).
 */
export function singleSpaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
