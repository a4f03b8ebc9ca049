import { addressKey } from './metadata.ts';

// Which address a page gives for itself. Pages state it several times (the canonical link,
// og:url, JSON-LD `url` and `mainEntityOfPage`, Highwire and Dublin Core tags) and some of them
// are wrong in a way that matters to an archive: a JSON-LD `url` naming the section's index page
// ("/international/"), or the site's home page, would give every article of the section the same
// address, and the second one imported would be refused as a duplicate. So the site's root, a
// step of the page's breadcrumb trail before its last, a folder above another address the
// page gives, and a one-segment address named for a section ("/news/", "/sport") are never this
// article's address. A page its navigation links to is a section page
// when it has the shape of one (a single path segment without digits, "/international/") or when
// the page gives a deeper address its navigation does not link to: navigation also links to the
// page itself (a "current page" tab, a language menu), so a link alone proves nothing. Of the
// rest, the address most sources agree on wins, the canonical link first on a tie (it is the
// address search engines are told to use: RFC 6596).

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

/**
 * True when `parent` is a section's folder above `child` on the same site: "/news/" above
 * "/news/2024/story", "/business/2024/" above "/business/2024/05/story". One level up is a
 * section only when it has a section's shape ("/story/" above "/story/amp" is the same article).
 */
function isAbove(parent: string, child: string): boolean {
  const p = new URL(parent);
  const c = new URL(child);
  if (p.hostname.replace(/^www\./, '') !== c.hostname.replace(/^www\./, '') || p.search) return false;
  const ps = segments(parent);
  const cs = segments(child);
  if (!(ps.length < cs.length && ps.every((s, i) => s === cs[i]))) return false;
  return cs.length - ps.length >= 2 || sectionShaped(parent);
}

/** True for a site's home page: no path and no query. */
function isRoot(url: string): boolean {
  const u = new URL(url);
  return segments(url).length === 0 && !u.search;
}

/** Addresses of the site's sections as the page links to them (see sectionAddresses). */
export interface Sections {
  /** Steps of a breadcrumb trail before its last: sections for certain. */
  breadcrumbs: Set<string>;
  /** Links in navigation: sections, or the page itself. */
  navigation: Set<string>;
}

/**
 * Addresses the page links to as sections: links in navigation (`<nav>`, role=navigation), and
 * the steps of breadcrumb trails (HTML lists whose class names a breadcrumb, microdata and JSON-LD
 * BreadcrumbList) but the last, which may be the article. Each as an addressKey; `base` resolves
 * relative links.
 */
export function sectionAddresses(doc: Document, jsonLd: Record<string, unknown>[], base?: string): Sections {
  const sections: Sections = { breadcrumbs: new Set(), navigation: new Set() };
  const add = (to: Set<string>, raw: unknown) => {
    if (typeof raw !== 'string') return;
    try {
      const key = addressKey(new URL(raw, base).href);
      if (key) to.add(key);
    } catch {
      // Not an address.
    }
  };
  for (const a of doc.querySelectorAll('nav a[href], [role="navigation"] a[href]'))
    add(sections.navigation, a.getAttribute('href'));
  for (const trail of doc.querySelectorAll('[class*="breadcrumb" i], [itemtype*="BreadcrumbList"]')) {
    if (trail.parentElement?.closest('[class*="breadcrumb" i], [itemtype*="BreadcrumbList"]')) continue;
    for (const a of [...trail.querySelectorAll('a[href]')].slice(0, -1))
      add(sections.breadcrumbs, a.getAttribute('href'));
  }
  for (const o of jsonLd) {
    if (![o['@type']].flat().includes('BreadcrumbList')) continue;
    const steps = [o.itemListElement].flat().filter(Boolean) as Record<string, unknown>[];
    for (const step of steps.slice(0, -1)) {
      const item = step.item as Record<string, unknown> | string | undefined;
      add(sections.breadcrumbs, typeof item === 'string' ? item : (item?.['@id'] ?? item?.url));
    }
  }
  return sections;
}

/**
 * Names news sites give their sections, in the languages the importer reads: a one-segment
 * address made of one of them ("/news/", "/sport", "/lokales/") is a section page whatever the
 * navigation says. Drawn from the section menus of English, French, German, Spanish, Italian,
 * Dutch and Portuguese news sites; an article's own slug is never a single such word.
 */
const SECTION_WORDS = new Set(
  [
    'news latest local national world international us uk europe politics business economy money markets tech technology science health sport sports culture arts entertainment lifestyle life opinion opinions comment editorial editorials environment climate education travel food weather obituaries obits crime metro city region regional features video videos photos multimedia',
    'actualites actualite infos info monde international politique economie societe sport sports culture sciences planete regions faits-divers',
    'nachrichten news aktuell politik wirtschaft sport kultur wissen panorama lokales region regionales gesellschaft meinung ausland inland',
    'noticias actualidad internacional nacional politica economia deportes cultura sociedad opinion local',
    'notizie cronaca politica economia esteri sport cultura spettacoli',
    'nieuws binnenland buitenland politiek economie sport cultuur regio',
    'noticias ultimas politica economia esporte esportes cultura mundo brasil',
  ]
    .join(' ')
    .split(' '),
);

/**
 * First path segments of the index pages that gather articles by category, tag, topic or author
 * ("/category/local/", "/tag/harbor-wall/", "/topics/climate", "/section/sport/"), in the
 * languages the importer reads: WordPress's category and tag bases and the taxonomy paths of the
 * common news systems. An article's own address never starts with one and stops one or two
 * segments later.
 */
const TAXONOMY_WORDS = new Set(
  'category categories tag tags topic topics section sections subject subjects author authors theme themes rubrique rubriques categorie mot-cle thema themen kategorie schlagwort rubrik categoria categorias etiqueta etiquetas tema temas seccion sezione argomento argomenti onderwerp onderwerpen rubriek trefwoord assunto assuntos'.split(
    ' ',
  ),
);

/** A language code as sites put it before the rest of the path ("/en/", "/pt-br/"). */
const LANGUAGE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;

/**
 * True for a section's or a taxonomy's index page, never one article's address: a one-segment
 * address whose segment is a section's name ("https://citytimes.example/news/", see
 * SECTION_WORDS); the same under a language prefix ("/en/news/"), or the language's home page
 * alone ("/en/"); a category, tag, topic or author page ("/category/local/", "/tag/x/",
 * "/topics/x/", "/section/x/", see TAXONOMY_WORDS) one or two segments deep.
 */
export function isSectionPage(url: string): boolean {
  if (new URL(url).search) return false;
  let path = segments(url).map((s) => decodeURIComponent(s).toLowerCase());
  // A later page of the same index ("/tag/x/page/2/").
  if (path.length >= 2 && path.at(-2) === 'page' && /^\d+$/.test(path.at(-1)!)) path = path.slice(0, -2);
  if (path.length >= 1 && LANGUAGE_SEGMENT.test(path[0]!) && !SECTION_WORDS.has(path[0]!)) {
    path = path.slice(1);
    if (path.length === 0) return true;
  } else if (path.length >= 2 && SECTION_WORDS.has(path[0]!) && LANGUAGE_SEGMENT.test(path[0]!)) {
    // "/us/politics": a country edition's section.
    if (SECTION_WORDS.has(path[1]!) && path.length === 2) return true;
  }
  if (path.length === 1 && SECTION_WORDS.has(path[0]!)) return true;
  return path.length >= 2 && path.length <= 3 && TAXONOMY_WORDS.has(path[0]!);
}

/** A single path segment without digits ("/international/", "/business"): the shape of a section's address. */
function sectionShaped(url: string): boolean {
  const path = segments(url);
  return path.length === 1 && !/\d/.test(path[0]!) && !new URL(url).search;
}

/**
 * Chooses the article's own address among the ones the page gives (see the module comment).
 * `candidates` are canonical addresses (see canonicalUrl) in order of preference, the canonical
 * link first; `sections` are the addresses the page links to as sections (sectionAddresses). Returns no address when
 * every one the page gives is a root or a section page, with a note for each address not used.
 */
export function chooseArticleAddress(candidates: AddressCandidate[], sections: Sections): AddressChoice {
  const notes: string[] = [];
  const key = (c: AddressCandidate) => addressKey(c.url)!;
  const above = (c: AddressCandidate) => candidates.find((o) => o !== c && isAbove(c.url, o.url));
  const certain = (c: AddressCandidate): string | undefined =>
    isRoot(c.url)
      ? "the site's home page"
      : sections.breadcrumbs.has(key(c))
        ? "a step of the page's breadcrumb trail"
        : above(c)
          ? `a folder above ${above(c)!.url}`
          : isSectionPage(c.url)
            ? 'a section page (its path names a section, category or tag)'
            : undefined;
  const left = candidates.filter((c) => !certain(c));
  // A deeper address the page gives that its navigation does not link to.
  const deeperUnlinked = (c: AddressCandidate) =>
    left.some((o) => !sections.navigation.has(key(o)) && segments(o.url).length > segments(c.url).length);
  const good: AddressCandidate[] = [];
  for (const c of candidates) {
    let why = certain(c);
    if (!why && sections.navigation.has(key(c)) && (sectionShaped(c.url) || deeperUnlinked(c)))
      why = "a section page the site's navigation links to";
    if (why) notes.push(`${c.from} ${c.url} is ${why}, not this article's address`);
    else good.push(c);
  }
  if (good.length === 0) {
    if (notes.length) notes.push('no address is recorded for the article: give it with --url');
    return { notes };
  }
  const votes = new Map<string, number>();
  for (const c of good) votes.set(key(c), (votes.get(key(c)) ?? 0) + 1);
  const best = Math.max(...votes.values());
  const chosen = good.find((c) => votes.get(key(c)) === best)!;
  const others = good.filter((c) => key(c) !== key(chosen));
  for (const o of others) notes.push(`${o.from} ${o.url} differs from ${chosen.from} ${chosen.url}, which is used`);
  return { chosen, notes };
}
