import { dateSortKey, isoDay, type ArchiveDate } from '../content/dates.ts';
import { isPublic } from '../content/schema.ts';
import { setting } from '../content/settings.ts';
import { primaryLanguage } from '../site/text-direction.ts';

// How the search index is split. Pagefind's indexer holds a whole index in memory while writing
// it, and its memory grows with the records (about 300 kB each; see docs/performance.md,
// "Figures behind the code"), so a large archive is indexed in parts of at most `size` records, one after another, and the
// search page merges them (Pagefind's mergeIndex). Each part holds whole months of one language,
// packed oldest first, so adding or editing an article changes one part and leaves the others,
// and their cached index files, as they were. An archive that fits in one part has one index.
// The plan is a pure function of the public articles and the people. The build computes it once,
// from the checked content, writes the parts by it and hands what each search page loads to the
// pages (src/build/search-parts-module.ts), so the index and the pages always agree.

/** One article as the plan sees it. */
export interface PlannedArticle {
  id: string;
  /** Publication day, YYYY-MM-DD. */
  day: string;
  /**
   * The records' sort key of its publication (dateSortKey, src/content/dates.ts: the day, then the
   * moment within it), so that a day cut between two parts is cut in the order search shows; the
   * day when not given.
   */
  at?: string;
  /** Pagefind language code. */
  language: string;
}

/** One part: a Pagefind index of its own. */
export interface SearchPart {
  /** Part number, also the value of the hidden `part` filter of its records. */
  n: number;
  /**
   * Folder under the site's pagefind/ folder: '' for a single index, part-N/ for each of several
   * (no part's folder may contain another's: Pagefind skips merging an index inside the primary's).
   */
  dir: string;
  language: string;
  /** The articles in it, oldest first, as ids; empty for a part of people. */
  articles: string[];
  /** How many person records it holds, and where they start in the people sorted by id. */
  people: number;
  peopleFrom: number;
  /** First and last publication day of its articles. */
  from?: string;
  to?: string;
}

/**
 * The part size for this build, in records: ARCHIVE_SEARCH_PART_SIZE (src/content/settings.ts).
 * @throws SettingsError naming the variable when it is not a whole number of at least 1.
 */
export function partSize(env: Record<string, string | undefined> = process.env): number {
  return setting('ARCHIVE_SEARCH_PART_SIZE', env);
}

/** Consecutive runs of `items` with the same key (items already sorted by that key). */
function runs<T>(items: T[], key: (t: T) => string): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && key(last[0]!) === key(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** Packs whole months into groups of at most `size`; a month larger than that is cut in pieces. */
function pack(articles: PlannedArticle[], size: number): PlannedArticle[][] {
  const groups: PlannedArticle[][] = [];
  let current: PlannedArticle[] = [];
  for (const month of runs(articles, (a) => a.day.slice(0, 7))) {
    if (current.length > 0 && current.length + month.length > size) {
      groups.push(current);
      current = [];
    }
    for (let i = 0; i < month.length; i += size) {
      const piece = month.slice(i, i + size);
      if (current.length + piece.length > size) {
        groups.push(current);
        current = [];
      }
      current.push(...piece);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The parts for these articles and this many person pages, each part at most `size` records
 * (articles and person pages count one record each).
 */
export function planSearchParts(articles: PlannedArticle[], people: number, size: number): SearchPart[] {
  const when = (a: PlannedArticle) => a.at ?? a.day;
  const byDay = [...articles].sort((a, b) =>
    when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.id.localeCompare(b.id),
  );
  const part = (n: number, fields: Omit<SearchPart, 'n' | 'dir'>, single = false): SearchPart => ({
    n,
    dir: single ? '' : `part-${n}/`,
    ...fields,
  });
  const span = (group: PlannedArticle[]) => (group.length > 0 ? { from: group[0]!.day, to: group.at(-1)!.day } : {});
  if (articles.length + people <= size) {
    // One index for everything (all languages; Pagefind separates them inside one index).
    return [part(0, { language: '', articles: byDay.map((a) => a.id), people, peopleFrom: 0, ...span(byDay) }, true)];
  }
  const parts: SearchPart[] = [];
  // People first: their part changes only when a person is added, and it is small.
  for (let i = 0; i < people; i += size)
    parts.push(part(parts.length, { language: 'en', articles: [], people: Math.min(size, people - i), peopleFrom: i }));
  const languages = [...new Set(byDay.map((a) => a.language))].sort();
  for (const language of languages)
    for (const group of pack(
      byDay.filter((a) => a.language === language),
      size,
    ))
      parts.push(
        part(parts.length, { language, articles: group.map((a) => a.id), people: 0, peopleFrom: 0, ...span(group) }),
      );
  return parts;
}

/** An article entry as the checker gives it: what the plan reads of it. */
export interface ArticleToPlan {
  id: string;
  data: {
    draft?: boolean | undefined;
    published?: ArchiveDate | Date | undefined;
    source?: unknown;
    url?: unknown;
    language: string;
  };
}

/**
 * The parts of an archive: its public articles (drafts and articles the site leaves out are
 * skipped here) by publication day and primary language, and `people` person pages (a count), in
 * parts of at most `size` records.
 */
export function planArchiveParts(articles: readonly ArticleToPlan[], people: number, size: number): SearchPart[] {
  const planned = articles
    .filter((a) => isPublic(a.data))
    .map(({ id, data }) => ({
      id,
      day: isoDay(data.published!),
      at: dateSortKey(data.published!),
      language: primaryLanguage(data.language),
    }));
  return planSearchParts(planned, people, size);
}

/** What a search page in `language` loads: its parts, and its article parts oldest first. */
export interface PageParts {
  /** Part folders to load (the first one is Pagefind's primary index). */
  dirs: string[];
  /** Part numbers holding articles, oldest articles first (for ordering by date across parts). */
  byDate: number[];
  /** Part numbers holding only undated records (person pages), listed after the dated ones. */
  undated: number[];
}

/**
 * What the search pages load: for each language with parts of its own (and English), its
 * PageParts; `other` for any other language (the single index, or nothing).
 */
export interface SearchPagesParts {
  byLanguage: Record<string, PageParts>;
  other: PageParts;
}

/** What every search page loads under a plan (see partsForLanguage), as the build hands it to pages. */
export function pagePartsOfPlan(parts: SearchPart[]): SearchPagesParts {
  const languages = new Set(['en', ...parts.map((p) => p.language).filter(Boolean)]);
  return {
    byLanguage: Object.fromEntries([...languages].map((l) => [l, partsForLanguage(parts, l)])),
    // A language no part is in: only a part of every language ('', the single index) is its.
    other: partsForLanguage(parts, ''),
  };
}

/** The parts the search page in `language` loads. */
export function pagePartsFor(pages: SearchPagesParts, language: string): PageParts {
  return pages.byLanguage[language] ?? pages.other;
}

/** The parts a search page in `language` needs. */
export function partsForLanguage(parts: SearchPart[], language: string): PageParts {
  const mine = parts.filter(
    (p) => p.language === '' || (p.language === language && (p.articles.length > 0 || p.people > 0)),
  );
  const withArticles = mine.filter((p) => p.articles.length > 0);
  // Start with an article part: it carries the wasm for this language.
  const first = withArticles[0] ?? mine[0];
  const ordered = first ? [first, ...mine.filter((p) => p !== first)] : [];
  const undated = mine.filter((p) => p.articles.length === 0).map((p) => p.n);
  return { dirs: ordered.map((p) => p.dir), byDate: withArticles.map((p) => p.n), undated };
}
