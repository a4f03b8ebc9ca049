import { FILTER_KEYS, type FilterKey } from '../contract.ts';
import type { PagefindFilterCounts } from './pagefind-types.ts';
import type { SearchState } from './search-state.ts';

// The search page's filters: one <details> group per filter, listed with their counts at build
// time (src/layouts/SearchLayout.astro), the boxes belonging to the search form through its id.
// Page code only: the counts come from the engine.

/** What the controller does to the filters. */
export interface FiltersView {
  /** The counts the page was built with (every article), read from the listed filters. */
  listedCounts(): PagefindFilterCounts;
  /**
   * Adds a box for each value the state asks for that the page does not list (beyond the
   * per-filter cap, or asked for in the address), with its count among `totals`.
   */
  complete(state: SearchState, totals: PagefindFilterCounts): void;
  /** Ticks exactly the values of the state. */
  tick(state: SearchState): void;
  /** Shows how many results each value would give (a value not counted: 0), and marks the counts final. */
  showCounts(counts: PagefindFilterCounts): void;
  /** Marks the counts on screen as not final while the search's own are coming (aria-busy; the stylesheet shows it). */
  pending(): void;
  /** Folds the groups away on a narrow screen, except those with a ticked value. */
  fold(narrow: boolean): void;
}

/** The filters view over the filters' region (#search-filters), whose boxes belong to the form `formId`. */
export function filtersView(region: HTMLElement, formId: string): FiltersView {
  const boxes = () => region.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
  const countOf = (box: HTMLInputElement) => box.parentElement!.querySelector<HTMLElement>('.count');

  /** A checkbox for one filter value, as the server renders it. */
  function option(key: FilterKey, value: string, count: number): HTMLLabelElement {
    const label = document.createElement('label');
    const check = document.createElement('input');
    Object.assign(check, { type: 'checkbox', name: key, value });
    check.setAttribute('form', formId);
    const shown = document.createElement('span');
    shown.className = 'count';
    shown.textContent = `(${count})`;
    label.append(check, ` ${value} `, shown);
    return label;
  }

  return {
    listedCounts() {
      const counts: PagefindFilterCounts = {};
      for (const box of boxes()) {
        const n = Number(/\d+/.exec(countOf(box)?.textContent ?? '')?.[0] ?? 0);
        (counts[box.name] ??= {})[box.value] = n;
      }
      return counts;
    },
    complete(state, totals) {
      for (const key of FILTER_KEYS) {
        const box = region.querySelector<HTMLElement>(`[data-filter="${key}"] .filter-values`);
        if (!box) continue;
        const listed = new Set([...box.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value));
        for (const value of state.filters[key] ?? [])
          if (!listed.has(value)) box.append(option(key, value, totals[key]?.[value] ?? 0));
      }
    },
    tick(state) {
      for (const box of boxes()) box.checked = state.filters[box.name as FilterKey]?.includes(box.value) ?? false;
    },
    showCounts(counts) {
      for (const box of boxes()) countOf(box)!.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
      region.setAttribute('aria-busy', 'false');
    },
    pending() {
      region.setAttribute('aria-busy', 'true');
    },
    fold(narrow) {
      for (const group of region.querySelectorAll<HTMLDetailsElement>('details.filter'))
        group.open = !narrow || group.querySelector('input:checked') !== null;
    },
  };
}
