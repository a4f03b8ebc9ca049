import { normalizeBase } from '../../text/base-path.ts';
import { FILTER_KEYS, FILTER_LABELS, META_WEIGHTS, type FilterKey } from '../contract.ts';
import type { PageParts } from '../parts.ts';
import { filtersView } from './filters-view.ts';
import type { Widening } from './hints-view.ts';
import { loadIndex } from './pagefind-loader.ts';
import type { OtherLanguage } from './other-languages.ts';
import type { Pagefind, PagefindFilterCounts, PagefindSearchResult } from './pagefind-types.ts';
import { resultSummary } from './result-summary.ts';
import { resultCountText, resultsView } from './results-view.ts';
import { parsedQuery } from './query.ts';
import { searchEngine, type ResultQueue, type SearchEngine } from './search-engine.ts';
import { wordCutsOf } from './word-chunks.ts';
import {
  hasQuery,
  paramsFromState,
  searchNamed,
  searchTitle,
  stateFromParams,
  stateWithKnownValues,
  hasOnlyKnownValues,
  type SearchState,
} from './search-state.ts';

// The search page's controller: a form that works with the keyboard, filters with counts, results
// with highlighted excerpts, and the whole state mirrored in the address bar (each deliberate
// step, a submitted query, a ticked filter or a new order, is one history entry; typing after it
// adds one entry, which later keys and the submit of the same words replace). How many results
// were shown is kept in the entry (history.state), so coming back shows as many.
// It wires the engine (search-engine.ts: what a search finds and counts) to the views
// (results-view.ts, filters-view.ts), and drops the work of a search superseded by a newer one
// in one place (drive).

/** Results shown first (each needs its own small download), and how many "Show more" adds. */
const FIRST = 5;
const MORE = 10;
/** Milliseconds of no typing before the counts and the hints of a typed search run. */
const SETTLE_MS = 150;
/** Words in an excerpt. */
const EXCERPT_WORDS = 30;
const base = normalizeBase(import.meta.env.BASE_URL);

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterRegion = document.querySelector<HTMLElement>('#search-filters')!;
const filters = filtersView(filterRegion, form.id);
const results = resultsView({
  region: document.querySelector<HTMLElement>('#search-results-section')!,
  status: document.querySelector<HTMLElement>('#search-status')!,
  added: document.querySelector<HTMLElement>('#search-added')!,
  list: document.querySelector<HTMLOListElement>('#search-results')!,
  more: document.querySelector<HTMLButtonElement>('#search-more')!,
});
const moreButton = document.querySelector<HTMLButtonElement>('#search-more')!;
/** "Download results (CSV)" and its progress line (download-view.ts, loaded on the first click). */
const downloadButton = document.querySelector<HTMLButtonElement>('#search-download')!;
const downloadStatus = document.querySelector<HTMLElement>('#search-download-status')!;
/** What to try when a search finds nothing (hints-view.ts, loaded when first needed). */
const hintsRegion = document.querySelector<HTMLElement>('#search-hints')!;

/** Takes the hints off the page (an empty live region, so hints are announced when they come). */
function clearHints(): void {
  hintsRegion.replaceChildren();
}
/** The index parts this page loads, its article parts oldest first, its undated parts (src/search/parts.ts). */
const parts = JSON.parse(form.dataset.parts ?? '{"dirs":[""],"byDate":[],"undated":[]}') as PageParts;
/** Pagefind's options for every index the page loads. */
const settings = { baseUrl: base, excerptLength: EXCERPT_WORDS, ranking: { metaWeights: META_WEIGHTS } };
/** The page's language, in English (the page's own words are English). */
const language = form.dataset.language ?? 'English';
/** The archive's other languages, which the page names when a search finds something there. */
const otherList = JSON.parse(form.dataset.languages ?? '[]') as OtherLanguage[];
/** The archive's own address, which the downloaded results' addresses name (download-view.ts). */
const site = form.dataset.site ?? location.origin;
/**
 * Their searches (src/search/browser/other-languages.ts), the line that names them and the
 * status for a search that finds nothing here but something there. The code is loaded only for
 * an archive of several languages, so one of one language loads nothing more.
 */
const others =
  otherList.length === 0
    ? undefined
    : Promise.all([import('./other-languages.ts'), import('./languages-view.ts'), import('./load-language.ts')]).then(
        ([{ otherLanguages, elsewhereText }, { languagesView }, { loadLanguage }]) => ({
          searches: otherLanguages(otherList, (other) => loadLanguage(other, base, settings)),
          line: languagesView(document.querySelector<HTMLElement>('#search-languages')!),
          elsewhereText,
        }),
        // Without that code the page still searches its own language.
        (err: unknown) => void console.error(err),
      );

/** Filter groups fold away on narrow screens, so the results come first there. */
const narrow = window.matchMedia('(max-width: 40rem)');

/** Said after every search's count when part of the index could not be loaded ('' when all of it was). */
let partial = '';

/** A change to the page, made once the answers it shows have come. */
type Step = () => void;

/** A change that changes nothing: a point where a superseded search stops before its next piece of work. */
const CHECKPOINT: Step = () => {};

/**
 * Makes a search's changes to the page in order, until a newer search supersedes it (its signal
 * is aborted): the one place where an older search's work is dropped. The steps' generator
 * awaits its answers and yields each change; a change yielded after the abort is not made, and
 * leaving the loop closes the generator at that yield, so it asks for nothing more.
 */
async function drive(signal: AbortSignal, steps: AsyncGenerator<Step>): Promise<void> {
  for await (const step of steps) {
    if (signal.aborted) return;
    step();
  }
}

/** The search in progress: aborted when the next one starts. */
let current = new AbortController();

/**
 * The results on screen, and the search they belong to ("Show more" takes the next ones from it;
 * the download, every one of them from a queue of its own).
 */
let shown:
  { queue: ResultQueue; signal: AbortSignal; query: string; total: number; all: () => ResultQueue } | undefined;

/**
 * The listed filter values the page's HTML leaves out (src/search/facets.ts, valuesListedLater),
 * fetched once, after the first results are on screen, or sooner when the reader or the address
 * asks for one of them: they are hidden until then, so the first results do not wait for them.
 * Added to the filters and to the totals; a file that cannot be had adds nothing.
 */
let later: Promise<void> | undefined;
function listLater(): Promise<void> {
  const address = filterRegion.dataset.later;
  later ??= (address ? fetch(address).then((r) => (r.ok ? r.json() : {})) : Promise.resolve({}))
    .catch(() => ({}))
    .then((values: Partial<Record<FilterKey, [string, number][]>>) => {
      filters.addLater(values);
      for (const [key, pairs] of Object.entries(values))
        for (const [value, count] of pairs) (totals[key] ??= {})[value] ??= count;
    });
  return later;
}

/** True when `state` ticks a filter value the page does not list yet (listLater may bring it). */
function ticksUnlisted(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state.filters[key]?.some((value) => totals[key]?.[value] === undefined));
}

/** `state`, once the values listed after the results are in, when it ticks one the page does not list yet. */
async function withLaterValues(state: SearchState): Promise<SearchState> {
  if (ticksUnlisted(state)) await listLater();
  return state;
}

/** Reads the form into a state. */
function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
  return stateFromParams(params);
}

/**
 * Puts a state into the form (on load, and when the reader goes back or forward): a filter value
 * the page does not list yet gets its box first, so the search keeps every filter the address
 * names instead of dropping the ones without a box.
 */
function writeForm(state: SearchState): void {
  input.value = state.q;
  sortSelect.value = state.sort;
  filters.complete(state, totals);
  filters.tick(state);
}

/** Resolves once the browser has painted what was just put on the page. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves after `ms` milliseconds. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Shows the first results of a list, and its count; the list is emptied at once. */
async function* showing(
  engine: SearchEngine,
  state: SearchState,
  found: PagefindSearchResult[],
  signal: AbortSignal,
  first = FIRST,
): AsyncGenerator<Step> {
  const queue = engine.queue(found, state);
  yield () => {
    shown = { queue, signal, query: state.q, total: found.length, all: () => engine.queue(found, state) };
    results.clear();
    clearHints();
    offerDownload(found.length > 0);
  };
  const listed = await queue.next(first);
  yield () => {
    results.show(
      listed.map((r) => resultSummary(r, state.q)),
      queue.left,
      true,
    );
    // Never "No results" before the other languages have answered.
    const waiting = found.length === 0 && others !== undefined;
    results.say(
      waiting
        ? `Looking in the other languages for ${searchNamed(state.q, state.filters)}…`
        : resultCountText(found.length, state.q, state.filters) + partial,
    );
  };
}

/**
 * The searches with fewer filters that find something, for a state whose ticked filters leave
 * nothing: without each ticked filter in turn, and (with words and several filters) without any.
 */
async function wideningsOf(engine: SearchEngine, state: SearchState): Promise<Widening[]> {
  const ticked = FILTER_KEYS.filter((k) => (state.filters[k]?.length ?? 0) > 0);
  const options = ticked.map((key) => ({
    label: `without ${FILTER_LABELS[key].toLowerCase()}: ${state.filters[key]!.join(' or ')}`,
    state: { ...state, filters: Object.fromEntries(Object.entries(state.filters).filter(([k]) => k !== key)) },
  }));
  if (state.q && ticked.length > 1) options.push({ label: 'without any filter', state: { ...state, filters: {} } });
  const scope = state.q ? await engine.scopeOf(state.q) : null;
  const widenings: Widening[] = [];
  for (const option of options) {
    if (!hasQuery(option.state)) continue;
    const count = (await engine.resultsFor(option.state, scope))?.length ?? 0;
    if (count > 0) widenings.push({ label: option.label, href: `?${paramsFromState(option.state)}`, count });
  }
  return widenings;
}

/**
 * The changes a search makes: its results, final once shown (the words are checked before, in one
 * index or in parts: search-engine.ts, answerFor), then (once they are on screen and the reader
 * has paused typing, so a word being typed does not wait for the work of the one before) the
 * counts, whose data the first search of a visit still has to fetch.
 */
async function* searchSteps(
  engine: SearchEngine,
  state: SearchState,
  record: HistoryStep,
  signal: AbortSignal,
  first: number,
): AsyncGenerator<Step> {
  const elsewhere = others && (await others);
  if (elsewhere) yield () => elsewhere.line.pending();
  const answer = await engine.answerFor(state);
  if (!answer) return;
  const { scope, results: found } = answer;
  const count = found.length;
  yield* showing(engine, state, found, signal, first);
  // Checked before they were shown, these results and their count are final.
  yield () => results.pending(false);
  await afterPaint();
  void listLater();
  if (record === 'type') await pause(SETTLE_MS);
  yield CHECKPOINT;
  // The other languages are asked once the reader has paused typing, alongside this page's counts.
  const matches = elsewhere?.searches.matches(state);
  // With nothing here, the status waits for the other languages' answer and names them.
  if (count === 0 && elsewhere && matches) {
    const there = await matches;
    yield () => {
      elsewhere.line.show(there);
      results.say(
        there.length > 0
          ? elsewhere.elsewhereText(language, state.q, there, state.filters)
          : resultCountText(0, state.q, state.filters) + partial,
      );
    };
  }
  // What to try instead, when nothing was found or words were typed with a minus (query.ts).
  const { excluded, words, phrase } = parsedQuery(state.q, document.documentElement.lang);
  if (count === 0 || excluded.length > 0) {
    const tries = count === 0 && state.q ? await engine.hintsFor(state) : [];
    const widenings = count === 0 ? await wideningsOf(engine, state) : [];
    const searched = words.map((w) => w.typed).join(' ');
    const { hintsView } = await import('./hints-view.ts');
    // Its links keep the filters and the order of the search.
    const view = hintsView(hintsRegion, (q) => `?${paramsFromState({ ...state, q })}`);
    yield () => view.show(count, tries, excluded, searched, widenings, phrase);
  }
  const counts = await engine.countsFor(state, scope);
  // Every listed value is counted, those fetched after the results too.
  await listLater();
  yield () => filters.showCounts(counts);
  if (elsewhere && matches) {
    const there = await matches;
    yield () => elsewhere.line.show(there);
  }
}

/**
 * How a search is recorded in the browser's history: 'push', a deliberate step (a submit, a
 * filter, an order); 'type', a key typed in the box; 'none', the address's own search (on load,
 * Back and Forward).
 */
type HistoryStep = 'push' | 'type' | 'none';

/**
 * What the page keeps in its history entries (history.state): how many results were shown, so
 * coming back to the entry (Back from an article, Forward) shows as many.
 */
interface EntryState {
  shown: number;
}

/** How many results the current history entry showed (FIRST when it has not said). */
function shownInEntry(): number {
  const kept = (history.state as Partial<EntryState> | null)?.shown;
  return typeof kept === 'number' && Number.isInteger(kept) && kept > FIRST ? kept : FIRST;
}

/**
 * True while the current history entry holds typing: the entry the first key after a deliberate
 * step added, which later keys replace, and which a submit of the same words keeps as it is.
 */
let typing = false;

/** The page's own title, which the title of each search begins with the search's name. */
const pageTitle = document.title;

/** The query string of the search last run, to tell a new address from a jump within the page. */
let addressed = location.search;

/** The counts of every value with no search: those the page lists, then every value once the reader asks for all. */
let totals: PagefindFilterCounts = {};

/** Runs the search in the form, shows results and counts, and records it in the address. */
function run(engine: SearchEngine, record: HistoryStep): Promise<void> {
  current.abort();
  current = new AbortController();
  const state = readForm();
  const query = paramsFromState(state).toString();
  const address = query ? `?${query}` : location.pathname;
  const here = location.search.replace(/^\?/, '') === query;
  // Typing: the first key after a deliberate step adds an entry, the next ones replace it. On a
  // page that shows no search yet there is nothing to come back to: typing replaces that entry.
  const blank = !hasQuery(stateFromParams(new URLSearchParams(location.search)));
  if (record === 'type' && (typing || blank)) history.replaceState(null, '', address);
  else if ((record === 'type' || record === 'push') && !here) history.pushState(null, '', address);
  // A key that leaves the address as it was (a space at the end) adds no entry, and so leaves the
  // entry before to the next keys only when it is one that typing added.
  typing = record === 'type' && (typing || blank || !here);
  addressed = location.search;
  document.title = searchTitle(state, pageTitle);
  if (!hasQuery(state)) {
    shown = undefined;
    offerDownload(false);
    void others?.then((o) => o?.line.show([]));
    clearHints();
    results.show([], 0);
    results.pending(false);
    filters.showCounts(totals);
    void listLater();
    results.say('Type a word or a name, or choose a filter.');
    return Promise.resolve();
  }
  // Until the search's own figures come, the ones on screen are marked as not final.
  filters.pending();
  results.pending(true);
  // A new search shows its first results; the address's own, as many as its entry showed.
  const first = record === 'none' ? shownInEntry() : FIRST;
  return drive(current.signal, searchSteps(engine, state, record, current.signal, first));
}

/** Shows the next results of the list on screen, unless a newer search has started meanwhile. */
function showMore(): void {
  if (!shown) return;
  const { queue, signal, query } = shown;
  void drive(
    signal,
    (async function* () {
      const next = await queue.next(MORE);
      yield () => {
        results.showMore(
          next.map((r) => resultSummary(r, query)),
          queue.left,
        );
        const entry: EntryState = { shown: listedCount() };
        history.replaceState(entry, '', location.href);
      };
    })(),
  );
}

/** Shows or hides "Download results (CSV)", clearing what the last download said. */
function offerDownload(offered: boolean): void {
  downloadButton.hidden = !offered;
  downloadStatus.textContent = '';
}

/** Downloads every result of the search on screen as CSV (download-view.ts). */
function download(): void {
  if (!shown) return;
  const { all, total, query, signal } = shown;
  void import('./download-view.ts').then(
    ({ downloadResults }) =>
      downloadResults({ queue: all(), total, query, signal, site }, downloadButton, downloadStatus),
    (err: unknown) => {
      downloadStatus.textContent = 'The download could not start. Reload the page and try again.';
      console.error(err);
    },
  );
}

/** How many results the list on screen holds. */
function listedCount(): number {
  return document.querySelectorAll('#search-results > li').length;
}

/**
 * The state with the filter values an address names as the archive writes them
 * (stateWithKnownValues): a value the page does not list exactly is looked for among every value
 * of its filter (fetched once, as for "Show all"), so `?quoted=rosa%20delgado` ticks "Rosa Delgado".
 */
async function withKnownValues(engine: SearchEngine, state: SearchState): Promise<SearchState> {
  if (hasOnlyKnownValues(state, totals)) return state;
  const all = await engine.totals().catch(() => totals);
  return stateWithKnownValues(state, all);
}

/** Wires the page up once Pagefind has loaded. */
async function start(): Promise<void> {
  // Which word chunks each part has (word-chunks.ts), fetched while Pagefind loads.
  const wordCuts = wordCutsOf(
    parts.dirs.map((dir) => `${base}pagefind/${dir}`),
    document.documentElement.lang,
    async (url) => (await fetch(url)).json(),
    `${base}pagefind/`,
  );
  // A part that cannot be loaded is left out; the others are searched (pagefind-loader.ts).
  const { pagefind, missing } = await loadIndex(
    parts.dirs.map((dir) => `${base}pagefind/${dir}`),
    settings,
    {
      // A GET of the small entry file (some hosts and servers answer HEAD badly, or not at all).
      reachable: async (dir) => {
        const response = await fetch(`${dir}pagefind-entry.json`);
        await response.arrayBuffer();
        return response.ok;
      },
      importPagefind: async (dir) => (await import(/* @vite-ignore */ `${dir}pagefind.js`)) as Pagefind,
    },
  );
  if (missing.length > 0) {
    partial = ' Part of the archive could not be searched, so results from it are missing.';
    const note = document.querySelector<HTMLElement>('#search-partial')!;
    note.textContent = `Part of the archive could not be loaded (${missing.length} of ${parts.dirs.length} parts of its search index), so searches here leave it out. Reloading the page may bring it back.`;
    note.hidden = false;
  }
  const engine = searchEngine(pagefind, parts, {
    language: document.documentElement.lang,
    excerptLength: EXCERPT_WORDS,
    wordCuts: await wordCuts,
  });
  totals = filters.listedCounts();
  // Values beyond those the page lists are fetched when the reader asks for them.
  filters.onWantAll(() => {
    void listLater();
    void engine.totals().then((all) => {
      totals = all;
      if (!hasQuery(readForm())) filters.showCounts(all);
    });
  });
  // A value the address ticks gets its count as the page lists it, and its listed spelling.
  const initial = await withKnownValues(
    engine,
    await withLaterValues(stateFromParams(new URLSearchParams(location.search))),
  );
  writeForm(initial);
  const fold = () => filters.fold(narrow.matches);
  fold();
  narrow.addEventListener('change', fold);
  // Every keystroke searches at once (the address follows: the first key after a deliberate step
  // adds one history entry, the next ones replace it); an answer that arrives after a newer query
  // is dropped. Ticking a filter, changing the order and
  // submitting are steps the Back button undoes.
  input.addEventListener('input', () => void run(engine, 'type'));
  // The filters follow the results on the page and belong to the form through its id.
  for (const target of [form, filterRegion])
    target.addEventListener('change', (e) => e.target !== input && void run(engine, 'push'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(engine, 'push');
  });
  moreButton.addEventListener('click', showMore);
  downloadButton.addEventListener('click', download);
  // Back and Forward between searches; a jump within the page (the skip link) changes only the hash.
  window.addEventListener('popstate', () => {
    if (location.search === addressed) return;
    void withLaterValues(stateFromParams(new URLSearchParams(location.search)))
      .then((state) => withKnownValues(engine, state))
      .then((state) => {
        writeForm(state);
        return run(engine, 'none');
      });
  });
  if (!hasQuery(initial)) {
    input.focus();
    // A page opened without a search warms Pagefind up with a search that loads nothing, before
    // it says it is ready (keys typed meanwhile are searched after it). A page opened with one
    // searches it at once instead: that search is its warming.
    await engine.warm().catch((err: unknown) => console.error(err));
  }
  form.dataset.ready = 'true';
  await run(engine, 'none');
}

start().catch((err: unknown) => {
  results.say('Search could not load. Browse by people, topics, sources or date instead.');
  // Nothing will be counted: the counts the page was built with stand, those listed later too.
  filters.showCounts(filters.listedCounts());
  void listLater();
  console.error(err);
});
