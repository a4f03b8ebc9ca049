import { lowerWithoutAccents } from '../text/fold.ts';

// Ids and URL slugs. Entry ids come from file paths only (never from frontmatter), so a
// content file cannot place a page outside its own folder.

/** Lower-case, ASCII-folded, hyphen-joined form of a name, for URLs: "Jeff Sessions" -> "jeff-sessions". */
export function slugify(text: string): string {
  return lowerWithoutAccents(text)
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The entry id of a content file from its path inside its collection folder. */
export function idFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.(md|markdown|ya?ml|json)$/i, '')
    .split('/')
    .map(slugify)
    .filter(Boolean)
    .join('/');
}

/**
 * The parts of a content file's path (relative to its collection folder, extension removed) that
 * give no address: names with no letter or digit, such as "🎉". idFromPath would drop them, so
 * such a file would take its folder's address; the checker refuses it and loaders skip it.
 */
export function unnamedParts(relativePath: string): string[] {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.(md|markdown|ya?ml|json)$/i, '')
    .split('/')
    .filter((part) => slugify(part) === '');
}
