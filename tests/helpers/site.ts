import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serve, type Served } from './serve.ts';

// The usual browser-test setting: one Chromium and one built site served on 127.0.0.1 for the
// whole test file, both closed afterwards.

/**
 * Registers the setup and teardown; read `browser` and `site` inside tests. `tab()` opens a tab in
 * the file's one browser context, made at the first call: a context costs about 0.4 s of CPU to
 * make, and the site keeps nothing in the browser. A tab that needs context options of its own (a
 * phone's touch and viewport, JavaScript off) comes from `browser.newPage(options)` instead.
 */
export function servedSite(
  dist: string,
  base = '/',
): { readonly browser: Browser; readonly site: Served; tab(): Promise<Page> } {
  let browser: Browser;
  let site: Served;
  let tabs: Promise<BrowserContext> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serve(dist, base);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      return browser;
    },
    get site() {
      return site;
    },
    async tab() {
      return (await (tabs ??= browser.newContext())).newPage();
    },
  };
}
