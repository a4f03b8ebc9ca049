// Scoring quotation extraction against the labelled set (bench/quotes/, docs/quotes.md): which
// found quotation is which labelled one, and whether its speaker is right. Written apart from the
// extraction (it shares no code with src/text/quote*.ts): spans are found here by plain string
// search, and the matching is by overlap, the mention-level measure of quote attribution
// evaluations (Pareti 2016; Muzny et al. 2017: a quotation matches when the spans overlap).

/** One labelled quotation, as the set's .json gives it. */
interface LabelledQuote {
  quote: string;
  speaker: string | null;
  refersTo: string | null;
  person: string | null;
  kinds: string[];
}

/** One labelled text: the .txt and its .json. */
export interface LabelledText {
  /** The file name without extension ("01-city-council"). */
  name: string;
  text: string;
  language: string;
  style: string;
  people: { id: string; name: string; aliases?: string[]; role?: string }[];
  quotes: LabelledQuote[];
  notQuotes: string[];
}

/** What the scoring needs of a found quotation (the shape findQuotes returns). */
export interface ScoredFind {
  quote: { start: number; end: number };
  speaker: { start: number; end: number } | null;
  person: string | null;
}

type Span = [number, number];

/** A labelled quotation placed in its text. */
interface Placed {
  label: LabelledQuote;
  quote: Span;
  speaker: Span | null;
}

/** Counts of one text or of a whole set. */
export interface Counts {
  labelled: number;
  found: number;
  /** Found quotations overlapping a labelled one. */
  matched: number;
  /** Matched, and with the right person (or both no person and overlapping speaker mentions). */
  correct: number;
  /** Found with a person (what person pages show), and of those the right one. */
  attributed: number;
  attributedCorrect: number;
  /** Labelled quotations with a person, and of those found with that person. */
  labelledPersons: number;
  /** Matched with the speaker mention overlapping the labelled one (mention level). */
  mentionCorrect: number;
  /** Found quotations overlapping one of the text's notQuotes. */
  notQuotesFound: number;
  /** Labelled pronoun-speaker quotations found, and of those with the labelled person. */
  pronounMatched: number;
  pronounCorrect: number;
}

/** Per kind: labelled count, found (matched) count and correct count. */
export type KindCounts = Record<string, { labelled: number; matched: number; correct: number }>;

/** The score of one text. */
export interface TextScore {
  name: string;
  style: string;
  counts: Counts;
  kinds: KindCounts;
  /** Labelled quotations whose words the text does not hold (a labelling error). */
  unplaced: string[];
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/**
 * Where each labelled quotation is: the k-th labelled entry with the same words takes their k-th
 * occurrence; its speaker mention is the occurrence of the speaker's words nearest the quotation.
 */
function place(t: LabelledText): { placed: Placed[]; unplaced: string[] } {
  const used = new Map<string, number>();
  const placed: Placed[] = [];
  const unplaced: string[] = [];
  for (const label of t.quotes) {
    let from = used.get(label.quote) ?? 0;
    const at = t.text.indexOf(label.quote, from);
    if (at < 0 || label.quote === '') {
      unplaced.push(label.quote);
      continue;
    }
    from = at + 1;
    used.set(label.quote, from);
    const quote: Span = [at, at + label.quote.length];
    placed.push({ label, quote, speaker: label.speaker ? nearest(t.text, label.speaker, quote) : null });
  }
  return { placed, unplaced };
}

/** The occurrence of `words` nearest `to` (by distance between the spans), or null. */
function nearest(text: string, words: string, to: Span): Span | null {
  let best: Span | null = null;
  let bestDistance = Infinity;
  for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
    const span: Span = [i, i + words.length];
    const d = span[1] <= to[0] ? to[0] - span[1] : span[0] >= to[1] ? span[0] - to[1] : 0;
    // A speaker is never inside the quotation itself.
    if (d === 0) continue;
    if (d < bestDistance) [best, bestDistance] = [span, d];
  }
  return best;
}

/** Scores the quotations found in one labelled text. */
export function scoreText(t: LabelledText, found: readonly ScoredFind[]): TextScore {
  const { placed, unplaced } = place(t);
  // Pairs by overlap, largest first, each quotation in at most one pair.
  const pairs: [number, number, number][] = [];
  found.forEach((f, i) =>
    placed.forEach((p, j) => {
      const o = overlap([f.quote.start, f.quote.end], p.quote);
      if (o > 0) pairs.push([o, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const foundTo = new Map<number, number>();
  const labelTo = new Map<number, number>();
  for (const [, i, j] of pairs)
    if (!foundTo.has(i) && !labelTo.has(j)) {
      foundTo.set(i, j);
      labelTo.set(j, i);
    }
  const counts: Counts = {
    labelled: placed.length,
    found: found.length,
    matched: foundTo.size,
    correct: 0,
    attributed: found.filter((f) => f.person !== null).length,
    attributedCorrect: 0,
    labelledPersons: placed.filter((p) => p.label.person !== null).length,
    mentionCorrect: 0,
    notQuotesFound: 0,
    pronounMatched: 0,
    pronounCorrect: 0,
  };
  const kinds: KindCounts = {};
  for (const p of placed)
    for (const k of p.label.kinds) (kinds[k] ??= { labelled: 0, matched: 0, correct: 0 }).labelled++;
  for (const [i, j] of foundTo) {
    const f = found[i]!;
    const p = placed[j]!;
    const fs: Span | null = f.speaker ? [f.speaker.start, f.speaker.end] : null;
    const speakersOverlap =
      fs !== null && p.speaker !== null ? overlaps(fs, p.speaker) : fs === null && p.speaker === null;
    const right = f.person !== null || p.label.person !== null ? f.person === p.label.person : speakersOverlap;
    if (right) counts.correct++;
    if (f.person !== null && f.person === p.label.person) counts.attributedCorrect++;
    if (speakersOverlap) counts.mentionCorrect++;
    if (p.label.kinds.includes('pronoun')) {
      counts.pronounMatched++;
      if (f.person === p.label.person) counts.pronounCorrect++;
    }
    for (const k of p.label.kinds) {
      kinds[k]!.matched++;
      if (right) kinds[k]!.correct++;
    }
  }
  const notSpans = t.notQuotes.flatMap((w) => allSpans(t.text, w));
  counts.notQuotesFound = found.filter((f) => notSpans.some((s) => overlaps([f.quote.start, f.quote.end], s))).length;
  return { name: t.name, style: t.style, counts, kinds, unplaced };
}

function allSpans(text: string, words: string): Span[] {
  const spans: Span[] = [];
  if (!words) return spans;
  for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) spans.push([i, i + words.length]);
  return spans;
}

/** The counts of several texts added up. */
export function sumCounts(scores: readonly TextScore[]): { counts: Counts; kinds: KindCounts } {
  const counts = Object.fromEntries(
    Object.keys(scores[0]?.counts ?? emptyCounts()).map((k) => [
      k,
      scores.reduce((s, t) => s + t.counts[k as keyof Counts], 0),
    ]),
  ) as unknown as Counts;
  const kinds: KindCounts = {};
  for (const t of scores)
    for (const [k, c] of Object.entries(t.kinds)) {
      const into = (kinds[k] ??= { labelled: 0, matched: 0, correct: 0 });
      into.labelled += c.labelled;
      into.matched += c.matched;
      into.correct += c.correct;
    }
  return { counts: scores.length ? counts : emptyCounts(), kinds };
}

function emptyCounts(): Counts {
  return {
    labelled: 0,
    found: 0,
    matched: 0,
    correct: 0,
    attributed: 0,
    attributedCorrect: 0,
    labelledPersons: 0,
    mentionCorrect: 0,
    notQuotesFound: 0,
    pronounMatched: 0,
    pronounCorrect: 0,
  };
}

/** A ratio with two decimals, or "–" when there is nothing to divide. */
function ratio(n: number, d: number): string {
  return d === 0 ? '–' : (n / d).toFixed(2);
}

/** The kinds in the order the labelled set's brief lists them. */
const KINDS = [
  'marks-mixed',
  'marks-straight',
  'nested',
  'apostrophe',
  'guillemets',
  'low-high',
  'after',
  'before',
  'split',
  'title',
  'appositive',
  'pronoun',
  'nominal',
  'multi-paragraph',
  'continuing-paragraph',
  'partial',
  'statement',
  'post',
  'according-to',
];

/** The report as Markdown: the overall figures, per kind, and per text. */
export function reportMarkdown(scores: readonly TextScore[]): string {
  const { counts: c, kinds } = sumCounts(scores);
  const lines = [
    `${scores.length} texts, ${c.labelled} labelled quotations, ${c.found} found.`,
    '',
    '| measure | value | counts |',
    '| --- | --- | --- |',
    `| precision of (speaker, quote) pairs | ${ratio(c.correct, c.found)} | ${c.correct} of ${c.found} found |`,
    `| recall of (speaker, quote) pairs | ${ratio(c.correct, c.labelled)} | ${c.correct} of ${c.labelled} labelled |`,
    `| person-page precision (quotes attributed to a person) | ${ratio(c.attributedCorrect, c.attributed)} | ${c.attributedCorrect} of ${c.attributed} |`,
    `| person recall (labelled with a person, found with them) | ${ratio(c.attributedCorrect, c.labelledPersons)} | ${c.attributedCorrect} of ${c.labelledPersons} |`,
    `| pronoun speakers resolved to the labelled person | ${ratio(c.pronounCorrect, c.pronounMatched)} | ${c.pronounCorrect} of ${c.pronounMatched} found |`,
    `| mention level: quote and speaker mention overlap (precision / recall) | ${ratio(c.mentionCorrect, c.found)} / ${ratio(c.mentionCorrect, c.labelled)} | ${c.mentionCorrect} |`,
    `| quotation spans found (recall, any speaker) | ${ratio(c.matched, c.labelled)} | ${c.matched} of ${c.labelled} |`,
    `| notQuotes found as quotations (should be 0) | ${c.notQuotesFound} | |`,
    '',
    '| kind | labelled | found | correct | recall | precision of found |',
    '| --- | --- | --- | --- | --- | --- |',
    ...[
      ...KINDS,
      ...Object.keys(kinds)
        .filter((k) => !KINDS.includes(k))
        .sort(),
    ]
      .filter((k) => kinds[k])
      .map((k) => {
        const x = kinds[k]!;
        return `| ${k} | ${x.labelled} | ${x.matched} | ${x.correct} | ${ratio(x.correct, x.labelled)} | ${ratio(x.correct, x.matched)} |`;
      }),
    '',
    '| text | style | labelled | found | correct | precision | recall | person-page precision |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map(
      (t) =>
        `| ${t.name} | ${t.style} | ${t.counts.labelled} | ${t.counts.found} | ${t.counts.correct} | ${ratio(t.counts.correct, t.counts.found)} | ${ratio(t.counts.correct, t.counts.labelled)} | ${ratio(t.counts.attributedCorrect, t.counts.attributed)} |`,
    ),
  ];
  return lines.join('\n');
}
