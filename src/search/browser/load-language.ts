import type { OtherLanguage } from './other-languages.ts';
import type { Pagefind, PagefindIndexOptions } from './pagefind-types.ts';

// Loading another language's Pagefind on a search page (page code: it touches the document). The
// search page loads this module only when the archive has other languages.

/**
 * Puts the document's language to `lang` while `start` runs, synchronously. Pagefind (1.6,
 * pagefind.js `init_pagefind` and `createInstance`) takes the language whose index and word rules
 * it loads from `<html lang>` when it is started, overriding any option; nothing is drawn between.
 */
function inLanguage<T>(lang: string, start: () => T): T {
  const html = document.documentElement;
  const was = html.getAttribute('lang');
  html.setAttribute('lang', lang);
  try {
    return start();
  } finally {
    if (was === null) html.removeAttribute('lang');
    else html.setAttribute('lang', was);
  }
}

/**
 * Another language's Pagefind, started with `settings`: its index parts (under `base`pagefind/),
 * in a module of its own. The address's query makes it another module, with its own worker and
 * WebAssembly, so its words are read by that language's rules; merged into this page's Pagefind,
 * they would be read by this page's.
 * @throws whatever Pagefind throws when the language's files cannot be loaded.
 */
export async function loadLanguage(
  other: OtherLanguage,
  base: string,
  settings: PagefindIndexOptions,
): Promise<Pagefind> {
  const [primary, ...merged] = other.parts.dirs.map((dir) => `${base}pagefind/${dir}`);
  const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js?language=${other.lang}`)) as Pagefind;
  await pagefind.options(settings);
  await inLanguage(other.lang, () => pagefind.init());
  await Promise.all(merged.map((path) => pagefind.mergeIndex(path, settings)));
  return pagefind;
}
