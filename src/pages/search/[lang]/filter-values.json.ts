import type { APIContext } from 'astro';
import { loadArchive } from '../../../site/collections.ts';
import { searchLanguages } from '../../../search/facets.ts';
import { filterValuesResponse } from '../../../search/filter-values-file.ts';

// The filter values each other language's search page lists after its first results, beside
// that page (src/pages/search/[lang].astro).
export async function getStaticPaths() {
  const languages = searchLanguages(await loadArchive());
  return languages.filter((lang) => lang !== 'en').map((lang) => ({ params: { lang } }));
}

export const GET = ({ params }: APIContext) => filterValuesResponse(params.lang!);
