import { sha256Hex } from '../text/hash.ts';
import path from 'node:path';
import { listFiles, readUtf8, splitFrontmatter } from '../content/files.ts';
import { parseYaml } from '../content/yaml.ts';
import { idFromPath } from '../content/slug.ts';
import { PeopleIndex, type KnownPerson } from './people.ts';
import { addressKey } from '../content/addresses.ts';
import { ArchiveFiles } from './write.ts';
import { singleSpaced } from '../text/white-space.ts';

// What the archive already holds, as the importer needs it: original URLs and body hashes (to
// spot duplicates), people (to tag), sources (to match by web address). Kept up to date during a
// run, so a folder with the same page twice imports it once.

/** A source in the archive. */
export interface KnownSource {
  id: string;
  name: string;
  homepage: string;
}

/**
 * Hash of an article body's Markdown with every run of whitespace collapsed to one space, so
 * reformatting does not hide a duplicate: two captures of different addresses are the same text
 * when their hashes match (captures of one article also compare headline, dek and byline: see
 * sameTextKey).
 */
export function bodyHash(markdown: string): string {
  return sha256Hex(singleSpaced(markdown));
}

/** Host of a URL without "www.", or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** YAML of a data file, or undefined when it cannot be read (the checker reports such files). */
async function readYaml(file: string): Promise<Record<string, unknown> | undefined> {
  const text = await readUtf8(file);
  try {
    return text === null ? undefined : (parseYaml(text) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/** The archive's articles, people and sources, loaded from a content folder. */
export class ExistingEntries {
  /** Article files by the addressKey of their original address. */
  readonly byUrl = new Map<string, string>();
  readonly byHash = new Map<string, string>();
  readonly people: KnownPerson[] = [];
  readonly sources: KnownSource[] = [];
  readonly articlePaths = new Set<string>();
  /** Article files by the SHA-256 of a capture they (or one of their versions) keep. */
  readonly byCapture = new Map<string, string>();
  peopleIndex = new PeopleIndex([]);

  /** The content folder's files as this run sees them (a dry run's writes included). */
  readonly files: ArchiveFiles;

  constructor(files: ArchiveFiles = new ArchiveFiles(false)) {
    this.files = files;
  }

  /** Reads the content folder; `dryRun` keeps the run's writes in memory (see ArchiveFiles). */
  static async load(root: string, { dryRun = false } = {}): Promise<ExistingEntries> {
    const index = new ExistingEntries(new ArchiveFiles(dryRun));
    for (const rel of await listFiles(path.join(root, 'articles'))) {
      if (!rel.endsWith('.md')) continue;
      const file = path.join(root, 'articles', rel);
      const parts = splitFrontmatter((await readUtf8(file)) ?? '');
      if (!parts) continue;
      let data: Record<string, unknown> = {};
      try {
        data = (parseYaml(parts.yaml) as Record<string, unknown>) ?? {};
      } catch {
        // Unreadable frontmatter: `npm run check` reports it; the body hash still counts.
      }
      index.addArticle(file, typeof data.url === 'string' ? data.url : undefined, parts.body);
      if (typeof data.captureSha256 === 'string') index.byCapture.set(data.captureSha256, file);
    }
    // Earlier versions (content/versions/<article id>/<version id>.md) count as the article's text.
    for (const rel of await listFiles(path.join(root, 'versions'))) {
      if (!rel.endsWith('.md')) continue;
      const parts = splitFrontmatter((await readUtf8(path.join(root, 'versions', rel))) ?? '');
      if (!parts) continue;
      const article = path.join(root, 'articles', `${path.dirname(rel)}.md`);
      index.byHash.set(bodyHash(parts.body), article);
      const sha = /^captureSha256:\s*['"]?([0-9a-f]{64})/m.exec(parts.yaml)?.[1];
      if (sha) index.byCapture.set(sha, article);
    }
    for (const rel of await listFiles(path.join(root, 'people'))) {
      const data = await readYaml(path.join(root, 'people', rel));
      if (data && typeof data.name === 'string')
        index.people.push({
          id: idFromPath(rel),
          name: data.name,
          aliases: Array.isArray(data.aliases) ? data.aliases.map(String) : [],
        });
    }
    for (const rel of await listFiles(path.join(root, 'sources'))) {
      const data = await readYaml(path.join(root, 'sources', rel));
      if (data && typeof data.name === 'string')
        index.sources.push({
          id: idFromPath(rel),
          name: data.name,
          homepage: typeof data.homepage === 'string' ? data.homepage : '',
        });
    }
    index.peopleIndex = new PeopleIndex(index.people);
    return index;
  }

  /** Records an article (existing or just written); `sha256` is its capture's. */
  addArticle(file: string, url: string | undefined, body: string, sha256?: string): void {
    if (sha256) this.byCapture.set(sha256, file);
    this.articlePaths.add(file);
    const key = addressKey(url);
    if (key) this.byUrl.set(key, file);
    this.byHash.set(bodyHash(body), file);
  }

  /** Records a version added to an article: its text, and the address it was captured at. */
  addVersion(articleFile: string, url: string | undefined, body: string, sha256?: string): void {
    if (sha256) this.byCapture.set(sha256, articleFile);
    const key = addressKey(url);
    if (key && !this.byUrl.has(key)) this.byUrl.set(key, articleFile);
    this.byHash.set(bodyHash(body), articleFile);
  }

  /** The article archived at an address (compared by addressKey), or undefined. */
  articleAt(url: string | undefined): string | undefined {
    const key = addressKey(url);
    return key ? this.byUrl.get(key) : undefined;
  }

  /** Records that an article file moved (a draft given its date, see datedPlace in import-one.ts): what named the old path names the new one. */
  moveArticle(from: string, to: string): void {
    if (this.articlePaths.delete(from)) this.articlePaths.add(to);
    for (const map of [this.byUrl, this.byHash, this.byCapture])
      for (const [k, v] of map) if (v === from) map.set(k, to);
  }

  /** Forgets an article that was replaced by a file at another path. */
  forgetArticle(file: string): void {
    this.articlePaths.delete(file);
    for (const map of [this.byUrl, this.byHash, this.byCapture])
      for (const [k, v] of map) if (v === file) map.delete(k);
  }

  /** Records new people and rebuilds the name lookup. */
  addPeople(people: KnownPerson[]): void {
    this.people.push(...people);
    this.peopleIndex = new PeopleIndex(this.people);
  }

  /** The source for a page: by web address, then by name. */
  findSource(url: string | undefined, name: string | undefined): KnownSource | undefined {
    const host = hostOf(url);
    return (
      (host && this.sources.find((s) => hostOf(s.homepage) === host || host.endsWith(`.${hostOf(s.homepage)}`))) ||
      (name ? this.sources.find((s) => s.name.toLowerCase() === name.toLowerCase()) : undefined)
    );
  }

  /** Whether a person or source id is taken. */
  hasId(kind: 'people' | 'sources', id: string): boolean {
    return (kind === 'people' ? this.people : this.sources).some((e) => e.id === id);
  }
}
