import type { PagefindFilterCounts, Pagefind, PagefindSearchResult, PagefindSearchOptions } from './pagefind-types.ts';
import { normalizeBase } from '../../site/base-path.ts';
import {
  countSearches,
  FILTER_KEYS,
  folded,
  hasQuery,
  META_WEIGHTS,
  paramsFromState,
  searchOptions,
  stateFromParams,
  typedName,
  type SearchState,
} from './search-state.ts';
import {
  EARLIER_VERSIONS,
  excerptIn,
  LATEST_WORDS,
  onlyInEarlier,
  versionAt,
  type ExcerptRun,
} from '../earlier-versions.ts';

// The search page: a form that works with the keyboard, filters with counts, results with
// highlighted excerpts, and the whole state mirrored in the address bar (each deliberate step,
// a submitted query, a ticked filter or a new order, is a history entry; typing is not).

/** Results shown first (each needs its own small download), and how many "Show more" adds. */
const FIRST = 5;
/** Milliseconds of no typing before the counts and the parts check of a typed search run. */
const SETTLE_MS = 150;
const MORE = 10;
const base = normalizeBase(import.meta.env.BASE_URL);

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterBox = document.querySelector<HTMLElement>('#search-filters')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
/** The results' region: busy while the results may still change. */
const region = document.querySelector<HTMLElement>('#search-results-section')!;
/** The index parts this page loads, its article parts oldest first, its undated parts (src/search/parts.ts). */
const parts = JSON.parse(form.dataset.parts ?? '{"dirs":[""],"byDate":[],"undated":[]}') as {
  dirs: string[];
  byDate: number[];
  undated: number[];
};
/** Filter groups fold away on narrow screens, so the results come first there. */
const narrow = window.matchMedia('(max-width: 40rem)');

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
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
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
  check.setAttribute('form', form.id);
  label.append(check, ` ${value} `, el('span', `(${count})`, 'count'));
  return label;
}

/**
 * The page arrives with the filters already listed (no layout shift); this adds any value the
 * index knows that the page does not list (beyond the per-filter cap, or asked for in the address).
 */
function completeFilters(totals: PagefindFilterCounts, state: SearchState): void {
  for (const key of FILTER_KEYS) {
    const box = filterBox.querySelector<HTMLElement>(`[data-filter="${key}"] .filter-values`);
    if (!box) continue;
    const listed = new Set([...box.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value));
    const wanted = [...(state.filters[key] ?? [])];
    for (const value of wanted) if (!listed.has(value)) box.append(filterOption(key, value, totals[key]?.[value] ?? 0));
  }
}

/** The counts the page was built with (every article), read from the listed filters. */
function listedCounts(): PagefindFilterCounts {
  const counts: PagefindFilterCounts = {};
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const n = Number(/\d+/.exec(box.parentElement!.querySelector('.count')?.textContent ?? '')?.[0] ?? 0);
    (counts[box.name] ??= {})[box.value] = n;
  }
  return counts;
}

/** Shows how many results each filter value would give with the current search. */
function updateCounts(counts: PagefindFilterCounts): void {
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

/** An excerpt made of text runs, the matched ones in <mark>. */
function runsNode(runs: ExcerptRun[]): HTMLParagraphElement {
  const p = el('p', '', 'excerpt');
  for (const run of runs) p.append(run.mark ? el('mark', run.text) : run.text);
  return p;
}

/** What a match outside the excerpt was on, in the reader's words (metadata field -> phrase). */
const MATCHED_IN: Record<string, string> = {
  title: 'the headline',
  people: 'a person it names',
  byline: 'the byline',
  topics: 'its topics',
  organizations: 'an organization it names',
  source: 'its source',
  date: 'its date',
};

/** One result as a list item. */
async function resultItem(result: PagefindSearchResult): Promise<HTMLLIElement> {
  const data = await result.data();
  const li = el('li');
  li.append(el('p', data.meta.source ?? 'Person', 'kicker'));
  const heading = el('h2');
  const link = el('a', data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  li.append(heading);
  // The date line as the article page prints it (the record carries that text).
  if (data.meta.date) {
    const line = el('p', '', 'meta');
    const time = el('time', data.meta.date);
    if (data.meta.day) time.dateTime = data.meta.day;
    line.append(time);
    li.append(line);
  }
  // Found only in passages of earlier versions (after the latest text's words): say so, and show
  // the passage from there (src/search/earlier-versions.ts).
  const boundary = data.filters?.[LATEST_WORDS]?.[0];
  const latestWords = boundary === undefined ? undefined : Number(boundary);
  const locations = data.locations ?? [];
  const earlier = onlyInEarlier(locations, latestWords);
  if (earlier) {
    // The words are not on the article page: link to the version page whose passage has them
    // (the earliest version that had it), or else to the article's list of versions.
    const version = versionAt(Math.min(...locations), data.filters?.[EARLIER_VERSIONS]?.[0]);
    const note = el('p', 'Found in ', 'muted earlier-version');
    const to = el('a', 'an earlier version');
    to.href = version ? `${data.url}versions/${version}/` : `${data.url}#versions`;
    note.append(to, ':');
    li.append(note);
  }
  const excerpt = earlier
    ? runsNode(excerptIn(data.content, locations, latestWords!))
    : latestWords !== undefined && locations.some((l) => l >= latestWords)
      ? runsNode(excerptIn(data.content, locations, 0, latestWords))
      : excerptNode(data.excerpt);
  li.append(excerpt);
  // Matched on a name or the headline only: say so, since the passage shows no highlighted word.
  const person = !data.meta.source;
  const where = (result.matchedMetaFields ?? []).map((f) =>
    person && (f === 'title' || f === 'aliases') ? 'name' : MATCHED_IN[f],
  );
  const found = [...new Set(where.filter(Boolean))];
  if (!excerpt.querySelector('mark') && found.length > 0)
    li.append(el('p', `Found by ${found.join(' and ')}.`, 'muted match-note'));
  return li;
}

let pending: PagefindSearchResult[] = [];
/** Person pages found only by their description: shown after every article (see showMore). */
let later: PagefindSearchResult[] = [];
/** The words of the search shown, while person pages are being placed; '' when they are not. */
let placingFor = '';

/** Counts the searches run on this page; work for an older one stops when a newer one starts. */
let generation = 0;

/**
 * Appends the next results. In relevance order without filters, a person page comes where
 * Pagefind ranks it only when the words typed are its name (every word begins a word of its name
 * or other names); a person page found by its description waits until every article is shown.
 */
async function showMore(size = MORE): Promise<void> {
  // A newer search may start while this one waits for results' data: its list is then not ours.
  const mine = generation;
  const items: HTMLLIElement[] = [];
  while (items.length < size && pending.length + later.length > 0) {
    if (pending.length === 0) [pending, later, placingFor] = [later, [], ''];
    const batch = pending.splice(0, size - items.length);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    const shown = batch.filter((_, i) => {
      const { meta } = data[i]!;
      const person = !meta.source;
      if (!placingFor || !person || typedName(placingFor, `${meta.title ?? ''} ${meta.aliases ?? ''}`)) return true;
      later.push(batch[i]!);
      return false;
    });
    items.push(...(await Promise.all(shown.map(resultItem))));
    if (mine !== generation) return;
  }
  list.append(...items);
  more.hidden = pending.length + later.length === 0;
}

/**
 * Where the words typed really occur. When a word has no match in an index, Pagefind searches
 * for the longest start of it that has one instead ("Ashdown" finds "as"), so a search can return
 * articles that do not contain the word at all. A word is kept to the parts of the index where
 * it does occur: where a search for the word alone in quotes (Pagefind's exact search, which
 * never shortens it) finds something, or where the best match of the plain search really has a
 * word beginning with it (a word still being typed). `null` means everywhere; an empty list,
 * nowhere. An index in one part is checked as one, before its results are shown.
 */
type Scope = string[] | null;

/** The parts of the index this page searches, as the hidden `part` filter names them. */
const allParts = parts.dirs.length > 1 ? [...parts.byDate, ...parts.undated].map(String) : [];

/** A word as Pagefind compares it: lower case, no diacritics, no punctuation. */
function normalWord(word: string): string {
  return folded(word).replace(/\p{P}/gu, '');
}

const wordScopes = new Map<string, Promise<Scope>>();

/** Answers already given on this page: the index does not change while it is open. */
const answers = new Map<string, ReturnType<Pagefind['search']>>();

/** Pagefind's search, asked once per term and options on this page (the last 200 are kept). */
function search(
  pagefind: Pagefind,
  term: string | null,
  options: PagefindSearchOptions,
): ReturnType<Pagefind['search']> {
  const key = JSON.stringify([term, options]);
  let answer = answers.get(key);
  if (!answer) {
    answer = pagefind.search(term, options);
    answers.set(key, answer);
    if (answers.size > 200) answers.delete(answers.keys().next().value!);
  }
  return answer;
}

/** True when the best match for `word` within `filters` really has a word beginning with it. */
async function bestMatchHas(
  pagefind: Pagefind,
  word: string,
  filters: NonNullable<PagefindSearchOptions['filters']>,
): Promise<boolean> {
  const best = (await search(pagefind, word, { filters }))?.results[0];
  if (!best) return false;
  const { content, meta } = await best.data();
  const key = normalWord(word);
  return `${content} ${Object.values(meta).join(' ')}`.split(/\s+/).some((w) => normalWord(w).startsWith(key));
}

/**
 * The parts where one typed word occurs (see Scope). One exact and one plain search over every
 * part give, through the `part` filter's counts, the parts with an exact match and the parts with
 * any; only a part with a plain match and no exact one (a word being typed, or a shortened one)
 * needs a look at its best match. A part where the word does not occur at all is left out too:
 * there Pagefind would drop the word from a query of several words rather than find nothing.
 */
function wordScope(pagefind: Pagefind, word: string): Promise<Scope> {
  const key = normalWord(word);
  let known = wordScopes.get(key);
  if (!known) {
    known = (async () => {
      const filters = allParts.length > 0 ? { part: { any: allParts } } : {};
      const exact = await search(pagefind, `"${word}"`, { filters });
      // Asked as the main search of a one-word query is, so that answer is reused.
      let plain = await search(pagefind, word, { filters: {} });
      if (allParts.length === 0)
        return exact?.results.length || (plain?.results.length && (await bestMatchHas(pagefind, word, {}))) ? null : [];
      // Counts by part come with the part filter's data, which an empty exact search may not load.
      if (!plain?.filters.part) plain = await pagefind.search(word, { filters });
      const exactIn = exact?.filters.part ?? {};
      const plainIn = plain?.filters.part ?? {};
      const found = await Promise.all(
        allParts.map(
          async (p) =>
            Boolean(exactIn[p]) ||
            (Boolean(plainIn[p]) && (await bestMatchHas(pagefind, word, { part: { any: [p] } }))),
        ),
      );
      const keep = allParts.filter((_, i) => found[i]);
      return keep.length === allParts.length ? null : keep;
    })();
    wordScopes.set(key, known);
  }
  return known;
}

/** Where every word of the query occurs; a quoted phrase is searched exactly and needs no check. */
async function queryScope(pagefind: Pagefind, q: string): Promise<Scope> {
  if (/^\s*".+"\s*$/.test(q)) return null;
  const scopes = await Promise.all(
    q
      .split(/\s+/)
      .filter((w) => normalWord(w))
      .map((w) => wordScope(pagefind, w)),
  );
  return scopes.reduce<Scope>((a, b) => (a === null ? b : b === null ? a : a.filter((p) => b.includes(p))), null);
}

/** Search options kept within a scope. */
function within(options: PagefindSearchOptions, scope: Scope): PagefindSearchOptions {
  return scope === null ? options : { ...options, filters: { ...options.filters, part: { any: scope } } };
}

/**
 * Results in date order when the index has several parts. Pagefind orders each part by date but
 * interleaves merged parts by position, so each part (a run of months) is searched on its own,
 * newest or oldest part first, and the lists are joined; undated parts (people) come last.
 */
async function byDateAcrossParts(
  pagefind: Pagefind,
  state: SearchState,
  scope: Scope,
): Promise<PagefindSearchResult[]> {
  const options = searchOptions(state);
  const dated = state.sort === 'newest' ? parts.byDate.toReversed() : parts.byDate;
  const { sort: _, ...unordered } = options;
  const inScope = (n: number) => scope === null || scope.includes(String(n));
  // Parts of people have no dates: searched without an order, after the dated parts.
  const answers = await Promise.all([
    ...dated
      .filter(inScope)
      .map((n) =>
        search(pagefind, state.q || null, { ...options, filters: { ...options.filters, part: { any: [String(n)] } } }),
      ),
    ...parts.undated.filter(inScope).map((n) =>
      search(pagefind, state.q || null, {
        ...unordered,
        filters: { ...options.filters, part: { any: [String(n)] } },
      }),
    ),
  ]);
  return answers.flatMap((a) => a?.results ?? []);
}

/**
 * Every result of the state, in the order chosen. Person pages have no date: a search in date
 * order leaves them out (they have no sort key), so they are found by the same search without an
 * order and put after the dated results.
 */
async function resultsFor(
  pagefind: Pagefind,
  state: SearchState,
  scope: Scope,
): Promise<PagefindSearchResult[] | null> {
  if (scope?.length === 0) return [];
  if (state.sort !== 'relevance' && parts.byDate.length > 1) return byDateAcrossParts(pagefind, state, scope);
  const options = within(searchOptions(state), scope);
  const response = await search(pagefind, state.q || null, options);
  if (!response) return null;
  // Any filter leaves person pages out (they have no person, source, topic or year).
  if (state.sort === 'relevance' || Object.keys(state.filters).length > 0) return response.results;
  const { sort: _, ...unordered } = options;
  const all = await search(pagefind, state.q || null, unordered);
  const dated = new Set(response.results.map((r) => r.id));
  return [...response.results, ...(all?.results ?? []).filter((r) => !dated.has(r.id))];
}

let filterData: Promise<unknown> | undefined;

/**
 * The count of every filter value for the state (see countSearches). Pagefind counts only the
 * filters whose data it has loaded, so all of it is loaded first, once, after the first results
 * are shown (it is not needed to show them).
 */
async function countsFor(pagefind: Pagefind, state: SearchState, scope: Scope): Promise<PagefindFilterCounts> {
  if (scope?.length === 0) return {};
  // Answers kept from before the filters' data was loaded lack their counts.
  await (filterData ??= pagefind.filters().then(() => answers.clear()));
  const counts: PagefindFilterCounts = {};
  for (const { counts: keys, options } of countSearches(state)) {
    const response = await search(pagefind, state.q || null, within(options, scope));
    for (const key of keys) counts[key] = response?.filters[key] ?? {};
  }
  return counts;
}

/** The query string of the search last run, to tell a new address from a jump within the page. */
let addressed = location.search;

/** Resolves once the browser has painted what was just put on the page. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** How a search is recorded in the browser's history. */
type HistoryStep = 'push' | 'replace' | 'none';

/** Runs the search in the form, shows results and counts, and records it in the address. */
async function run(pagefind: Pagefind, totals: PagefindFilterCounts, record: HistoryStep): Promise<void> {
  const state = readForm();
  const mine = ++generation;
  const query = paramsFromState(state).toString();
  const address = query ? `?${query}` : location.pathname;
  if (record === 'replace') history.replaceState(null, '', address);
  if (record === 'push' && location.search.replace(/^\?/, '') !== query) history.pushState(null, '', address);
  addressed = location.search;
  if (!hasQuery(state)) {
    list.replaceChildren();
    more.hidden = true;
    region.setAttribute('aria-busy', 'false');
    updateCounts(totals);
    filterBox.setAttribute('aria-busy', 'false');
    status.textContent = 'Type a word or a name, or choose a filter.';
    return;
  }
  filterBox.setAttribute('aria-busy', 'true');
  region.setAttribute('aria-busy', 'true');
  // Where the words occur (see Scope). An index in one part is checked at once; an index in
  // several is checked by part, which needs the part filter's data of every part, so there the
  // results are shown first and taken back to the parts where the words occur right after.
  const early = allParts.length === 0;
  let scope = state.q && early ? await queryScope(pagefind, state.q) : null;
  const show = async (results: PagefindSearchResult[]) => {
    pending = [...results];
    later = [];
    placingFor = state.sort === 'relevance' && Object.keys(state.filters).length === 0 ? state.q : '';
    list.replaceChildren();
    await showMore(FIRST);
    if (mine !== generation) return;
    const n = results.length;
    const what = state.q ? ` for “${state.q}”` : '';
    status.textContent = `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'}${what}.`;
  };
  const results = await resultsFor(pagefind, state, scope);
  if (mine !== generation || !results) return;
  await show(results);
  if (mine !== generation) return;
  // Results first: the counts (whose data the first search of a visit still has to fetch) and the
  // check of an index in parts follow once the results are on screen and the reader has paused
  // typing, so a word being typed does not wait for the work of the one before.
  await afterPaint();
  if (record === 'replace') await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  if (mine !== generation) return;
  if (state.q && !early) {
    scope = await queryScope(pagefind, state.q);
    if (mine !== generation) return;
    if (scope !== null) {
      const kept = await resultsFor(pagefind, state, scope);
      if (mine !== generation || !kept) return;
      await show(kept);
      if (mine !== generation) return;
    }
  }
  region.setAttribute('aria-busy', 'false');
  const counts = await countsFor(pagefind, state, scope);
  if (mine !== generation) return;
  updateCounts(counts);
  filterBox.setAttribute('aria-busy', 'false');
}

/** Folds the filter groups away on a narrow screen, except those with a ticked value. */
function foldFilters(): void {
  for (const group of filterBox.querySelectorAll<HTMLDetailsElement>('details.filter'))
    group.open = !narrow.matches || group.querySelector('input:checked') !== null;
}

/** Wires the page up once Pagefind has loaded. */
async function start(): Promise<void> {
  const [primary, ...merged] = parts.dirs.map((dir) => `${base}pagefind/${dir}`);
  const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
  const settings = { baseUrl: base, excerptLength: 30, ranking: { metaWeights: META_WEIGHTS } };
  await pagefind.options(settings);
  await pagefind.init();
  await Promise.all(merged.map((path) => pagefind.mergeIndex(path, settings)));
  const totals = listedCounts();
  const initial = stateFromParams(new URLSearchParams(location.search));
  completeFilters(totals, initial);
  writeForm(initial);
  foldFilters();
  narrow.addEventListener('change', foldFilters);
  // Every keystroke searches at once (the address follows, without a history entry each); an
  // answer that arrives after a newer query is dropped. Ticking a filter, changing the order and
  // submitting are steps the Back button undoes.
  input.addEventListener('input', () => void run(pagefind, totals, 'replace'));
  // The filters follow the results on the page and belong to the form through its id.
  for (const target of [form, filterBox])
    target.addEventListener('change', (e) => e.target !== input && void run(pagefind, totals, 'push'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(pagefind, totals, 'push');
  });
  more.addEventListener('click', () => void showMore());
  // Back and Forward between searches; a jump within the page (the skip link) changes only the hash.
  window.addEventListener('popstate', () => {
    if (location.search === addressed) return;
    writeForm(stateFromParams(new URLSearchParams(location.search)));
    void run(pagefind, totals, 'none');
  });
  if (!hasQuery(initial)) input.focus();
  form.dataset.ready = 'true';
  await run(pagefind, totals, 'none');
}

start().catch((err: unknown) => {
  status.textContent = 'Search could not load. Browse by people, topics, sources or date instead.';
  console.error(err);
});
