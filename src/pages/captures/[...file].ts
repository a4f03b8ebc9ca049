import type { APIContext } from 'astro';
import { copiedFile, copiedFilePaths } from '../../site/copied-files.ts';

// The verbatim captures, so every article links to its untouched original.

export const getStaticPaths = () => copiedFilePaths('captures');

export const GET = ({ props }: APIContext) => copiedFile('captures', props.file as string);
