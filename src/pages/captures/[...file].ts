import type { APIContext } from 'astro';
import { publishedFile, publishedFilePaths } from '../../site/copied-files';

// The verbatim captures, so every article links to its untouched original.

export const getStaticPaths = () => publishedFilePaths('captures');

export const GET = ({ props }: APIContext) => publishedFile('captures', props.file as string);
