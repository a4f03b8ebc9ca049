// How large the build makes an index's word chunks (src/search/rechunk.ts), in bytes of their
// words' entries before compression. A first search downloads the index's chunk list (in its
// metadata) and, per typed word, the chunk holding it: with n chunks over an index of T bytes that
// is about a·n + w·T/n bytes for w typed words (a, a chunk's entry in the list), least at
// n = √(w·T/a), where a chunk holds √(a·T/w) bytes. So a chunk's size grows with the square root
// of its index, from FULL_INDEX_CHUNK_BYTES for the index of a full part of articles: the newest
// months' part and the part of short person pages get smaller chunks (docs/performance.md,
// "Search at 10,000 articles: the bytes before the first results").

/** Words' bytes (uncompressed) of an index about a full part's: 2,000 articles of the benchmark's corpus hold 7.9 MB. */
export const FULL_INDEX_BYTES = 7_000_000;

/** The chunk size for an index of FULL_INDEX_BYTES, in bytes of words' entries (uncompressed), measured at 10,000 articles. */
export const FULL_INDEX_CHUNK_BYTES = 9_000;

/** The smallest chunk made: below it the chunk list would outgrow what the chunks save. */
export const MIN_CHUNK_BYTES = 500;

/**
 * The chunk size, in bytes of words' entries before compression, for an index whose words'
 * entries take `indexBytes` bytes: FULL_INDEX_CHUNK_BYTES·√(indexBytes / FULL_INDEX_BYTES), at
 * least MIN_CHUNK_BYTES.
 */
export function chunkBytesFor(indexBytes: number): number {
  return Math.max(MIN_CHUNK_BYTES, Math.round(FULL_INDEX_CHUNK_BYTES * Math.sqrt(indexBytes / FULL_INDEX_BYTES)));
}
