import type { APIContext } from 'astro';
import { publishedFile, publishedFilePaths } from '../../lib/published-files';

// The verbatim captures, so every article links to its untouched original.

export const getStaticPaths = () => publishedFilePaths('captures');

export const GET = ({ props }: APIContext) => publishedFile('captures', props.file as string);
