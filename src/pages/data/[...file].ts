import type { APIContext } from 'astro';
import { loadArchive } from '../../site/collections.ts';
import { DATA_MEDIA_TYPES, dataFiles, type DataFile } from '../../site/data-files.ts';
import { loadVersions } from '../../site/version-pages.ts';

// The archive's data files (src/site/data-files.ts): data/articles.jsonl and .csv, people, sources
// and topics, and each person's, source's and topic's slice under data/people/, data/sources/,
// data/topics/ (the quotes' files come from quotes.[format].ts). Each file has its own cache key,
// so a rebuild writes again only those whose contents changed.

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
  return new Response(file.text(), { headers: { 'Content-Type': DATA_MEDIA_TYPES[file.format] } });
}
