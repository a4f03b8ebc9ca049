import { EARLIER_VERSIONS, LATEST_WORDS, MATCHED_IN } from '../contract.ts';
import { earlierMatch, excerptIn, versionAt, type ExcerptRun } from '../earlier-versions.ts';
import type { LoadedResult } from './search-engine.ts';

// What one result shows, decided from its data alone (no page code): the results view
// (results-view.ts) turns it into a list item.

/** One result as the reader sees it. */
export interface ResultSummary {
  /** The source's name above the headline; "Person" for a person page. */
  kicker: string;
  title: string;
  url: string;
  /** The date line as the article page prints it, and its day (YYYY-MM-DD) when known. */
  date?: { text: string; day?: string };
  /** The byline as printed ("Tom Whitaker, Ana Ruiz"), when the article has one. */
  byline?: string;
  /**
   * Set when the words are only in passages of earlier versions (after the latest text's words:
   * src/search/earlier-versions.ts): the version page whose passage has them (the earliest version
   * that had it), or else the article's list of versions.
   */
  earlierVersion?: string;
  /** The passage: text runs with the matched ones marked, or Pagefind's excerpt (text and <mark> only); no runs: none is shown. */
  excerpt: { runs: ExcerptRun[] } | { pagefind: string };
  /** "Found by the headline.": what a match was on, when the passage shows no highlighted word. */
  matchNote?: string;
}

/** An excerpt's text as read: its runs, or Pagefind's excerpt without its tags and with its few character references decoded. */
function excerptText(excerpt: ResultSummary['excerpt']): string {
  if ('runs' in excerpt) return excerpt.runs.map((r) => r.text).join('');
  const refs: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
  return excerpt.pagefind.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, r: string) => refs[r]!);
}

/** Text with each run of white space one space, none at the ends. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The summary of a loaded result, found by the words `query` (the search box's text). A result is
 * found in an earlier version when a word or phrase of the query is only in the passages of
 * earlier versions, not in the latest text or the record's metadata (earlierMatch).
 */
export function resultSummary({ result, data }: LoadedResult, query = ''): ResultSummary {
  const person = !data.meta.source;
  const boundary = data.filters?.[LATEST_WORDS]?.[0];
  const latestWords = boundary === undefined ? undefined : Number(boundary);
  const locations = data.locations ?? [];
  const printed = Object.values(data.meta).join('\n');
  const at = earlierMatch(data.content, locations, latestWords, query, printed);
  const earlier = at !== undefined;
  let earlierVersion: string | undefined;
  if (earlier) {
    const version = versionAt(at, data.filters?.[EARLIER_VERSIONS]?.[0]);
    earlierVersion = version ? `${data.url}versions/${version}/` : `${data.url}#versions`;
  }
  const excerpt = earlier
    ? // From a third of an excerpt before those words (as excerptIn centres a match).
      { runs: excerptIn(data.content, locations, Math.max(latestWords!, at - 10)) }
    : latestWords !== undefined && locations.some((l) => l >= latestWords)
      ? { runs: excerptIn(data.content, locations, 0, latestWords) }
      : { pagefind: data.excerpt };
  const title = data.meta.title ?? data.url;
  // A person page without a description has only its name as text: the name under the name
  // repeats it, so the result shows none (and says it was found by the name).
  const shown = person && squeezed(excerptText(excerpt)) === squeezed(title) ? { runs: [] } : excerpt;
  const marked = 'runs' in shown ? shown.runs.some((r) => r.mark) : /<mark\b/i.test(shown.pagefind);
  // Matched on a name or the headline only: say so, since the passage shows no highlighted word.
  const where = (result.matchedMetaFields ?? []).map((f) =>
    person && (f === 'title' || f === 'aliases') ? 'name' : MATCHED_IN[f as keyof typeof MATCHED_IN],
  );
  const found = [...new Set(where.filter(Boolean))];
  return {
    kicker: data.meta.source ?? 'Person',
    title,
    url: data.url,
    ...(data.meta.date && { date: { text: data.meta.date, ...(data.meta.day && { day: data.meta.day }) } }),
    ...(data.meta.byline && { byline: data.meta.byline }),
    ...(earlierVersion && { earlierVersion }),
    excerpt: shown,
    ...(!marked && found.length > 0 && { matchNote: `Found by ${found.join(' and ')}.` }),
  };
}
