import { defineCollection, reference } from 'astro:content';
import { setting } from './content/settings.ts';
import { articlesLoader, dataLoader } from './content/loaders.ts';
import { articleSchema, personSchema, sourceSchema } from './content/schema.ts';
import { versionSchema } from './content/version-entries.ts';

// Collections read from the content folder (ARCHIVE_CONTENT_DIR or ./content). Ids come from
// file paths, never from a `slug` field, so a file cannot claim another file's address. Every
// file is read as `npm run check` reads it (src/content/loaders.ts).

const root = setting('ARCHIVE_CONTENT_DIR');

/** Archived articles: content/articles/YYYY/MM/<slug>.md (front matter here, bodies rendered per page) */
const articles = defineCollection({
  loader: articlesLoader(`${root}/articles`),
  schema: articleSchema({ person: reference('people'), source: reference('sources') }),
});

/**
 * Earlier versions of articles: content/versions/<article id>/<version id>.md, read like articles
 * (front matter here, bodies rendered per page); see src/content/version-entries.ts.
 */
const versions = defineCollection({
  loader: articlesLoader(`${root}/versions`),
  schema: versionSchema,
});

/** People named in articles: content/people/<id>.yaml */
const people = defineCollection({
  loader: dataLoader(`${root}/people`),
  schema: personSchema,
});

/** Publications: content/sources/<id>.yaml */
const sources = defineCollection({
  loader: dataLoader(`${root}/sources`),
  schema: sourceSchema,
});

export const collections = { articles, versions, people, sources };
