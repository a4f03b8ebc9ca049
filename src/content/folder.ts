import path from 'node:path';

// The archive's content folder: the project's own `content/`, or the one a user points to.

/** Absolute path of the content folder (ARCHIVE_CONTENT_DIR, or ./content). */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.ARCHIVE_CONTENT_DIR || 'content');
}
