import type { APIContext } from 'astro';
import { loadArchive } from '../../site/collections.ts';
import { dataFiles, type DataFile } from '../../site/data-files.ts';
import { loadVersions } from '../../site/version-pages.ts';

// The archive's data files (src/site/data-files.ts): data/articles.jsonl and .csv, people, sources
// and topics, and each person's, source's and topic's slice under data/people/, data/sources/,
// data/topics/. Each file has its own cache key, so a rebuild writes again only those whose
// contents changed.

/** Media types: JSON Lines has none registered; CSV's is RFC 4180's, with the charset and header row. */
const TYPES = { jsonl: 'application/jsonl; charset=utf-8', csv: 'text/csv; charset=utf-8; header=present' };

export async function getStaticPaths() {
  const archive = await loadArchive();
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  return dataFiles(archive, await loadVersions(archive.articles), site).map((file) => ({
    params: { file: `${file.name}.${file.format}` },
    props: { file },
    cacheKey: file.cacheKey,
  }));
}

export function GET({ props }: APIContext) {
  const file = props.file as DataFile;
  return new Response(file.text(), { headers: { 'Content-Type': TYPES[file.format] } });
}
