/**
 * Direct quotations in a news text and who said them.
 *
 * The contract every caller relies on (the build's quote pages, the search records, the `quotes`
 * command and the labelled-set benchmark): `findQuotes(text, options)` takes the article's plain
 * text, its paragraphs separated by a blank line ("\n\n"), and returns every direct quotation in
 * reading order, each with the span of the quoted words (marks excluded), the speaker mention as
 * written, and the archive person it resolves to among `options.people` (never anyone else).
 * A split quote (`“…,” X said, “…”`) gives one entry per part, both with the same speaker.
 */

/** A person the speaker mentions of one article may resolve to: one of the article's `people`. */
export interface QuotePerson {
  /** The person's id in the archive (content/people/<id>.yaml). */
  readonly id: string;
  /** The person's name as the archive writes it ("Jeff Sessions"). */
  readonly name: string;
  /** Other names the person goes by ("Jefferson Beauregard Sessions III"). */
  readonly aliases?: readonly string[];
  /** The person's role in this article as its front matter gives it ("Attorney General"). */
  readonly role?: string;
}

/** A stretch of the text: JavaScript string indices, `end` exclusive, and the text between them. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One direct quotation (or one part of a split quotation) with its attribution. */
export interface FoundQuote {
  /** The quoted words, without the quotation marks. */
  readonly quote: TextSpan;
  /** The speaker mention as written ("Sessions", "he", "a spokesman"); null when none was found. */
  readonly speaker: TextSpan | null;
  /** For a pronoun or nominal speaker, the mention or name it refers to; otherwise null. */
  readonly refersTo: string | null;
  /** The id of the person of `options.people` the speaker resolves to; null when none. */
  readonly person: string | null;
  /** The reporting verb or construction that ties the quote to its speaker ("said", "told", "according to"); null when none. */
  readonly cue: string | null;
}

/**
 * An editor's correction of one attribution, from the article's front matter, found by quote text:
 * `text` is a passage of the quote as it appears in the body. With `person` the quote is attributed
 * to that person (fixing a wrong attribution, or adding a quote the extraction missed); with
 * `remove: true` the quote is not published as anyone's.
 */
export interface QuoteCorrection {
  readonly text: string;
  readonly person?: string;
  readonly remove?: boolean;
}

/** What findQuotes needs besides the text. */
export interface QuoteOptions {
  /** The article's language (BCP 47, e.g. "en", "fr"): it decides the marks and whether English attribution rules apply. */
  readonly language: string;
  /** The article's people: the only persons a quote may be attributed to. */
  readonly people: readonly QuotePerson[];
  /** The editor's corrections, applied last. */
  readonly corrections?: readonly QuoteCorrection[];
}

const SAID =
  /^[\s,]*(?:(said|told|added|wrote)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)|([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+(said|told|added|wrote))/;

/**
 * Every direct quotation in `text` with its speaker (see the module comment for the contract).
 * Offsets index `text`. Throws nothing; a text without quotes gives [].
 */
export function findQuotes(text: string, options: QuoteOptions): FoundQuote[] {
  const found: FoundQuote[] = [];
  for (const m of text.matchAll(/[“"]([^“”"\n]{2,}?)[”"]/g)) {
    const start = m.index + 1;
    const inner = m[1]!;
    if (!/\s/.test(inner.trim())) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const said = SAID.exec(after);
    const name = said ? (said[2] ?? said[3])! : null;
    const speakerStart = name ? m.index + m[0].length + after.indexOf(name) : -1;
    const person = name
      ? (options.people.find((p) =>
          [p.name, ...(p.aliases ?? [])].some((n) => n === name || n.split(' ').at(-1) === name),
        )?.id ?? null)
      : null;
    found.push({
      quote: { start, end: start + inner.length, text: inner },
      speaker: name ? { start: speakerStart, end: speakerStart + name.length, text: name } : null,
      refersTo: null,
      person,
      cue: said ? (said[1] ?? said[4])! : null,
    });
  }
  return found;
}
