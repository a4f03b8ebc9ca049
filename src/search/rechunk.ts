import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chunkBytesFor } from './chunk-size.ts';
import { cborEnd, cborHead, cborHeadAt, cborText, metadataItems, SIGNATURE } from './pagefind-meta.ts';
import { sharedLength } from './word-cuts.ts';

// The word chunks of a Pagefind index cut again, where a first search loads less. Pagefind cuts
// its sorted words by a count of positions and closes a chunk after the word that fills it, so a
// chunk is a run of rare words ending with a frequent one: a rare name shares its chunk with
// "airport" or "all" (6.5 kB for the 54 pages of "aisha" in a part of 2,000 articles), and a part
// of 94 articles loads a chunk as large as a full part's for each typed word. The build regroups
// the same words' entries, unchanged and in the same order, into chunks of at most
// chunkBytesFor(the index's size) bytes (a word larger than that alone), cutting only where the
// words on the two sides share fewer than KEEP_TOGETHER letters (so the words of one stem stay
// together, which a search would load together anyway), and lists them in the metadata as
// Pagefind does (its pagefind/src/index/mod.rs, chunk_meta), but for the last word of each
// range, kept whole (chunkRanges). Pagefind reads a chunk only through
// that list (request_indexes in pagefind_web/src/lib.rs), and the page loads every chunk a typed
// word's stem may reach from the ranges (src/search/browser/word-chunks.ts), so what a search
// finds does not depend on where the chunks are cut (docs/performance.md, "Search at 10,000
// articles: the bytes before the first results").
// A chunk file (Pagefind 1.6, pagefind_web/src/index.rs): gzip of the signature and the CBOR
// array [[word entry, …]], each entry [word, [[page, [positions]], …]].

/** Letters two neighbouring words share from which they are kept in one chunk. */
export const KEEP_TOGETHER = 4;

/** One word's entry of a chunk file: the word, and its CBOR bytes as Pagefind wrote them. */
interface WordEntry {
  word: string;
  bytes: Buffer;
}

/** The word entries of one chunk file (its decompressed bytes). @throws Error when it is not one. */
function entriesOf(raw: Buffer, file: string): WordEntry[] {
  if (raw.toString('utf8', 0, SIGNATURE.length) !== SIGNATURE || raw[SIGNATURE.length] !== 0x81)
    throw new Error(`${file} is not a Pagefind word chunk`);
  let [count, at] = cborHeadAt(raw, SIGNATURE.length + 1);
  const entries: WordEntry[] = [];
  for (; count > 0; count--) {
    const [, afterHead] = cborHeadAt(raw, at);
    const [length, textAt] = cborHeadAt(raw, afterHead);
    const word = raw.toString('utf8', textAt, textAt + length);
    const end = cborEnd(raw, at);
    entries.push({ word, bytes: raw.subarray(at, end) });
    at = end;
  }
  if (at !== raw.length) throw new Error(`${file}: bytes after its words`);
  return entries;
}

/**
 * The entries grouped into chunks, in order: a new chunk starts before a word that would take the
 * chunk past `maxBytes`, where the word before and it share fewer than KEEP_TOGETHER letters.
 */
export function groupedEntries<T extends { word: string; bytes: { length: number } }>(
  entries: readonly T[],
  maxBytes: number,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const entry of entries) {
    const last = current.at(-1);
    if (last && size + entry.bytes.length > maxBytes && sharedLength(last.word, entry.word) < KEEP_TOGETHER) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += entry.bytes.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The shortest end of a range after `last` (its last word, as characters) and before `next` (the
 * next range's start): `last`'s first k characters with the k-th one the next character after it,
 * for the least k that sorts before `next`; `last` itself when none does.
 */
function rangeEnd(last: string[], next: string): string {
  for (let k = 1; k <= last.length; k++) {
    const code = last[k - 1]!.codePointAt(0)! + 1;
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) continue;
    const end = last.slice(0, k - 1).join('') + String.fromCodePoint(code);
    if (end < next) return end;
  }
  return last.join('');
}

/**
 * The ranges listed for chunks whose first and last words are `ends`, as short as they can be
 * while every word of a chunk sorts within its range and the ranges do not overlap: a chunk's
 * first word shortened to one character past what it shares with the word before the cut, as
 * Pagefind shortens it (get_prefixes, by characters), so that a typed word's stem shorter than
 * the first word still falls in the range; its last word to rangeEnd, which sorts after it.
 * (Pagefind shortens the last word to a start of it, which sorts before it: a word between that
 * start and the last word then falls in no range, and Pagefind loads every chunk whose ends begin
 * like the word, the chunks of "a" and "an" among them, 50 kB a part for "antitrust".)
 */
export function chunkRanges(ends: readonly (readonly [string, string])[]): [string, string][] {
  const ranges = ends.map(([from, to]) => [from, to] as [string, string]);
  for (let i = 0; i + 1 < ranges.length; i++) {
    const [last, first] = [[...ranges[i]![1]], [...ranges[i + 1]![0]]];
    let common = 0;
    while (common < last.length && common < first.length && last[common] === first[common]) common++;
    ranges[i + 1]![0] = first.slice(0, common + 1).join('');
    ranges[i]![1] = rangeEnd(last, ranges[i + 1]![0]);
  }
  return ranges;
}

/**
 * Cuts the word chunks of the index Pagefind wrote into `dir` again (every language of it), as
 * the module comment says: the chunk files are replaced by `index/c<n>.pf_index` and the metadata
 * file's chunk list names them (written under the same name; rewriteMetadata renames it after).
 * Returns how many chunks the indexes have now.
 * @throws Error when a file is not Pagefind's.
 */
export function rechunkIndex(dir: string): number {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const indexDir = path.join(dir, 'index');
  let made = 0;
  for (const { hash } of Object.values(entry.languages)) {
    const file = path.join(dir, `pagefind.${hash}.pf_meta`);
    const { bytes, items, bounds, chunksAt } = metadataItems(gunzipSync(readFileSync(file)), file);
    const chunks = items[chunksAt] as unknown[][];
    const entries: WordEntry[] = [];
    const old: string[] = [];
    for (const chunk of chunks) {
      const name = chunk[2] as string;
      const chunkFile = path.join(indexDir, `${name}.pf_index`);
      entries.push(...entriesOf(gunzipSync(readFileSync(chunkFile)), chunkFile));
      old.push(chunkFile);
    }
    if (entries.length === 0) continue;
    const total = entries.reduce((sum, e) => sum + e.bytes.length, 0);
    const groups = groupedEntries(entries, chunkBytesFor(total));
    // Names of their own (never one of Pagefind's hex names), for this language's index.
    const names = groups.map((_, i) => `${hash}_c${i}`);
    for (const f of old) rmSync(f);
    for (const [i, group] of groups.entries()) {
      const raw = Buffer.concat([
        Buffer.from(SIGNATURE),
        Buffer.from([0x81]),
        cborHead(4, group.length),
        ...group.map((e) => e.bytes),
      ]);
      writeFileSync(path.join(indexDir, `${names[i]}.pf_index`), gzipSync(raw, { level: 9 }));
    }
    const ranges = chunkRanges(groups.map((g) => [g[0]!.word, g.at(-1)!.word]));
    const list = Buffer.concat([
      cborHead(4, groups.length),
      ...ranges.map(([from, to], i) =>
        Buffer.concat([cborHead(4, 3), cborText(from), cborText(to), cborText(names[i]!)]),
      ),
    ]);
    const rewritten = Buffer.concat([bytes.subarray(0, bounds[chunksAt]), list, bytes.subarray(bounds[chunksAt + 1])]);
    writeFileSync(file, gzipSync(rewritten, { level: 9 }));
    made += groups.length;
  }
  return made;
}
