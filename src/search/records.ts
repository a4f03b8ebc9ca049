import type { CheckResult } from '../content/check.ts';
import { isPublic } from '../content/schema.ts';
import { namedOnlyWhenHidden } from '../content/withheld.ts';
import { planArchiveParts, type SearchPart } from './parts.ts';
import { dateSortKey, datelineText, isoDay, yearOf } from '../content/dates.ts';
import { bylineText } from '../content/names.ts';
import { primaryLanguage } from '../site/text-direction.ts';
import { visibleText } from '../site/visible-text.ts';
import { articleTopics, topicLabels } from '../content/topics.ts';
import { articleAuthors, bylineAuthors } from '../content/authors.ts';
import {
  EARLIER_VERSIONS,
  LATEST_WORDS,
  PART_FILTER,
  PERSON_PLACE_DIGITS,
  PERSON_SORT_KEY,
  SORT_KEY,
  type MetaField,
  type SearchRecord,
} from './contract.ts';
import { earlierPassagesOf, recordContent, type EarlierPassage } from './earlier-versions.ts';
import { compareCaptures, versionsByArticle } from '../content/version-entries.ts';
import { figureTokens } from './figures.ts';
import { articleQuotes, quotePeople } from '../render/article-quotes.ts';
import { distinctWords } from '../text/distinct-words.ts';

// What the search index holds, built straight from the content (not by re-reading the built
// HTML), so Pagefind can index while Astro is still rendering pages. One record per public
// article and per person page; URLs are site paths without the base, as Pagefind expects.
//
// A record holds the words a reader sees and nothing else. Its `content` (what Pagefind cuts
// excerpts from) is the article's own text: the standfirst and the body's visible text, taken
// from the same sanitized HTML the page shows. Everything else the page prints about the article
// (headline, byline, source, date, topics, organizations, and the people it names with their
// roles and other names) goes into metadata fields, which Pagefind also searches and weights
// (ranking.metaWeights on the search page) but never shows as an excerpt. So a search for an
// alias finds the article, while the excerpt stays a passage of the article.

/** A record with every string made well-formed: Pagefind's service stops on a lone UTF-16 surrogate. */
function wellFormed(r: SearchRecord): SearchRecord {
  const fix = (v: string) => v.toWellFormed();
  const map = <K extends string>(o: Partial<Record<K, string>>) =>
    Object.fromEntries(Object.entries<string | undefined>(o).map(([k, v]) => [k, v && fix(v)])) as Partial<
      Record<K, string>
    >;
  const filters = Object.fromEntries(Object.entries<string[] | undefined>(r.filters).map(([k, v]) => [k, v?.map(fix)]));
  return { ...r, content: fix(r.content), meta: map(r.meta), filters, ...(r.sort && { sort: map(r.sort) }) };
}

/** Metadata with empty fields left out (Pagefind would index an empty field for nothing). */
function present(meta: Partial<Record<MetaField, string>>): Partial<Record<MetaField, string>> {
  return Object.fromEntries(Object.entries(meta).filter((e) => Boolean(e[1])));
}

/**
 * The people the site gives a page: all but those named only by articles it does not show
 * (namedOnlyWhenHidden, the rule the pages follow), so no person record points at a page that was
 * not built.
 */
function shownPeople(entries: CheckResult['entries']): CheckResult['entries']['people'] {
  // Once per checked content, not once per search part.
  let shown = shownPeopleOf.get(entries);
  if (!shown) shownPeopleOf.set(entries, (shown = peopleNotWithheld(entries)));
  return shown;
}

const shownPeopleOf = new WeakMap<CheckResult['entries'], CheckResult['entries']['people']>();

function peopleNotWithheld(entries: CheckResult['entries']): CheckResult['entries']['people'] {
  const withheld = namedOnlyWhenHidden(
    entries.articles.flatMap((a) => namedPeople(a).map((id) => [isPublic(a.data), id] as const)),
  );
  return entries.people.filter((p) => !withheld.has(p.id));
}

/** The quotes of an article given to one of its people: the person's id and the quoted words. */
type AttributedQuote = { person: string; text: string };

/**
 * The attributed quotes of each article whose record was made, by checked content: the person
 * records carry their quotes (searchPersonQuotes) without finding them again.
 */
const quotesSeen = new WeakMap<CheckResult['entries'], Map<string, AttributedQuote[]>>();

/** The map of quotesSeen for `entries`. */
function seenQuotes(entries: CheckResult['entries']): Map<string, AttributedQuote[]> {
  let seen = quotesSeen.get(entries);
  if (!seen) quotesSeen.set(entries, (seen = new Map<string, AttributedQuote[]>()));
  return seen;
}

type CheckedArticle = CheckResult['entries']['articles'][number];

/**
 * An article's quotes given to its people (src/render/article-quotes.ts, the pages' own rule
 * and cache), from its body's sanitized HTML; remembered for the person records.
 */
function attributedQuotes(
  article: CheckedArticle,
  html: string,
  people: ReadonlyMap<string, { name: string; aliases: string[] }>,
  entries: CheckResult['entries'],
): AttributedQuote[] {
  const a = article.data;
  const quotes = articleQuotes(html, {
    language: a.language,
    people: quotePeople(
      a.people.map((p) => (typeof p === 'string' ? { id: p } : p)),
      people,
    ),
    corrections: (a as { quotes?: { text: string; person?: string; remove?: boolean }[] }).quotes ?? [],
  });
  const attributed = quotes.flatMap((q) => (q.person === null ? [] : [{ person: q.person, text: q.quote.text }]));
  seenQuotes(entries).set(article.id, attributed);
  return attributed;
}

/** The ids of the people an article names (its front matter's `people`), the only ones its quotes can be given to. */
function namedPeople(article: CheckedArticle): string[] {
  return article.data.people.map((p) => (typeof p === 'string' ? p : p.id));
}

/**
 * The ids of the person records of `part`, in the order the part holds them (by id); empty for a
 * part of articles.
 */
export function partPeople(entries: CheckResult['entries'], part: SearchPart): string[] {
  if (part.people === 0) return [];
  return shownPeople(entries)
    .map((p) => p.id)
    .toSorted((a, b) => a.localeCompare(b))
    .slice(part.peopleFrom, part.peopleFrom + part.people);
}

/**
 * The articles that can give quotes to any of `ids` (a set of person ids): those naming one of
 * them, since an article's quotes go only to the people it names (quotePeople, article-quotes.ts).
 * What a part of person records is made from, beside the people's own details.
 */
export function articlesQuoting(
  entries: CheckResult['entries'],
  ids: ReadonlySet<string>,
): CheckResult['entries']['articles'] {
  return entries.articles.filter((a) => namedPeople(a).some((id) => ids.has(id)));
}

/**
 * The quotes of the people `ids` across the public articles, by person id: what their search
 * records carry. Only the articles naming one of them are read (articlesQuoting); articles whose
 * record was made in this build are not read again, the others (in parts reused from an earlier
 * build) are.
 */
async function searchPersonQuotes(
  entries: CheckResult['entries'],
  bodyHtml: (path: string) => Promise<string>,
  people: ReadonlyMap<string, { name: string; aliases: string[] }>,
  ids: ReadonlySet<string>,
): Promise<Map<string, string[]>> {
  const seen = seenQuotes(entries);
  const byPerson = new Map<string, string[]>();
  for (const article of articlesQuoting(entries, ids)) {
    if (!isPublic(article.data)) continue;
    const quotes = seen.get(article.id) ?? attributedQuotes(article, await bodyHtml(article.path), people, entries);
    for (const q of quotes) {
      const list = byPerson.get(q.person);
      if (list) list.push(q.text);
      else byPerson.set(q.person, [q.text]);
    }
  }
  return byPerson;
}

/** What a record prints that the spellings of the whole archive decide. */
interface RecordLabels {
  /** Each topic's label: the spelling most public articles use (topicLabels). */
  labels: ReturnType<typeof topicLabels>;
  /** The author filter names whom each byline names, by the pages' rule (src/content/authors.ts). */
  authorOf: ReturnType<typeof bylineAuthors>;
}

const recordLabelsOf = new WeakMap<CheckResult['entries'], RecordLabels>();

/** The labels of `entries`, worked out once per checked content (not once per part). */
function recordLabels(entries: CheckResult['entries']): RecordLabels {
  let found = recordLabelsOf.get(entries);
  if (!found) {
    const shown = entries.articles.filter((a) => isPublic(a.data));
    found = {
      labels: topicLabels(shown.map((a) => a.data.topics)),
      authorOf: bylineAuthors(
        shown.map((a) => a.data.authors),
        shownPeople(entries),
      ),
    };
    recordLabelsOf.set(entries, found);
  }
  return found;
}

/**
 * What the record of `article` prints that other articles decide: its topics' labels and its
 * authors' names, spelled as most of the archive spells them (topicLabels, bylineAuthors), as
 * `[topics, authors]`. An edit elsewhere can change them, so they are part of what a part's index
 * is made from (src/build/search-index.ts).
 */
export function labelsOfArticle(entries: CheckResult['entries'], article: CheckedArticle): [string[], string[]] {
  const { labels, authorOf } = recordLabels(entries);
  return [
    articleTopics(article.data.topics, labels),
    articleAuthors(article.data.authors, authorOf).map((a) => a.name),
  ];
}

/** The search parts of checked content, each at most `size` records (see planArchiveParts). */
export function planFor(checked: Pick<CheckResult, 'entries'>, size: number): SearchPart[] {
  return planArchiveParts(checked.entries.articles, shownPeople(checked.entries).length, size);
}

/**
 * Search records for one part: its articles and people, one at a time. `bodyHtml` gives the
 * sanitized HTML of an article file's body (the page's own rendering, see article-body.ts); bodies
 * are read as each record is made, so an archive of any size never has them all in memory. When
 * the index has several parts, every record carries its part number as a hidden `part` filter
 * (the search page orders results by date part by part). Person records have no date: the
 * search page adds them after the dated results of a search in date order, in the order of their
 * own sort key (PERSON_SORT_KEY: their place among the people by id, the order the parts hold them in).
 */
export async function* searchRecords(
  { entries }: Pick<CheckResult, 'entries'>,
  bodyHtml: (path: string) => Promise<string>,
  part: SearchPart,
  parts = 1,
): AsyncGenerator<SearchRecord> {
  const people = new Map(entries.people.map((p) => [p.id, p.data]));
  const sources = new Map(entries.sources.map((s) => [s.id, s.data.name]));
  const articles = new Map(entries.articles.map((a) => [a.id, a]));
  const { labels, authorOf } = recordLabels(entries);
  const partFilter = parts > 1 ? { [PART_FILTER]: [String(part.n)] } : {};
  // Earlier versions, oldest first: their passages the latest text lacks still find the article.
  const versions = versionsByArticle(
    (entries.versions ?? []).toSorted((x, y) => compareCaptures(x.data.captured, y.data.captured)),
  );
  for (const id of part.articles) {
    const { path, data: a } = articles.get(id)!;
    const mentions = a.people
      .map((p) => (typeof p === 'string' ? { id: p, role: undefined } : p))
      .flatMap((m) => (people.has(m.id) ? [{ ...people.get(m.id)!, role: m.role }] : []));
    const day = isoDay(a.published!);
    const source = sources.get(a.source!) ?? a.source!;
    const topics = articleTopics(a.topics, labels);
    const byline = bylineText(a.authors);
    const html = await bodyHtml(path);
    const latest = [a.dek, visibleText(html)].filter(Boolean).join('\n\n');
    const quoted = attributedQuotes(articles.get(id)!, html, people, entries).map((q) => people.get(q.person)!.name);
    // An earlier version's headline, standfirst, text and byline: what it printed that the latest
    // (its text, headline and byline) no longer does is searchable as earlier passages.
    const earlier: EarlierPassage[] = [];
    for (const v of versions.get(id) ?? [])
      earlier.push({
        text: [v.data.title, v.data.dek, visibleText(await bodyHtml(v.path)), bylineText(v.data.authors)]
          .filter(Boolean)
          .join('\n\n'),
        version: v.id.split('/').at(-1)!,
      });
    const printed = [a.title, latest, byline].filter(Boolean).join('\n\n');
    const { content, latestWords, earlierVersions } = recordContent(latest, earlierPassagesOf(printed, earlier));
    yield wellFormed({
      url: `/articles/${id}/`,
      content,
      language: primaryLanguage(a.language),
      meta: present({
        title: a.title,
        date: datelineText(a.published!, a.publishedInferred),
        day,
        source,
        byline,
        people: mentions.map((p) => [p.name, p.role, ...p.aliases].filter(Boolean).join(', ')).join('; '),
        topics: topics.join(', '),
        organizations: a.organizations.join(', '),
        // Hidden: a token per figure printed, so a figure typed as printed finds it (figures.ts).
        figures: figureTokens(`${a.title}\n${content}`).join(' '),
      }),
      filters: {
        // Each value once: Pagefind counts a record once per value it holds.
        person: [...new Set(mentions.map((p) => p.name))],
        // Who is quoted: the people of the article its quotes are given to.
        quoted: [...new Set(quoted)],
        author: [...new Set(articleAuthors(a.authors, authorOf).map((au) => au.name))],
        source: [source],
        topic: topics,
        year: [yearOf(a.published!)],
        ...partFilter,
        // A hidden filter, not metadata: Pagefind searches every metadata field, so a search for
        // the number would find the article.
        ...(latestWords !== undefined && { [LATEST_WORDS]: [String(latestWords)] }),
        // Which version each earlier passage is from, for the result to link to it.
        ...(earlierVersions !== undefined && { [EARLIER_VERSIONS]: [earlierVersions] }),
      },
      sort: { [SORT_KEY]: dateSortKey(a.published!) },
    });
  }
  const ids = partPeople(entries, part);
  const quotesBy =
    ids.length > 0 ? await searchPersonQuotes(entries, bodyHtml, people, new Set(ids)) : new Map<string, string[]>();
  for (const [i, id] of ids.entries()) {
    const p = people.get(id)!;
    yield wellFormed({
      url: `/people/${id}/`,
      // The page's own words: its description, or its name when it has none (Pagefind needs text).
      content: p.description || p.name,
      language: 'en',
      meta: present({
        title: p.name,
        aliases: p.aliases.join('; '),
        // What they are quoted as saying in the archive's articles: their words find their page.
        // Each word once: every occurrence made the most quoted people's records the index's
        // largest (docs/performance.md, "Quotes' cost, divided").
        quotes: distinctWords(quotesBy.get(id) ?? []),
        figures: figureTokens(p.description ?? '').join(' '),
      }),
      filters: { ...partFilter },
      sort: { [PERSON_SORT_KEY]: String(part.peopleFrom + i).padStart(PERSON_PLACE_DIGITS, '0') },
    });
  }
}
