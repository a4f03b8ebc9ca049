import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { page } from './dist.ts';

// Coverage over time worked out from the content folder alone (front matter read with the yaml
// package), sharing no code with the site, and read back from a built site: the bars of a chart,
// and the articles a bar's link leads to. The rule the site states (src/site/coverage.ts): an
// article is placed by the calendar day its `published` text gives; a span of at most 24
// calendar months is charted by month, of at most 32 calendar quarters by quarter, else by year;
// every bin from the first to the last is drawn, empty ones as zero.

/** A public article's facts the charts count by. */
export interface OracleArticle {
  /** The article's id: its path under articles/ without ".md". */
  id: string;
  /** "YYYY-MM-DD" as its front matter writes it. */
  day: string;
  people: string[];
  topics: string[];
  source: string;
}

/** A bin as the chart must draw it: its tooltip, and the ids of its articles. */
export interface ExpectedBin {
  title: string;
  ids: string[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The public articles of a content folder (not drafts; with a source, an address and a date). */
export async function publicArticles(content: string): Promise<OracleArticle[]> {
  const dir = path.join(content, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md'));
  const articles: OracleArticle[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    const data = parse(front) as Record<string, unknown>;
    if (data.draft === true || !data.source || !data.url || !data.published) continue;
    const people = ((data.people as unknown[] | undefined) ?? []).map((p) =>
      typeof p === 'string' ? p : (p as { id: string }).id,
    );
    articles.push({
      id: file.replace(/\.md$/, '').split(path.sep).join('/'),
      day: (data.published as string).slice(0, 10),
      people,
      topics: (data.topics as string[] | undefined) ?? [],
      source: data.source as string,
    });
  }
  return articles;
}

/** The bins of a set of articles by the rule above, oldest first. */
export function expectedBins(articles: OracleArticle[]): ExpectedBin[] {
  if (articles.length === 0) return [];
  const monthOf = (a: OracleArticle) => Number(a.day.slice(0, 4)) * 12 + Number(a.day.slice(5, 7)) - 1;
  const months = articles.map(monthOf);
  const [lo, hi] = [Math.min(...months), Math.max(...months)];
  const size = hi - lo + 1 <= 24 ? 1 : Math.floor(hi / 3) - Math.floor(lo / 3) + 1 <= 32 ? 3 : 12;
  const label = (start: number) => {
    const year = Math.floor(start / 12);
    const month = start % 12;
    if (size === 1) return `${MONTHS[month]} ${year}`;
    if (size === 3) return `${MONTHS[month]}–${MONTHS[month + 2]} ${year}`;
    return String(year);
  };
  const bins: ExpectedBin[] = [];
  for (let start = lo - (lo % size); start <= hi; start += size) {
    const ids = articles.filter((_, i) => months[i]! >= start && months[i]! < start + size).map((a) => a.id);
    bins.push({ title: `${label(start)}: ${ids.length} ${ids.length === 1 ? 'article' : 'articles'}`, ids });
  }
  return bins;
}

/** A chart's bars as drawn: each bin's <title> and its link (null for a bin without one). */
export function chartBars(doc: Document): { title: string; href: string | null }[] {
  const svg = doc.querySelector('svg.coverage-chart');
  if (!svg) return [];
  return [...svg.children]
    .filter((e) => e.tagName.toLowerCase() === 'a' || e.tagName.toLowerCase() === 'g')
    .map((e) => ({
      title: (e.querySelector('title')?.textContent ?? '').trim(),
      href: e.tagName.toLowerCase() === 'a' ? e.getAttribute('href') : null,
    }));
}

/** The chart's table as the bars' titles would read it: "March 2019: 4 articles". */
export function tableRows(doc: Document): string[] {
  return [...doc.querySelectorAll('details.coverage-table tbody tr')].map((tr) => {
    const label = (tr.querySelector('th')?.textContent ?? '').trim();
    const n = Number((tr.querySelector('td')?.textContent ?? '').trim());
    return `${label}: ${n} ${n === 1 ? 'article' : 'articles'}`;
  });
}

/** The list a chart on a person page counts (the one under "… naming …"); elsewhere the page's list. */
function chartedList(doc: Document): Element | null {
  const naming = [...doc.querySelectorAll('main h2')].find((h) => / naming /.test(h.textContent ?? ''));
  let el = naming?.nextElementSibling;
  while (el && !(el.tagName === 'OL' && el.classList.contains('article-list'))) el = el.nextElementSibling;
  return el ?? doc.querySelector('ol.article-list');
}

/** The id of the article a list item shows. */
function itemId(li: Element, base: string): string {
  const href = li.querySelector('h2 a, h3 a')?.getAttribute('href') ?? '';
  return href.slice(`${base}articles/`.length).replace(/\/$/, '');
}

/**
 * The ids of the articles a bar's link leads to, read as a reader would: without a fragment, the
 * whole list of the page it opens; with one, the list from the item with that id to the next item
 * where another bin begins (an id "coverage-…"), going on to the list's next pages (rel="next")
 * while the bin runs on. Throws when the link's page or item is missing.
 */
export async function listedAt(dist: string, base: string, href: string): Promise<string[]> {
  const url = new URL(href, 'https://archive.example.org');
  if (!url.pathname.startsWith(base)) throw new Error(`${href} is outside the base path ${base}`);
  let doc = await page(dist, `/${url.pathname.slice(base.length)}`);
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (!fragment) return [...(chartedList(doc)?.children ?? [])].map((li) => itemId(li, base));
  let li: Element | null = doc.getElementById(fragment);
  if (li?.tagName !== 'LI' || li.parentElement !== chartedList(doc)) throw new Error(`${href}: no list item`);
  const ids: string[] = [];
  for (;;) {
    for (; li; li = li.nextElementSibling) {
      if (ids.length > 0 && li.id.startsWith('coverage-')) return ids;
      ids.push(itemId(li, base));
    }
    const next = doc.querySelector('a[rel="next"]')?.getAttribute('href');
    if (!next) return ids;
    doc = await page(dist, `/${next.slice(base.length)}`);
    li = chartedList(doc)?.firstElementChild ?? null;
  }
}
