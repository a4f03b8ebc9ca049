import { isProse } from './dropped-prose.ts';
import { singleSpaced } from '../text/white-space.ts';

// Social-media posts embedded in an article as linked cards: `<a class="tweet" href=".../status/…">`
// holding the author, the post's text and its date in <div>s (Substack's and many CMSs' way of
// showing a post without the network's script). Extractors see a block that is all link and drop
// it, although the post is part of what the article reports. Each such card becomes a
// <blockquote> (its lines as paragraphs, the date or the address as the link to the post), the
// shape of the networks' own embed code (Twitter's `blockquote.twitter-tweet`), which extractors
// keep. Only links to a post on a social network are read so: a card linking to another page of
// the site is a teaser, not a quotation.

/**
 * Addresses of single posts on social networks: X/Twitter `/<user>/status/<id>`, Mastodon and
 * other fediverse servers `/@<user>/<id>`, Bluesky `/profile/<handle>/post/<id>`, Threads
 * `/@<user>/post/<id>`, Instagram `/p/<id>` and `/reel/<id>`, Facebook `/posts/`, `/permalink.php`,
 * `/story.php`, LinkedIn `/posts/` and `/feed/update/`, TikTok `/@<user>/video/<id>`, Reddit
 * `/r/<sub>/comments/<id>`, Substack notes `/@<user>/note/<id>`.
 */
const POST_ADDRESS = [
  /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status(?:es)?\/\d+/i,
  /^https?:\/\/[^/]+\/@\w+\/\d{6,}/i,
  /^https?:\/\/bsky\.app\/profile\/[^/]+\/post\/\w+/i,
  /^https?:\/\/(?:www\.)?threads\.(?:net|com)\/@[\w.]+\/post\/[\w-]+/i,
  /^https?:\/\/(?:www\.)?instagram\.com\/(?:p|reel)\/[\w-]+/i,
  /^https?:\/\/(?:www\.|m\.)?facebook\.com\/(?:[^/]+\/posts\/|permalink\.php|story\.php)/i,
  /^https?:\/\/(?:www\.)?linkedin\.com\/(?:posts\/|feed\/update\/)/i,
  /^https?:\/\/(?:www\.)?tiktok\.com\/@[\w.]+\/video\/\d+/i,
  /^https?:\/\/(?:www\.|old\.)?reddit\.com\/r\/\w+\/comments\/\w+/i,
  /^https?:\/\/(?:[\w-]+\.)?substack\.com\/@[\w.]+\/note\/[\w-]+/i,
];

/** True for the address of one post on a social network (see POST_ADDRESS). */
export function isPostAddress(href: string): boolean {
  return POST_ADDRESS.some((re) => re.test(href.trim()));
}

/** A CSS selector of the block elements whose innermost ones are a card's lines. */
const CARD_BLOCKS = 'div, p, blockquote, h1, h2, h3, h4, h5, h6, section, header, footer, ul, ol, li, figure';

/** An element's text with its inline parts spaced ("Dev Patel" + "@DevPatel" as "Dev Patel @DevPatel"). */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        parts.push(' ');
        walk(child);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return singleSpaced(parts.join(''));
}

/** The lines of a card: the text of each innermost block, in order (the card's own text when it has no blocks). */
function cardLines(card: Element): string[] {
  const leaves = [...card.querySelectorAll(CARD_BLOCKS)].filter((b) => !b.querySelector(CARD_BLOCKS));
  const lines = (leaves.length ? leaves : [card]).map(spacedText).filter(Boolean);
  return lines;
}

/**
 * Turns every linked post card in the document into a <blockquote> (see the module comment):
 * the post's text, then an attribution line ("— " and the author's name and handle) ending with
 * the last short line (the date), or else the address, as the link to the post. Returns the number of cards turned.
 */
export function quotePostCards(doc: Document): number {
  let turned = 0;
  for (const card of [...doc.querySelectorAll('a[href]')]) {
    const href = card.getAttribute('href') ?? '';
    if (!isPostAddress(href) || !card.querySelector(CARD_BLOCKS) || card.closest('blockquote')) continue;
    const lines = cardLines(card);
    if (lines.length === 0) continue;
    const quote = doc.createElement('blockquote');
    // The post's text (its longest line, and any other line of prose) as paragraphs; the other
    // lines (author, handle, date) as the attribution, its last short line linking to the post.
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const said = lines.filter((l) => l === longest || isProse(l));
    const attribution = lines.filter((l) => !said.includes(l));
    for (const line of said) {
      const p = doc.createElement('p');
      p.textContent = line;
      quote.append(p);
    }
    const last = attribution.at(-1);
    const linkText = last && last.length <= 40 ? attribution.pop()! : href;
    const p = doc.createElement('p');
    p.append(`— ${attribution.join(' ')}${attribution.length ? ' ' : ''}`);
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    a.textContent = linkText;
    p.append(a);
    quote.append(p);
    card.replaceWith(quote);
    turned++;
  }
  return turned;
}
