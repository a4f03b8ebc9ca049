import { changeSize, diffBodies, newDiffWork, type DiffWork } from '../src/render/version-diff.ts';

// A large article and an earlier version of it, generated, for the benchmark's diff measure and
// the diff's unit tests: about `bytes` of text each side, in paragraphs of news-like sentences,
// with edits of every kind a newsroom makes between captures (words changed in place, sentences
// rewritten, paragraphs added, removed and moved) and one very long paragraph without breaks.
// Deterministic: the same arguments always give the same pair.

/** A seeded source of integers in [0, n): a 32-bit linear congruential generator. */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

const WORDS =
  'harbour council vote ferry bridge mayor budget repair tide storm report court judge ruling appeal port city night crew dock lock canal keeper sluice water board week year plan cost fund tax road rail line station'.split(
    ' ',
  );

/** One sentence of 8 to 23 words. */
function sentence(pick: (n: number) => number): string {
  const words = Array.from(
    { length: 8 + pick(16) },
    () => `${WORDS[pick(WORDS.length)]}${pick(50) === 0 ? pick(1000) : ''}`,
  );
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of `n` sentences. */
function paragraph(pick: (n: number) => number, n = 2 + pick(5)): string {
  return Array.from({ length: n }, () => sentence(pick)).join(' ');
}

/** Two versions of a long article, as paragraph lists: `before`, and `after` it edited. */
export function largeVersionPair(bytes: number, seed = 1): { before: string[]; after: string[] } {
  const pick = seeded(seed);
  const before: string[] = [];
  let size = 0;
  while (size < bytes) {
    // One paragraph in 200 is very long: a transcript or a list run together, 20 kB or so.
    const p = pick(200) === 0 ? paragraph(pick, 150) : paragraph(pick);
    before.push(p);
    size += p.length + 2;
  }
  const after: string[] = [];
  for (const p of before) {
    const roll = pick(100);
    if (roll < 3) continue; // removed
    if (roll < 6) after.push(paragraph(pick)); // added before it
    if (roll < 12) {
      // Words changed in place, here and there.
      after.push(p.replace(/\b(\w+)\b/g, (w) => (pick(15) === 0 ? WORDS[pick(WORDS.length)]! : w)));
    } else if (roll < 15) {
      // A sentence rewritten.
      after.push(p.replace(/[^.]*\./, ` ${sentence(pick)}`).trim());
    } else after.push(p);
  }
  // A stretch moved: ten paragraphs from the middle go to the end.
  const middle = Math.floor(after.length / 2);
  after.push(...after.splice(middle, 10));
  return { before, after };
}

/** Paragraphs of one sentence each (ten thousand blocks to the megabyte, as a list or a table would be). */
export const oneSentenceEach = (paragraphs: string[]) => paragraphs.flatMap((p) => p.split(/(?<=\.) /));

/** Paragraphs as Markdown text (blank lines between) and as the HTML of a rendered body. */
export const asText = (paragraphs: string[]) => paragraphs.join('\n\n');
export const asHtml = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('\n');

/** Seconds for the compare page's diff and for the Changes page's count on a pair, with their work. */
function timeDiff(before: string[], after: string[]): { bodySeconds: number; countSeconds: number; work: DiffWork } {
  const work = newDiffWork();
  const [b, a] = [asHtml(before), asHtml(after)];
  let t = performance.now();
  diffBodies(b, a, work);
  const bodySeconds = (performance.now() - t) / 1000;
  t = performance.now();
  changeSize(asText(before), asText(after), work);
  const countSeconds = (performance.now() - t) / 1000;
  return { bodySeconds, countSeconds, work };
}

/** The seconds a diff may take on a 1 MB pair, compare page and Changes count together. */
export const LARGE_DIFF_BUDGET_SECONDS = 5;

/** One kind of 1 MB pair, measured: median seconds over the runs, and the work counted. */
interface LargeDiffFigure {
  kind: string;
  bodySeconds: number;
  countSeconds: number;
  workUnits: number;
  capped: number;
}

/** The large diffs' figures: each kind's, and the slowest total. */
export interface LargeDiffs {
  figures: LargeDiffFigure[];
  slowestSeconds: number;
}

/**
 * The diff measured on four generated pairs of about 1 MB each side, `runs` times each (the
 * median kept), on this thread as the build runs it: an article edited here and there, the same
 * as one paragraph without breaks, and an article rewritten whole, in paragraphs and in ten
 * thousand one-sentence blocks (where aligning the blocks by Myers' algorithm alone was quadratic). `slowestSeconds` is the
 * largest of the four totals, to compare with LARGE_DIFF_BUDGET_SECONDS.
 */
export function measureLargeDiffs(runs = 3): LargeDiffs {
  const pair = largeVersionPair(1_000_000, 1);
  const other = largeVersionPair(1_000_000, 2);
  const kinds: [string, string[], string[]][] = [
    ['edited here and there', pair.before, pair.after],
    ['edited, one paragraph', [pair.before.join(' ')], [pair.after.join(' ')]],
    ['rewritten whole', pair.before, other.before],
    ['rewritten whole, a sentence a paragraph', oneSentenceEach(pair.before), oneSentenceEach(other.before)],
  ];
  const median = (xs: number[]) => xs.toSorted((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const figures = kinds.map(([kind, before, after]): LargeDiffFigure => {
    const times = Array.from({ length: runs }, () => timeDiff(before, after));
    const { work } = times[0]!;
    return {
      kind,
      bodySeconds: median(times.map((t) => t.bodySeconds)),
      countSeconds: median(times.map((t) => t.countSeconds)),
      workUnits: work.units,
      capped: work.capped,
    };
  });
  return { figures, slowestSeconds: Math.max(...figures.map((f) => f.bodySeconds + f.countSeconds)) };
}
