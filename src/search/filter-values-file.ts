import { loadArchive } from '../site/collections.ts';
import { searchFacets, valuesListedLater } from './facets.ts';

/**
 * The file of a search page's filter values listed after its first results: JSON, an object from
 * filter key to its `[value, article count]` pairs in display order (valuesListedLater).
 */
export async function filterValuesResponse(lang: string): Promise<Response> {
  const facets = await searchFacets(await loadArchive(), lang);
  return new Response(JSON.stringify(valuesListedLater(facets)), {
    headers: { 'Content-Type': 'application/json' },
  });
}
