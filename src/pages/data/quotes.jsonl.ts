import { loadArchive } from '../../site/collections.ts';
import { archiveQuotes } from '../../site/quotes.ts';
import { urls } from '../../site/urls.ts';

// The archive's quotes as data: one JSON object a line (JSON Lines), every quote of every public
// article (src/site/quotes.ts), newest article first and each article's in reading order.

/**
 * The fields of a line: `article` (its id), `url` (its address in the site, with the base path),
 * `published` (its date as stored: a calendar day or a moment with offset), `person` (the id of
 * the archive person the quote is given to, or null), `speaker` (the speaker as written, or null),
 * `refersTo` (for a pronoun or nominal speaker, what it refers to, or null), `quote` (the quoted
 * words), `anchor` (the id of the paragraph holding it, for `url#anchor`, or null).
 */
export async function GET() {
  const archive = await loadArchive();
  const { all } = await archiveQuotes(archive);
  const lines = all.map(({ article, quote }) =>
    JSON.stringify({
      article: article.id,
      url: urls.article(article.id),
      published: article.data.published,
      person: quote.person,
      speaker: quote.speaker?.text ?? null,
      refersTo: quote.refersTo,
      quote: quote.quote.text,
      anchor: quote.anchor,
    }),
  );
  return new Response(lines.map((l) => `${l}\n`).join(''), {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' },
  });
}
