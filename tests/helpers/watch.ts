import type { Page } from 'playwright-core';

// Watches a page for what hostile content would do: run script (a payload calls window.__xss,
// opens a dialog, or writes to the console about it), navigate away, reach another origin, or
// trip the Content-Security-Policy.

/** Everything suspicious a page did, by kind. */
export interface Incidents {
  scripts: string[];
  dialogs: string[];
  console: string[];
  navigations: string[];
  foreignRequests: string[];
  cspViolations: string[];
}

/** A record with nothing in it: what a safe page leaves behind. */
export function noIncidents(): Incidents {
  return { scripts: [], dialogs: [], console: [], navigations: [], foreignRequests: [], cspViolations: [] };
}

/** Starts recording on a page; the returned object fills as pages load in it. */
export async function watch(page: Page, origin: string): Promise<Incidents> {
  const seen: Incidents = {
    scripts: [],
    dialogs: [],
    console: [],
    navigations: [],
    foreignRequests: [],
    cspViolations: [],
  };
  await page.exposeFunction('__report', (kind: 'scripts' | 'cspViolations', detail: string) =>
    seen[kind].push(`${page.url()}: ${detail}`),
  );
  await page.addInitScript(() => {
    const report = (window as unknown as { __report(k: string, d: string): void }).__report;
    Object.defineProperty(window, '__xss', { value: (id: string) => report('scripts', id), writable: false });
    document.addEventListener('securitypolicyviolation', (e) =>
      report('cspViolations', `${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/xss|Content Security Policy/i.test(m.text())) seen.console.push(`${page.url()}: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:'))
      seen.foreignRequests.push(`${page.url()}: ${r.url()}`);
  });
  page.on('framenavigated', (f) => {
    if (f !== page.mainFrame() && f.url() !== 'about:blank') seen.navigations.push(`frame: ${f.url()}`);
  });
  return seen;
}

/** Loads a page and reports a navigation if it ends up anywhere else. */
export async function visit(page: Page, url: string, seen: Incidents): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  if (page.url() !== url) seen.navigations.push(`${url} -> ${page.url()}`);
}

/** Number of incidents of every kind. */
export function total(seen: Incidents): number {
  return (Object.values(seen) as string[][]).reduce((n, list) => n + list.length, 0);
}
