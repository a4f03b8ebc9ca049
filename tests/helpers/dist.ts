import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from '../../src/content/files.ts';

// Reading a built site the way a browser would see its pages.

/** The parsed document of a page at a site path such as "/people/" (index.html is implied). */
export async function page(dist: string, sitePath: string): Promise<Document> {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  const html = await readFile(path.join(dist, file), 'utf8');
  return parseHTML(html).document;
}

/** Trimmed, whitespace-collapsed text of every element matching a selector. */
export function texts(doc: Document | Element, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Every HTML file of a built site, as site paths ("/articles/x/index.html"). */
export async function htmlFiles(dist: string): Promise<string[]> {
  return (await listFiles(dist)).filter((f) => f.endsWith('.html')).map((f) => `/${f}`);
}
