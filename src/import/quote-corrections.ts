import { articleQuoteCorrectionProblems, quoteCorrectionEntries } from '../content/quote-checks.ts';

// An editor's quotation corrections (front matter `quotes:`, docs/quotes.md) name passages of the
// body. A merge keeps them as written while a newer capture may reword the passage they name: the
// import then says which correction no longer matches, so the editor fixes it at import time
// rather than when `npm run check` fails.

/**
 * The report's warnings for the quotation corrections in `data.quotes` whose passage the merged
 * body no longer matches while the body before the merge did (a passage no longer in the body,
 * found more than once, or no longer within quotation marks), each naming the correction
 * (`quotes.<i>`, its text), why (the check's own words, articleQuoteCorrectionProblems in
 * src/content/quote-checks.ts) and the fix. Corrections whose person is wrong are the check's
 * business (the merge does not change them). Empty when the article has no corrections.
 * @param file the article's path, as problems name it.
 * @param data the merged front matter (its `quotes` and `language`).
 * @param before the body before the merge (the file's); `after` the merged body.
 */
export function staleQuoteCorrections(
  file: string,
  data: Record<string, unknown>,
  before: string,
  after: string,
): string[] {
  if (!Array.isArray(data.quotes) || data.quotes.length === 0) return [];
  const { corrections } = quoteCorrectionEntries(file, data.quotes);
  // Only the passage is checked: no person is named, so no person problem arises.
  const passages = corrections.map((c) => c && { text: c.text });
  const language = typeof data.language === 'string' ? data.language : 'en';
  const problems = (body: string) =>
    articleQuoteCorrectionProblems({
      root: '',
      file,
      body,
      language,
      named: [],
      corrections: passages,
      people: new Set(),
    });
  const earlier = new Set(problems(before).map((p) => `${p.field} ${p.message}`));
  return problems(after)
    .filter((p) => !earlier.has(`${p.field} ${p.message}`))
    .map(
      (p) =>
        `the quotation correction ${p.field} no longer matches the new text: ${p.message}. The correction is kept as written, and npm run check reports it until it is changed. Fix: ${p.fix}`,
    );
}
