import { filterValuesResponse } from '../../search/filter-values-file.ts';

// The English search page's filter values listed after its first results (src/search/facets.ts,
// valuesListedLater).
export const GET = () => filterValuesResponse('en');
