// Long lists split into pages of PAGE_SIZE (src/site/settings.ts), newest first, as the home
// page: page 1 at a list's own address, page N at <address>page/N/ (src/site/urls.ts).

/** One page of a list: its number, the number of pages, and the items it shows. */
export interface ListPage<T> {
  /** Page number, from 1. */
  current: number;
  /** Number of pages (at least 1: an empty list has one, empty, page). */
  last: number;
  /** Index in the whole list of the first item shown, from 0. */
  start: number;
  /** The items the page shows, in the list's order. */
  items: T[];
}

/** Pages needed for `total` items at `size` a page; at least 1. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * Page `current` (from 1) of `items` at `size` a page; a page past the list's end is empty.
 * `last` is the list's own page count unless given (a page showing several lists numbers its
 * pages by the longest).
 */
export function listPage<T>(
  items: T[],
  size: number,
  current: number,
  last = pageCount(items.length, size),
): ListPage<T> {
  const start = (current - 1) * size;
  return { current, last, start, items: items.slice(start, start + size) };
}

/** The `[...page]` route parameter of page `n`: none for page 1, "page/N" after it. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `page/${n}`;
}

/** "; showing 6 to 10" when the list has more than one page, else "" (for the count line). */
export function shownRange(page: ListPage<unknown>): string {
  return page.last > 1 && page.items.length > 0
    ? `; showing ${page.start + 1} to ${page.start + page.items.length}`
    : '';
}
