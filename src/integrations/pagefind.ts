import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

// Builds the search index over the finished site, inside `astro build`, so the built site is
// searchable with no second command. Pages mark what is indexed with data-pagefind-* attributes.

/** Throws when Pagefind reports errors, naming the step that failed. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Astro integration that writes dist/pagefind/ after the pages are built. */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          assertNoErrors('createIndex', errors);
          if (!index) throw new Error('Pagefind returned no index');
          const added = await index.addDirectory({ path: site });
          assertNoErrors('indexing', added.errors);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          assertNoErrors('writing', written.errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${added.page_count} pages in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
