import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cborItem, SIGNATURE } from './pagefind-meta.ts';
import { wordCutsLine } from './word-cuts.ts';

// Which words each chunk of a written Pagefind index holds, as a small table the search page
// reads (src/search/browser/word-chunks.ts). Pagefind splits an index's words (its stems, sorted)
// into chunks and, for a query word, loads only the one chunk whose range holds the word as typed;
// it then matches the words of the chunks loaded so far that begin with the word's stem. Where the
// words beginning with a stem run over a chunk's end ("polic", then "polici" in the next chunk),
// what a search finds depends on where the chunks were cut and on what earlier searches loaded,
// so one index and an index in parts would answer differently. The table lets the page load
// every chunk such a run reaches before it searches (in the compact form of src/search/word-cuts.ts).
// The ranges are read from the index's
// metadata file (Pagefind's pagefind_web/src/metadata.rs: a gzip of the signature
// "pagefind_dcd" and CBOR: version, pages, chunks as [from, to, hash], ...).

/** The table's file in an index folder. */
export const CHUNK_TABLE_FILE = 'word-chunks.json';

/** Per language (as pagefind-entry.json names them), its index's cuts as a line (wordCutsLine). */
export type ChunkTable = Record<string, string>;

/**
 * The chunk ranges of one language's index, from its metadata file (a .pf_meta as Pagefind wrote it).
 * @throws Error when the file is not Pagefind's compressed CBOR or has no chunk list.
 */
function chunkRangesOfMeta(compressed: Buffer): [string, string][] {
  const bytes = gunzipSync(compressed);
  if (bytes.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE)
    throw new Error("not a Pagefind metadata file (no 'pagefind_dcd' signature)");
  const [meta] = cborItem(bytes, SIGNATURE.length);
  const chunks: unknown = Array.isArray(meta) ? (meta as unknown[])[2] : undefined;
  if (!Array.isArray(chunks)) throw new Error('Pagefind metadata without a chunk list');
  return chunks.map((c) => {
    const [from, to] = c as unknown[];
    if (typeof from !== 'string' || typeof to !== 'string') throw new Error('Pagefind chunk without its range');
    return [from, to];
  });
}

/**
 * Writes the chunk table (CHUNK_TABLE_FILE) of the index Pagefind wrote into `dir`, every
 * language of it, and returns it.
 * @throws Error when pagefind-entry.json or a metadata file it names cannot be read or decoded.
 */
export function writeChunkTable(dir: string): ChunkTable {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const table: ChunkTable = {};
  for (const [language, { hash }] of Object.entries(entry.languages))
    table[language] = wordCutsLine(chunkRangesOfMeta(readFileSync(path.join(dir, `pagefind.${hash}.pf_meta`))));
  writeFileSync(path.join(dir, CHUNK_TABLE_FILE), JSON.stringify(table));
  return table;
}

/** The file of every part's table, in the folder holding the parts (read by src/search/browser/word-chunks.ts). */
export const PARTS_CHUNK_TABLE_FILE = 'word-chunks-parts.json';

/**
 * Writes into `root` the chunk tables of its index folders `dirs` (paths relative to `root`,
 * '' for `root` itself, each with its CHUNK_TABLE_FILE written) as one file,
 * PARTS_CHUNK_TABLE_FILE: each folder's table under its path. A search page then fetches one
 * file instead of one per part (docs/performance.md, "Search transfer before the first results").
 * @throws Error when a folder's table cannot be read.
 */
export function writePartsChunkTable(root: string, dirs: readonly string[]): void {
  const tables = Object.fromEntries(
    dirs.map((dir) => [dir, JSON.parse(readFileSync(path.join(root, dir, CHUNK_TABLE_FILE), 'utf8')) as ChunkTable]),
  );
  writeFileSync(path.join(root, PARTS_CHUNK_TABLE_FILE), JSON.stringify(tables));
}
