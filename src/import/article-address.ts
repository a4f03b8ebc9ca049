import { addressKey } from './metadata.ts';

// Which address a page gives for itself. Pages state it several times (the canonical link,
// og:url, JSON-LD `url` and `mainEntityOfPage`, Highwire and Dublin Core tags) and some of them
// are wrong in a way that matters to an archive: a JSON-LD `url` naming the section's index page
// ("/international/"), or the site's home page, would give every article of the section the same
// address, and the second one imported would be refused as a duplicate. So an address that is
// the site's root, a page the site's navigation or breadcrumbs link to, or a parent folder of
// another address the page gives, is never this article's address; of the rest, the one most
// sources agree on wins, the canonical link first on a tie (it is the address search engines are
// told to use: RFC 6596).

/** One address the page gives, with where it was found ("link rel=canonical"). */
export interface AddressCandidate {
  url: string;
  from: string;
}

/** The chosen address and what the report should say about the others. */
export interface AddressChoice {
  chosen?: AddressCandidate | undefined;
  /** Why an address the page gives was not used, one sentence each. */
  notes: string[];
}

/** Path segments of an address, without empty ones. */
const segments = (url: string) => new URL(url).pathname.split('/').filter(Boolean);

/** True when `parent` is a folder above `child` on the same site ("/news/" above "/news/2024/story"). */
function isAbove(parent: string, child: string): boolean {
  const p = new URL(parent);
  const c = new URL(child);
  if (p.hostname.replace(/^www\./, '') !== c.hostname.replace(/^www\./, '') || p.search) return false;
  const ps = segments(parent);
  const cs = segments(child);
  return ps.length < cs.length && ps.every((s, i) => s === cs[i]);
}

/** True for a site's home page: no path and no query. */
function isRoot(url: string): boolean {
  const u = new URL(url);
  return segments(url).length === 0 && !u.search;
}

/**
 * Addresses of the site's sections as the page links to them: links in navigation (`<nav>`,
 * role=navigation) and in breadcrumbs (HTML lists whose class names a breadcrumb, microdata and
 * JSON-LD BreadcrumbList), all but a breadcrumb trail's last step, which may be the article.
 * `base` resolves relative links.
 */
export function sectionAddresses(doc: Document, jsonLd: Record<string, unknown>[], base?: string): Set<string> {
  const out = new Set<string>();
  const add = (raw: unknown) => {
    if (typeof raw !== 'string') return;
    try {
      const key = addressKey(new URL(raw, base).href);
      if (key) out.add(key);
    } catch {
      // Not an address.
    }
  };
  for (const a of doc.querySelectorAll('nav a[href], [role="navigation"] a[href]')) add(a.getAttribute('href'));
  for (const trail of doc.querySelectorAll('[class*="breadcrumb" i], [itemtype*="BreadcrumbList"]')) {
    if (trail.parentElement?.closest('[class*="breadcrumb" i], [itemtype*="BreadcrumbList"]')) continue;
    const links = [...trail.querySelectorAll('a[href]')];
    for (const a of links.slice(0, -1)) add(a.getAttribute('href'));
  }
  for (const o of jsonLd) {
    if (![o['@type']].flat().includes('BreadcrumbList')) continue;
    const steps = [o.itemListElement].flat().filter(Boolean) as Record<string, unknown>[];
    for (const step of steps.slice(0, -1)) {
      const item = step.item;
      add(
        typeof item === 'string'
          ? item
          : ((item as Record<string, unknown> | undefined)?.['@id'] ??
              (item as Record<string, unknown> | undefined)?.url),
      );
    }
  }
  return out;
}

/**
 * Chooses the article's own address among the ones the page gives (see the module comment).
 * `candidates` are canonical addresses (see canonicalUrl) in order of preference, the canonical
 * link first; `sections` are the site's section pages (sectionAddresses). Returns no address when
 * every one the page gives is a root or a section page, with a note for each address not used.
 */
export function chooseArticleAddress(candidates: AddressCandidate[], sections: Set<string>): AddressChoice {
  const notes: string[] = [];
  const good: AddressCandidate[] = [];
  for (const c of candidates) {
    const key = addressKey(c.url)!;
    let why: string | undefined;
    if (isRoot(c.url)) why = "the site's home page";
    else if (sections.has(key)) why = "a section page the site's navigation links to";
    else if (candidates.some((o) => o !== c && isAbove(c.url, o.url)))
      why = `a folder above ${candidates.find((o) => o !== c && isAbove(c.url, o.url))!.url}`;
    if (why) notes.push(`${c.from} ${c.url} is ${why}, not this article's address`);
    else good.push(c);
  }
  if (good.length === 0) {
    if (notes.length) notes.push('no address is recorded for the article: give it with --url');
    return { notes };
  }
  const votes = new Map<string, number>();
  for (const c of good) votes.set(addressKey(c.url)!, (votes.get(addressKey(c.url)!) ?? 0) + 1);
  const best = Math.max(...votes.values());
  const chosen = good.find((c) => votes.get(addressKey(c.url)!) === best)!;
  const others = good.filter((c) => addressKey(c.url) !== addressKey(chosen.url));
  for (const o of others) notes.push(`${o.from} ${o.url} differs from ${chosen.from} ${chosen.url}, which is used`);
  return { chosen, notes };
}
