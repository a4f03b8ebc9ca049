import type { APIContext } from 'astro';
import { handOverDataFiles } from '../../build/data-files-output.ts';
import { loadArchive } from '../../site/collections.ts';
import { DATA_MEDIA_TYPES, dataFiles, quotesDataFiles, type DataFile } from '../../site/data-files.ts';
import { archiveQuotes } from '../../site/quotes.ts';
import { loadVersions } from '../../site/version-pages.ts';

// The archive's data files (src/site/data-files.ts): data/articles.jsonl and .csv, people, sources
// and topics, and each person's, source's and topic's slice under data/people/, data/sources/,
// data/topics/, and the quotes' two files, data/quotes.jsonl and .csv (every quote of every public
// article, src/site/quotes.ts). The dev server serves each as a route; in a build the integration
// waits for the list and writes them all in one pass at the end (src/build/data-files-output.ts),
// so a build has no route per file, and the quotes' files, tens of megabytes at 10,000 articles,
// are written a piece at a time, never held whole (as a route's response they were, twice, at
// once: docs/performance.md). Each file keeps its cache key there, so a rebuild writes again only
// those whose contents changed.

export async function getStaticPaths() {
  const archive = await loadArchive();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const files = [
    ...dataFiles(archive, await loadVersions(archive.articles), site),
    ...quotesDataFiles((await archiveQuotes(archive)).all, site),
  ];
  if (handOverDataFiles(files)) return [];
  return files.map((file) => ({ params: { file: `${file.name}.${file.format}` }, props: { file } }));
}

export function GET({ props }: APIContext) {
  const file = props.file as DataFile;
  return new Response(file.text(), { headers: { 'Content-Type': DATA_MEDIA_TYPES[file.format] } });
}
