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
const SORTS_AT = 4;

/** The head of a CBOR item of major type `major` and length or value `n` (RFC 8949, 3.1). */
function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  const head = Buffer.alloc(n < 0x10000 ? 3 : 5);
  head[0] = (major << 5) | (n < 0x10000 ? 25 : 26);
  if (n < 0x10000) head.writeUInt16BE(n, 1);
  else head.writeUInt32BE(n, 1);
  return head;
}

/** A CBOR text string. */
function cborText(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([cborHead(3, utf8.length), utf8]);
}

/** Hex digits of the digest in a fragment's name (see fragmentNames). */
const FRAGMENT_DIGEST_DIGITS = 10;

/**
 * The short names given to the fragments of one language's pages, in page order:
 * `<digest>_<page number>`, the digest being ten hex digits of the SHA-256 of every
 * fragment file of those pages, in page order, each preceded by its length. Pagefind names a
 * fragment by a hash of its content (random hex, which gzip cannot shorten: 57 % of a part's
 * metadata); these names repeat one prefix and count up in decimal, so the pages of a part of
 * 2,000 articles gzip to 8.7 kB instead of 14.8 (docs/performance.md, "Search metadata at 10,000
 * articles"). A fragment's content changes its part's digest, so a name is
 * never given again to other content: a browser or CDN cannot serve a stale fragment under it.
 * @throws Error when a fragment file the pages name is missing.
 */
function fragmentNames(fragmentDir: string, hashes: string[]): string[] {
  const digest = createHash('sha256');
  for (const hash of hashes) {
    const bytes = readFileSync(path.join(fragmentDir, `${hash}.pf_fragment`));
    digest.update(cborHead(0, bytes.length)).update(bytes);
  }
  const prefix = digest.digest('hex').slice(0, FRAGMENT_DIGEST_DIGITS);
  return hashes.map((_, i) => `${prefix}_${i}`);
}

/**
 * The pages field at `bytes[start]` (an array of `[hash, word count, …]`) with each page's hash
 * replaced by `names[i]`, the rest of each page's entry kept as it was.
 */
function pagesRenamed(bytes: Buffer, start: number, names: string[]): Buffer {
  const out: Buffer[] = [cborHead(4, names.length)];
  let [, at] = cborHeadAt(bytes, start);
  for (const name of names) {
    const [fields, afterHead] = cborHeadAt(bytes, at);
    const [, afterHash] = cborItem(bytes, afterHead);
    let end = afterHash;
    for (let f = 1; f < fields; f++) end = cborItem(bytes, end)[1];
    out.push(cborHead(4, fields), cborText(name), bytes.subarray(afterHash, end));
    at = end;
  }
  return Buffer.concat(out);
}

/** The length or value in the head of the (definite-length) CBOR item at `bytes[start]`, and where its content starts. */
function cborHeadAt(bytes: Buffer, start: number): [number, number] {
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
export function rewriteMetadata(dir: string, { leaveOutSorts }: { leaveOutSorts: boolean }): number {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  const fragmentDir = path.join(dir, 'fragment');
  const named = new Set<string>();
  let changed = 0;
  for (const [language, index] of Object.entries(entry.languages)) {
    const file = path.join(dir, `pagefind.${index.hash}.pf_meta`);
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE)
      throw new Error(`${file} is not Pagefind's metadata (no '${SIGNATURE}' signature)`);
    const { items, bounds } = topLevelItems(bytes);
    const [pages, sorts] = [items[PAGES_AT], items[SORTS_AT]];
    if (!Array.isArray(pages) || !Array.isArray(sorts)) throw new Error(`${file}: no pages or sorts where expected`);
    const hashes = (pages as unknown[][]).map((page) => {
      if (typeof page[0] !== 'string') throw new Error(`${file}: a page without its hash`);
      return page[0];
    });
    const names = fragmentNames(fragmentDir, hashes);
    for (const [i, name] of names.entries()) {
      named.add(name);
      if (name === hashes[i]) continue;
      const to = path.join(fragmentDir, `${name}.pf_fragment`);
      rmSync(to, { force: true });
      linkSync(path.join(fragmentDir, `${hashes[i]}.pf_fragment`), to);
    }
    const dropSorts = leaveOutSorts && sorts.length > 0;
    if (dropSorts)
      for (const [key, order] of sorts as [string, number[]][])
        if (order.length !== pages.length || order.some((page, p) => page !== p))
          throw new Error(`${file}: the sort "${key}" is not the order the pages were added in`);
    const renamed = names.some((name, i) => name !== hashes[i]);
    if (!renamed && !dropSorts) continue;
    const rewritten = Buffer.concat([
      bytes.subarray(0, bounds[PAGES_AT]),
      renamed ? pagesRenamed(bytes, bounds[PAGES_AT]!, names) : bytes.subarray(bounds[PAGES_AT], bounds[PAGES_AT + 1]),
      bytes.subarray(bounds[PAGES_AT + 1], bounds[SORTS_AT]),
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
  // Pagefind's names of the fragments, now renamed.
  if (existsSync(fragmentDir))
    for (const file of readdirSync(fragmentDir))
      if (!named.has(file.replace(/\.pf_fragment$/, ''))) rmSync(path.join(fragmentDir, file));
  if (changed > 0) writeFileSync(entryFile, JSON.stringify(entry));
  return changed;
}
