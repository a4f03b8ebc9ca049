import { FILTER_KEYS, FILTER_TOP_VALUES, type FilterKey } from '../contract.ts';
import type { PagefindFilterCounts } from './pagefind-types.ts';
import type { SearchState } from './search-state.ts';
import { lowerWithoutMarks } from '../../text/fold.ts';

// The search page's filters: one <details> group per filter, listed with their counts at build
// time (src/layouts/SearchLayout.astro), the boxes belonging to the search form through its id.
// The page's HTML holds the values shown at first; a long group's other listed values come after
// the first results (addLater), its "Show all" counting them meanwhile (the list's data-listed).
// A group shows its values with results first, most results first (ties A to Z; years newest
// first), the values without any greyed and last; a long group shows its first FILTER_TOP_VALUES
// values with results and a "Show all" button, and a box that keeps the values whose name holds
// what is typed in it. Ticked values are always shown. Page code only: the counts come from the
// engine.

/** What the controller does to the filters. */
export interface FiltersView {
  /** The counts the page was built with (every article), read from the listed filters. */
  listedCounts(): PagefindFilterCounts;
  /**
   * Adds the listed values the page's HTML left out (`later`: by filter, `[value, count]` pairs,
   * src/search/facets.ts valuesListedLater), with their counts, hidden until the reader asks for
   * more; a value already there is kept as it is. After it, "Show all" counts the values there.
   */
  addLater(later: Partial<Record<FilterKey, readonly (readonly [string, number])[]>>): void;
  /**
   * Adds a box for each value the state asks for that the page does not list (beyond the
   * per-filter cap, or asked for in the address), with its count among `totals`.
   */
  complete(state: SearchState, totals: PagefindFilterCounts): void;
  /** Ticks exactly the values of the state. */
  tick(state: SearchState): void;
  /**
   * Shows how many results each value would give (a value not counted: 0), adds the values the
   * page did not list, orders every group by its counts, and marks the counts final.
   */
  showCounts(counts: PagefindFilterCounts): void;
  /** Marks the counts on screen as not final while the search's own are coming (aria-busy; the stylesheet shows it). */
  pending(): void;
  /** Folds the groups away on a narrow screen, except those with a ticked value. */
  fold(narrow: boolean): void;
  /** Calls `listener` the first time the reader asks for more of a group than it lists (its find box, "Show all"). */
  onWantAll(listener: () => void): void;
}

/** One value of a group as the view keeps it. */
interface Value {
  value: string;
  label: HTMLLabelElement;
  box: HTMLInputElement;
  count: number;
}

/**
 * The order of a group's values: those with results first, then most results first, ties A to
 * Z; years newest first instead (a scale read in time order), as src/search/facets.ts lists them.
 */
export function valueOrder(
  key: FilterKey,
): (a: { value: string; count: number }, b: { value: string; count: number }) => number {
  const live = (a: { count: number }, b: { count: number }) => Number(b.count > 0) - Number(a.count > 0);
  if (key === 'year') return (a, b) => live(a, b) || b.value.localeCompare(a.value);
  return (a, b) => live(a, b) || b.count - a.count || a.value.localeCompare(b.value);
}

/**
 * What a group's find box says: "1 of 16 matches.", "3 of 16 match.", "No value matches “zed”."
 * for `matching` values of `total` holding `typed`; nothing while the box is empty.
 */
export function findNoteText(matching: number, total: number, typed: string): string {
  if (!typed) return '';
  if (matching === 0) return `No value matches “${typed}”.`;
  return `${matching} of ${total} ${matching === 1 ? 'matches' : 'match'}.`;
}

/**
 * The "Show all" button's words for a group of `total` values of which `live` give results: the
 * values it shows, and how many of them give results when not all do ("Show all 16 (4 with
 * results)"), as the values without are listed too, greyed.
 */
export function showAllText(total: number, live: number): string {
  if (live >= total) return `Show all ${total}`;
  return `Show all ${total} (${live === 0 ? 'none' : live} with results)`;
}

/** The filters view over the filters' region (#search-filters), whose boxes belong to the form `formId`. */
export function filtersView(region: HTMLElement, formId: string): FiltersView {
  const wantAll: (() => void)[] = [];
  let askedForAll = false;

  /** One group: its elements and what the reader has asked of it. */
  const groups = FILTER_KEYS.flatMap((key) => {
    const element = region.querySelector<HTMLDetailsElement>(`[data-filter="${key}"]`);
    const list = element?.querySelector<HTMLElement>('.filter-values');
    if (!element || !list) return [];
    const values = new Map<string, Value>();
    for (const box of list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const label = box.closest('label')!;
      const count = Number(/\d+/.exec(label.querySelector('.count')?.textContent ?? '')?.[0] ?? 0);
      values.set(box.value, { value: box.value, label, box, count });
    }
    // How many values the page lists, those its HTML left out for later (addLater) included.
    const listed = Math.max(values.size, Number(list.dataset.listed ?? 0));
    return [
      {
        key,
        element,
        list,
        values,
        find: element.querySelector<HTMLInputElement>('.filter-find'),
        all: element.querySelector<HTMLButtonElement>('.filter-all'),
        note: element.querySelector<HTMLElement>('.filter-note'),
        /** "And 40 more": the values the page does not list, until they are known. */
        more: element.querySelector<HTMLElement>('.filter-more'),
        listed,
        /** Listed values not on the page yet (addLater): each has articles, so results, until counted. */
        awaited: listed - values.size,
        expanded: false,
      },
    ];
  });
  type Group = (typeof groups)[number];

  /** A checkbox for one filter value, as the server renders it. */
  function add(group: Group, value: string, count: number): Value {
    const label = document.createElement('label');
    const box = document.createElement('input');
    Object.assign(box, { type: 'checkbox', name: group.key, value });
    box.setAttribute('form', formId);
    const shown = document.createElement('span');
    shown.className = 'count';
    shown.textContent = `(${count})`;
    label.append(box, ` ${value} `, shown);
    label.hidden = true;
    group.list.append(label);
    const entry = { value, label, box, count };
    group.values.set(value, entry);
    return entry;
  }

  /** Moves `node` before `before` in `parent`, keeping focus on it (moveBefore keeps it where supported). */
  function move(parent: HTMLElement, node: HTMLElement, before: ChildNode | null): void {
    const move = (parent as HTMLElement & { moveBefore?: (n: Node, b: Node | null) => void }).moveBefore;
    if (move) return move.call(parent, node, before);
    const focused = node.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    parent.insertBefore(node, before);
    focused?.focus();
  }

  /** Orders a group's values and shows those the reader is to see (see the module comment). */
  function arrange(group: Group): void {
    const typed = lowerWithoutMarks(group.find?.value.trim() ?? '');
    const sorted = [...group.values.values()].sort(valueOrder(group.key));
    const matching = typed ? sorted.filter((v) => lowerWithoutMarks(v.value).includes(typed)) : sorted;
    const live = matching.filter((v) => v.count > 0);
    const shown = new Set(
      typed || group.expanded ? matching : live.slice(0, group.all || group.find ? FILTER_TOP_VALUES : undefined),
    );
    const total = group.values.size + group.awaited;
    for (const v of sorted) if (v.box.checked) shown.add(v);
    let next = group.list.firstChild;
    for (const v of sorted) {
      if (v.label !== next) move(group.list, v.label, next);
      next = v.label.nextSibling;
      v.label.hidden = !shown.has(v);
      v.label.classList.toggle('none', v.count === 0);
    }
    if (group.more) group.more.hidden = total > group.listed;
    if (group.all) {
      group.all.hidden = !group.expanded && (typed !== '' || shown.size >= total);
      group.all.textContent = group.expanded
        ? 'Show fewer'
        : showAllText(total, sorted.filter((v) => v.count > 0).length + group.awaited);
      group.all.setAttribute('aria-expanded', String(group.expanded));
    }
    if (group.note) group.note.textContent = findNoteText(matching.length, total, group.find!.value.trim());
    // A group none of whose values gives a result leaves the page (and the keyboard's way), unless
    // a value of it is ticked or the reader is in it.
    group.element.hidden =
      sorted.length > 0 &&
      !sorted.some((v) => v.count > 0 || v.box.checked) &&
      !group.element.contains(document.activeElement);
  }

  /** Tells the listeners, once, that the reader wants every value. */
  function askForAll(): void {
    if (askedForAll) return;
    askedForAll = true;
    for (const listener of wantAll) listener();
  }

  for (const group of groups) {
    group.find?.addEventListener('input', () => arrange(group));
    group.find?.addEventListener('focus', askForAll);
    group.all?.addEventListener('click', () => {
      group.expanded = !group.expanded;
      askForAll();
      arrange(group);
    });
    // Typing in the find box is not a change of the search.
    group.find?.addEventListener('change', (e) => e.stopPropagation());
    arrange(group);
  }

  return {
    listedCounts() {
      const counts: PagefindFilterCounts = {};
      for (const group of groups)
        counts[group.key] = Object.fromEntries([...group.values.values()].map((v) => [v.value, v.count]));
      return counts;
    },
    addLater(later) {
      for (const group of groups) {
        for (const [value, count] of later[group.key] ?? []) if (!group.values.has(value)) add(group, value, count);
        group.awaited = 0;
        arrange(group);
      }
    },
    complete(state, totals) {
      for (const group of groups) {
        for (const value of state.filters[group.key] ?? [])
          if (!group.values.has(value)) add(group, value, totals[group.key]?.[value] ?? 0);
        arrange(group);
      }
    },
    tick(state) {
      for (const group of groups) {
        for (const v of group.values.values()) v.box.checked = state.filters[group.key]?.includes(v.value) ?? false;
        arrange(group);
      }
    },
    showCounts(counts) {
      for (const group of groups) {
        for (const value of Object.keys(counts[group.key] ?? {})) if (!group.values.has(value)) add(group, value, 0);
        for (const v of group.values.values()) {
          v.count = counts[group.key]?.[v.value] ?? 0;
          v.label.querySelector('.count')!.textContent = `(${v.count})`;
        }
        arrange(group);
      }
      region.setAttribute('aria-busy', 'false');
    },
    pending() {
      region.setAttribute('aria-busy', 'true');
    },
    fold(narrow) {
      for (const group of groups) group.element.open = !narrow || group.element.querySelector('input:checked') !== null;
    },
    onWantAll(listener) {
      wantAll.push(listener);
    },
  };
}
