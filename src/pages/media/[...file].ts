import type { APIContext } from 'astro';
import { publishedFile, publishedFilePaths } from '../../site/copied-files';

// Images and other media that articles reference by `image.src`.

export const getStaticPaths = () => publishedFilePaths('media');

export const GET = ({ props }: APIContext) => publishedFile('media', props.file as string);
