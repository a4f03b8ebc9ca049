import type { APIContext } from 'astro';
import { copiedFile, copiedFilePaths } from '../../site/copied-files.ts';

// Images and other media that articles reference by `image.src`.

export const getStaticPaths = () => copiedFilePaths('media');

export const GET = ({ props }: APIContext) => copiedFile('media', props.file as string);
