// One rule for when two original addresses are the same article, shared by the importer (which
// refuses or merges a page it already holds) and the checker (which reports two article files of
// one original), so the two never disagree.

/**
 * Query parameters that only track where a reader came from, never which page it is: campaign
 * tags (utm_*, Google Analytics' own _ga/_gl), click ids of ad and social networks (fbclid, gclid,
 * dclid, gbraid, wbraid, msclkid, yclid, twclid, ttclid, li_fat_id, igshid), mail tools' (mc_cid,
 * mc_eid for Mailchimp, _hsenc/_hsmi for HubSpot, mkt_tok for Marketo, oly_*_id for Omeda) and
 * the referral tags `ref` and `cmpid`. The list follows the ones browsers strip (Firefox's query
 * stripping list, Brave's) and no npm package kept in this project covers it.
 */
const TRACKING =
  /^(?:utm_\w+|_ga|_gl|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|ref|cmpid)$/i;

/**
 * An original address as the archive stores it: absolute http(s), without the fragment and
 * without tracking parameters (TRACKING); the rest (scheme, path, trailing slash, other
 * parameters) as given. `base` resolves a relative address. Undefined for anything else.
 */
export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    if (!/^https?:$/.test(url.protocol)) return undefined;
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The key under which two addresses are the same article: canonicalUrl, then http and https
 * alike and a path with or without a trailing slash alike ("http://x.org/a/" and
 * "https://x.org/a" match). Undefined when canonicalUrl is.
 */
export function addressKey(raw: string | undefined): string | undefined {
  const url = canonicalUrl(raw);
  if (!url) return undefined;
  const u = new URL(url);
  u.protocol = 'https:';
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.href;
}
