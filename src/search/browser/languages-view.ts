import type { LanguageMatches } from './other-languages.ts';

// The line under the search status naming the other languages where a search has matches, each
// a link to that search on the language's own search page. Page code only: what to show comes
// from other-languages.ts.

/** What the controller does to the line. */
export interface LanguagesView {
  /** Shows these languages' matches ("In other languages: German (1 result) · French (2 results)"), or hides the line. */
  show(matches: LanguageMatches[]): void;
  /** Empties and hides the line, marked as not final (aria-busy) until the next show. */
  pending(): void;
}

/** The view over its element (src/layouts/SearchLayout.astro, #search-languages). */
export function languagesView(element: HTMLElement): LanguagesView {
  return {
    pending() {
      element.replaceChildren();
      element.hidden = true;
      element.setAttribute('aria-busy', 'true');
    },
    show(matches) {
      element.setAttribute('aria-busy', 'false');
      element.replaceChildren();
      element.hidden = matches.length === 0;
      if (matches.length === 0) return;
      element.append('In other languages: ');
      matches.forEach((m, i) => {
        if (i > 0) element.append(' · ');
        const link = document.createElement('a');
        link.href = m.href;
        link.textContent = `${m.name} (${m.count} result${m.count === 1 ? '' : 's'})`;
        element.append(link);
      });
    },
  };
}
