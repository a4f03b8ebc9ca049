import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core in Chromium, with the one set of rules the archive is held to: WCAG 2.2 levels A and
// AA, and axe's best practices.

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The axe rule tags every page must pass. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Gives every document the tab loads from now on its own axe-core, added before the page's own
 * scripts (the page's Content-Security-Policy does not apply to it). Cheaper than adding it to
 * each page after it has loaded, for a tab that checks many pages.
 */
export async function withAxe(page: Page): Promise<Page> {
  await page.addInitScript({ content: AXE });
  return page;
}

/**
 * The axe violations of the page already loaded, as "rule: target" lines (empty when it passes).
 * `within` (a CSS selector) limits the check to that part of the page.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  if (!loaded) await page.evaluate(AXE);
  const result = await page.evaluate(
    ([values, part]) =>
      (
        window as unknown as {
          axe: {
            run(
              context: object,
              options: object,
            ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(part ? { include: [part] } : document, { runOnly: { type: 'tag', values } }),
    [TAGS, within] as const,
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
