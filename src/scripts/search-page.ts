import type { FilterCounts, Pagefind, PagefindResult } from './pagefind-types.ts';
import {
  FILTER_KEYS,
  hasQuery,
  paramsFromState,
  searchOptions,
  stateFromParams,
  type SearchState,
} from './search-state.ts';

// The search page: a form that works with the keyboard, filters with counts, results with
// highlighted excerpts, and the whole state mirrored in the address bar.

/** Results shown first (each needs its own small download), and how many "Show more" adds. */
const FIRST = 5;
const MORE = 10;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterBox = document.querySelector<HTMLElement>('#search-filters')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
/** The index parts this page loads, and its article parts oldest first (src/lib/search-parts.ts). */
const parts = JSON.parse(form.dataset.parts ?? '{"dirs":[""],"byDate":[]}') as { dirs: string[]; byDate: number[] };

/** Creates an element with text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Reads the form into a state. */
function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) params.append(key, String(value));
  return stateFromParams(params);
}

/** Puts a state into the form (on load, and when the reader goes back). */
function writeForm(state: SearchState): void {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
    box.checked = state.filters[box.name]?.includes(box.value) ?? false;
}

/** A checkbox for one filter value, as the server renders it. */
function filterOption(key: string, value: string, count: number): HTMLLabelElement {
  const label = el('label');
  const check = el('input');
  Object.assign(check, { type: 'checkbox', name: key, value });
  label.append(check, ` ${value} `, el('span', `(${count})`, 'count'));
  return label;
}

/**
 * The page arrives with the filters already listed (no layout shift); this adds any value the
 * index knows that the page does not list (beyond the per-filter cap, or asked for in the address).
 */
function completeFilters(totals: FilterCounts, state: SearchState): void {
  for (const key of FILTER_KEYS) {
    const box = filterBox.querySelector<HTMLElement>(`[data-filter="${key}"] .filter-values`);
    if (!box) continue;
    const listed = new Set([...box.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value));
    const wanted = [...(state.filters[key] ?? [])];
    for (const value of wanted) if (!listed.has(value)) box.append(filterOption(key, value, totals[key]?.[value] ?? 0));
  }
}

/** The counts the page was built with (every article), read from the listed filters. */
function listedCounts(): FilterCounts {
  const counts: FilterCounts = {};
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const n = Number(/\d+/.exec(box.parentElement!.querySelector('.count')?.textContent ?? '')?.[0] ?? 0);
    (counts[box.name] ??= {})[box.value] = n;
  }
  return counts;
}

/** Shows how many results each filter value would give with the current search. */
function updateCounts(counts: FilterCounts): void {
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.parentElement!.querySelector('.count')!.textContent = `(${count})`;
  }
}

/** The excerpt with Pagefind's <mark> highlights, built from text only (never as HTML). */
function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = el('p', '', 'excerpt');
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') p.append(el('mark', node.textContent ?? ''));
    else p.append(node.textContent ?? '');
  }
  return p;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** One result as a list item. */
async function resultItem(result: PagefindResult): Promise<HTMLLIElement> {
  const data = await result.data();
  const li = el('li');
  if (data.meta.source) li.append(el('p', data.meta.source, 'kicker'));
  const heading = el('h2');
  const link = el('a', data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  li.append(heading);
  if (data.meta.date) {
    const meta = el('p', '', 'meta');
    const time = el('time', dateFormat.format(new Date(`${data.meta.date}T00:00:00Z`)));
    time.dateTime = data.meta.date;
    meta.append(time);
    li.append(meta);
  }
  li.append(excerptNode(data.excerpt));
  return li;
}

let pending: PagefindResult[] = [];

/** Appends the next page of results. */
async function showMore(size = MORE): Promise<void> {
  const batch = pending.splice(0, size);
  list.append(...(await Promise.all(batch.map(resultItem))));
  more.hidden = pending.length === 0;
}

let generation = 0;

/**
 * Results in date order when the index has several parts. Pagefind orders each part by date but
 * interleaves merged parts by position, so each part (a run of months) is searched on its own,
 * newest or oldest part first, and the lists are joined.
 */
async function byDateAcrossParts(pagefind: Pagefind, state: SearchState): Promise<PagefindResult[]> {
  const options = searchOptions(state);
  const order = state.sort === 'newest' ? parts.byDate.toReversed() : parts.byDate;
  const answers = await Promise.all(
    order.map((n) =>
      pagefind.search(state.q || null, { ...options, filters: { ...options.filters, part: { any: [String(n)] } } }),
    ),
  );
  return answers.flatMap((a) => a?.results ?? []);
}

/** Runs the search in the form, shows results and counts, and records it in the address. */
async function run(pagefind: Pagefind, totals: FilterCounts, record: boolean): Promise<void> {
  const state = readForm();
  const mine = ++generation;
  if (record) history.replaceState(null, '', `?${paramsFromState(state)}`.replace(/\?$/, location.pathname));
  if (!hasQuery(state)) {
    list.replaceChildren();
    more.hidden = true;
    updateCounts(totals);
    status.textContent = 'Type a word or a name, or choose a filter.';
    return;
  }
  const options = searchOptions(state);
  const [response, results] = await Promise.all([
    pagefind.search(state.q || null, options),
    state.sort !== 'relevance' && parts.byDate.length > 1 ? byDateAcrossParts(pagefind, state) : undefined,
  ]);
  if (mine !== generation || !response) return;
  pending = [...(results ?? response.results)];
  list.replaceChildren();
  await showMore(FIRST);
  updateCounts(response.filters);
  const n = response.results.length;
  const what = state.q ? ` for “${state.q}”` : '';
  status.textContent = `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'}${what}.`;
}

/** Wires the page up once Pagefind has loaded. */
async function start(): Promise<void> {
  const [primary, ...merged] = parts.dirs.map((dir) => `${base}pagefind/${dir}`);
  const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 30 });
  await pagefind.init();
  await Promise.all(merged.map((path) => pagefind.mergeIndex(path, { baseUrl: base, excerptLength: 30 })));
  const totals = listedCounts();
  const initial = stateFromParams(new URLSearchParams(location.search));
  completeFilters(totals, initial);
  writeForm(initial);
  // Every keystroke searches at once; an answer that arrives after a newer query is dropped.
  input.addEventListener('input', () => void run(pagefind, totals, true));
  form.addEventListener('change', (e) => e.target !== input && void run(pagefind, totals, true));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(pagefind, totals, true);
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    writeForm(stateFromParams(new URLSearchParams(location.search)));
    void run(pagefind, totals, false);
  });
  form.dataset.ready = 'true';
  await run(pagefind, totals, false);
}

start().catch((err: unknown) => {
  status.textContent = 'Search could not load. Browse by people, topics, sources or date instead.';
  console.error(err);
});
