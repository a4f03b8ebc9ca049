import type { APIContext } from 'astro';
import { publishedFile, publishedFilePaths } from '../../lib/published-files';

// Images and other media that articles reference by `image.src`.

export const getStaticPaths = () => publishedFilePaths('media');

export const GET = ({ props }: APIContext) => publishedFile('media', props.file as string);
