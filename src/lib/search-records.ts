import type { CheckResult } from './validate-content.ts';
import { isPublished } from './schema.ts';
import { planSearchParts, type PlannedArticle, type SearchPart } from './search-parts.ts';
import { isoDay } from './dates.ts';
import { primaryLanguage } from './text-direction.ts';

// What the search index holds, built straight from the content (not by re-reading the built
// HTML), so Pagefind can index while Astro is still rendering pages. One record per published
// article and per person page; URLs are site paths without the base, as Pagefind expects.

/** A Pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/** Readable text of a Markdown body for indexing: markup, link targets and HTML tags removed. */
export function markdownText(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/[|*_~`]+/g, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A record with every string made well-formed: Pagefind's service stops on a lone UTF-16 surrogate. */
function wellFormed(r: SearchRecord): SearchRecord {
  const fix = (v: string) => v.toWellFormed();
  const map = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fix(v)]));
  const filters = Object.fromEntries(Object.entries(r.filters).map(([k, v]) => [k, v.map(fix)]));
  return { ...r, content: fix(r.content), meta: map(r.meta), filters, ...(r.sort && { sort: map(r.sort) }) };
}

/** The published articles as the search parts are planned from them. */
export function plannedArticles({ entries }: Pick<CheckResult, 'entries'>): PlannedArticle[] {
  return entries.articles
    .filter((a) => isPublished(a.data))
    .map(({ id, data }) => ({ id, day: isoDay(data.published!), language: primaryLanguage(data.language) }));
}

/** The search parts of checked content. */
export function planFor(checked: Pick<CheckResult, 'entries'>, size: number): SearchPart[] {
  return planSearchParts(plannedArticles(checked), checked.entries.people.length, size);
}

/**
 * Search records for one part: its articles and people, one at a time. Bodies are read from disk
 * as each record is made, so an archive of any size never has them all in memory. When the index
 * has several parts, every article record carries its part number as a hidden `part` filter (the
 * search page orders results by date part by part).
 */
export function* searchRecords(
  { entries }: Pick<CheckResult, 'entries'>,
  readBody: (path: string) => string,
  part: SearchPart,
  parts = 1,
): Generator<SearchRecord> {
  const people = new Map(entries.people.map((p) => [p.id, p.data]));
  const sources = new Map(entries.sources.map((s) => [s.id, s.data.name]));
  const articles = new Map(entries.articles.map((a) => [a.id, a]));
  for (const id of part.articles) {
    const { path, data: a } = articles.get(id)!;
    const mentions = a.people
      .map((p) => (typeof p === 'string' ? { id: p, role: undefined } : p))
      .flatMap((m) => (people.has(m.id) ? [{ ...people.get(m.id)!, role: m.role }] : []));
    const day = isoDay(a.published!);
    const source = sources.get(a.source!) ?? a.source!;
    const facts = mentions.map((p) => [p.name, p.role, ...p.aliases].filter(Boolean).join(', '));
    yield wellFormed({
      url: `/articles/${id}/`,
      content: [a.title, a.dek, markdownText(readBody(path)), ...facts, ...a.organizations, ...a.topics]
        .filter(Boolean)
        .join('\n\n'),
      language: primaryLanguage(a.language),
      meta: { title: a.title, date: day, source },
      filters: {
        person: mentions.map((p) => p.name),
        source: [source],
        topic: a.topics,
        year: [day.slice(0, 4)],
        ...(parts > 1 && { part: [String(part.n)] }),
      },
      sort: { date: day },
    });
  }
  const byId = entries.people.toSorted((a, b) => a.id.localeCompare(b.id));
  for (const { id, data: p } of byId.slice(part.peopleFrom, part.peopleFrom + part.people))
    yield wellFormed({
      url: `/people/${id}/`,
      content: [p.name, ...p.aliases, p.description].join('\n\n'),
      language: 'en',
      meta: { title: p.name },
      filters: {},
    });
}
