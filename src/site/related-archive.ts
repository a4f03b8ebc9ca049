import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive, Article } from './collections.ts';
import { readArticleBody } from '../content/files.ts';
import { forgetLedes, takeLede } from '../content/lede-memo.ts';
import { articleTopics, topicKey } from '../content/topics.ts';
import { cacheSubdir } from '../render/cache-dir.ts';
import { jsonDigest, sha256Hex } from '../text/hash.ts';
import { markdownLede } from '../text/markdown-prose.ts';
import { primaryLanguage } from './text-direction.ts';
import { relatedCoverage, termCounter, type RelatedInput, type RelatedLists, type TermCounts } from './related.ts';

// The archive's related lists (src/site/related.ts), worked out once per archive load from every
// public article's front matter and words. An article's words (its TermCounts) are counted once
// and kept in the build cache, by what they are counted from (the file's digest, its headline,
// standfirst and language), so a rebuild counts only the articles added or changed; the opening
// of those articles' bodies comes from the articles loader, which has just read them
// (src/content/lede-memo.ts), and is read from the file only when the loader did not parse it.
// The lists themselves are kept in the cache too, with a digest of everything they were worked
// out from (every article's features and counts, in order): a rebuild whose edits change none of
// that (a paragraph added past the opening, a correction in a later paragraph) takes them from
// the cache instead of scoring every article again (docs/performance.md, "Related coverage,
// charts and data files: what each costs").
// Article pages show the lists (src/components/RelatedCoverage.astro) and put them into their
// cache keys (page-keys.ts).

/** An article's related articles: `earlier` were published before it, `later` after, each oldest first. */
export interface RelatedArticles {
  earlier: Article[];
  later: Article[];
}

/** The code the counts depend on, read from the working directory as cacheDir reads src/render/. */
const RULES = [
  'src/site/related.ts',
  'src/site/related-archive.ts',
  'src/text/fold.ts',
  'src/text/markdown-prose.ts',
  'src/text/report-words.ts',
  'src/text/stop-words.ts',
];

let rules: string | undefined;
/** A hash of the counting rules' code (RULES); of the counter's own code when they cannot be read. */
function rulesVersion(): string {
  if (rules !== undefined) return rules;
  let code: string;
  try {
    code = RULES.map((f) => readFileSync(f, 'utf8')).join('\0');
  } catch {
    code = `${termCounter.toString()}\0${markdownLede.toString()}`;
  }
  return (rules = sha256Hex(code).slice(0, 16));
}

/** One article's counts as the cache file keeps them: its key, its words joined by spaces, their counts. */
type CachedTerms = [key: string, words: string, counts: number[]];

/** The cache file of the counts of the rules `version`. */
function cacheFile(version: string): string {
  return path.join(cacheSubdir('related'), `terms-${version}.json`);
}

/** The counts kept by the last build, by key; none when there is no cache file or it cannot be read. */
function cachedTerms(version: string): Map<string, CachedTerms> {
  try {
    const entries = JSON.parse(readFileSync(cacheFile(version), 'utf8')) as CachedTerms[];
    return new Map(entries.map((e) => [e[0], e]));
  } catch {
    return new Map();
  }
}

/**
 * Writes `value` as JSON to the cache file `file` (whole, then renamed, so a reader never sees half
 * a file) and removes the files beside it whose names `sameKind` matches, other rules' versions.
 * @throws {NodeJS.ErrnoException} when the file cannot be written.
 */
function replaceCacheFile(file: string, value: unknown, sameKind: RegExp): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
  for (const f of readdirSync(path.dirname(file)))
    if (sameKind.test(f) && f !== path.basename(file)) rmSync(path.join(path.dirname(file), f), { force: true });
}

/** Writes the counts of this build as the cache (whole, then renamed), and removes other rules' files. */
function keepTerms(version: string, entries: CachedTerms[]): void {
  replaceCacheFile(cacheFile(version), entries, /^terms-.*\.json$/);
}

/** The lists as the cache file keeps them: the digest of their inputs (inputsDigest), and each article's by id. */
interface CachedLists {
  inputs: string;
  lists: [id: string, earlier: string[], later: string[]][];
}

/** The cache file of the lists of the rules `version`. */
function listsFile(version: string): string {
  return path.join(cacheSubdir('related'), `lists-${version}.json`);
}

/**
 * A digest of everything relatedCoverage reads, in order: each article's id, language, source,
 * people, topics and counted words. Equal digests give equal lists (relatedCoverage is a function
 * of its input alone). 64 hex digits.
 */
function inputsDigest(inputs: readonly RelatedInput[]): string {
  const hash = createHash('sha256');
  for (const a of inputs) {
    const words = a.terms === undefined ? [a.title, a.text] : [a.terms.words, a.terms.counts];
    hash.update(JSON.stringify([a.id, a.language, a.source, a.people, a.topics, ...words]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * The related lists of `inputs` (relatedCoverage), taken from the cache when it holds the lists of
 * the same inputs and rules, else worked out and kept there (whole, then renamed; other rules'
 * files removed).
 * @throws {NodeJS.ErrnoException} when the cache cannot be written.
 */
export function cachedRelatedCoverage(inputs: readonly RelatedInput[]): Map<string, RelatedLists> {
  const version = rulesVersion();
  const digest = inputsDigest(inputs);
  const file = listsFile(version);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as CachedLists;
    if (kept.inputs === digest) return new Map(kept.lists.map(([id, earlier, later]) => [id, { earlier, later }]));
  } catch {
    // No cache file, or one that cannot be read: the lists are worked out.
  }
  const lists = relatedCoverage(inputs);
  const cached: CachedLists = { inputs: digest, lists: [...lists].map(([id, l]) => [id, l.earlier, l.later]) };
  replaceCacheFile(file, cached, /^lists-.*\.json$/);
  return lists;
}

/** What relatedness looks at in an article besides its words. */
function relatedFeatures(article: Article, archive: Archive): Omit<RelatedInput, 'terms' | 'title' | 'text'> {
  const a = article.data;
  return {
    id: article.id,
    language: primaryLanguage(a.language),
    source: a.source.id,
    people: article.people.map((m) => m.id),
    topics: articleTopics(a.topics, archive.topicLabels).map(topicKey),
  };
}

/**
 * Every article's words, counted (termCounter) from its headline and the standfirst and opening
 * prose of its body, or taken from the cache; the cache is then rewritten with this build's
 * counts when any was counted or dropped.
 * @throws {NodeJS.ErrnoException} when an article's file cannot be read or the cache not written.
 */
function archiveTerms(articles: readonly Article[], languages: readonly string[]): TermCounts[] {
  const version = rulesVersion();
  const cached = cachedTerms(version);
  const count = termCounter();
  const kept: CachedTerms[] = [];
  let counted = 0;
  const terms = articles.map((article, i) => {
    const a = article.data;
    const language = languages[i]!;
    const digest = article.digest === undefined ? undefined : String(article.digest);
    const lede = digest === undefined ? undefined : takeLede(article.filePath!, digest);
    const key = digest === undefined ? undefined : jsonDigest([digest, a.title, a.dek ?? '', language]);
    const hit = key === undefined ? undefined : cached.get(key);
    if (hit) {
      kept.push(hit);
      return { words: hit[1] === '' ? [] : hit[1].split(' '), counts: hit[2] };
    }
    counted++;
    const opening = lede ?? markdownLede(readArticleBody(article.filePath!));
    const found = count(a.title, `${a.dek ?? ''}\n\n${opening}`, language);
    if (key !== undefined) kept.push([key, found.words.join(' '), found.counts]);
    return found;
  });
  forgetLedes();
  if (counted > 0 || kept.length !== cached.size) keepTerms(version, kept);
  return terms;
}

const cache = new WeakMap<Archive, Map<string, RelatedArticles>>();

/**
 * Every public article's related articles, by article id (see src/site/related.ts for how they are
 * chosen and ordered); computed on the first call for an archive and kept with it.
 * @throws {NodeJS.ErrnoException} when an article's file cannot be read or the cache not written.
 */
export function relatedArticles(archive: Archive): Map<string, RelatedArticles> {
  let lists = cache.get(archive);
  if (lists === undefined) {
    const byId = new Map(archive.articles.map((a) => [a.id, a]));
    const features = archive.articles.map((a) => relatedFeatures(a, archive));
    const terms = archiveTerms(
      archive.articles,
      features.map((f) => f.language),
    );
    const ids = cachedRelatedCoverage(features.map((f, i) => ({ ...f, terms: terms[i]! })));
    lists = new Map(
      [...ids].map(([id, { earlier, later }]) => [
        id,
        { earlier: earlier.map((i) => byId.get(i)!), later: later.map((i) => byId.get(i)!) },
      ]),
    );
    cache.set(archive, lists);
  }
  return lists;
}
