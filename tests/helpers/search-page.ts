import type { Page } from 'playwright-core';

/**
 * How often the search tests' waits in the page (`page.waitForFunction`) look again: every 20 ms,
 * not at every animation frame (Playwright's default), which has Chromium produce a frame for each
 * look (docs/performance.md, "The test command").
 */
export const POLL = { polling: 20 } as const;

// Going to a search in the browser tests, the quick way when the tab is already on that search
// page: as the Back and Forward buttons take it there.

/**
 * Goes to a search address. A tab already on the same search page (same origin and path) gets a
 * history entry and a popstate event, with the results and status of the search before taken off
 * first, so what is read next belongs to the new search; that is quicker than loading Pagefind
 * again, and the page's state must follow the address whatever came before. Any other tab, or
 * `load`, loads the address and waits until the search form is ready.
 * @returns "loaded" or "in-page", to say which happened (the new results may still be coming).
 */
export async function goToSearch(page: Page, address: string, load = false): Promise<'loaded' | 'in-page'> {
  const target = new URL(address);
  const here = page.url() === 'about:blank' ? undefined : new URL(page.url());
  if (load || !here || here.origin !== target.origin || here.pathname !== target.pathname) {
    await page.goto(address);
    await page.locator('#search-form[data-ready="true"]').waitFor();
    return 'loaded';
  }
  await page.evaluate((to) => {
    for (const li of document.querySelectorAll('#search-results li')) li.remove();
    document.querySelector('#search-status')!.textContent = '';
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
  return 'in-page';
}
