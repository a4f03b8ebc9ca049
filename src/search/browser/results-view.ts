import type { ExcerptRun } from '../earlier-versions.ts';
import type { ResultSummary } from './result-summary.ts';
import { searchNamed } from './search-state.ts';

// The search page's results: the list, the "Show more" button and the status line, in the
// results region. Page code only: what to show comes from the engine and result-summary.ts.

/** Creates an element with text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Pagefind's excerpt with its <mark> highlights, built from text only (never as HTML). */
function pagefindExcerpt(excerpt: string): HTMLParagraphElement {
  const p = el('p', '', 'excerpt');
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') p.append(el('mark', node.textContent ?? ''));
    else p.append(node.textContent ?? '');
  }
  return p;
}

/** An excerpt made of text runs, the matched ones in <mark>. */
function runsExcerpt(runs: ExcerptRun[]): HTMLParagraphElement {
  const p = el('p', '', 'excerpt');
  for (const run of runs) p.append(run.mark ? el('mark', run.text) : run.text);
  return p;
}

/** One result as a list item. */
function resultItem(summary: ResultSummary): HTMLLIElement {
  const li = el('li');
  li.append(el('p', summary.kicker, 'kicker'));
  const heading = el('h2');
  const link = el('a', summary.title);
  link.href = summary.url;
  heading.append(link);
  li.append(heading);
  if (summary.date) {
    const line = el('p', '', 'meta');
    const time = el('time', summary.date.text);
    if (summary.date.day) time.dateTime = summary.date.day;
    line.append(time);
    // The byline, as article lists give it (src/components/ArticleList.astro).
    if (summary.byline) line.append(' · ', el('span', `By ${summary.byline}`, 'byline'));
    li.append(line);
  }
  if (summary.earlierVersion) {
    const note = el('p', 'Found in ', 'muted earlier-version');
    const to = el('a', 'an earlier version');
    to.href = summary.earlierVersion;
    note.append(to, ':');
    li.append(note);
  }
  if (!('runs' in summary.excerpt)) li.append(pagefindExcerpt(summary.excerpt.pagefind));
  else if (summary.excerpt.runs.length > 0) li.append(runsExcerpt(summary.excerpt.runs));
  if (summary.matchNote) li.append(el('p', summary.matchNote, 'muted match-note'));
  return li;
}

/** The elements of the results region (src/layouts/SearchLayout.astro). */
export interface ResultsElements {
  /** The region: busy while its results or their count may still change. */
  region: HTMLElement;
  status: HTMLElement;
  /** A polite live region saying what "Show more" added. */
  added: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

/** What the controller does to the results region. */
export interface ResultsView {
  /** Empties the list (the next results are appended to it as they load). */
  clear(): void;
  /** Replaces the list with these results (or appends them), and shows "Show more" while `left` > 0. */
  show(summaries: ResultSummary[], left: number, append?: boolean): void;
  /**
   * Appends the results "Show more" brought, moves the keyboard focus to the first of them (the
   * button it was on may go) and says what was added ("Results 6 to 15 of 23 added.", "Result 6 of 6 added.").
   */
  showMore(summaries: ResultSummary[], left: number): void;
  /** Says how many results a search gave, or anything else, in the status line. */
  say(text: string): void;
  /** Marks the results and their count as not final (aria-busy; the stylesheet shows it too), or final. */
  pending(busy: boolean): void;
}

/** The results view over its elements. */
export function resultsView({ region, status, added, list, more }: ResultsElements): ResultsView {
  return {
    clear() {
      list.replaceChildren();
      added.textContent = '';
    },
    show(summaries, left, append = false) {
      const items = summaries.map(resultItem);
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      more.hidden = left === 0;
    },
    showMore(summaries, left) {
      const from = list.children.length + 1;
      this.show(summaries, left, true);
      const first = list.children[from - 1]?.querySelector<HTMLAnchorElement>('h2 a');
      first?.focus();
      const to = list.children.length;
      const range = from === to ? `Result ${to}` : `Results ${from} to ${to}`;
      if (summaries.length > 0) added.textContent = `${range} of ${to + left} added.`;
    },
    say(text) {
      status.textContent = text;
    },
    pending(busy) {
      region.setAttribute('aria-busy', String(busy));
    },
  };
}

/**
 * The status line for a search's results, naming the words and the ticked filters: "3 results
 * for “judges”.", "1 result for “ferry”, person: Colin Baptiste.", "2 results for year: 2019 or
 * 2020.", "No results."; a phrase typed in quotes is shown in its own quotes.
 */
export function resultCountText(n: number, q: string, filters: Partial<Record<string, string[]>> = {}): string {
  const what = searchNamed(q, filters);
  return `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'}${what ? ` for ${what}` : ''}.`;
}
