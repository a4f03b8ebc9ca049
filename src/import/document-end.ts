import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent, Text } from 'hast';
import { lowerLettersAndDigits } from '../text/fold.ts';
import { singleSpaced } from '../text/white-space.ts';

// A saved page whose bytes stop before its document does: a capture cut short with nothing in
// its framing to say so (a WARC response with neither Content-Length nor chunking, ended by the
// connection closing; a saved .html file cut short). Many real pages omit end tags the HTML
// standard makes optional (`</p>`, `</li>`, `</body>`, `</html>`), so a missing end tag proves
// nothing by itself. What does: the parser's view of where the bytes stopped (inside a tag, a
// comment or a script, or with elements whose end tag is required still open, which the HTML
// standard's "in body" insertion mode calls a parse error at the end of the file), and the
// page's last words stopping mid-sentence in an element left open.

/** Where a page's bytes stopped, as HTML's parser (parse5, through hast-util-from-html) saw it. */
export interface DocumentEnd {
  /** The parse error the bytes ended with, when they stopped inside markup ("eof-in-tag", "eof-in-comment"…). */
  insideMarkup?: string;
  /** Elements around the page's last text whose end tag HTML requires but the bytes never gave ("article", "div"), outermost first. */
  open: string[];
  /** The page's last words (its last text, single-spaced, at most 80 characters). */
  lastText: string;
  /** The element holding the last text was never closed (its end tag, optional or not, is missing). */
  lastTextOpen: boolean;
}

/**
 * Elements whose end tag HTML lets a page omit (HTML Living Standard, 13.1.2.4 "Optional tags"),
 * and those the "in body" insertion mode accepts open at the end of the file (13.2.6.4.7, "An
 * end-of-file token"), and void elements, which have none.
 */
const END_TAG_OPTIONAL = new Set([
  ...['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp'],
  ...['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption'],
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'],
]);

/** An end tag for the document as a whole: the page reached its end. */
const DOCUMENT_END_TAG = /<\/(?:body|html)\s*>/i;

/**
 * Where a page's bytes stopped (see DocumentEnd); undefined when the page gives `</body>` or
 * `</html>` (its end was reached: the page is not parsed again, so a long page costs nothing).
 */
export function documentEnd(html: string): DocumentEnd | undefined {
  if (DOCUMENT_END_TAG.test(html)) return undefined;
  let insideMarkup: string | undefined;
  const tree = fromHtml(html, {
    onerror(message) {
      if (message.ruleId?.startsWith('eof-')) insideMarkup = message.ruleId;
    },
  });
  // The path from the root to the last text holding a letter or digit.
  const path: Element[] = [];
  let last: Text | undefined;
  const visit = (node: Root | Element, ancestors: Element[]) => {
    for (const child of node.children as RootContent[]) {
      if (child.type === 'text' && /[\p{L}\p{N}]/u.test(child.value)) {
        last = child;
        path.splice(0, path.length, ...ancestors);
      } else if (child.type === 'element' && child.tagName !== 'script' && child.tagName !== 'style')
        visit(child, [...ancestors, child]);
      // The children of a <template> are its content, which is not shown.
    }
  };
  visit(tree, []);
  const closed = (el: Element) => {
    const end = el.position?.end.offset;
    return end !== undefined && new RegExp(`</${el.tagName}\\s*>$`, 'i').test(html.slice(Math.max(0, end - 40), end));
  };
  // Elements the parser made without a tag in the page (an implied <tbody>, a formatting element
  // reopened after misnested tags) have no place in it, and say nothing about where it ended.
  const written = path.filter((el) => el.position !== undefined);
  const words = singleSpaced(last?.value ?? '');
  return {
    ...(insideMarkup && { insideMarkup }),
    open: written.filter((el) => !END_TAG_OPTIONAL.has(el.tagName) && !closed(el)).map((el) => el.tagName),
    lastText: words.length > 80 ? `…${words.slice(-79)}` : words,
    lastTextOpen: written.length > 0 && !closed(written.at(-1)!),
  };
}

/** Text ending a sentence, or the quotation or bracket closing one ("said.", "go?”", "(2024)."). */
const SENTENCE_END = /[.!?…。！？"”’»)\]]$/u;

/** The parse errors at the end of a file, in words. */
const INSIDE: Record<string, string> = {
  'eof-in-tag': 'inside a tag',
  'eof-before-tag-name': 'inside a tag',
  'eof-in-comment': 'inside a comment',
  'eof-in-doctype': 'inside the doctype',
  'eof-in-cdata': 'inside a CDATA section',
  'eof-in-element-that-can-contain-only-text': 'inside a script, style or title',
  'eof-in-script-html-comment-like-text': 'inside a script',
};

/**
 * Why a page's article is cut short, or undefined when nothing shows it: the page's last text
 * is the end of the article's text (`articleText`: the text kept, plain) and the bytes stopped
 * inside markup, or with elements HTML requires an end tag for still open around that text
 * (`<article>`, `<div>`), or in the middle of a sentence in an element never closed. A page whose
 * last words come after the article (a footer) holds the whole article, however it ends; a page
 * that only omits optional end tags (`</p>`, `</body>`, `</html>`) after a finished sentence is
 * complete.
 */
export function cutShortReason(end: DocumentEnd | undefined, articleText: string): string | undefined {
  if (!end || !end.lastText) return undefined;
  const tail = lowerLettersAndDigits(end.lastText).slice(-60);
  if (!tail || !lowerLettersAndDigits(articleText).endsWith(tail)) return undefined;
  const midSentence = end.lastTextOpen && !SENTENCE_END.test(end.lastText);
  if (!end.insideMarkup && end.open.length === 0 && !midSentence) return undefined;
  const evidence = [
    ...(end.insideMarkup ? [`its bytes stop ${INSIDE[end.insideMarkup] ?? 'inside markup'}`] : []),
    ...(end.open.length ? [`${end.open.map((t) => `<${t}>`).join(', ')} never closed`] : []),
    ...(midSentence ? ['its text stops mid-sentence'] : []),
  ];
  return `the page ends before its document does (${evidence.join('; ')}, after “${end.lastText}”)`;
}
