import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { asHtml, asText, largeVersionPair, oneSentenceEach } from '../../bench/version-pair.ts';
import { changeSize, diffBodies, newDiffWork } from '../../src/render/version-diff.ts';

// Large versions are compared at a cost linear in their length, counted (not timed) by the diff's
// work counter, and the bounded comparison still accounts for every word: read with a DOM, the
// merged body's kept and deleted text is the old version word for word, its kept and inserted text
// the new one. Words are counted here by a rule of this file (runs of letters and digits).

/** Runs of letters and digits in a text. */
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The merged body's text as kept, deleted and inserted passages, labels left out. */
function passages(html: string): { kept: string[]; deleted: string[]; inserted: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body><div id="d">${html}</div></body></html>`);
  const out = { kept: [] as string[], deleted: [] as string[], inserted: [] as string[] };
  const walk = (node: Node, into: string[]) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) into.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.classList.contains('visually-hidden')) continue;
        const tag = el.tagName.toLowerCase();
        walk(el, tag === 'del' ? out.deleted : tag === 'ins' ? out.inserted : into);
      }
    }
  };
  walk(document.getElementById('d')!, out.kept);
  return out;
}

/** Words of a text in order, as one string, to compare two readings of the same words. */
const wordLine = (text: string) => words(text).join(' ');

/** A reading of the merged body without one kind of mark: the kept text and the other kind, in order. */
function reading(html: string, drop: 'ins' | 'del'): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="d">${html}</div></body></html>`);
  const root = document.getElementById('d')!;
  for (const e of root.querySelectorAll(`${drop}, .visually-hidden`)) e.remove();
  return root.textContent;
}

const MB = 1_000_000;
/** Tokens of both texts (words, marks and whitespace runs): what the comparison's cost is measured against. */
const tokenCount = (...texts: string[]) => texts.reduce((n, t) => n + (t.match(/\s+|[^\s]+/g)?.length ?? 0) * 2, 0);

describe('a 1 MB article against a 1 MB earlier version', () => {
  const pair = largeVersionPair(MB, 1);
  const [before, after] = [asText(pair.before), asText(pair.after)];

  test('the compare page accounts for every word, at a cost linear in the text', () => {
    expect(before.length).toBeGreaterThanOrEqual(MB);
    const work = newDiffWork();
    const html = diffBodies(asHtml(pair.before), asHtml(pair.after), work);
    // Every word of the old version is kept or deleted, every word of the new one kept or inserted.
    expect(wordLine(reading(html, 'ins'))).toBe(wordLine(before));
    expect(wordLine(reading(html, 'del'))).toBe(wordLine(after));
    const { kept, deleted, inserted } = passages(html);
    const count = (list: string[]) => list.reduce((n, t) => n + words(t).length, 0);
    expect(count(kept) + count(deleted)).toBe(words(before).length);
    expect(count(kept) + count(inserted)).toBe(words(after).length);
    // Most of it is kept: the edits are a small part of the text, and are found as such.
    expect(count(kept)).toBeGreaterThan(0.8 * words(before).length);
    // Linear: at most a fixed number of steps per token (the old comparison of one long paragraph
    // could take 2,000 per token and more for the paragraph alignment).
    expect(work.units).toBeLessThan(100 * tokenCount(before, after));
  }, 120_000); // heavy: 2 MB compared and read back with a DOM

  test('doubling the text about doubles the work, for the page and for the Changes count', () => {
    const twice = largeVersionPair(2 * MB, 1);
    const measure = (p: typeof pair) => {
      const work = newDiffWork();
      diffBodies(asHtml(p.before), asHtml(p.after), work);
      changeSize(asText(p.before), asText(p.after), work);
      return work.units;
    };
    const ratio = measure(twice) / measure(pair);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.6);
  }, 120_000); // heavy: 6 MB compared

  test('one paragraph of 1 MB each side: aligned by sentences, every word accounted for', () => {
    const [b, a] = [pair.before.join(' '), pair.after.join(' ')];
    const work = newDiffWork();
    const html = diffBodies(`<p>${b}</p>`, `<p>${a}</p>`, work);
    expect(wordLine(reading(html, 'ins'))).toBe(wordLine(b));
    expect(wordLine(reading(html, 'del'))).toBe(wordLine(a));
    expect(work.units).toBeLessThan(100 * tokenCount(b, a));
    const size = changeSize(b, a);
    expect(size.removed).toBeGreaterThan(0);
    expect(size.removed).toBeLessThan(0.2 * words(b).length);
    expect(size.added).toBeGreaterThan(0);
    expect(size.added).toBeLessThan(0.2 * words(a).length);
  }, 120_000);

  test('versions rewritten whole: capped, said so, and still every word accounted for', () => {
    const other = asText(largeVersionPair(MB, 2).before);
    const work = newDiffWork();
    const html = diffBodies(asHtml(pair.before), asHtml(largeVersionPair(MB, 2).before), work);
    expect(work.capped).toBeGreaterThan(0);
    expect(wordLine(reading(html, 'ins'))).toBe(wordLine(before));
    expect(wordLine(reading(html, 'del'))).toBe(wordLine(other));
    expect(work.units).toBeLessThan(250 * tokenCount(before, other));
    const size = changeSize(before, other);
    expect(size.removed).toBeLessThanOrEqual(words(before).length);
    expect(size.added).toBeLessThanOrEqual(words(other).length);
  }, 120_000);

  test('ten thousand short blocks rewritten whole: linear, not quadratic, and every word accounted for', () => {
    // Aligned by Myers' algorithm alone, 10,000 blocks against 10,000 others took over a minute.
    const [b, a] = [oneSentenceEach(pair.before), oneSentenceEach(largeVersionPair(MB, 2).before)];
    expect(b.length).toBeGreaterThan(10_000);
    const work = newDiffWork();
    const html = diffBodies(asHtml(b), asHtml(a), work);
    expect(wordLine(reading(html, 'ins'))).toBe(wordLine(asText(b)));
    expect(wordLine(reading(html, 'del'))).toBe(wordLine(asText(a)));
    expect(work.units).toBeLessThan(250 * tokenCount(asText(b), asText(a)));
  }, 180_000);
});
