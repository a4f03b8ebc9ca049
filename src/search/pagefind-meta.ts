import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

// Pagefind's metadata file (`pagefind.<hash>.pf_meta`, one per language of an index): read for
// its word chunks (src/search/index-chunks.ts) and trimmed of what an index in parts does not need.
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

/** Position of the sorts in the metadata's top-level array (see the header). */
const SORTS_AT = 4;

/**
 * Leaves the sorts out of the metadata of the index Pagefind wrote into `dir` (every language of
 * it), where each sort lists every page in the order the pages were added: an index part holds its
 * articles in date order, or its people in their order (src/search/parts.ts), so its order by
 * either key is its page order, which a search filtered to the part gives without the sort
 * (`byDateAcrossParts` in src/search/browser/search-engine.ts). That is 4.6 kB of the 25.8 kB
 * every search page loads for a part of 2,000 articles. The file is written under a new name
 * (Pagefind's form: the language, "_", ten hex digits of its hash), which pagefind-entry.json
 * is made to name. Returns how many metadata files were changed.
 * @throws Error when a sort lists the pages in another order or leaves some out (the records were
 *   not added in the order of their sort key), or when a file is not Pagefind's metadata.
 */
export function leaveOutPageOrderSorts(dir: string): number {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  let changed = 0;
  for (const [language, index] of Object.entries(entry.languages)) {
    const file = path.join(dir, `pagefind.${index.hash}.pf_meta`);
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE)
      throw new Error(`${file} is not Pagefind's metadata (no '${SIGNATURE}' signature)`);
    const { items, bounds } = topLevelItems(bytes);
    const [pages, sorts] = [items[1], items[SORTS_AT]];
    if (!Array.isArray(pages) || !Array.isArray(sorts)) throw new Error(`${file}: no pages or sorts where expected`);
    if (sorts.length === 0) continue;
    for (const [key, order] of sorts as [string, number[]][])
      if (order.length !== pages.length || order.some((page, i) => page !== i))
        throw new Error(`${file}: the sort "${key}" is not the order the pages were added in`);
    // An empty array (CBOR 0x80) where the sorts were.
    const trimmed = Buffer.concat([
      bytes.subarray(0, bounds[SORTS_AT]),
      Buffer.from([0x80]),
      bytes.subarray(bounds[SORTS_AT + 1]),
    ]);
    const hash = `${language}_${createHash('sha256').update(trimmed).digest('hex').slice(0, 10)}`;
    writeFileSync(path.join(dir, `pagefind.${hash}.pf_meta`), gzipSync(trimmed));
    if (hash !== index.hash) rmSync(file);
    index.hash = hash;
    changed++;
  }
  if (changed > 0) writeFileSync(entryFile, JSON.stringify(entry));
  return changed;
}
