import { compareDates, yearMonth, type ArchiveDate } from '../content/dates.ts';
import { articleTopics, topicLabels, topicSlug, type TopicLabel } from '../content/topics.ts';

// Grouping articles for the browse pages. Each grouping is one pass over the articles, done once
// per build, so adding people, topics or months never makes the build quadratic.

/** The minimum an article needs for grouping. */
export interface Groupable {
  id: string;
  people: PersonMention[];
  data: { published: ArchiveDate; topics: string[]; source: { id: string } };
}

/** A person named in an article, with the role the article gives them. */
export interface PersonMention {
  id: string;
  role?: string | undefined;
}

/** Appends an item to the list under a key, creating the list on first use. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Newest first by calendar day, then by the moment within the day (src/content/dates.ts); ties broken
 * by id so the order never depends on file-system order.
 */
export function newestFirst<T extends Groupable>(a: T, b: T): number {
  return compareDates(b.data.published, a.data.published) || a.id.localeCompare(b.id);
}

/** A topic's display name and its articles; names differing only in case are one topic (topics.ts). */
export interface TopicGroup<T> {
  name: string;
  slug: string;
  articles: T[];
}

/**
 * All groupings of a list that is already sorted newest first (each group keeps that order).
 * `labels` are the archive's topic spellings (topicLabels over every article); pass the
 * archive's own when grouping a subset, so a topic is shown under one name everywhere.
 */
export function groupArticles<T extends Groupable>(
  sorted: T[],
  labels: Map<string, TopicLabel> = topicLabels(sorted.map((a) => a.data.topics)),
) {
  const byPerson = new Map<string, T[]>();
  const bySource = new Map<string, T[]>();
  const byMonth = new Map<string, T[]>();
  const byTopic = new Map<string, TopicGroup<T>>();
  for (const article of sorted) {
    for (const mention of article.people) push(byPerson, mention.id, article);
    push(bySource, article.data.source.id, article);
    const { year, month } = yearMonth(article.data.published);
    push(byMonth, `${year}-${month}`, article);
    for (const name of articleTopics(article.data.topics, labels)) {
      const slug = topicSlug(name);
      const group = byTopic.get(slug) ?? { name, slug, articles: [] };
      if (group.articles.at(-1) !== article) group.articles.push(article);
      byTopic.set(slug, group);
    }
  }
  return { byPerson, bySource, byMonth, byTopic, topicLabels: labels };
}

/** Years with their months (newest first) and article counts, for the date archive. */
export function calendar(byMonth: Map<string, unknown[]>) {
  const years = new Map<string, { month: string; count: number }[]>();
  for (const [key, list] of [...byMonth].sort((a, b) => b[0].localeCompare(a[0]))) {
    const [year = '', month = ''] = key.split('-');
    push(years, year, { month, count: list.length });
  }
  return [...years].map(([year, months]) => ({ year, months, count: months.reduce((n, m) => n + m.count, 0) }));
}
