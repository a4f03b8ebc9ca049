import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { withoutControlCharacters } from './control-characters.ts';
import { splitFrontmatter } from './files.ts';
import { displayPath, type Problem } from './problems.ts';
import type { ArticleData, CheckedFields, Entry } from './read-collection.ts';
import { articleFields } from './schema.ts';
import { didYouMean, schemaProblems, shownText } from './schema-problems.ts';
import { parseYaml } from './yaml.ts';
import { passageForm, passageIndices } from '../text/attribution-corrections.ts';
import { markedQuotes, paragraphsOf } from '../text/quote-marks.ts';
import { articleProse } from './article-prose.ts';

// The editor's quotation corrections (front matter `quotes:`, docs/quotes.md) checked against the
// article: each names one of the article's people, and its passage is found exactly once in the
// body's prose and within quotation marks, as findQuotes (src/text/attribution-corrections.ts)
// applies it in the build and in `npm run quotes`. The check reads the body's prose (the text the
// build looks for quotations in, article-prose.ts: character references decoded, comments and
// code out, headings and table cells in) and its quotation marks (quote-marks.ts) but does not run
// the extraction: a passage is in the body when its words are, on word boundaries, compared as
// passageForm compares them (Markdown markup, white space and straight or curly marks aside).

/** The front matter's `quotes` field alone, checked by the article schema's own rule for it. */
const quotesField = articleFields({ person: z.string(), source: z.string() }).pick({ quotes: true });
/** One correction, as the article schema checks it. */
const quoteCorrectionShape = quotesField.shape.quotes.unwrap().element;

/** One editor's correction whose shape is valid. */
type QuoteCorrectionEntry = z.output<typeof quoteCorrectionShape>;

/**
 * An article's `quotes:` front matter value read by the article schema's rules (src/content/schema.ts):
 * `corrections` has one slot per entry, in order, the entry where its shape is valid and
 * `undefined` where it is not (so `quotes.<i>` keeps naming the entry the editor wrote);
 * `problems` are the shape problems exactly as `npm run check` words them (field `quotes.<i>...`).
 * A value that is not a list gives no corrections and its problem; `undefined` (no field), neither.
 */
export function quoteCorrectionEntries(
  file: string,
  value: unknown,
): { corrections: (QuoteCorrectionEntry | undefined)[]; problems: Problem[] } {
  const data = { quotes: value };
  const whole = quotesField.safeParse(data);
  const problems = whole.success ? [] : schemaProblems(file, whole.error, data);
  const corrections = Array.isArray(value)
    ? value.map((entry) => {
        const one = quoteCorrectionShape.safeParse(entry);
        return one.success ? one.data : undefined;
      })
    : [];
  return { corrections, problems };
}

/**
 * The problems of every article's `quotes:` corrections (articleQuoteCorrectionProblems for
 * each). `root` is the content folder; `people` the ids of its valid people files. `invalid`
 * are the articles with a shape problem somewhere in their front matter: their lists keep the
 * entries of good shape in their slots (CheckedFields), so the corrections of good shape are
 * checked beside one of bad shape (whose problem the schema check reports) in the same run; a
 * `quotes` or `people` that is not a list at all is read again from the file.
 */
export function quoteCorrectionProblems(
  root: string,
  articles: Entry<CheckedFields<ArticleData>>[],
  invalid: Entry<CheckedFields<ArticleData>>[],
  people: Set<string>,
): Problem[] {
  const rereadFrom = new Set(invalid);
  return [...articles, ...invalid].flatMap((a) => {
    const written =
      rereadFrom.has(a) && (a.data.quotes === undefined || a.data.people === undefined)
        ? writtenFields(a.path)
        : undefined;
    const corrections = a.data.quotes ?? written?.corrections ?? [];
    if (corrections.length === 0) return [];
    const named = a.data.people
      ? a.data.people.flatMap((p) => (p === undefined ? [] : [typeof p === 'string' ? p : p.id]))
      : (written?.named ?? []);
    const body = bodyText(a.path);
    if (body === null) return [];
    return articleQuoteCorrectionProblems({
      root,
      file: a.file,
      body,
      language: a.data.language ?? 'en',
      named,
      corrections,
      people,
    });
  });
}

/** One article's corrections and what they are checked against. */
export interface ArticleCorrections {
  /** The content folder (for the path of a person file to add). */
  readonly root: string;
  /** The article's file as problems name it. */
  readonly file: string;
  /** The article's Markdown body, after the front matter. */
  readonly body: string;
  /** The article's language (BCP 47): it decides which marks are quotation marks. */
  readonly language: string;
  /** The ids of the article's `people`. */
  readonly named: readonly string[];
  /** The corrections in the order written; `undefined` for one of invalid shape (skipped, the others keeping their numbers). */
  readonly corrections: readonly ({ readonly text: string; readonly person?: string | undefined } | undefined)[];
  /** The ids of the content folder's people files. */
  readonly people: ReadonlySet<string>;
}

/**
 * The problems of one article's `quotes:` corrections, one per fault, in the corrections' order:
 * a person who is not in people/ (with the nearest id), a person not among the article's
 * `people`; a passage not in the body, found more than once in it (a correction applies to
 * exactly one quotation), or outside quotation marks (narration is no one's quote). Used by
 * `npm run check` and `npm run quotes`.
 */
export function articleQuoteCorrectionProblems(article: ArticleCorrections): Problem[] {
  const { root, file, body, language, named, corrections, people } = article;
  const problems: Problem[] = [];
  const prose = articleProse(body).text;
  const whole = passageForm(prose);
  const quoted = markedQuotes(prose, language, paragraphsOf(prose)).map((q) =>
    passageForm(prose.slice(q.start, q.end)),
  );
  const inQuote = (q: string, wanted: string) => passageIndices(q, wanted).length > 0;
  corrections.forEach((c, i) => {
    if (c === undefined) return;
    if (c.person !== undefined) {
      const field = `quotes.${i}.person`;
      if (!people.has(c.person)) {
        const guess = didYouMean(c.person, people);
        problems.push({
          file,
          field,
          message: `"${c.person}" is not in people/${guess ? `; did you mean \`${guess}\`?` : ''}`,
          fix: guess
            ? `write \`${guess}\`, or add ${displayPath(path.join(root, 'people', `${c.person}.yaml`))} and name them in people`
            : `use the id of one of the article's people (${named.join(', ') || 'it names none yet'})`,
        });
      } else if (!named.includes(c.person))
        problems.push({
          file,
          field,
          message: `"${c.person}" is not one of this article's people, and a quotation is only attributed to someone the article names`,
          fix: `add \`- id: ${c.person}\` to people, or attribute the quotation to one of ${named.join(', ') || 'the article’s people (it names none yet)'}`,
        });
    }
    const wanted = passageForm(c.text);
    const field = `quotes.${i}.text`;
    const found = passageIndices(whole, wanted).length;
    if (found === 0)
      problems.push({
        file,
        field,
        message: `${shownText(c.text)} is not in the article's body${caseHint(whole, wanted) || unseenHint(body, wanted)}, so the correction applies to no quotation`,
        fix: 'copy a passage of the quotation from the body as it is written (white space, emphasis and straight or curly quotation marks and apostrophes may differ; letter case and whole words may not), or remove the correction',
      });
    else if (found > 1) {
      const inQuotes = quoted.filter((q) => inQuote(q, wanted)).length;
      problems.push({
        file,
        field,
        message: `${shownText(c.text)} is found ${found} times in the article's body${inQuotes > 1 ? ` (in ${inQuotes} quotations)` : ''}, so the correction could mean any of them and applies to none`,
        fix: 'quote more words so the passage is found once',
      });
    } else if (!quoted.some((q) => inQuote(q, wanted)))
      problems.push({
        file,
        field,
        message: `${shownText(c.text)} is not within quotation marks in the article's body: words outside them are the article's own, no one's quote, so the correction applies to nothing`,
        fix: 'copy a passage from inside the quotation marks of the quotation you mean, or remove the correction',
      });
  });
  return problems;
}

/**
 * Why a passage (passageForm) is not found in the text (passageForm) when the cause is one an
 * editor can see: the words are there in another letter case, or only as part of longer words.
 * '' otherwise.
 */
function caseHint(whole: string, wanted: string): string {
  if (!wanted) return '';
  if (passageIndices(whole.toLowerCase(), wanted.toLowerCase()).length > 0)
    return ' (it is there in another letter case, which counts)';
  if (whole.includes(wanted)) return ' as whole words (it is only found inside longer words)';
  return '';
}

/**
 * ' as a reader sees it (…)' when a passage not found in the prose is in the Markdown as written:
 * only in an HTML comment, code or markup, which no reader sees as anyone's words; '' otherwise.
 */
function unseenHint(body: string, wanted: string): string {
  return wanted && passageForm(body).includes(wanted)
    ? ' as a reader sees it (it is only in an HTML comment, code or markup, which are no one’s quotation)'
    : '';
}

/**
 * An article file's `quotes:` entries of valid shape (undefined for the others) and the ids its
 * `people:` entries give, as written; none when the file cannot be read again.
 */
function writtenFields(file: string): { corrections: (QuoteCorrectionEntry | undefined)[]; named: string[] } {
  try {
    const parts = splitFrontmatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const data = (parts ? withoutControlCharacters(parseYaml(parts.yaml)) : undefined) as
      { quotes?: unknown; people?: unknown } | null | undefined;
    return {
      corrections: data?.quotes === undefined ? [] : quoteCorrectionEntries(file, data.quotes).corrections,
      named: writtenPeopleIds(data?.people),
    };
  } catch {
    return { corrections: [], named: [] };
  }
}

/**
 * The ids an article's `people:` value gives as written, valid or not: each entry that is an id
 * or an object with a string `id`, in order. For where the field as a whole may fail its check.
 */
export function writtenPeopleIds(value: unknown): string[] {
  return (Array.isArray(value) ? value : [])
    .map((e: unknown) => (typeof e === 'string' ? e : (e as { id?: unknown } | null)?.id))
    .filter((id): id is string => typeof id === 'string');
}

/** The article's Markdown body, or null when the file cannot be read again. */
function bodyText(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return splitFrontmatter(text)?.body ?? text;
  } catch {
    return null;
  }
}
