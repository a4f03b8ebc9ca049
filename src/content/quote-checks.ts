import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontmatter } from './files.ts';
import { displayPath, type Problem } from './problems.ts';
import type { ArticleData, Entry } from './read-collection.ts';
import { didYouMean, shownText } from './schema-problems.ts';
import { comparableQuoteText } from '../text/quote-text.ts';

// The editor's quotation corrections (front matter `quotes:`, docs/quotes.md) checked against the
// article: each names one of the article's people, and its passage is in the body. The check reads
// the body but does not run the extraction: a passage is in the body when its words are, compared
// as comparableQuoteText compares them (Markdown markup and white space aside).

/**
 * The problems of every article's `quotes:` corrections: a person who is not in people/ (with the
 * nearest id), a person not among the article's `people`, a passage not in the article's body.
 * `root` is the content folder; `people` the ids of its valid people files.
 */
export function quoteCorrectionProblems(
  root: string,
  articles: Entry<Partial<ArticleData>>[],
  people: Set<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const a of articles) {
    const corrections = a.data.quotes ?? [];
    if (corrections.length === 0) continue;
    const named = (a.data.people ?? []).map((p) => (typeof p === 'string' ? p : p.id));
    const body = bodyText(a.path);
    corrections.forEach((c, i) => {
      if (c.person !== undefined) {
        const field = `quotes.${i}.person`;
        if (!people.has(c.person)) {
          const guess = didYouMean(c.person, people);
          problems.push({
            file: a.file,
            field,
            message: `"${c.person}" is not in people/${guess ? `; did you mean \`${guess}\`?` : ''}`,
            fix: guess
              ? `write \`${guess}\`, or add ${displayPath(path.join(root, 'people', `${c.person}.yaml`))} and name them in people`
              : `use the id of one of the article's people (${named.join(', ') || 'it names none yet'})`,
          });
        } else if (!named.includes(c.person))
          problems.push({
            file: a.file,
            field,
            message: `"${c.person}" is not one of this article's people, and a quotation is only attributed to someone the article names`,
            fix: `add \`- id: ${c.person}\` to people, or attribute the quotation to one of ${named.join(', ') || 'the article’s people (it names none yet)'}`,
          });
      }
      if (body !== null && !body.includes(comparableQuoteText(c.text)))
        problems.push({
          file: a.file,
          field: `quotes.${i}.text`,
          message: `${shownText(c.text)} is not in the article's body, so the correction applies to no quotation`,
          fix: 'copy a passage of the quotation from the body as it is written (white space and emphasis may differ), or remove the correction',
        });
    });
  }
  return problems;
}

/** The article's body as comparableQuoteText gives it, or null when the file cannot be read again. */
function bodyText(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return comparableQuoteText(splitFrontmatter(text)?.body ?? text);
  } catch {
    return null;
  }
}
