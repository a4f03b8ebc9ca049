// How close an extracted body is to the expected one: precision, recall and F1 over word
// 4-grams (order-aware, so a paragraph in the wrong place or a glued blurb both cost).

/** Lower-cased words, punctuation dropped. */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** Counts of each word n-gram. */
function ngrams(text: string, n: number): Map<string, number> {
  const w = words(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= w.length; i++) {
    const key = w.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Precision, recall and F1 of `got` against `want` over word n-grams (default 4). */
export function ngramScore(got: string, want: string, n = 4): { precision: number; recall: number; f1: number } {
  const g = ngrams(got, n);
  const w = ngrams(want, n);
  let overlap = 0;
  for (const [key, count] of g) overlap += Math.min(count, w.get(key) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const precision = total(g) ? overlap / total(g) : 0;
  const recall = total(w) ? overlap / total(w) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** A labelled page's expected facts (page.expected.json beside page.html). */
export interface Expected {
  title: string;
  authors: string[];
  published: string;
  /** The publication's name, when the label gives it. */
  source?: string;
  body: string;
}

/** Scores of one labelled page: body overlap, and whether each metadata fact came out right. */
export interface PageScore {
  page: string;
  precision: number;
  recall: number;
  f1: number;
  title: boolean;
  authors: boolean;
  date: boolean;
  /** Whether the source name came out right; undefined when the label gives none. */
  source: boolean | undefined;
  /** F1 of Mozilla Readability alone on the same page, for comparison (when measured). */
  readabilityF1?: number;
  got: {
    title?: string | undefined;
    authors?: string[] | undefined;
    published?: string | undefined;
    source?: string | undefined;
  };
}

/** Compares what the importer extracted with what was expected. */
export function scorePage(
  page: string,
  got: {
    title?: string | undefined;
    authors?: string[] | undefined;
    published?: string | undefined;
    source?: string | undefined;
    text: string;
  },
  want: Expected,
): PageScore {
  const authors = got.authors ?? [];
  return {
    page,
    ...ngramScore(got.text, want.body),
    title: got.title === want.title,
    authors: authors.length === want.authors.length && authors.every((a, i) => a === want.authors[i]),
    date: got.published === want.published,
    source: want.source === undefined ? undefined : got.source === want.source,
    got: { title: got.title, authors: got.authors, published: got.published, source: got.source },
  };
}
