// Modules the archive's integration provides to pages (src/build/integration.ts).

declare module 'virtual:archive/search-parts' {
  /** What each search page loads, by its language (src/build/search-parts-module.ts). */
  const parts: import('../search/parts.ts').SearchPagesParts;
  export default parts;
}
