import type { APIContext } from 'astro';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../../lib/content-files';
import { contentDir } from '../../lib/content-dir';
import { publishedCaptureName } from '../../lib/captures';

// The verbatim captures, published as they are, so every article links to its untouched original.

const capturesDir = () => path.join(contentDir(), 'captures');

export async function getStaticPaths() {
  const files = await listFiles(capturesDir());
  return files.map((file) => ({ params: { file: publishedCaptureName(file) }, props: { file } }));
}

/** The capture's bytes, unchanged. */
export async function GET({ props }: APIContext) {
  const bytes = await readFile(path.join(capturesDir(), props.file as string));
  return new Response(bytes);
}
