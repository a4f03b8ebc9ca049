import type { APIContext } from 'astro';
import { loadArchive } from '../../site/collections.ts';
import { DATA_MEDIA_TYPES, quotesFileText, type DataFormat } from '../../site/data-files.ts';
import { archiveQuotes } from '../../site/quotes.ts';
import { sha256Hex } from '../../text/hash.ts';

// The archive's quotes as data: data/quotes.jsonl (one JSON object a line) and data/quotes.csv
// (the same fields as columns), every quote of every public article (src/site/quotes.ts), newest
// article first and each article's in reading order; the fields are src/site/data-files.ts's
// QuoteRecord. Each file's cache key is the hash of its text: the quotes depend on every body,
// its people and the quote rules, and the text is what holds all of them.

export async function getStaticPaths() {
  const { all } = await archiveQuotes(await loadArchive());
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  return (['jsonl', 'csv'] as const).map((format) => {
    const text = quotesFileText(all, format, site);
    return { params: { format }, props: { format, text }, cacheKey: sha256Hex(text) };
  });
}

export function GET({ props }: APIContext) {
  const { format, text } = props as { format: DataFormat; text: string };
  return new Response(text, { headers: { 'Content-Type': DATA_MEDIA_TYPES[format] } });
}
