import type { APIContext } from 'astro';
import { loadArchive } from '../../site/collections.ts';
import { DATA_MEDIA_TYPES, quotesFileChunks, quotesFileDigest, type DataFormat } from '../../site/data-files.ts';
import { archiveQuotes } from '../../site/quotes.ts';

// The archive's quotes as data: data/quotes.jsonl (one JSON object a line) and data/quotes.csv
// (the same fields as columns), every quote of every public article (src/site/quotes.ts), newest
// article first and each article's in reading order; the fields are src/site/data-files.ts's
// QuoteRecord. Each file's cache key is the hash of the JSON Lines text: the quotes depend on
// every body, its people and the quote rules, and that text is what holds all of them. The text
// is made again when the file is written, a piece at a time (the paths and their props are kept
// for the whole build, and the two texts held there were tens of megabytes).

/** The site address Astro was given, if any. */
const site = () => (import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);

export async function getStaticPaths() {
  // One key for both files, the hash of the JSON Lines text made line by line: it holds every
  // field of every record, and the CSV is made from the same records (the code that makes either
  // is in Astro's own key), so neither text is made just to be hashed.
  const key = quotesFileDigest((await archiveQuotes(await loadArchive())).all, site());
  return (['jsonl', 'csv'] as const).map((format) => ({
    params: { format },
    props: { format },
    cacheKey: `${format}:${key}`,
  }));
}

export async function GET({ props }: APIContext) {
  const { format } = props as { format: DataFormat };
  // Streamed a piece at a time (quotesFileChunks): the whole text as one string, with the pieces
  // it was joined from, is a hundred megabytes or more at 10,000 articles.
  const chunks = quotesFileChunks((await archiveQuotes(await loadArchive())).all, format, site());
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': DATA_MEDIA_TYPES[format] } });
}
