// The base-path rule (src/text/base-path.ts) where the search page's browser code imports it.

export { normalizeBase } from '../text/base-path.ts';
