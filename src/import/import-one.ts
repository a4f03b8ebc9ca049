import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import type { Root } from 'hast';
import { articleSchema, canonicalLanguageTag } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';
import { ArchiveIndex, bodyHash, hostOf, type KnownSource } from './existing-entries.ts';
import { CaptureError, readCapture, type Capture } from './capture.ts';
import { partialCapture, readAccess } from './access.ts';
import { extractArticle, measureArticle, parsePage } from './extract.ts';
import { addExtractorFacts, canonicalUrl, dekIsStandfirst, readMetadata, type PageMetadata } from './metadata.ts';
import { parseHtmlFragment, treeToMarkdown, type Converted } from './markdown.ts';
import { findPeople } from './people.ts';
import { readTextCapture } from './text-capture.ts';
import { articleText, writeAtomic, yamlText } from './write.ts';

// One capture in, one archived article out (or a clear reason why not).

/** What the user asked for on the command line. */
export interface ImportOptions {
  dryRun: boolean;
  force: boolean;
  /** Write the proposed new people to a review file (reviewFile) instead of only listing them. */
  addPeople: boolean;
  /** Where --add-people writes its review file (default people-review.txt in the working folder). */
  reviewFile?: string | undefined;
  maxBytes: number;
  /** Facts the user supplies for captures that lack them (plain-text copies). */
  given: { url?: string | undefined; source?: string | undefined; published?: string | undefined };
}

/** The result for one capture. */
export interface Outcome {
  file: string;
  status: 'imported' | 'replaced' | 'skipped' | 'failed';
  reason?: string;
  article?: string;
  /** Fields the page did not state (left empty). */
  missing: string[];
  /** Names found that are not in the archive's people. */
  proposed: string[];
  /** Boilerplate removed, by rule. */
  removed: { rule: string; text: string }[];
  /** Parts of the page's metadata that could not be read (a broken JSON-LD block). */
  problems?: string[];
  /** How the text was found, when not the usual way. */
  notes?: string[];
  /** Files that were (or, in a dry run, would be) written. */
  written: string[];
  /** The article file text (for --dry-run). */
  preview?: string;
}

const articleCheck = articleSchema({ person: z.string(), source: z.string() });

/** The note a reader sees above an article of which only the free teaser was captured. */
export const PARTIAL_NOTE =
  'Partial capture: only the part of this article shown to non-subscribers was saved. The original continues behind the publisher’s paywall; do not cite this copy as the complete article.';

/** Titles of error pages ("404 Not Found", "Page not found", "Error 500"). */
const ERROR_TITLE = /\b(?:page not found|not found|page unavailable|server error|error \d{3})\b|^(?:error|\d{3})\b/i;

/** The least prose (characters in paragraphs of 80 or more, mostly not links) an article holds. */
export const MIN_PROSE = 200;

/** What a capture converts to: metadata, Markdown body, and whether only part of the article was captured. */
export interface Conversion {
  meta: PageMetadata;
  body: Converted;
  /** Set when the page shows only a teaser of an article behind a paywall: why it is judged so. */
  partial?: string | undefined;
  /** Something the report should tell the user about how the text was found. */
  note?: string | undefined;
}

/**
 * Reads the page and turns its article into Markdown, with the page's metadata.
 * Throws CaptureError for an error page or a page whose extracted article holds less than
 * MIN_PROSE characters of prose (an index page), unless `force` is set; the message gives the
 * measurements.
 */
export function convertCapture(capture: Capture, given: ImportOptions['given'] = {}, force = false): Conversion {
  if (!capture.html) {
    const { title, tree } = readTextCapture(capture.text);
    const meta: PageMetadata = title ? { title: { value: title, from: 'first line' } } : {};
    return { meta, body: treeToMarkdown(tree, { title }) };
  }
  const page = parsePage(capture.text);
  const pageTitle = (page.document.title ?? '').trim();
  const meta = readMetadata(page.document);
  const access = readAccess(page.document, meta);
  const standfirst = meta.dek ? dekIsStandfirst(page.document, meta.dek.value) : undefined;
  const extracted = extractArticle(page, given.url);
  addExtractorFacts(meta, extracted.byline, extracted.title);
  if (ERROR_TITLE.test(pageTitle) && extracted.textLength < 1500)
    throw new CaptureError(`looks like an error page ("${pageTitle}"), not an article`);
  const measure = extracted.html ? measureArticle(extracted.html) : { text: 0, linkText: 0, prose: 0, paragraphs: 0 };
  // A description the page prints as its first paragraph is the lede: it stays in the text, and
  // the article gets no dek rather than the same words twice. A printed standfirst is the dek.
  if (standfirst === false) meta.dek = undefined;
  const ctx = { title: meta.title?.value, dek: meta.dek?.value, siteName: meta.siteName?.value };
  const base = canonicalUrl(given.url) ?? meta.url?.value;
  // Second opinion: a page whose text is drawn by script holds no prose for the extractor, but its
  // JSON-LD may carry the whole article (`articleBody`); it is used only then.
  const ldBody = meta.articleBody?.value;
  if (measure.prose < MIN_PROSE && ldBody && ldBody.length >= MIN_PROSE) {
    const body = treeToMarkdown(textTree(ldBody), ctx, base);
    const note = `the page shows no article text (${measure.prose} characters of prose); the text is the JSON-LD articleBody`;
    return { meta, body, partial: partialCapture(access, body.report, body.text.length), note };
  }
  if (!extracted.html)
    throw new CaptureError('has no article text: the extractor found no block of text in the page (an empty page?)');
  if (measure.prose < MIN_PROSE && !force) {
    const links = measure.text ? Math.round((100 * measure.linkText) / measure.text) : 0;
    throw new CaptureError(
      `looks like an index page, not an article: the extracted text has ${measure.text} characters (${links}% in links) ` +
        `and ${measure.prose} characters of prose in ${measure.paragraphs} paragraph${measure.paragraphs === 1 ? '' : 's'} ` +
        `(an article has at least ${MIN_PROSE}); use --force to import it anyway`,
    );
  }
  const body = treeToMarkdown(parseHtmlFragment(extracted.html), ctx, base);
  // A description that repeats the first paragraph is the lede, not a separate standfirst: the
  // paragraph stays in the text, and the article gets no dek rather than the same words twice.
  const lede = body.text.split('\n').find((line) => line.trim());
  if (meta.dek && lede && squash(lede) === squash(meta.dek.value)) meta.dek = undefined;
  return { meta, body, partial: partialCapture(access, body.report, body.text.length) };
}

/** Text compared without case, spacing or punctuation. */
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Plain article text (paragraphs separated by line breaks) as a tree of paragraphs. */
function textTree(text: string): Root {
  return {
    type: 'root',
    children: text
      .split(/\n\s*\n|\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((p) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: p }] })),
  };
}

/** A free file name in the archive: slug, slug-2, slug-3... */
function freePath(index: ArchiveIndex, dir: string, slug: string, ext: string, mine: (p: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${n === 1 ? slug : `${slug}-${n}`}${ext}`);
    if (mine(candidate) || (!index.articlePaths.has(candidate) && !existsSync(candidate))) return candidate;
  }
}

/**
 * The source to record: the one named on the command line, a known one, or a new one from the
 * page. A new source gets an id no source file uses yet (name-2, name-3...): an existing
 * sources/<id>.yaml is never overwritten by a different publisher whose name slugs the same.
 */
function chooseSource(
  root: string,
  index: ArchiveIndex,
  url: string | undefined,
  meta: PageMetadata,
  given: string | undefined,
): { source?: KnownSource; isNew: boolean } {
  if (given) {
    const named = index.sources.find((s) => s.id === given);
    if (!named)
      throw new CaptureError(
        `--source ${given} is not in sources/ (known: ${index.sources.map((s) => s.id).join(', ') || 'none'})`,
      );
    return { source: named, isNew: false };
  }
  const known = index.findSource(url, meta.siteName?.value);
  if (known) return { source: known, isNew: false };
  const host = hostOf(url);
  const name = meta.siteName?.value ?? host;
  if (!name || !url) return { isNew: false };
  const base = slugify(name) || slugify(host ?? 'source') || 'source';
  let id = base;
  for (let n = 2; index.hasId('sources', id) || existsSync(path.join(root, 'sources', `${id}.yaml`)); n++)
    id = `${base}-${n}`;
  return { source: { id, name, homepage: new URL(url).origin + '/' }, isNew: true };
}

/** Imports one capture into the content folder (or, in a dry run, says what it would write). */
export async function importOne(
  file: string,
  root: string,
  index: ArchiveIndex,
  opts: ImportOptions,
): Promise<Outcome> {
  const outcome: Outcome = { file, status: 'failed', missing: [], proposed: [], removed: [], written: [] };
  try {
    const capture = await readCapture(file, opts.maxBytes);
    const { meta, body, partial, note } = convertCapture(capture, opts.given, opts.force);
    outcome.removed = body.report.removed;
    if (meta.problems) outcome.problems = meta.problems;
    if (note) outcome.notes = [note];
    if (body.text.trim().length < 80) throw new CaptureError('has almost no article text once boilerplate is removed');
    const url = canonicalUrl(opts.given.url) ?? meta.url?.value;
    const duplicate = (url && index.byUrl.get(url)) || index.byHash.get(bodyHash(body.markdown));
    if (duplicate && !opts.force)
      return {
        ...outcome,
        status: 'skipped',
        reason: `already archived as ${path.relative(process.cwd(), duplicate)} (same ${url && index.byUrl.get(url) ? 'original URL' : 'text'}); use --force to replace it`,
      };
    return await write(capture, meta, body, partial, url, duplicate || undefined, root, index, opts, outcome);
  } catch (err) {
    if (!(err instanceof CaptureError)) throw err;
    return { ...outcome, status: 'failed', reason: err.message };
  }
}

/** Builds the frontmatter, validates it, and writes capture, new source/people and article. */
async function write(
  capture: Capture,
  meta: PageMetadata,
  body: Converted,
  partial: string | undefined,
  url: string | undefined,
  replaces: string | undefined,
  root: string,
  index: ArchiveIndex,
  opts: ImportOptions,
  outcome: Outcome,
): Promise<Outcome> {
  const published = opts.given.published ?? meta.published?.value;
  const { source, isNew: newSource } = chooseSource(root, index, url, meta, opts.given.source);
  const people = findPeople(body.text, index.peopleIndex, meta.keywords?.value ?? []);
  const personIds = people.known;
  const topics = (meta.keywords?.value ?? [])
    .filter((k) => !index.peopleIndex.resolve(k) && !people.unknown.includes(k))
    .slice(0, 12);
  const credit = body.report.credits[0];
  const lead = meta.image && !inBody(meta.image.value.url, body.markdown) ? meta.image : undefined;
  const image =
    lead || credit
      ? {
          ...(lead?.value.url && { original: canonicalUrl(lead.value.url) }),
          ...(lead?.value.alt && { alt: lead.value.alt }),
          ...(lead?.value.caption && { caption: lead.value.caption }),
          ...(credit && { credit }),
        }
      : undefined;
  const captured = (await stat(capture.path)).mtime.toISOString().slice(0, 10);
  const folder = published ? path.join(published.slice(0, 4), published.slice(5, 7)) : 'undated';
  const fullSlug = slugify(meta.title?.value ?? path.basename(capture.path)) || 'article';
  const slug = fullSlug.length > 80 ? fullSlug.slice(0, 81).replace(/-[^-]*$/, '') : fullSlug;
  const articleFile = freePath(index, path.join(root, 'articles', folder), slug, '.md', (p) => p === replaces);
  const captureRel = `${folder}/${path.basename(articleFile, '.md')}${capture.ext}`;
  const frontmatter = Object.fromEntries(
    Object.entries({
      title: meta.title?.value ?? path.basename(capture.path),
      dek: meta.dek?.value,
      source: source?.id,
      url,
      published,
      updated: meta.modified?.value && meta.modified.value !== published ? meta.modified.value : undefined,
      captured,
      capture: captureRel,
      captureSha256: capture.sha256,
      authors: meta.authors?.value ?? [],
      people: personIds,
      topics,
      image,
      language: meta.language && canonicalLanguageTag(meta.language.value),
      draft: published && url && source && !partial ? undefined : true,
      editorsNote: partial ? PARTIAL_NOTE : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  outcome.missing = missingFacts(meta, { url, published, source });
  if (partial) outcome.missing.unshift(`the full text: partial capture, ${partial} (saved as a draft)`);
  outcome.proposed = people.unknown;
  const checked = articleCheck.safeParse(frontmatter);
  if (!checked.success)
    throw new CaptureError(
      `gives frontmatter the archive rejects: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const text = articleText(frontmatter, body.markdown);
  const files: [string, string | Uint8Array][] = [[path.join(root, 'captures', captureRel), capture.bytes]];
  if (newSource && source)
    files.push([
      path.join(root, 'sources', `${source.id}.yaml`),
      yamlText({ name: source.name, homepage: source.homepage }),
    ]);
  files.push([articleFile, text]);
  outcome.written = files.map(([f]) => f);
  outcome.article = articleFile;
  outcome.preview = text;
  outcome.status = replaces ? 'replaced' : 'imported';
  if (opts.dryRun) return outcome;
  for (const [f, data] of files) await writeAtomic(f, data);
  if (replaces && replaces !== articleFile) {
    await rm(replaces, { force: true });
    index.forgetArticle(replaces);
  }
  if (newSource && source) index.sources.push(source);
  index.addArticle(articleFile, url, body.markdown);
  return outcome;
}

/**
 * True when the lead image is already a figure in the body (same address, ignoring query and
 * size variants such as "-1200x800" or "_1024"): the article then shows it once, in place.
 */
function inBody(url: string, markdown: string): boolean {
  const stem = (u: string) => {
    try {
      const { pathname } = new URL(u, 'https://x.invalid/');
      return pathname.replace(/(?:[-_@](?:\d+x\d+|\d+w?|\dx))?\.\w+$/, '').toLowerCase();
    } catch {
      return u;
    }
  };
  const want = stem(url);
  return [...markdown.matchAll(/<img [^>]*src="([^"]+)"|!\[[^\]]*\]\(([^)\s]+)/g)].some(
    (m) => stem(m[1] ?? m[2]!) === want,
  );
}

/** The facts the page did not state, as the report lists them. */
function missingFacts(
  meta: PageMetadata,
  got: { url?: string | undefined; published?: string | undefined; source?: KnownSource | undefined },
): string[] {
  const missing: string[] = [];
  if (!got.published) missing.push('published date (saved as a draft)');
  if (!got.url) missing.push('original URL (saved as a draft)');
  if (!got.source) missing.push('source (saved as a draft)');
  if (!meta.authors) missing.push('authors');
  if (!meta.dek) missing.push('dek');
  if (!meta.language) missing.push('language (the site assumes en)');
  return missing;
}
