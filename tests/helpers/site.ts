import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serve, type Served } from './serve.ts';

// The usual browser-test setting: one Chromium and one built site served on 127.0.0.1 for the
// whole test file, both closed afterwards.

/** Registers the setup and teardown; read `browser` and `site` inside tests. */
export function servedSite(dist: string, base = '/'): { readonly browser: Browser; readonly site: Served } {
  let browser: Browser;
  let site: Served;
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
  };
}
