import path from 'node:path';
import { parseYaml } from '../content/yaml.ts';
import { splitFrontmatter } from '../content/files.ts';
import { versionId } from '../content/version-entries.ts';
import { bodyHash } from './existing-entries.ts';
import { sha256Hex } from '../text/hash.ts';
import { ArchiveFiles } from './write.ts';
import { singleSpaced } from '../text/white-space.ts';

// The versions of an article as the importer sees them: the article file (the latest capture)
// and content/versions/<article id>/<version id>.md (the earlier ones), read from disk when a
// new capture of the same article arrives.

/** One stored version of an article. */
export interface StoredVersion {
  /** The Markdown file. */
  file: string;
  /** True for the article file (the latest version). */
  latest: boolean;
  /** The front matter's `captured` text. */
  captured: string;
  /** Its version id (see versionId). */
  id: string;
  title: string | undefined;
  captureSha256: string | undefined;
  /** The front matter's `capture` path. */
  capture: string | undefined;
  /** The Markdown body. */
  body: string;
  /** sameTextKey of the version: its headline, dek, byline and body. */
  hash: string;
  /** The whole front matter, as parsed. */
  data: Record<string, unknown>;
  /** The file's text, byte for byte what was read. */
  text: string;
}

/**
 * What makes two captures of an article the same text: the headline (`title`), the dek, the
 * byline (`authors`, in order) and the body (bodyHash: whitespace runs count as one space). A
 * change in any of them is a new version; a change elsewhere (scripts, the page around the
 * article, the capture moment) is not. Returns a SHA-256 in hex.
 */
export function sameTextKey(fields: { title?: unknown; dek?: unknown; authors?: unknown }, body: string): string {
  const line = (v: unknown) => (typeof v === 'string' ? singleSpaced(v) : '');
  const authors = Array.isArray(fields.authors) ? fields.authors.map(line) : [];
  return sha256Hex(JSON.stringify([line(fields.title), line(fields.dek), authors, bodyHash(body)]));
}

/** Raised when an article file or a version file cannot be read as a version; the message names the file and the fix. */
export class VersionError extends Error {}

/** The article id of an article file: its path under articles/ without ".md" ("2018/09/slug"). */
export function articleId(root: string, articleFile: string): string {
  return path.relative(path.join(root, 'articles'), articleFile).replace(/\.md$/, '').split(path.sep).join('/');
}

/** The folder of an article's earlier versions: content/versions/<article id>/. */
export function versionsFolder(root: string, articleFile: string): string {
  return path.join(root, 'versions', ...articleId(root, articleFile).split('/'));
}

/** Reads one version file; throws VersionError naming the file when it has no readable front matter or `captured`. */
async function readVersion(file: string, latest: boolean, files: ArchiveFiles): Promise<StoredVersion> {
  const bytes = await files.bytes(file);
  let text: string | null;
  try {
    text = bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = null;
  }
  const parts = text === null ? null : splitFrontmatter(text);
  if (text === null || !parts) throw new VersionError(`${file} has no front matter (run npm run check)`);
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(parts.yaml) as Record<string, unknown> | null) ?? {};
  } catch (err) {
    throw new VersionError(`${file} has front matter that is not YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const captured = typeof data.captured === 'string' ? data.captured : undefined;
  let id: string;
  try {
    id = versionId(captured ?? '');
  } catch {
    throw new VersionError(`${file} has no readable captured date (give it captured: YYYY-MM-DD)`);
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    file,
    latest,
    captured: captured!,
    id,
    title: str(data.title),
    captureSha256: str(data.captureSha256),
    capture: str(data.capture),
    body: parts.body,
    hash: sameTextKey(data, parts.body),
    data,
    text,
  };
}

/**
 * Every stored version of an article, the article file first, then the files of
 * content/versions/<article id>/ in name order, as `files` sees them (a dry run's writes
 * included; the disk by default). Throws VersionError for a file that cannot be read as a version.
 */
export async function readVersions(
  root: string,
  articleFile: string,
  files = new ArchiveFiles(false),
): Promise<StoredVersion[]> {
  const versions = [await readVersion(articleFile, true, files)];
  const folder = versionsFolder(root, articleFile);
  for (const name of (await files.names(folder)).filter((n) => n.endsWith('.md')))
    versions.push(await readVersion(path.join(folder, name), false, files));
  return versions;
}
