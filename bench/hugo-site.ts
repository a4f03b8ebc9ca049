import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { listFiles, splitFrontmatter } from '../src/content/files.ts';
import { parseYaml } from '../src/content/yaml.ts';
import { FEED_SIZE, PAGE_SIZE } from '../src/site/settings.ts';

// The benchmark corpus (bench/corpus.ts) as a Hugo site, for the build-cost comparison with the
// field's usual static stack (bench/hugo-compare.ts): the same articles as Hugo content, people
// and sources as the titles of their taxonomy terms, and a small set of layouts a newsroom
// developer would write in an afternoon (an article page with its byline, dek, body and links to
// its people, topics and source; paginated lists for the home page and each term; no search UI).
// Pagefind then indexes the articles and person pages of Hugo's output, with the archive's filters.

/** Front matter of a corpus article as the archive reads it (YAML 1.2, src/content/yaml.ts). */
interface CorpusArticle {
  title: string;
  dek?: string;
  source: string;
  url?: string;
  published: string;
  captured?: string;
  authors?: string[];
  people?: string[];
  topics?: string[];
}

/**
 * Hugo's front matter for a corpus article: `title`; `date` (the publication day); `dek`,
 * `authors`, `captured` and `original` (the source's address; Hugo's own `url` key would set the
 * page's address) as page parameters; `people` (ids), `topics` and `sources` (the source's id, in
 * a list as every taxonomy is) as Hugo taxonomies. Keys absent from the article are left out.
 *
 * Written as YAML 1.1, the YAML Hugo 0.111 reads (gopkg.in/yaml.v2): a text that YAML 1.1 would
 * read as something else (`yes`, `off`, `12:30`, `2005-03-02`) is quoted, so it stays that text.
 *
 * @param text the whole article file (front matter and Markdown body).
 * @param file the file's path, for messages.
 * @returns the Hugo content file: its front matter, then the body unchanged.
 * @throws Error naming the file and the field when the article has no front matter or lacks
 *   `title`, `published` or `source`.
 */
export function hugoArticle(text: string, file: string): string {
  const parts = splitFrontmatter(text);
  if (!parts) throw new Error(`${file}: no front matter (a "---" line, the YAML, then "---") to convert`);
  const a = parseYaml(parts.yaml) as CorpusArticle | null;
  for (const field of ['title', 'published', 'source'] as const) {
    if (typeof a?.[field] !== 'string')
      throw new Error(`${file}: front matter field "${field}" is missing or not text`);
  }
  const article = a!;
  const front = {
    title: article.title,
    date: article.published,
    dek: article.dek,
    authors: article.authors,
    people: article.people,
    topics: article.topics,
    sources: [article.source],
    captured: article.captured,
    original: article.url,
  };
  const present = Object.fromEntries(Object.entries(front).filter(([, v]) => v !== undefined));
  return `---\n${stringify(present, { version: '1.1' })}---\n${parts.body}`;
}

/** A term page's `_index.md`: its title and the other fields given, as YAML 1.1 front matter. */
function termIndex(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { version: '1.1' })}---\n`;
}

const CONFIG = {
  baseURL: 'https://archive.example.org/',
  languageCode: 'en',
  title: 'News archive',
  paginate: PAGE_SIZE,
  rssLimit: FEED_SIZE,
  taxonomies: { person: 'people', topic: 'topics', source: 'sources' },
  // One feed, the newest articles, as the archive has; Hugo's default adds one per section and term.
  outputs: { home: ['HTML', 'RSS'], section: ['HTML'], taxonomy: ['HTML'], term: ['HTML'] },
};

const LIST = `<ol class="articles">
  {{- range .Pages }}
  <li>
    <a href="{{ .RelPermalink }}">{{ .Title }}</a>
    <span>{{ range .GetTerms "sources" }}{{ .LinkTitle }}{{ end }}, <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></span>
    {{- with .Params.dek }}<p>{{ . }}</p>{{ end }}
  </li>
  {{- end }}
</ol>
`;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
  {{- with .Params.dek }}<meta name="description" content="{{ . }}">{{ end }}
  <link rel="canonical" href="{{ .Permalink }}">
  <link rel="stylesheet" href="{{ "style.css" | relURL }}">
  {{- with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
  <header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
    <nav><a href="{{ "people/" | relURL }}">People</a> <a href="{{ "topics/" | relURL }}">Topics</a> <a href="{{ "sources/" | relURL }}">Sources</a></nav>
  </header>
  <main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">{{ .Title }}</h1>
  {{- with .Params.dek }}<p class="dek">{{ . }}</p>{{ end }}
  <p class="byline">
    {{- with .Params.authors }}By {{ range $i, $a := . }}{{ if $i }} and {{ end }}<span data-pagefind-filter="author">{{ $a }}</span>{{ end }}, {{ end }}
    {{- range .GetTerms "sources" }}<a href="{{ .RelPermalink }}" data-pagefind-filter="source">{{ .LinkTitle }}</a>{{ end }},
    <time datetime="{{ .Date.Format "2006-01-02" }}" data-pagefind-sort="date[datetime]" data-pagefind-filter="year:{{ .Date.Year }}">{{ .Date.Format "2 January 2006" }}</time>
  </p>
  {{ .Content }}
  <footer>
    <p>People: {{ range $i, $p := .GetTerms "people" }}{{ if $i }}, {{ end }}<a href="{{ $p.RelPermalink }}" data-pagefind-filter="person">{{ $p.LinkTitle }}</a>{{ end }}</p>
    <p>Topics: {{ range $i, $t := .GetTerms "topics" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}" data-pagefind-filter="topic">{{ $t.LinkTitle }}</a>{{ end }}</p>
    {{- with .Params.original }}<p>Original: <a href="{{ . }}">{{ . }}</a></p>{{ end }}
  </footer>
</article>
{{ end }}
`,
  'partials/articles.html': LIST,
  'index.html': `{{ define "main" }}
{{- $pager := .Paginate (where site.RegularPages "Section" "articles") }}
<h1>Newest articles</h1>
{{ partial "articles.html" $pager }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ partial "articles.html" .Paginator }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  // A person's page is indexed once (name and description), as the archive's are; topic and source
  // pages, and a person's later pages of articles, are not.
  '_default/term.html': `{{ define "main" }}
{{ if and (eq .Data.Plural "people") (eq .Paginator.PageNumber 1) }}<header data-pagefind-body>{{ else }}<header>{{ end }}
  <h1 data-pagefind-meta="title">{{ .Title }}</h1>
  {{- with .Params.description }}<p>{{ . }}</p>{{ end }}
  {{- with .Params.also_named }}<p>Also named: {{ delimit . "; " }}</p>{{ end }}
</header>
{{ partial "articles.html" .Paginator }}
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  '_default/taxonomy.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
  {{- range .Data.Terms.Alphabetical }}
  <li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
  {{- end }}
</ul>
{{ end }}
`,
};

const STYLE = `body { font: 1.1rem/1.5 Georgia, serif; max-width: 40rem; margin: 0 auto; padding: 1rem; }
.dek { font-size: 1.25rem; color: #444; }
.byline, .articles span { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; } td, th { padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd; }
`;

/** The article files of a corpus, relative to its articles/ folder. */
async function corpusArticles(corpus: string): Promise<string[]> {
  return (await listFiles(path.join(corpus, 'articles'))).filter((f) => f.endsWith('.md'));
}

/**
 * Writes the Hugo site of a corpus into `site` (which should be empty or absent): `hugo.yaml`,
 * `layouts/`, `static/style.css`, `content/articles/YYYY/MM/<slug>.md` (hugoArticle), and
 * `content/people/<id>/_index.md` and `content/sources/<id>/_index.md` giving each term its name
 * (people: `title` from `name`, `description`, and `also_named` from `aliases`; sources: `title` from `name`).
 * Articles keep their corpus paths, so Hugo serves each at the archive's address
 * (`/articles/YYYY/MM/<slug>/`).
 *
 * @param corpus a content folder with articles/, people/ and sources/ (bench/corpus.ts).
 * @param site the Hugo project folder to write.
 * @returns how many articles were written.
 * @throws Error naming the file when an article or a person's or source's YAML cannot be converted.
 */
export async function writeHugoSite(corpus: string, site: string): Promise<number> {
  await mkdir(path.join(site, 'static'), { recursive: true });
  await writeFile(path.join(site, 'hugo.yaml'), stringify(CONFIG, { version: '1.1' }));
  await writeFile(path.join(site, 'static', 'style.css'), STYLE);
  for (const [name, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(site, 'layouts', name)), { recursive: true });
    await writeFile(path.join(site, 'layouts', name), text);
  }
  for (const kind of ['people', 'sources'] as const) {
    for (const file of (await readdir(path.join(corpus, kind))).filter((f) => f.endsWith('.yaml'))) {
      const from = path.join(corpus, kind, file);
      const entry = parseYaml(await readFile(from, 'utf8')) as { name?: unknown; [key: string]: unknown } | null;
      if (typeof entry?.name !== 'string') throw new Error(`${from}: field "name" is missing or not text`);
      const { name, ...rest } = entry;
      // Hugo's own \`aliases\` key makes redirect pages, so a person's other names go under another key.
      const fields =
        kind === 'people' ? { title: name, description: rest.description, also_named: rest.aliases } : { title: name };
      const folder = path.join(site, 'content', kind, file.replace(/\.yaml$/, ''));
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, '_index.md'), termIndex(fields));
    }
  }
  const articles = await corpusArticles(corpus);
  const folders = new Set<string>();
  for (const rel of articles) {
    const to = path.join(site, 'content', 'articles', rel);
    if (!folders.has(path.dirname(to))) {
      folders.add(path.dirname(to));
      await mkdir(path.dirname(to), { recursive: true });
    }
    const from = path.join(corpus, 'articles', rel);
    await writeFile(to, hugoArticle(await readFile(from, 'utf8'), from));
  }
  return articles.length;
}
