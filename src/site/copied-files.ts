import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { publishedCaptureName } from './captures.ts';
import { contentDir } from '../content/folder.ts';
import { listFiles } from '../content/files.ts';

// Files published from the content folder as they are: verbatim captures and article media.

/** Content sub-folders published byte for byte, and the name each file is published under. */
const FOLDERS = {
  captures: publishedCaptureName,
  media: (file: string) => file,
} as const;

/** Static paths for every file in a published folder (for a `[...file].ts` route). */
export async function publishedFilePaths(folder: keyof typeof FOLDERS) {
  const files = await listFiles(path.join(contentDir(), folder));
  return files.map((file) => ({ params: { file: FOLDERS[folder](file) }, props: { file } }));
}

/** The file's bytes, unchanged. */
export async function publishedFile(folder: keyof typeof FOLDERS, file: string): Promise<Response> {
  return new Response(await readFile(path.join(contentDir(), folder, file)));
}
