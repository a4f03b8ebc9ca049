import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

// Pagefind's metadata file (`pagefind.<hash>.pf_meta`, one per language of an index): read for
// its word chunks (src/search/index-chunks.ts), trimmed of what an index in parts does not need,
// and its pages' fragments renamed to names that compress (rewriteMetadata).
// Its layout (Pagefind 1.6, pagefind_web/src/metadata.rs): a gzip of the signature "pagefind_dcd"
// and one CBOR array: the generator's version, the pages ([hash, word count, …] in the order they
// were added), the word chunks ([first word, last word, hash]), the filters ([name, hash]), the
// sorts ([key, page numbers in the key's order]) and the metadata fields' names. Every search
// page loads it whole for every part before any word is known (docs/performance.md, "Search
// metadata at 10,000 articles").

/** Pagefind's signature before the CBOR of a file it compressed. */
export const SIGNATURE = 'pagefind_dcd';

/**
 * The CBOR item at `bytes[start]` (RFC 8949: the integer, string and array types Pagefind's
 * metadata uses; maps and floats too), and where the next item starts.
 * @throws Error on a type it does not read (tags, indefinite lengths other than arrays).
 */
export function cborItem(bytes: Buffer, start: number): [unknown, number] {
  let at = start;
  const head = bytes[at++]!;
  const major = head >> 5;
  const info = head & 31;
  if (major === 7) {
    if (info === 26) return [bytes.readFloatBE(at), at + 4];
    if (info === 27) return [bytes.readDoubleBE(at), at + 8];
    return [info === 21 ? true : info === 20 ? false : null, at];
  }
  if (info === 31 && major === 4) {
    const items: unknown[] = [];
    while (bytes[at] !== 0xff) {
      const [item, next] = cborItem(bytes, at);
      items.push(item);
      at = next;
    }
    return [items, at + 1];
  }
  let n: number;
  if (info < 24) n = info;
  else if (info === 24) n = bytes[at++]!;
  else if (info === 25) [n, at] = [bytes.readUInt16BE(at), at + 2];
  else if (info === 26) [n, at] = [bytes.readUInt32BE(at), at + 4];
  else if (info === 27) [n, at] = [Number(bytes.readBigUInt64BE(at)), at + 8];
  else throw new Error(`CBOR: length form ${info} is not read here`);
  if (major === 0) return [n, at];
  if (major === 1) return [-1 - n, at];
  if (major === 2) return [bytes.subarray(at, at + n), at + n];
  if (major === 3) return [bytes.toString('utf8', at, at + n), at + n];
  if (major === 4 || major === 5) {
    const items: unknown[] = [];
    for (let i = 0; i < (major === 5 ? 2 * n : n); i++) {
      const [item, next] = cborItem(bytes, at);
      items.push(item);
      at = next;
    }
    return [items, at];
  }
  throw new Error(`CBOR: major type ${major} is not read here`);
}

/**
 * Where the CBOR item at `bytes[start]` ends, read without building it (the definite-length
 * integer, string and array types Pagefind's files use; see cborItem).
 */
export function cborEnd(bytes: Buffer, start: number): number {
  const major = bytes[start]! >> 5;
  const [n, at] = cborHeadAt(bytes, start);
  if (major === 0 || major === 1) return at;
  if (major === 2 || major === 3) return at + n;
  if (major === 4) {
    let end = at;
    for (let i = 0; i < n; i++) end = cborEnd(bytes, end);
    return end;
  }
  throw new Error(`CBOR: major type ${major} is not skipped here`);
}

/**
 * The top-level items of a metadata file's bytes (decompressed), where each starts (and the last
 * ends), and the position of the chunk list among them.
 * @throws Error when the bytes are not Pagefind's metadata.
 */
export function metadataItems(
  bytes: Buffer,
  file: string,
): { bytes: Buffer; items: unknown[]; bounds: number[]; chunksAt: number } {
  if (bytes.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE)
    throw new Error(`${file} is not Pagefind's metadata (no '${SIGNATURE}' signature)`);
  const { items, bounds } = topLevelItems(bytes);
  if (!Array.isArray(items[CHUNKS_AT])) throw new Error(`${file}: no chunk list where expected`);
  return { bytes, items, bounds, chunksAt: CHUNKS_AT };
}

/** Where each element of the metadata's top-level array starts, and where the last one ends. */
function topLevelItems(bytes: Buffer): { items: unknown[]; bounds: number[] } {
  let at = SIGNATURE.length;
  const head = bytes[at++]!;
  if (head >> 5 !== 4 || (head & 31) >= 24) throw new Error('Pagefind metadata: not a short array');
  const items: unknown[] = [];
  const bounds = [at];
  for (let i = 0; i < (head & 31); i++) {
    const [item, next] = cborItem(bytes, at);
    items.push(item);
    bounds.push((at = next));
  }
  return { items, bounds };
}

/** Positions of the pages and the sorts in the metadata's top-level array (see the header). */
const PAGES_AT = 1;
const CHUNKS_AT = 2;
const SORTS_AT = 4;
/** Where a page's fragment name is in its entry ([hash, word count, …]), and a chunk's file name in its ([from, to, hash]). */
const PAGE_NAME_AT = 0;
const CHUNK_NAME_AT = 2;

/** The head of a CBOR item of major type `major` and length or value `n` (RFC 8949, 3.1). */
export function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  const head = Buffer.alloc(n < 0x10000 ? 3 : 5);
  head[0] = (major << 5) | (n < 0x10000 ? 25 : 26);
  if (n < 0x10000) head.writeUInt16BE(n, 1);
  else head.writeUInt32BE(n, 1);
  return head;
}

/** A CBOR text string. */
export function cborText(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([cborHead(3, utf8.length), utf8]);
}

/** Hex digits of the digest in a fragment's name (see fragmentNames). */
const FRAGMENT_DIGEST_DIGITS = 10;

/**
 * The short names given to the fragments of one language's pages, in page order:
 * `<digest>_<page number>` (`<digest>_<part>_<page number>` for a part of an index in parts,
 * so the search page can tell a result's part from its id: partOfResult in contract.ts), the
 * digest being ten hex digits of the SHA-256 of every
 * fragment file of those pages, in page order, each preceded by its length. Pagefind names a
 * fragment by a hash of its content (random hex, which gzip cannot shorten: 57 % of a part's
 * metadata); these names repeat one prefix and count up in decimal, so the pages of a part of
 * 2,000 articles gzip to 8.7 kB instead of 14.8 (docs/performance.md, "Search metadata at 10,000
 * articles"). A fragment's content changes its part's digest, so a name is
 * never given again to other content: a browser or CDN cannot serve a stale fragment under it.
 * @throws Error when a fragment file the pages name is missing.
 */
function fragmentNames(fragmentDir: string, hashes: string[], part: number | undefined): string[] {
  const prefix = digestOf(fragmentDir, hashes, '.pf_fragment');
  return hashes.map((_, i) => (part === undefined ? `${prefix}_${i}` : `${prefix}_${part}_${i}`));
}

/**
 * Ten hex digits of the SHA-256 of the files `<dir>/<name><extension>` for `names`, in that order,
 * each preceded by its length: a name built on it is never given again to other content.
 * @throws Error when a file is missing.
 */
function digestOf(dir: string, names: string[], extension: string): string {
  const digest = createHash('sha256');
  for (const name of names) {
    const bytes = readFileSync(path.join(dir, `${name}${extension}`));
    digest.update(cborHead(0, bytes.length)).update(bytes);
  }
  return digest.digest('hex').slice(0, FRAGMENT_DIGEST_DIGITS);
}

/**
 * The short names given to an index's word chunks (`index/<hash>.pf_index`), in the order of its
 * chunk list: `<digest>_<chunk number>`, the digest taken over every chunk file as for the
 * fragments (fragmentNames). Pagefind uses a chunk's hash only as its file's name
 * (`loadChunk` in pagefind_web_js/lib/coupled_search.ts, with the hashes `request_indexes` of
 * pagefind_web/src/lib.rs takes from the chunk list), and its random hex is a quarter of the
 * chunk list, which every search page loads for every part (docs/performance.md, "Search
 * transfer before the first results").
 */
function chunkNames(indexDir: string, hashes: string[]): string[] {
  const prefix = digestOf(indexDir, hashes, '.pf_index');
  return hashes.map((_, i) => `${prefix}_${i}`);
}

/**
 * Gives the files `<dir>/<hashes[i]><extension>` the names `names[i]` (hard links), and removes
 * every other file of `dir` with that extension that no name of `keep` gives.
 */
function renameFiles(dir: string, hashes: string[], names: string[], extension: string, keep: Set<string>): void {
  for (const [i, name] of names.entries()) {
    keep.add(name);
    if (name === hashes[i]) continue;
    const to = path.join(dir, `${name}${extension}`);
    rmSync(to, { force: true });
    linkSync(path.join(dir, `${hashes[i]}${extension}`), to);
  }
}

/** Removes the files of `dir` with `extension` whose names `keep` does not hold. */
function removeUnnamed(dir: string, extension: string, keep: Set<string>): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir))
    if (file.endsWith(extension) && !keep.has(file.slice(0, -extension.length))) rmSync(path.join(dir, file));
}

/**
 * The list at `bytes[start]` (an array of arrays: the pages' `[hash, word count, …]` or the
 * chunks' `[from, to, hash]`) with the field at `field` of entry i replaced by the text
 * `names[i]`, the rest of each entry kept as it was.
 */
function namesReplaced(bytes: Buffer, start: number, names: string[], field: number): Buffer {
  const out: Buffer[] = [cborHead(4, names.length)];
  let [, at] = cborHeadAt(bytes, start);
  for (const name of names) {
    const [fields, afterHead] = cborHeadAt(bytes, at);
    let before = afterHead;
    for (let f = 0; f < field; f++) before = cborItem(bytes, before)[1];
    const [, after] = cborItem(bytes, before);
    let end = after;
    for (let f = field + 1; f < fields; f++) end = cborItem(bytes, end)[1];
    out.push(cborHead(4, fields), bytes.subarray(afterHead, before), cborText(name), bytes.subarray(after, end));
    at = end;
  }
  return Buffer.concat(out);
}

/** The length or value in the head of the (definite-length) CBOR item at `bytes[start]`, and where its content starts. */
export function cborHeadAt(bytes: Buffer, start: number): [number, number] {
  const info = bytes[start]! & 31;
  if (info < 24) return [info, start + 1];
  if (info === 24) return [bytes[start + 1]!, start + 2];
  if (info === 25) return [bytes.readUInt16BE(start + 1), start + 3];
  if (info === 26) return [bytes.readUInt32BE(start + 1), start + 5];
  throw new Error(`CBOR: length form ${info} is not read here`);
}

/**
 * Rewrites the metadata of the index Pagefind wrote into `dir` (every language of it), in one pass:
 *
 * - **Fragments renamed** (always): each page's fragment (`fragment/<hash>.pf_fragment`, the one
 *   place Pagefind uses a page's hash besides the result's id: `loadFragment` in its
 *   pagefind_web_js/lib/coupled_search.ts; words, filters and sorts refer to pages by number) is
 *   renamed to a short name (fragmentNames) and the pages field names it; Pagefind's files are
 *   removed, so every fragment file is one the metadata names.
 * - With `part` (the part's number, for a part of an index in parts), the names carry it
 *   (fragmentNames).
 * - **Word chunks renamed** (always) the same way (chunkNames): the chunk list names each file.
 * - **Sorts left out** (when `leaveOutSorts`), where each sort lists every page in the order the
 *   pages were added: an index part holds its articles in date order, or its people in their
 *   order (src/search/parts.ts), so its order by either key is its page order, which a search
 *   filtered to the part gives without the sort (`byDateAcrossParts` in
 *   src/search/browser/search-engine.ts). That is 4.6 kB of the 25.8 kB every search page loads
 *   for a part of 2,000 articles.
 *
 * The file is written under a new name (Pagefind's form: the language, "_", ten hex digits of
 * its hash), which pagefind-entry.json is made to name. Rewriting a rewritten index changes
 * nothing. Returns how many metadata files were changed.
 * @throws Error when a sort lists the pages in another order or leaves some out (the records were
 *   not added in the order of their sort key), when a file is not Pagefind's metadata, or when a
 *   fragment it names is missing.
 */
export function rewriteMetadata(
  dir: string,
  { leaveOutSorts, part }: { leaveOutSorts: boolean; part?: number | undefined },
): number {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  const fragmentDir = path.join(dir, 'fragment');
  const named = new Set<string>();
  const indexDir = path.join(dir, 'index');
  const namedChunks = new Set<string>();
  let changed = 0;
  for (const [language, index] of Object.entries(entry.languages)) {
    const file = path.join(dir, `pagefind.${index.hash}.pf_meta`);
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE)
      throw new Error(`${file} is not Pagefind's metadata (no '${SIGNATURE}' signature)`);
    const { items, bounds } = topLevelItems(bytes);
    const [pages, chunks, sorts] = [items[PAGES_AT], items[CHUNKS_AT], items[SORTS_AT]];
    if (!Array.isArray(pages) || !Array.isArray(chunks) || !Array.isArray(sorts))
      throw new Error(`${file}: no pages, chunks or sorts where expected`);
    const nameOf = (entry: unknown[], at: number, what: string) => {
      if (typeof entry[at] !== 'string') throw new Error(`${file}: a ${what} without its hash`);
      return entry[at];
    };
    const hashes = (pages as unknown[][]).map((page) => nameOf(page, PAGE_NAME_AT, 'page'));
    const names = fragmentNames(fragmentDir, hashes, part);
    renameFiles(fragmentDir, hashes, names, '.pf_fragment', named);
    const chunkHashes = (chunks as unknown[][]).map((chunk) => nameOf(chunk, CHUNK_NAME_AT, 'chunk'));
    const newChunkNames = chunkNames(indexDir, chunkHashes);
    renameFiles(indexDir, chunkHashes, newChunkNames, '.pf_index', namedChunks);
    const dropSorts = leaveOutSorts && sorts.length > 0;
    if (dropSorts)
      for (const [key, order] of sorts as [string, number[]][])
        if (order.length !== pages.length || order.some((page, p) => page !== p))
          throw new Error(`${file}: the sort "${key}" is not the order the pages were added in`);
    const renamed = names.some((name, i) => name !== hashes[i]);
    const chunksRenamed = newChunkNames.some((name, i) => name !== chunkHashes[i]);
    if (!renamed && !chunksRenamed && !dropSorts) continue;
    const rewritten = Buffer.concat([
      bytes.subarray(0, bounds[PAGES_AT]),
      renamed
        ? namesReplaced(bytes, bounds[PAGES_AT]!, names, PAGE_NAME_AT)
        : bytes.subarray(bounds[PAGES_AT], bounds[PAGES_AT + 1]),
      chunksRenamed
        ? namesReplaced(bytes, bounds[CHUNKS_AT]!, newChunkNames, CHUNK_NAME_AT)
        : bytes.subarray(bounds[CHUNKS_AT], bounds[CHUNKS_AT + 1]),
      bytes.subarray(bounds[CHUNKS_AT + 1], bounds[SORTS_AT]),
      // An empty array (CBOR 0x80) where the sorts were.
      dropSorts ? Buffer.from([0x80]) : bytes.subarray(bounds[SORTS_AT], bounds[SORTS_AT + 1]),
      bytes.subarray(bounds[SORTS_AT + 1]),
    ]);
    const hash = `${language}_${createHash('sha256').update(rewritten).digest('hex').slice(0, 10)}`;
    writeFileSync(path.join(dir, `pagefind.${hash}.pf_meta`), gzipSync(rewritten, { level: 9 }));
    if (hash !== index.hash) rmSync(file);
    index.hash = hash;
    changed++;
  }
  // Pagefind's names of the fragments and chunks, now renamed.
  removeUnnamed(fragmentDir, '.pf_fragment', named);
  removeUnnamed(indexDir, '.pf_index', namedChunks);
  if (changed > 0) writeFileSync(entryFile, JSON.stringify(entry));
  return changed;
}
