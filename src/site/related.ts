import { lowerWithoutAccents } from '../text/fold.ts';
import { isStopWord } from '../text/stop-words.ts';
import { isReportWord } from '../text/report-words.ts';
import { LEDE_CHARS } from '../text/markdown-prose.ts';

// Related coverage: for each article, the archived articles most related to it, earlier and
// later. Computed once per build over the whole archive (src/site/related-archive.ts gives it the
// articles), in time linear in the archive: candidates come only from inverted lists.
//
// The score of a candidate b for an article a adds up what the two share:
//
//   score(a, b) = Σ_{person p in both} idf(p)
//               + Σ_{topic t in both} idf(t)
//               + ½ · Σ_{term w among the distinctive terms of both, same language} idf(w)
//               + ½ when they come from the same source and share anything above
//
// with the smoothed inverse document frequency idf(f) = ln(1 + N / df(f)), N the number of
// articles (for a term, of articles in its language) and df(f) the number naming f (Manning,
// Raghavan and Schütze, Introduction to Information Retrieval, 2008, ch. 6.2: rare features weigh
// more; of 10,000 articles, a person named in 3 adds 8.1, one named in 400 adds 3.3).
//
// An article's distinctive terms are its TERMS_PER_ARTICLE words with the highest tf-idf weight
// (1 + ln tf) · idf (ch. 6.4, sublinear tf scaling), headline words counted HEADLINE_WEIGHT times.
// Only the first TEXT_READ characters of the standfirst and body are read (news copy says what
// the story is about first, and a long article then costs no more than a short one). Left out:
// words under three letters, numbers, stop words (src/text/stop-words.ts) and the words of news
// reporting itself ("said", "Monday": src/text/report-words.ts, which a small archive cannot
// tell from its counts). A word is compared only with words of the same language.
//
// A feature named by more than max(COMMON_FLOOR, COMMON_SHARE · N) articles is too common to mean
// anything and is skipped whole (it neither finds candidates nor adds to a score), which also
// bounds the work per article; a word only one article has relates nothing and is not chosen.
// Candidates come only from the inverted lists of the article's features, rarest first, at most
// MAX_CANDIDATES of them. A candidate scoring under MIN_SCORE is left out (one person or topic
// alone is enough when it is not skipped as too common: idf ≥ 2.5 up to one article in eleven,
// and in a small archive the floor of COMMON_FLOOR articles decides), so an article with
// nothing strong in common with any other gets an empty list, never padding. Each side keeps its
// MAX_PER_SIDE best, by score, then the newer first (the archive's order, which breaks ties by
// id), so the same content always gives the same lists. They are then shown in date order,
// oldest first, on both sides (the archive's order reversed): a reader finds the two lists and
// the article as one timeline, the earlier side ending with the nearest before it and the later
// side beginning with the nearest after it. By score they read as random in a dated list.

/** How many related articles each side (earlier, later) shows at most. */
export const MAX_PER_SIDE = 5;
/** The lowest score a related article needs (see the formula above). */
const MIN_SCORE = 2.5;
/** How many distinctive terms stand for an article's words. */
const TERMS_PER_ARTICLE = 12;
/** How much of an article's text (UTF-16 code units) is read for its words: the lede and what follows. */
const TEXT_READ = LEDE_CHARS;
/** How many times a headline word counts against one in the body. */
const HEADLINE_WEIGHT = 3;
/** Weight of one shared distinctive term's idf, against 1 for a person or topic. */
const TERM_WEIGHT = 0.5;
/** Added for the same source, once the two share a person, topic or term. */
const SAME_SOURCE = 0.5;
/** A feature named by more than this share of the articles is skipped... */
const COMMON_SHARE = 0.05;
/** ...unless it is named by at most this many (small archives). */
const COMMON_FLOOR = 5;
/** The most candidates scored for one article. */
const MAX_CANDIDATES = 1000;

/** What relatedness looks at in one article: its features, and its words (RelatedWordsInput). */
export type RelatedInput = RelatedFeatures & RelatedWordsInput;

/**
 * An article's words: its headline and text, counted by relatedCoverage, or their TermCounts
 * counted already (by a termCounter, or kept from an earlier build).
 */
type RelatedWordsInput =
  | {
      /** Its headline. */
      title: string;
      /** Its other words: standfirst and body as plain text (Markdown syntax does no harm). */
      text: string;
      terms?: undefined;
    }
  | { terms: TermCounts };

/** What relatedness looks at in one article besides its words. */
interface RelatedFeatures {
  /** The article's id. */
  id: string;
  /** Its language's primary subtag, lower case ("en", "fr"): words relate within one language only. */
  language: string;
  /** Its source's id. */
  source: string;
  /** Ids of the people it names. */
  people: readonly string[];
  /** Its topics' keys (one per topic, as src/content/topics.ts topicKey gives them). */
  topics: readonly string[];
}

/**
 * An article's related articles, by id: `earlier` were published before it, `later` after; each
 * side holds its MAX_PER_SIDE best by score, in date order, oldest first.
 */
export interface RelatedLists {
  earlier: string[];
  later: string[];
}

/**
 * The words of a text as the related lists compare them: lower case without diacritics
 * (lowerWithoutAccents), split at anything but letters and digits, without words under three
 * characters, numbers, the stop words of `language` and its words of news reporting
 * (src/text/report-words.ts: "said", weekdays, months).
 */
export function relatedWords(text: string, language: string): string[] {
  return lowerWithoutAccents(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(
      (w) => [...w].length >= 3 && !/^\p{N}+$/u.test(w) && !isStopWord(w, language) && !isReportWord(w, language),
    );
}

/** A character of a run: a letter, digit or combining mark (tested on characters beyond ASCII). */
const RUN_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * The runs of letters, digits and combining marks (Unicode categories L, N and M) of a text, in
 * order: what `text.split(/[^\p{L}\p{N}\p{M}]+/u)` gives without its empty strings, found three
 * times faster by looking at ASCII characters by their codes (no word of relatedWords crosses
 * the edge of a run). A lone surrogate is not a run character, as in the expression.
 */
export function wordRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let inRun: boolean;
    let width = 1;
    if (c < 0x80) inRun = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      inRun = RUN_CHARACTER.test(String.fromCodePoint(cp));
    }
    if (inRun) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}

/** The highest df a feature may have in a collection of `n` articles before it counts as too common. */
function commonLimit(n: number): number {
  return Math.max(COMMON_FLOOR, Math.floor(COMMON_SHARE * n));
}

/** Smoothed inverse document frequency, ln(1 + n / df). */
function idf(n: number, df: number): number {
  return Math.log(1 + n / df);
}

/** A distinctive term of an article: its key ("language word") and its idf in that language. */
interface DistinctiveTerm {
  key: string;
  idf: number;
}

/**
 * An article's words as relatedness counts them: each word of relatedWords once, with its count,
 * a headline word counted HEADLINE_WEIGHT times, a word of the text once (only the first
 * TEXT_READ characters of the text are read). `words[k]` occurs `counts[k]` times; words in the
 * order they first occur.
 */
export interface TermCounts {
  words: string[];
  counts: number[];
}

/**
 * A function giving an article's TermCounts from its headline, its text and its language's
 * primary subtag. Each run of letters, digits and marks is folded once per language (relatedWords
 * on the run gives what it gives on the whole text) and remembered for the counter's next calls,
 * as news copy repeats its words: use one counter for a whole archive, then let it go.
 */
export function termCounter(): (title: string, text: string, language: string) => TermCounts {
  // Words as ids into the counter's own vocabulary, counted in a typed array that is reset after
  // each article (only the words it touched).
  const vocabulary = new Map<string, Map<string, number>>();
  const wordOf: string[] = [];
  const runs = new Map<string, Map<string, number[]>>();
  let tf = new Int32Array(1 << 16);
  return (title, text, language) => {
    let known = runs.get(language);
    if (known === undefined) runs.set(language, (known = new Map<string, number[]>()));
    let ids = vocabulary.get(language);
    if (ids === undefined) vocabulary.set(language, (ids = new Map<string, number>()));
    const idOf = (w: string) => {
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = wordOf.length));
        wordOf.push(w);
      }
      return id;
    };
    const touched: number[] = [];
    const add = (part: string, weight: number) => {
      for (const run of wordRuns(part)) {
        let found = known.get(run);
        if (found === undefined) known.set(run, (found = relatedWords(run, language).map(idOf)));
        for (const id of found) {
          if (id >= tf.length) {
            const grown = new Int32Array(Math.max(tf.length * 2, id + 1));
            grown.set(tf);
            tf = grown;
          }
          if (tf[id] === 0) touched.push(id);
          tf[id]! += weight;
        }
      }
    };
    add(title, HEADLINE_WEIGHT);
    add(text.slice(0, TEXT_READ), 1);
    const counts = touched.map((id) => tf[id]!);
    for (const id of touched) tf[id] = 0;
    return { words: touched.map((id) => wordOf[id]!), counts };
  };
}

/**
 * Each article's distinctive terms, TERMS_PER_ARTICLE at most, best first (tf-idf weight, then
 * the word). Words too common (commonLimit of the articles in that language) or only in this
 * article are left out.
 */
function distinctiveTerms(articles: readonly RelatedInput[]): DistinctiveTerm[][] {
  // Each article's words as ids into one vocabulary ("language word") with their counts, in
  // typed arrays: the texts are read once, one at a time (when an article has no TermCounts
  // given), and not kept.
  const vocabulary = new Map<string, Map<string, number>>();
  const keys: string[] = [];
  const df: number[] = [];
  const perLanguage = new Map<string, number>();
  const count = termCounter();
  const counted = articles.map((a) => {
    perLanguage.set(a.language, (perLanguage.get(a.language) ?? 0) + 1);
    const { words, counts } = a.terms === undefined ? count(a.title, a.text, a.language) : a.terms;
    let inLanguage = vocabulary.get(a.language);
    if (inLanguage === undefined) vocabulary.set(a.language, (inLanguage = new Map<string, number>()));
    const ids = new Int32Array(words.length);
    words.forEach((w, k) => {
      let id = inLanguage.get(w);
      if (id === undefined) {
        inLanguage.set(w, (id = keys.length));
        keys.push(`${a.language} ${w}`);
        df.push(0);
      }
      df[id]!++;
      ids[k] = id;
    });
    return { ids, tfs: counts };
  });
  return articles.map((a, i) => {
    const n = perLanguage.get(a.language)!;
    const limit = commonLimit(n);
    const { ids, tfs } = counted[i]!;
    const weighted: { key: string; idf: number; tfIdf: number }[] = [];
    ids.forEach((id, k) => {
      const d = df[id]!;
      if (d >= 2 && d <= limit)
        weighted.push({ key: keys[id]!, idf: idf(n, d), tfIdf: (1 + Math.log(tfs[k]!)) * idf(n, d) });
    });
    weighted.sort((x, y) => y.tfIdf - x.tfIdf || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return weighted.slice(0, TERMS_PER_ARTICLE).map(({ key, idf }) => ({ key, idf }));
  });
}

/**
 * The MAX_PER_SIDE indexes of `list` with the highest `score`, best first; of equal scores the
 * lower index (the newer article) first. One pass, as a list may hold hundreds of candidates.
 */
function topByScore(list: readonly number[], score: Float64Array): number[] {
  const top: number[] = [];
  const better = (x: number, y: number) => score[x]! > score[y]! || (score[x] === score[y] && x < y);
  for (const j of list) {
    if (top.length === MAX_PER_SIDE && !better(j, top[MAX_PER_SIDE - 1]!)) continue;
    let k = Math.min(top.length, MAX_PER_SIDE - 1);
    top[k] = j;
    while (k > 0 && better(j, top[k - 1]!)) {
      top[k] = top[k - 1]!;
      top[--k] = j;
    }
  }
  return top;
}

/**
 * The related lists of every article, by id (see the formula at the top of this file).
 * `articles` must be in the archive's order, newest first (src/site/grouping.ts newestFirst):
 * that order says which of two articles is earlier, and breaks ties in score. Time and memory are
 * linear in the number of articles for a bounded number of features per article.
 */
export function relatedCoverage(articles: readonly RelatedInput[]): Map<string, RelatedLists> {
  const n = articles.length;
  const terms = distinctiveTerms(articles);
  // One inverted list per feature, with the feature's weight; index i is newer than index i + 1.
  const postings = new Map<string, { weight: number; list: number[] }>();
  const termIdf = new Map<string, number>();
  for (const list of terms) for (const t of list) termIdf.set(`w ${t.key}`, t.idf);
  const featuresOf: string[][] = articles.map((a, i) => [
    ...new Set(a.people.map((p) => `p ${p}`)),
    ...new Set(a.topics.map((t) => `t ${t}`)),
    ...terms[i]!.map((t) => `w ${t.key}`),
  ]);
  featuresOf.forEach((features, i) => {
    for (const f of features) {
      const entry = postings.get(f) ?? { weight: 0, list: [] };
      entry.list.push(i);
      postings.set(f, entry);
    }
  });
  const limit = commonLimit(n);
  for (const [f, entry] of postings) {
    const df = entry.list.length;
    // A term was chosen by its df among all words of its language (distinctiveTerms); a person
    // or topic is weighed here.
    const termWeight = termIdf.get(f);
    if (termWeight !== undefined) entry.weight = TERM_WEIGHT * termWeight;
    else entry.weight = df > limit ? 0 : idf(n, df);
  }

  // Sources as small numbers: compared for every candidate, which as strings cost most of the time.
  const sourceIds = new Map<string, number>();
  const sourceOf = Int32Array.from(articles, (a) => {
    let id = sourceIds.get(a.source);
    if (id === undefined) sourceIds.set(a.source, (id = sourceIds.size));
    return id;
  });
  const score = new Float64Array(n);
  const seen = new Uint8Array(n);
  const result = new Map<string, RelatedLists>();
  articles.forEach((a, i) => {
    // Rarest (heaviest) features first, so the candidate bound keeps the strongest links.
    const features = featuresOf[i]!.map((f) => postings.get(f)!)
      .filter((e) => e.weight > 0)
      .sort((x, y) => y.weight - x.weight);
    const touched: number[] = [];
    for (const { weight, list } of features)
      for (let k = 0; k < list.length; k++) {
        const j = list[k]!;
        if (j === i) continue;
        if (!seen[j]) {
          if (touched.length >= MAX_CANDIDATES) continue;
          seen[j] = 1;
          touched.push(j);
        }
        score[j]! += weight;
      }
    const earlier: number[] = [];
    const later: number[] = [];
    for (const j of touched) {
      if (sourceOf[j] === sourceOf[i]) score[j]! += SAME_SOURCE;
      if (score[j]! >= MIN_SCORE) (j > i ? earlier : later).push(j);
    }
    // The best by score, shown in date order, oldest first (a higher index is older).
    const best = (list: number[]) =>
      topByScore(list, score)
        .sort((x, y) => y - x)
        .map((j) => articles[j]!.id);
    result.set(a.id, { earlier: best(earlier), later: best(later) });
    for (const j of touched) {
      score[j] = 0;
      seen[j] = 0;
    }
  });
  return result;
}
