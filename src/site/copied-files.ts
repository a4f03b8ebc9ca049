import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { copiedCaptureName } from './captures.ts';
import { setting } from '../content/settings.ts';
import { listFiles } from '../content/files.ts';
import { loadArchive } from './collections.ts';

// Files copied from the content folder into the site as they are: verbatim captures and article media.

/** Content sub-folders copied byte for byte, and the name each file is copied to. */
const FOLDERS = {
  captures: copiedCaptureName,
  media: (file: string) => file,
} as const;

/**
 * Static paths for every file in a copied folder (for a `[...file].ts` route), but those that
 * belong only to articles the site does not show (Archive.withheld, src/site/collections.ts).
 */
export async function copiedFilePaths(folder: keyof typeof FOLDERS) {
  const withheld = (await loadArchive()).withheld[folder];
  const files = (await listFiles(path.join(setting('ARCHIVE_CONTENT_DIR'), folder))).filter(
    (file) => !withheld.has(file),
  );
  return files.map((file) => ({ params: { file: FOLDERS[folder](file) }, props: { file } }));
}

/** The file's bytes, unchanged. */
export async function copiedFile(folder: keyof typeof FOLDERS, file: string): Promise<Response> {
  return new Response(await readFile(path.join(setting('ARCHIVE_CONTENT_DIR'), folder, file)));
}
