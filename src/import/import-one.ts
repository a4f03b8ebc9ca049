import { stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { z } from 'astro/zod';
import type { Root } from 'hast';
import { articleSchema, canonicalLanguageTag } from '../content/schema.ts';
import { slugify } from '../content/slug.ts';
import { isoDay } from '../content/dates.ts';
import { splitFrontmatter } from '../content/files.ts';
import { displayPath } from '../content/problems.ts';
import { ExistingEntries, bodyHash, hostOf, type KnownSource } from './existing-entries.ts';
import { CaptureError, captureType, readCapture, type Capture } from './capture.ts';
import { decodePage } from '../content/charset.ts';
import { mergeEntry, sameValue, type EntryText, type FieldNote } from './merge.ts';
import { partialCapture, readAccess } from './access.ts';
import { cutShortReason, documentEnd } from './document-end.ts';
import { extractArticle, measureArticle, parsePage } from './extract.ts';
import {
  addExtractorFacts,
  addHeadLineFacts,
  canonicalUrl,
  dekIsStandfirst,
  readMetadata,
  type PageMetadata,
} from './metadata.ts';
import { parseHtmlFragment, treeToMarkdown, type Converted } from './markdown.ts';
import { findPeople } from './people.ts';
import { staleQuoteCorrections } from './quote-corrections.ts';
import { readTextCapture } from './text-capture.ts';
import { withoutControlCharactersNoted } from './control-characters.ts';
import { articleText, BACKUP_FOLDER, backupStamp, yamlText } from './write.ts';
import { compareDates } from '../content/dates.ts';
import { ARTICLE_LEVEL_FIELDS, VERSION_FIELDS, versionId, versionSchema } from '../content/version-entries.ts';
import { changeSize } from '../render/version-diff.ts';
import {
  articleId,
  readVersions,
  sameTextKey,
  versionsFolder,
  VersionError,
  type StoredVersion,
} from './stored-versions.ts';
import type { WarcProvenance } from './web-archive.ts';
import { distance } from 'fastest-levenshtein';
import { lowerLettersAndDigits } from '../text/fold.ts';
import { sha256Hex } from '../text/hash.ts';
import { singleSpaced } from '../text/white-space.ts';

// One capture in, one archived article out (or a clear reason why not).

/** What the user asked for on the command line. */
export interface ImportOptions {
  dryRun: boolean;
  force: boolean;
  /** Write the proposed new people to a review file (reviewFile) instead of only listing them. */
  addPeople: boolean;
  /** Where --add-people writes its review file (default people-review.txt in the content folder). */
  reviewFile?: string | undefined;
  maxBytes: number;
  /** The name of the folder under .import-backups/ that this run's copies of rewritten files go to (default: the run's start, see backupStamp). */
  backupStamp?: string;
  /** Facts the user supplies for captures that lack them (plain-text copies). */
  given: { url?: string | undefined; source?: string | undefined; published?: string | undefined };
}

/** Where a capture came from when it is not a file the user saved: a WARC response record. */
export interface CaptureOrigin {
  /** The capture moment (the record's WARC-Date, "2026-11-27T10:15:00Z"), instead of the file's modification day. */
  captured?: string;
  /** The original address (WARC-Target-URI), instead of the page's canonical URL. */
  url?: string;
  /** The record's provenance, written to the front matter as `warc`. */
  warc?: WarcProvenance;
  /** How the report names the capture's file ("crawl.warc.gz"). */
  file?: string;
  /** The record, as the report names it. */
  record?: { uri: string; date: string };
  /** What the report should say about how the capture was read. */
  notes?: string[];
}

/** A version added to an article that was already archived. */
interface AddedVersion {
  /** The article file. */
  article: string;
  /** The new version's id and `captured`. */
  id: string;
  captured: string;
  /** True when the new capture is the latest (the article file now holds it). */
  latest: boolean;
  /** Where the version is (the article file, or content/versions/...). */
  file: string;
  /** `captured` of the version it is compared with: the one before it, or (for the oldest) the one after. */
  comparedWith: string;
  /** Words added and removed against that version (see changeSize). */
  added: number;
  removed: number;
  /** The headline differs from that version's. */
  titleChanged: boolean;
}

/** The result for one capture. */
export interface Outcome {
  file: string;
  /** The WARC record, for a capture read from a web archive. */
  record?: { uri: string; date: string };
  status: 'imported' | 'versioned' | 'replaced' | 'skipped' | 'failed';
  reason?: string;
  article?: string;
  /** For status versioned: the version added. */
  version?: AddedVersion;
  /** For status failed: the whole web archive could not be read (to the end); it is not a capture. */
  archive?: boolean;
  /** For status failed: the page is not an article (an error page, an index page), not a broken capture. */
  notArticle?: boolean;
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
  /** The Markdown file written (the article file, or a version file in versions/). */
  entry?: string;
  /** Files that were (or, in a dry run, would be) written. */
  written: string[];
  /** The article file text (for --dry-run). */
  preview?: string;
  /** For a file already in the archive, merged with the capture: what was kept from the file, and what the capture changed (`capture`: its value, as the report shows it; `given`: the value came from --url, --source or --published). */
  merge?: (FieldNote & { capture?: string; given?: boolean })[];
  /** A copy of the file as it was before this run rewrote it. */
  backup?: string;
  /** For a file merged with the capture: true when the merge left it as it was. */
  unchanged?: boolean;
  /** What the user should look at: a capture that could not change what the editor decided (see write). */
  warnings?: string[];
  /** For a plain-text capture saved as a draft: the options that would complete it. */
  complete?: string[];
  /** An undated draft's file that now has its date, moved to its dated folder (see datedPlace). */
  moved?: { from: string; to: string };
}

const articleCheck = articleSchema({ person: z.string(), source: z.string() });

/** The note a reader sees above an article of which only the free teaser was captured. */
const PARTIAL_NOTE =
  'Partial capture: only the part of this article shown to non-subscribers was saved. The original continues behind the publisher’s paywall; do not cite this copy as the complete article.';

/** The note a reader sees above an article whose saved page stops part-way through its text (see cutShortReason). */
export const CUT_NOTE =
  'Partial capture: the saved page stops part-way through this article, so its end is missing. The original continues beyond what was saved; do not cite this copy as the complete article.';

/** The importer's partial-capture notes, each leading an editor's note it is written into. */
const PARTIAL_NOTES = [PARTIAL_NOTE, CUT_NOTE];

/** The partial-capture note an editor's note leads with (PARTIAL_NOTE or CUT_NOTE), or undefined. */
export function partialNoteIn(note: unknown): string | undefined {
  return typeof note === 'string' ? PARTIAL_NOTES.find((n) => note.startsWith(n)) : undefined;
}

/** Raised for a page that is not an article (an error page, an index page, a page without text). */
class NotArticleError extends CaptureError {}

/** Titles of error pages ("404 Not Found", "Page not found", "Error 500"). */
const ERROR_TITLE = /\b(?:page not found|not found|page unavailable|server error|error \d{3})\b|^(?:error|\d{3})\b/i;

/** The least prose (characters in paragraphs of 80 or more, mostly not links) an article holds. */
const MIN_PROSE = 200;

/** What a capture converts to: metadata, Markdown body, and whether only part of the article was captured. */
export interface Conversion {
  meta: PageMetadata;
  body: Converted;
  /**
   * Set when the capture holds only part of the article: why it is judged so (the page shows
   * only a teaser of an article behind a paywall, or its bytes stop part-way through the article).
   */
  partial?: string | undefined;
  /** With `partial`: the note a reader sees above the article (PARTIAL_NOTE or CUT_NOTE). */
  partialNote?: string | undefined;
  /** Something the report should tell the user about how the text was found. */
  note?: string | undefined;
  /** Set when the page holds several stories and this is the one kept (see keepNamedArticle). */
  oneOfSeveral?: boolean;
  /** Set when the story kept is the one the address given with --url names: that is its address. */
  chosenByUrl?: boolean;
}

/**
 * Reads the page and turns its article into Markdown, with the page's metadata.
 * @throws {CaptureError} for an error page or a page whose extracted article holds less than
 *   MIN_PROSE characters of prose (an index page), unless `force` is set; the message gives the
 *   measurements.
 */
export function convertCapture(capture: Capture, given: ImportOptions['given'] = {}, force = false): Conversion {
  if (!capture.html) {
    const { title, tree } = readTextCapture(capture.text);
    const meta: PageMetadata = title ? { title: { value: title, from: 'first line' } } : {};
    const body = treeToMarkdown(tree, { title });
    // A "By" line under the headline is taken out of the text: its names are the authors.
    const notes = addHeadLineFacts(meta, body.report.removed);
    return { meta, body, note: notes.join('; ') || undefined };
  }
  const page = parsePage(capture.text, given.url);
  const pageTitle = (page.document.title ?? '').trim();
  const meta = readMetadata(page.document);
  const access = readAccess(page.document, meta);
  const standfirst = meta.dek ? dekIsStandfirst(page.document, meta.dek.value) : undefined;
  const extracted = extractArticle(page, given.url);
  addExtractorFacts(meta, extracted.byline, extracted.title);
  const found = [...page.notes, ...(meta.notes ?? []), ...extracted.notes];
  if (ERROR_TITLE.test(pageTitle) && extracted.textLength < 1500)
    throw new NotArticleError(`looks like an error page ("${pageTitle}"), not an article`);
  const measure = extracted.html ? measureArticle(extracted.html) : { text: 0, linkText: 0, prose: 0, paragraphs: 0 };
  // A description the page prints as its first paragraph is the lede: it stays in the text, and
  // the article gets no dek rather than the same words twice. A printed standfirst is the dek.
  if (standfirst === false) meta.dek = undefined;
  const ctx = { title: meta.title?.value, dek: meta.dek?.value, siteName: meta.siteName?.value };
  // The address the page states is its own; --url is for a page that states none, or names the
  // story kept of several.
  const base = (page.chosenByUrl ? canonicalUrl(given.url) : undefined) ?? meta.url?.value ?? canonicalUrl(given.url);
  // Second opinion: a page whose text is drawn by script holds no prose for the extractor, but its
  // JSON-LD may carry the whole article (`articleBody`); it is used only then.
  const ldBody = meta.articleBody?.value;
  if (measure.prose < MIN_PROSE && ldBody && ldBody.length >= MIN_PROSE) {
    const body = treeToMarkdown(textTree(ldBody), ctx, base);
    const headNotes = addHeadLineFacts(meta, body.report.removed);
    const note = `the page shows no article text (${measure.prose} characters of prose); the text is the JSON-LD articleBody`;
    const partial = partialCapture(access, body.report, body.text.length);
    return {
      meta,
      body,
      ...(partial !== undefined && { partial, partialNote: PARTIAL_NOTE }),
      note: [...found, note, ...headNotes].join('; '),
    };
  }
  if (!extracted.html)
    throw new NotArticleError('has no article text: the extractor found no block of text in the page (an empty page?)');
  if (measure.prose < MIN_PROSE && !force) {
    const links = measure.text ? Math.round((100 * measure.linkText) / measure.text) : 0;
    throw new NotArticleError(
      `looks like an index page, not an article: the extracted text has ${measure.text} characters (${links}% in links) ` +
        `and ${measure.prose} characters of prose in ${measure.paragraphs} paragraph${measure.paragraphs === 1 ? '' : 's'} ` +
        `(an article has at least ${MIN_PROSE}); use --force to import it anyway`,
    );
  }
  const body = treeToMarkdown(parseHtmlFragment(extracted.html), ctx, base);
  const headNotes = addHeadLineFacts(meta, body.report.removed);
  // A description that repeats the first paragraph is the lede, not a separate standfirst: the
  // paragraph stays in the text, and the article gets no dek rather than the same words twice.
  const lede = body.text.split('\n').find((line) => line.trim());
  if (meta.dek && lede && lowerLettersAndDigits(lede) === lowerLettersAndDigits(meta.dek.value)) meta.dek = undefined;
  // Only a teaser behind a paywall, or a page whose bytes stop part-way through the article.
  const teaser = partialCapture(access, body.report, body.text.length);
  const cut = teaser ? undefined : cutShortReason(documentEnd(capture.text), body.text);
  return {
    meta,
    body,
    ...(teaser !== undefined && { partial: teaser, partialNote: PARTIAL_NOTE }),
    ...(cut !== undefined && { partial: cut, partialNote: CUT_NOTE }),
    note: [...found, ...headNotes].join('; ') || undefined,
    ...(page.oneOfSeveral && { oneOfSeveral: true }),
    ...(page.chosenByUrl && { chosenByUrl: true }),
  };
}

/** Plain article text (paragraphs separated by line breaks) as a tree of paragraphs. */
function textTree(text: string): Root {
  return {
    type: 'root',
    children: text
      .split(/\n\s*\n|\n/)
      .map((p) => singleSpaced(p))
      .filter(Boolean)
      .map((p) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: p }] })),
  };
}

/** A free file name in the archive: slug, slug-2, slug-3... */
function freePath(
  index: ExistingEntries,
  dir: string,
  slug: string,
  ext: string,
  mine: (p: string) => boolean,
): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${n === 1 ? slug : `${slug}-${n}`}${ext}`);
    if (mine(candidate) || (!index.articlePaths.has(candidate) && !index.files.exists(candidate))) return candidate;
  }
}

/** Whether two dates (YYYY-MM-DD, or a full timestamp) fall on the same day as written. */
function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10);
}

/**
 * The address to record for a capture: the one its web archive record gives (`recorded`), else
 * the one the page states (`stated`: canonical, og:url or JSON-LD, see readMetadata), else the one
 * given with --url (`given`), which is for captures that state none. A story chosen with --url
 * among several on one page (`chosenByUrl`, see keepNamedArticle) has the address given: the
 * page's own names another story. A --url not used is said in `outcome.notes`.
 */
function capturedAddress(
  recorded: string | undefined,
  stated: string | undefined,
  given: string | undefined,
  chosenByUrl: boolean | undefined,
  outcome: Outcome,
): string | undefined {
  const givenUrl = canonicalUrl(given);
  const own = canonicalUrl(recorded) ?? (chosenByUrl ? undefined : stated);
  if (own && givenUrl && own !== givenUrl)
    outcome.notes = [
      ...(outcome.notes ?? []),
      `--url ${given} not used: the capture states its address ${own}${recorded ? ' (its web archive record)' : ''}`,
    ];
  return own ?? givenUrl ?? stated;
}

/**
 * The source to record: the one the capture states (a known source its address or site name
 * matches, else a new one from the site name the page gives), else the one named on the command
 * line (--source is for captures that do not state it), else a new one from the address. A new
 * source gets an id no source file uses yet (name-2, name-3...): an existing sources/<id>.yaml is
 * never overwritten by a different publisher whose name slugs the same. `states` is false for a
 * capture that can state no source (a plain-text copy). `unused` says why a --source was not used
 * (the capture states another); a --source not in sources/ is refused only for a capture that
 * would use it (see unknownSource), so one crawl's captures that each state their own import.
 * @throws {CaptureError} for a --source (`given`) that is not in sources/, when the capture would use it.
 */
function chooseSource(
  root: string,
  index: ExistingEntries,
  url: string | undefined,
  meta: PageMetadata,
  given: string | undefined,
  states = true,
): { source?: KnownSource; isNew: boolean; unused?: string | undefined } {
  const named = given ? index.sources.find((s) => s.id === given) : undefined;
  const needed = (): KnownSource => named ?? unknownSource(given!, index);
  // A plain-text copy states nothing (its address, if any, is the one given with --url).
  if (given && !states) return { source: needed(), isNew: false };
  const siteName = meta.siteName?.value;
  const unused = (stated: KnownSource) =>
    given && stated.id !== given
      ? `--source ${given} not used: the capture states its source, ${stated.name} (${siteName ? `site name “${siteName}”` : `address ${url}`})`
      : undefined;
  const known = index.findSource(url, siteName);
  if (known) return { source: known, isNew: false, unused: unused(known) };
  // A bare address names a host, not a publication: a source given is used before it.
  if (given && !(siteName && url)) return { source: needed(), isNew: false };
  const host = hostOf(url);
  const name = siteName ?? host;
  if (!name || !url) return { isNew: false };
  const base = slugify(name) || slugify(host ?? 'source') || 'source';
  let id = base;
  for (let n = 2; index.hasId('sources', id) || index.files.exists(path.join(root, 'sources', `${id}.yaml`)); n++)
    id = `${base}-${n}`;
  const source = { id, name, homepage: new URL(url).origin + '/' };
  return { source, isNew: true, unused: unused(source) };
}

/**
 * The refusal of a --source that names no file in sources/, for a capture that would take it:
 * the option, the ids there are (the nearest first, by edit distance), and the two fixes.
 * @throws {CaptureError} always.
 */
function unknownSource(given: string, index: ExistingEntries): never {
  const ids = index.sources
    .map((s) => s.id)
    .sort((a, b) => distance(given, a) - distance(given, b) || a.localeCompare(b));
  const near = ids[0] !== undefined && distance(given, ids[0]) <= Math.max(2, given.length / 3) ? ids[0] : undefined;
  throw new CaptureError(
    `--source ${given} is not in sources/${near ? ` (did you mean --source ${near}?)` : ''}: this capture states no source of its own, so it needs one; ` +
      `use an id from sources/ (${ids.slice(0, 8).join(', ') || 'none yet'}${ids.length > 8 ? ', …' : ''}) or add sources/${given}.yaml with its name and homepage`,
  );
}

/**
 * Imports one capture file into the content folder (or, in a dry run, says what it would write). A
 * capture that cannot be imported gives an outcome with status 'failed' and the reason; a
 * duplicate, 'skipped'. `opts.maxBytes` is the largest page imported, in bytes.
 * @throws {NodeJS.ErrnoException} when the content folder cannot be read or written (the capture
 *   itself is never the cause: its faults are outcomes).
 */
export async function importOne(
  file: string,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
): Promise<Outcome> {
  let capture: Capture;
  try {
    capture = await readCapture(file, opts.maxBytes);
  } catch (err) {
    if (!(err instanceof CaptureError)) throw err;
    return { file, status: 'failed', reason: err.message, missing: [], proposed: [], removed: [], written: [] };
  }
  return importCapture(capture, {}, root, index, opts);
}

/**
 * Imports a capture already read (a file, or a WARC record's payload with its origin). A capture
 * of an address (original or canonical URL) already archived is a version of that article: the
 * same text as the versions next to it in time is skipped as a duplicate; anything else is added
 * as a new version (see addVersion); so are the same capture bytes again, whatever address they
 * give (a plain-text copy gives none). A capture of another address with the same body as an
 * archived article is skipped; with `--force` it is merged into that article in place (see
 * write) when the article holds only that one capture.
 */
export async function importCapture(
  capture: Capture,
  origin: CaptureOrigin,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
): Promise<Outcome> {
  const outcome: Outcome = {
    file: origin.file ?? capture.path,
    ...(origin.record && { record: origin.record }),
    status: 'failed',
    missing: [],
    proposed: [],
    removed: [],
    written: [],
  };
  try {
    const conversion = withoutControlCharactersNoted(convertCapture(capture, opts.given, opts.force));
    const { meta, body, note } = conversion;
    outcome.removed = body.report.removed;
    if (meta.problems) outcome.problems = meta.problems;
    const notes = [...(origin.notes ?? []), ...(note ? [note] : [])];
    if (notes.length) outcome.notes = notes;
    if (body.text.trim().length < 80)
      throw new NotArticleError('has almost no article text once boilerplate is removed');
    const canonical = meta.url?.value;
    const url = capturedAddress(origin.url, canonical, opts.given.url, conversion.chosenByUrl, outcome);
    const captured = origin.captured ?? isoDay((await stat(capture.path)).mtime);
    const facts: CaptureFacts = { capture, conversion, url, captured, warc: origin.warc };
    // The same capture bytes are the same capture whatever address it gives (a plain-text copy
    // gives none until --url is used).
    const byAddress = index.articleAt(url) ?? index.articleAt(canonical);
    const byBytes = byAddress ? undefined : index.byCapture.get(capture.sha256);
    // A page holding several stories is one capture of each: the story chosen (--url) that is
    // not the one archived from these bytes is an article of its own, never merged into that one.
    const article =
      byAddress ?? (byBytes && !(await anotherStoryOf(byBytes, facts, root, index)) ? byBytes : undefined);
    if (article)
      return await draftAddingNothing(
        await addVersion(facts, article, root, index, opts, outcome, Boolean(byAddress)),
        capture,
        root,
      );
    const duplicate = index.byHash.get(bodyHash(body.markdown));
    if (!duplicate) return await write(facts, { kind: 'new' }, root, index, opts, outcome);
    const shown = displayPath(duplicate);
    const versions = await readVersions(root, duplicate, index.files);
    // Another file with the same text at another address adds nothing, and --force does not make
    // it replace the kept capture (a kept capture is never overwritten by other bytes).
    if (!versions.some((v) => v.captureSha256 === capture.sha256))
      return {
        ...outcome,
        status: 'skipped',
        article: duplicate,
        reason: `already archived as ${shown} (same text); this capture is another file, of another address, and adds nothing`,
      };
    if (!opts.force)
      return {
        ...outcome,
        status: 'skipped',
        article: duplicate,
        reason: `already archived as ${shown} (same text); --force extracts it again, keeping every hand edit`,
      };
    // --force with the same text under another address: the article is rewritten in place, only
    // when it holds this one capture (an article with versions keeps them all).
    if (versions.length > 1 || bodyHash(versions[0]!.body) !== bodyHash(body.markdown))
      return {
        ...outcome,
        status: 'skipped',
        article: duplicate,
        reason: `same text as a version of ${shown}, which has ${versions.length} versions; --force replaces only an article captured once, or the version with the same capture time`,
      };
    return await write(
      facts,
      { kind: 'replace', articleFile: duplicate, old: versions[0]!, others: [] },
      root,
      index,
      opts,
      outcome,
    );
  } catch (err) {
    if (!(err instanceof CaptureError) && !(err instanceof VersionError)) throw err;
    return {
      ...outcome,
      status: 'failed',
      reason: err.message,
      ...(err instanceof NotArticleError && { notArticle: true }),
    };
  }
}

/**
 * Whether the capture is another story of a page already archived from the same bytes as
 * `articleFile`: the page holds several stories, this one was kept by its address (`facts.url`),
 * and the version keeping those bytes has another original URL and another text. The same story
 * under an address the editor changed by hand keeps its text, so it stays the same article.
 */
async function anotherStoryOf(
  articleFile: string,
  facts: CaptureFacts,
  root: string,
  index: ExistingEntries,
): Promise<boolean> {
  const { conversion, capture, url } = facts;
  if (!conversion.oneOfSeveral || !url) return false;
  if (index.byHash.get(bodyHash(conversion.body.markdown)) === articleFile) return false;
  const versions = await readVersions(root, articleFile, index.files);
  const kept = versions.find((v) => v.captureSha256 === capture.sha256);
  const keptUrl = typeof kept?.data.url === 'string' ? canonicalUrl(kept.data.url) : undefined;
  return keptUrl !== undefined && keptUrl !== url;
}

/**
 * A skipped capture that is the kept capture of a draft (the command --drafts printed to complete
 * it) when that capture is already archived in another article: the reason names the draft, which
 * adds nothing (see Draft.archivedAs).
 */
async function draftAddingNothing(done: Outcome, capture: Capture, root: string): Promise<Outcome> {
  const captures = path.resolve(root, 'captures');
  if (done.status !== 'skipped' || !path.resolve(capture.path).startsWith(captures + path.sep)) return done;
  const { listDrafts } = await import('./drafts.ts');
  const draft = (await listDrafts(root)).find(
    (d) => d.capture && path.resolve(d.capture) === path.resolve(capture.path) && d.file !== done.article,
  );
  if (!draft || !done.article) return done;
  const rel = displayPath;
  return {
    ...done,
    reason: `${done.reason}; the draft ${rel(draft.file)} made from this capture adds nothing: move any edit you made to it into ${rel(done.article)}, then delete it and ${rel(capture.path)}`,
  };
}

/** What is known of a capture once converted. */
export interface CaptureFacts {
  capture: Capture;
  conversion: Conversion;
  url: string | undefined;
  /** The front matter's `captured`: a day (a saved file) or a moment in UTC (a WARC record). */
  captured: string;
  warc: WarcProvenance | undefined;
}

/**
 * A capture of an article already archived. It is the same as a stored version when headline,
 * dek, byline and body are the same (see sameTextKey), and a duplicate only of the version
 * captured just before it: such a capture is skipped. Anything else is added as a version, so a
 * revert to an older text is recorded, and a capture with the text of the one after it is kept
 * as the earlier witness of that text (the result does not depend on the order of imports). A
 * capture newer than the article file's moves that file, unchanged, to
 * content/versions/<article id>/<its version id>.md, and the article file becomes the new
 * capture, keeping the article's own fields (source, url, people, organizations, topics,
 * language, image, draft, editor's note); an older capture goes to content/versions/ only. The
 * article file never moves (its address is public) and earlier versions are never changed, except
 * with --force, which extracts again the version with the same capture (same version id, else the
 * same SHA-256 of the captured bytes in a version next to it in time) and only that one, merged
 * with its file (see write); the same capture with facts given on the command line that its file
 * lacks (--url, --source, --published for a plain-text draft) is merged the same way. Throws
 * VersionError when a stored version cannot be read, CaptureError when a different capture has
 * the same version id (without --force).
 */
async function addVersion(
  facts: CaptureFacts,
  articleFile: string,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
  outcome: Outcome,
  byAddress = true,
): Promise<Outcome> {
  const versions = await readVersions(root, articleFile, index.files);
  const { meta, body } = facts.conversion;
  const key = sameTextKey(
    { title: titleOf(meta, facts.capture), dek: meta.dek?.value, authors: meta.authors?.value ?? [] },
    body.markdown,
  );
  const id = versionId(facts.captured);
  const byDate = [...versions].sort((a, b) => compareDates(a.captured, b.captured));
  const before = byDate.filter((v) => compareDates(v.captured, facts.captured) < 0).at(-1);
  const after = byDate.find((v) => compareDates(v.captured, facts.captured) > 0);
  const sameId = versions.find((v) => v.id === id);
  // The same bytes are the same capture only next to it in time: the same bytes again after a
  // change in between are a revert.
  const sameBytes = [sameId, before, after].find((v) => v?.captureSha256 === facts.capture.sha256);
  const shown = (v: StoredVersion) => displayPath(v.file);
  const same = sameId ?? sameBytes;
  // The same text as a stored version: as its file has it, or as its kept capture says (the file
  // may hold hand edits, which are not the original's words).
  const sameText = async (v: StoredVersion) => v.hash === key || (await capturedTextKey(v, root, index)) === key;
  // Bytes already kept as a capture of this article that no version names (a save of the same
  // moment that --force replaced with another) are that capture: never stored twice, and the order
  // of the files on the command line never decides which save the article shows.
  if (!versions.some((v) => v.captureSha256 === facts.capture.sha256)) {
    const kept = await keptCapture(root, index, articleId(root, articleFile), facts.capture);
    if (kept)
      return {
        ...outcome,
        status: 'skipped',
        article: articleFile,
        reason: `already kept as captures/${kept} (the same bytes; another capture of the same moment replaced it in ${shown(sameId ?? versions[0]!)}): nothing to add`,
      };
  }
  // Facts given on the command line that the stored version lacks (a plain-text draft completed
  // with --url, --source, --published): the same capture again fills them in, like --force.
  const completes =
    same === sameBytes &&
    same !== undefined &&
    (['url', 'source', 'published'] as const).some(
      (k) => opts.given[k] && !same.data[k] && (same.latest || k === 'published'),
    );
  // Another file with the text already archived for that moment (a page saved again the same
  // day) adds nothing, with or without --force: --force extracts again only the capture kept.
  if (same && same.captureSha256 !== facts.capture.sha256 && !completes && (await sameText(same)))
    return {
      ...outcome,
      status: 'skipped',
      article: articleFile,
      reason: `already archived as ${shown(same)} (${byAddress ? 'same original URL, ' : ''}same text, captured the same day${same.capture ? ` as captures/${same.capture}` : ''}, which is another file): nothing to add`,
    };
  if (same && (opts.force || completes)) {
    // The same capture again: rewrite that version at its own moment, in its own files.
    const again = same === sameId ? facts : { ...facts, captured: same.captured };
    const others = versions.filter((v) => v !== same);
    return write(again, { kind: 'replace', articleFile, old: same, others }, root, index, opts, outcome);
  }
  if (same && (same.hash === key || same === sameBytes)) {
    const matched = [
      ...(byAddress ? ['same original URL'] : []),
      same.hash === key ? 'same text' : 'same captured bytes',
    ].join(', ');
    // --force is offered only for the very capture kept; another file with the same text adds nothing.
    const otherFile = same.captureSha256 !== facts.capture.sha256;
    return {
      ...outcome,
      status: 'skipped',
      article: articleFile,
      reason: otherFile
        ? `already archived as ${shown(same)} (${matched}, captured the same day${same.capture ? ` as captures/${same.capture}` : ''}, which is another file): nothing to add`
        : `already archived as ${shown(same)} (${matched}); --force extracts it again, keeping every hand edit`,
    };
  }
  if (sameId)
    throw new CaptureError(
      `differs from ${shown(sameId)}, which has the same capture time (${sameId.captured}, version id ${id}); ` +
        'use --force to merge this capture into that version: every hand edit is kept, the capture there stays, and the file is copied aside first',
    );
  // Only the capture before it makes this one a duplicate. One with the text of the capture after
  // it is kept: it shows that text earlier, and the archive's history must not depend on the
  // order captures are imported in (a revert imported first, then what came between).
  if (before && (await sameText(before)))
    return {
      ...outcome,
      status: 'skipped',
      article: articleFile,
      reason: `same text as ${shown(before)}, the capture before it (${before.captured}): headline, dek, byline and body unchanged`,
    };
  const latest = versions[0]!;
  const newer = compareDates(facts.captured, latest.captured) > 0;
  const neighbour = before ?? after ?? latest;
  return write(
    facts,
    newer ? { kind: 'latest', articleFile, previous: latest, neighbour } : { kind: 'older', articleFile, neighbour },
    root,
    index,
    opts,
    outcome,
  );
}

/** The headline written for a capture: the page's, else the file's name. */
const titleOf = (meta: PageMetadata, capture: Capture) => meta.title?.value ?? path.basename(capture.path);

/** Where a capture goes. */
export type Target =
  /** A new article. */
  | { kind: 'new' }
  /**
   * A stored version rewritten from the same capture (--force): the article file when `old` is
   * the latest, else its file in versions/. `others` are the article's other versions, whose
   * files and captures are never touched.
   */
  | { kind: 'replace'; articleFile: string; old: StoredVersion; others: StoredVersion[] }
  /** The article file, as the new latest version; the previous one moves to versions/. */
  | { kind: 'latest'; articleFile: string; previous: StoredVersion; neighbour: StoredVersion }
  /** A new earlier version in versions/. */
  | { kind: 'older'; articleFile: string; neighbour: StoredVersion };

/** The order fields are written in: the schema's (src/content/schema.ts, the same for a version file). */
const FIELD_ORDER = Object.keys(versionSchema.shape);

/** Front matter with its fields in the usual order and empty ones left out. */
function ordered(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    FIELD_ORDER.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]] as [string, unknown]),
  );
}

/** A capture's front matter as the importer makes it, before it is placed in the archive. */
export interface Extraction {
  /** Every front matter field but `capture` (set once the capture's name is known). */
  fields: Record<string, unknown>;
  source: KnownSource | undefined;
  newSource: boolean;
  /** Why the source given on the command line was not used (see chooseSource). */
  sourceUnused?: string;
  /** Why the date given on the command line was not used (the capture states its own). */
  publishedUnused?: string;
  /** Names found that are not in people/. */
  unknown: string[];
}

/**
 * The front matter fields the importer makes of a converted capture (see planWrite), with its
 * source (see chooseSource) and the names not in people/. Reads the archive only through `index`.
 * @throws {CaptureError} for a --source (`given.source`) that is not in sources/.
 */
export function extraction(
  facts: Omit<CaptureFacts, 'captured'> & { captured: string },
  root: string,
  index: ExistingEntries,
  given: ImportOptions['given'],
): Extraction {
  const { capture, url, captured, warc } = facts;
  const { meta, body, partial, partialNote } = facts.conversion;
  // --published is for a capture that states no date: a stated date is the capture's word.
  const stated = meta.published?.value;
  const published = stated ?? given.published;
  const publishedUnused =
    stated && given.published && !sameDay(stated, given.published)
      ? `--published ${given.published} not used: the capture states its date ${stated}`
      : undefined;
  const { source, isNew: newSource, unused } = chooseSource(root, index, url, meta, given.source, capture.html);
  const people = findPeople(body.text, index.peopleIndex, meta.keywords?.value ?? []);
  const topics = (meta.keywords?.value ?? [])
    .filter((k) => !index.peopleIndex.resolve(k) && !people.unknown.includes(k))
    .slice(0, 12);
  const lead = meta.image && !inBody(meta.image.value.url, body.markdown) ? meta.image : undefined;
  const credit = lead?.value.credit ?? body.report.credits[0];
  const image =
    lead || credit
      ? {
          ...(lead?.value.url && { original: canonicalUrl(lead.value.url) }),
          ...(lead?.value.alt && { alt: lead.value.alt }),
          ...(lead?.value.caption && { caption: lead.value.caption }),
          ...(credit && { credit }),
        }
      : undefined;
  const fields: Record<string, unknown> = {
    title: titleOf(meta, capture),
    dek: meta.dek?.value,
    source: source?.id,
    url,
    published,
    updated: meta.modified?.value && meta.modified.value !== published ? meta.modified.value : undefined,
    captured,
    captureSha256: capture.sha256,
    warc,
    authors: meta.authors?.value ?? [],
    people: people.known,
    topics,
    image,
    language: meta.language && canonicalLanguageTag(meta.language.value),
    draft: published && url && source && !partial ? undefined : true,
    editorsNote: partial ? partialNote : undefined,
  };
  return {
    fields,
    source,
    newSource,
    ...(unused && { sourceUnused: unused }),
    ...(publishedUnused && { publishedUnused }),
    unknown: people.unknown,
  };
}

/**
 * What the importer makes today of the capture a stored version was made from (its kept bytes
 * under captures/), as the base of a merge (see mergeEntry); undefined when the capture is not
 * kept or cannot be read again.
 */
async function extractStored(
  version: StoredVersion,
  root: string,
  index: ExistingEntries,
): Promise<EntryText | undefined> {
  // One conversion per stored version and import: a newer capture asks for its neighbour's text
  // up to three times (same-text check, merge base, change size), and the kept bytes do not change.
  let done = storedTexts.get(version);
  if (!done) storedTexts.set(version, (done = extractStoredOnce(version, root, index)));
  // A copy each time: the callers merge into what they get.
  return structuredClone(await done);
}

const storedTexts = new WeakMap<StoredVersion, Promise<EntryText | undefined>>();

async function extractStoredOnce(
  version: StoredVersion,
  root: string,
  index: ExistingEntries,
): Promise<EntryText | undefined> {
  if (!version.capture) return undefined;
  const type = captureType(version.capture);
  const file = path.join(root, 'captures', version.capture);
  const stored = await index.files.bytes(file).catch(() => null);
  if (!type || !stored) return undefined;
  try {
    const bytes = Buffer.from(stored);
    const content = type.gzip ? gunzipSync(bytes) : bytes;
    const { text, charset } = decodePage(content, type.html);
    const sha256 = sha256Hex(bytes);
    const capture: Capture = { path: file, bytes, sha256, ext: type.ext, html: type.html, text, charset };
    const url = typeof version.data.url === 'string' ? version.data.url : undefined;
    // Converted as a new capture is (the characters no page can carry left out), so the two compare alike.
    const conversion = withoutControlCharactersNoted(convertCapture(capture, { url }, true));
    const warc = version.data.warc as WarcProvenance | undefined;
    const { fields } = extraction({ capture, conversion, url, captured: version.captured, warc }, root, index, {});
    return { data: fields, body: conversion.body.markdown };
  } catch {
    return undefined;
  }
}

/**
 * The text key (see sameTextKey) of what a stored version's kept capture says, read again as
 * extractStored reads it; undefined when the capture is not kept or cannot be read.
 */
async function capturedTextKey(
  version: StoredVersion,
  root: string,
  index: ExistingEntries,
): Promise<string | undefined> {
  const stored = await extractStored(version, root, index);
  return stored && sameTextKey(stored.data, stored.body);
}

/** An editor's note without the partial-capture note it leads with (undefined when that is all). */
function withoutPartialNote(note: unknown): unknown {
  const lead = partialNoteIn(note);
  if (typeof note !== 'string' || !lead) return note;
  return note.slice(lead.length).trim() || undefined;
}

/** The fields a merge settles: the schema's, in its order. */
const MERGED_FIELDS = FIELD_ORDER;

/** Fields of the article rather than one capture, which an unknown base never takes from a capture. */
const EDITOR_FIELDS = [...ARTICLE_LEVEL_FIELDS, 'editorsNote'];

/**
 * Places a capture where the target says: plans it (see planWrite), then performs the plan (see
 * applyPlan). A dry run takes the same plan as the real run; only its files stay in memory.
 * @throws {CaptureError} for a --source that is not in sources/ (see chooseSource).
 */
async function write(
  facts: CaptureFacts,
  target: Target,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
  outcome: Outcome,
): Promise<Outcome> {
  // A --source not in sources/ is refused only where it would be used: never for a version file
  // (which records no source) nor for an article that already has its source (see mergedWithFile).
  const given = opts.given.source;
  const held = sourceHeld(target);
  if (given && held !== undefined && !index.sources.some((s) => s.id === given)) {
    const said = `--source ${given} not used: ${held ? `the archived article's source is ${held} (change it in the file by hand)` : 'a version file records no source'}`;
    outcome.notes = [...(outcome.notes ?? []), said];
    opts = { ...opts, given: { ...opts.given, source: undefined } };
  }
  const made = extraction(facts, root, index, opts.given);
  return applyPlan(await planWrite(facts, target, made, root, index, opts, outcome), index);
}

/**
 * The source of the archived article a target writes to, '' for a target that writes only a
 * version file (no source), or undefined when the capture's source would be written (a new
 * article, or an article file that has none yet).
 */
function sourceHeld(target: Target): string | undefined {
  if (target.kind === 'new') return undefined;
  if (target.kind === 'older' || (target.kind === 'replace' && !target.old.latest)) return '';
  const file = target.kind === 'replace' ? target.old : target.previous;
  return typeof file.data.source === 'string' && file.data.source ? file.data.source : undefined;
}

/**
 * What placing one capture in the archive comes to, decided before anything is written: the files
 * to write in order, the report, and what the run's view of the archive learns afterwards.
 */
export interface WritePlan {
  /** The capture's report: status, the files `written`, the merge, warnings, the backup copy, `preview` in a dry run. */
  outcome: Outcome;
  /**
   * The files to write, in this order, each with its whole content: the capture (captures/), a
   * new source (sources/), the copy of a file rewritten in place (.import-backups/), the previous
   * latest version moved to versions/, then the article or version file. Empty when nothing is
   * written (a capture extracted again to what its file holds, a front matter the schema refuses).
   */
  files: [string, string | Uint8Array][];
  /** Files removed once those are written: an undated draft's file and versions moved to its dated folder (see datedPlace). */
  removes?: string[];
  /** What the run's view of the archive (ExistingEntries) records once the files are written. */
  record?: {
    /** An article added (or rewritten), or a version added to an article. */
    as: 'article' | 'version';
    articleFile: string;
    url: string | undefined;
    /** The Markdown body written. */
    body: string;
    /** SHA-256 of the capture's bytes. */
    sha256: string;
    /** A source new to the archive, which the run knows from then on. */
    source?: KnownSource | undefined;
    /** The article file's previous path, when it moved (see datedPlace). */
    movedFrom?: string;
  };
}

/**
 * Where an article file under articles/undated/ goes once it has a publication date: a free name
 * for its own name under articles/YYYY/MM/, as a new article of that date is filed (see
 * placement); undefined for a file elsewhere or still without a date. Only a draft is ever
 * undated, and a draft is not published, so its address was never public.
 */
function datedPlace(root: string, index: ExistingEntries, articleFile: string, published: unknown): string | undefined {
  if (path.dirname(articleFile) !== path.join(root, 'articles', 'undated')) return undefined;
  const day = published instanceof Date ? published.toISOString() : typeof published === 'string' ? published : '';
  if (!/^\d{4}-\d{2}/.test(day)) return undefined;
  const folder = path.join(root, 'articles', day.slice(0, 4), day.slice(5, 7));
  return freePath(index, folder, path.basename(articleFile, '.md'), '.md', () => false);
}

/**
 * Plans placing a capture where the target says (see Target), without writing anything: builds
 * the front matter from the extraction (`made`, see extraction), validates it, chooses the names
 * (a free article file, a free capture name, the backup copy), and lists the files with their
 * content. It reads the archive only through `index` (`index.files`, so a dry run's earlier
 * writes count), and changes neither. A file already in the archive is merged with the capture,
 * never replaced (see mergeEntry): the same capture again keeps every field the editor changed; a
 * newer capture takes what the original changed and keeps the rest, the previous file moving
 * unchanged to versions/. A rewritten file is first copied to `.import-backups/` (see
 * BACKUP_FOLDER), and the outcome names the copy. `reported` is the capture's report so far (its
 * file, record, notes), which the plan's outcome extends; a front matter the schema refuses gives
 * a failed outcome and no files.
 */
export async function planWrite(
  facts: CaptureFacts,
  target: Target,
  made: Extraction,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
  reported: Outcome,
): Promise<WritePlan> {
  const outcome: Outcome = { ...reported, ...(reported.warnings && { warnings: [...reported.warnings] }) };
  const { capture, url, captured } = facts;
  const { meta, body, partial } = facts.conversion;
  const { source, newSource } = made;
  if (made.sourceUnused) outcome.notes = [...(outcome.notes ?? []), made.sourceUnused];
  if (made.publishedUnused) outcome.notes = [...(outcome.notes ?? []), made.publishedUnused];
  const { articleFile, id, captureRel, keep, warning } = await placement(facts, target, made, root, index);
  if (warning) (outcome.warnings ??= []).push(warning);
  const fresh = ordered({ ...made.fields, capture: captureRel });
  let frontmatter: Record<string, unknown>;
  let text = body.markdown;
  let file: string;
  const moves: [string, string][] = [];
  // The file this capture rewrites or supersedes, merged with the capture.
  const previous = target.kind === 'replace' ? target.old : target.kind === 'latest' ? target.previous : undefined;
  if (previous) {
    const merged = await mergedWithFile(previous, target.kind === 'latest', fresh, facts, root, index, opts.given);
    frontmatter = merged.frontmatter;
    text = merged.body;
    // A fact given on the command line is the user's, not the capture's: the report says so.
    const given = (['url', 'source', 'published'] as const).filter((k) => opts.given[k] !== undefined);
    outcome.merge = merged.notes.map((n) =>
      n.action === 'updated' && (given as string[]).includes(n.field) ? { ...n, given: true } : n,
    );
    if (merged.warnings.length) (outcome.warnings ??= []).push(...merged.warnings);
    if (merged.said.length) outcome.notes = [...(outcome.notes ?? []), ...merged.said];
    file = target.kind === 'latest' ? articleFile : previous.file;
    if (target.kind === 'latest')
      moves.push([path.join(versionsFolder(root, articleFile), `${previous.id}.md`), previous.text]);
  } else if (target.kind === 'new') {
    frontmatter = fresh;
    file = articleFile;
  } else {
    frontmatter = ordered(Object.fromEntries(VERSION_FIELDS.map((k) => [k, fresh[k]])));
    file = path.join(versionsFolder(root, articleFile), `${id}.md`);
  }
  const addsArticle = target.kind === 'new' || (target.kind === 'replace' && target.old.latest);
  // A draft filed under articles/undated/ that now has its date (given on the command line, by
  // hand, or by a newer capture) moves to its dated folder with its versions; its kept captures
  // stay where they are, named in the front matter.
  const movedTo =
    target.kind === 'latest' || (target.kind === 'replace' && target.old.latest)
      ? datedPlace(root, index, articleFile, frontmatter.published)
      : undefined;
  const removes: string[] = [];
  if (movedTo) {
    const from = versionsFolder(root, articleFile);
    const to = versionsFolder(root, movedTo);
    for (const [i, [f, content]] of moves.entries())
      if (path.dirname(f) === from) moves[i] = [path.join(to, path.basename(f)), content];
    for (const name of await index.files.names(from)) {
      const held = await index.files.bytes(path.join(from, name));
      if (held === null) continue;
      moves.push([path.join(to, name), Buffer.from(held).toString('utf8')]);
      removes.push(path.join(from, name));
    }
    removes.push(file);
    outcome.moved = { from: file, to: movedTo };
  }
  outcome.missing = missingFacts(meta, {
    url: frontmatter.url as string | undefined,
    published: frontmatter.published as string | undefined,
    source:
      typeof frontmatter.source === 'string' && frontmatter.source
        ? (source ?? { id: frontmatter.source, name: '', homepage: '' })
        : undefined,
    written: frontmatter,
  });
  if (!capture.html && frontmatter.draft) outcome.complete = draftOptions(frontmatter);
  if (partial) outcome.missing.unshift(`the full text: partial capture, ${partial} (saved as a draft)`);
  outcome.proposed = made.unknown;
  const checked = (file === articleFile ? articleCheck : versionSchema).safeParse(frontmatter);
  if (!checked.success)
    return {
      outcome: {
        ...outcome,
        status: 'failed',
        reason: `gives frontmatter the archive rejects: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      },
      files: [],
    };
  // A file rewritten in place, or an article file taking a newer capture, keeps its front
  // matter's layout and comments: only changed fields are rewritten.
  const fileText = articleText(frontmatter, text, previous && splitFrontmatter(previous.text)?.yaml);
  const files: [string, string | Uint8Array][] = [[path.join(root, 'captures', captureRel), capture.bytes]];
  if (addsArticle && newSource && source && frontmatter.source === source.id)
    files.push([
      path.join(root, 'sources', `${source.id}.yaml`),
      yamlText({ name: source.name, homepage: source.homepage }),
    ]);
  // A file rewritten in place is copied aside first; the previous latest version is safe in
  // versions/ before the article file is rewritten.
  // The same capture extracted again to what the file already holds changes nothing: it is not
  // counted as replaced, and nothing is written.
  if (target.kind === 'replace' && target.old.text === fileText && keep !== undefined && !movedTo) {
    const { written: _, preview: __, merge: ___, ...rest } = outcome;
    return {
      outcome: {
        ...rest,
        written: [],
        status: 'skipped',
        article: articleFile,
        entry: file,
        // The report prints only the reason of a skipped capture: an option not used is said there.
        reason: `already archived as ${displayPath(file)}; extracted again, it gives what the file already holds: nothing written${(
          outcome.notes ?? []
        )
          .filter((n) => /^--(?:source|url|published) \S+ not used/.test(n))
          .map((n) => `; ${n}`)
          .join('')}`,
      },
      files: [],
    };
  }
  if (target.kind === 'replace' && target.old.text === fileText && !movedTo) outcome.unchanged = true;
  // A file rewritten twice in one run keeps its first copy: the file as it was before the run.
  if (target.kind === 'replace' && target.old.text !== fileText) {
    const copy = path.join(root, BACKUP_FOLDER, opts.backupStamp ?? backupStamp(), path.relative(root, file));
    if (!index.files.exists(copy)) files.push([copy, target.old.text]);
    outcome.backup = copy;
  }
  files.push(...moves, [movedTo ?? file, fileText]);
  outcome.written = files.map(([f]) => f);
  outcome.article = movedTo ?? articleFile;
  outcome.entry = movedTo ?? file;
  // Only a dry run prints the text; a long import keeps no article text in memory.
  if (opts.dryRun) outcome.preview = fileText;
  outcome.status =
    target.kind === 'new' ? 'imported' : target.kind === 'latest' || target.kind === 'older' ? 'versioned' : 'replaced';
  if (target.kind === 'latest' || target.kind === 'older') {
    const neighbour = target.neighbour;
    // What changed between the two captures: each capture's own text (the neighbour's as its kept
    // capture says, else its file), never the hand edits of either file.
    const said = await extractStored(neighbour, root, index);
    const [theirs, theirTitle] = said ? [said.body, said.data.title] : [neighbour.body, neighbour.title];
    outcome.version = {
      article: movedTo ?? articleFile,
      id,
      captured,
      latest: target.kind === 'latest',
      file: target.kind === 'latest' ? (movedTo ?? file) : file,
      comparedWith: neighbour.captured,
      ...(compareDates(neighbour.captured, captured) < 0
        ? changeSize(theirs, body.markdown)
        : flip(changeSize(body.markdown, theirs))),
      titleChanged: (typeof theirTitle === 'string' ? theirTitle : '').trim() !== String(made.fields.title).trim(),
    };
  }
  return {
    outcome,
    files,
    ...(removes.length > 0 && { removes }),
    record: {
      as: addsArticle ? 'article' : 'version',
      articleFile: movedTo ?? articleFile,
      url,
      body: text,
      sha256: capture.sha256,
      source: addsArticle && newSource ? source : undefined,
      ...(movedTo !== undefined && { movedFrom: articleFile }),
    },
  };
}

/**
 * Where a capture goes in the archive: its article file (a free name under articles/<year>/<month>/
 * for a new article), its version id, and its name under captures/ (see freeCapture), with a
 * warning when a kept capture of the same moment holds other bytes. Reads the archive only.
 */
async function placement(
  facts: CaptureFacts,
  target: Target,
  made: Extraction,
  root: string,
  index: ExistingEntries,
): Promise<{
  articleFile: string;
  id: string;
  captureRel: string;
  keep: string | undefined;
  warning?: string | undefined;
}> {
  const { capture, captured } = facts;
  const { meta } = facts.conversion;
  const published = made.fields.published as string | undefined;
  const folder = published ? path.join(published.slice(0, 4), published.slice(5, 7)) : 'undated';
  const fullSlug = slugify(meta.title?.value ?? path.basename(capture.path)) || 'article';
  const slug = fullSlug.length > 80 ? fullSlug.slice(0, 81).replace(/-[^-]*$/, '') : fullSlug;
  // An archived article keeps its file, whatever its new headline: its address is public, and its
  // versions folder is named after it.
  const articleFile =
    target.kind === 'new'
      ? freePath(index, path.join(root, 'articles', folder), slug, '.md', () => false)
      : target.articleFile;
  const id = versionId(captured);
  // The first capture of an article is captures/<article id><ext>; a capture added as a version
  // is captures/<article id>.<version id><ext>; a replaced one keeps its place unless another
  // version's capture is there. A name held by a file with other bytes is never reused.
  const old = target.kind === 'replace' ? target.old : undefined;
  const shared = old && target.kind === 'replace' && target.others.some((v) => v.capture === old.capture);
  // A kept capture is never overwritten by other bytes: another capture of the same moment (a page
  // saved again the same day) is a new capture, kept beside it, and the old one stays as it is.
  const held = old?.capture ? await index.files.bytes(path.join(root, 'captures', old.capture)) : null;
  const otherBytes =
    old !== undefined &&
    (held !== null ? !Buffer.from(held).equals(capture.bytes) : old.captureSha256 !== capture.sha256);
  const keep = old?.capture && old.capture.endsWith(capture.ext) && !shared && !otherBytes ? old.capture : undefined;
  const captureRel =
    keep ??
    (await freeCapture(
      root,
      index,
      target.kind === 'new' ? articleId(root, articleFile) : `${articleId(root, articleFile)}.${id}`,
      capture,
      target.kind === 'replace' ? [...target.others, ...(otherBytes ? [target.old] : [])] : [],
    ));
  const warning =
    otherBytes && old?.capture && held !== null
      ? `captures/${old.capture} is another file than this capture: it stays as it is (no version names it now), and this capture is kept as captures/${captureRel}`
      : undefined;
  return { articleFile, id, captureRel, keep, warning };
}

/**
 * The front matter, body and merge notes of a file already in the archive merged with a capture
 * (see mergeEntry): `newer` for a newer capture superseding the file (the original's changes win
 * where both changed a value), else a rewrite in place (the editor's edits stay). The base is
 * what the importer makes today of the file's kept capture (see extractStored). `warnings` are
 * for the report (a capture that cannot change what the editor decided), and so is `said` (what
 * became of a draft: published once complete, or kept back as the editor made it). `given`
 * (the facts given on the command line) fills a url, source or published date the file lacks.
 */
async function mergedWithFile(
  previous: StoredVersion,
  newer: boolean,
  fresh: Record<string, unknown>,
  facts: CaptureFacts,
  root: string,
  index: ExistingEntries,
  given: ImportOptions['given'] = {},
): Promise<{
  frontmatter: Record<string, unknown>;
  body: string;
  notes: NonNullable<Outcome['merge']>;
  warnings: string[];
  said: string[];
}> {
  const { body, partial, partialNote = PARTIAL_NOTE } = facts.conversion;
  const isArticle = newer || previous.latest;
  const fields = isArticle ? MERGED_FIELDS : [...VERSION_FIELDS];
  const freshEntry = {
    data: isArticle ? fresh : Object.fromEntries(VERSION_FIELDS.map((k) => [k, fresh[k]])),
    body: body.markdown,
  };
  const base = await extractStored(previous, root, index);
  // The partial-capture note is the importer's, about one capture: the editor's own note (what
  // follows it) is merged, and whether the note leads with it is settled after (see below).
  const ownNote = <T extends { data: Record<string, unknown> }>(entry: T): T => ({
    ...entry,
    data: { ...entry.data, editorsNote: withoutPartialNote(entry.data.editorsNote) },
  });
  const merged = mergeEntry(
    // The blank line after the front matter is the file's layout, not its text.
    ownNote({ data: previous.data, body: previous.body.replace(/^(?:[ \t]*\r?\n)+/, '') }),
    base && ownNote(base),
    ownNote(freshEntry),
    fields,
    // Where both changed a value: a newer capture is the original's word, and the edited file
    // stays as the earlier version. A rewrite in place (the same capture again, or another save
    // of the same moment with --force) leaves no version holding the edit, so the edit stays.
    newer ? 'fresh' : 'file',
    EDITOR_FIELDS,
  );
  const data = merged.data;
  // A newer capture is a capture of the article the file already names: its source and address
  // stay the article's (another form of the address, http or a trailing slash, is the same one).
  if (newer) for (const k of ['source', 'url'] as const) if (previous.data[k]) data[k] = previous.data[k];
  // An archived article's source is the editor's to change, by hand: a --source never changes it.
  const said: string[] = [];
  const archivedSource = typeof previous.data.source === 'string' ? previous.data.source : undefined;
  if (isArticle && given.source && fresh.source === given.source && archivedSource && archivedSource !== given.source) {
    data.source = archivedSource;
    merged.notes = merged.notes.filter((n) => n.field !== 'source');
    said.push(
      `--source ${given.source} not used: the archived article's source is ${archivedSource} (change it in the file by hand)`,
    );
  }
  // Nor does a --url or --published change the address or date an archived file holds: they are
  // for what a capture and the file both lack.
  for (const k of ['url', 'published'] as const) {
    const value = k === 'url' ? canonicalUrl(given.url) : given.published;
    const kept = previous.data[k];
    const held = typeof kept === 'string' ? kept : kept instanceof Date ? kept.toISOString().slice(0, 10) : undefined;
    if (!value || !(fields as readonly string[]).includes(k) || held === undefined) continue;
    if (String(fresh[k]) !== value || (k === 'url' ? held === value : sameDay(held, value))) continue;
    data[k] = kept;
    merged.notes = merged.notes.filter((n) => n.field !== k);
    said.push(
      `--${k} ${given[k]} not used: the archived ${k === 'url' ? 'address' : 'date'} is ${held} (change it in the file by hand)`,
    );
  }
  // A fact only a draft may lack that the file still lacks is no hand edit: a value given on the
  // command line fills it, and so does the capture's for a draft the importer made (its base may
  // hold a fact read through a field the editor filled by hand, an address giving the source).
  const wasImportersDraft = isArticle && previous.data.draft === true && missingOf(previous.data).length > 0;
  for (const k of missingOf(previous.data) as ('url' | 'source' | 'published')[]) {
    if (!sameValue(data[k], undefined) || sameValue(fresh[k], undefined)) continue;
    if (given[k] === undefined && !wasImportersDraft) continue;
    data[k] = fresh[k];
    merged.notes = [...merged.notes.filter((n) => n.field !== k), { field: k, action: 'updated' }];
  }
  // The partial-capture note goes with a partial capture, unless the editor took it out of the
  // file (rewrote or deleted the note) while the capture stayed as partial as the base: then the
  // note stays exactly as the editor left it. A capture that is not partial drops it.
  const leads = (v: unknown) => partialNoteIn(v) !== undefined;
  const baseLeads = base ? leads(base.data.editorsNote) : !newer || leads(previous.data.editorsNote);
  const removedByHand = baseLeads && !leads(previous.data.editorsNote);
  const note = typeof data.editorsNote === 'string' ? data.editorsNote : undefined;
  data.editorsNote = partial && !removedByHand ? (note ? `${partialNote} ${note}` : partialNote) : note;
  // The report's "kept as edited" is for a note the file keeps as written (a deleted one too).
  const noteKept = merged.notes.find((n) => n.field === 'editorsNote' && n.action === 'kept');
  if (noteKept && !sameValue(data.editorsNote, previous.data.editorsNote)) noteKept.action = 'merged';
  if (partial && removedByHand && !merged.notes.some((n) => n.field === 'editorsNote'))
    merged.notes.push({ field: 'editorsNote', action: 'kept' });
  // Whether the article is published is the editor's decision (completing a draft, by hand or
  // with --url/--source/--published, is one): a capture never turns a published article back
  // into a draft, whatever it lacks; the report warns instead. A file that lacks a fact only a
  // draft may lack stays a draft. A draft the importer made (its file lacked a fact, or held a
  // partial capture) is published once it has every fact, however they came (some by hand, the
  // rest from the command line); a draft whose file had every fact is the editor's, and stays.
  const lacks = missingOf(data);
  const wasDraft = isArticle && previous.data.draft === true;
  const importersDraft =
    wasDraft && (missingOf(previous.data).length > 0 || partialNoteIn(previous.data.editorsNote) !== undefined);
  const published = isArticle && !wasDraft && lacks.length === 0;
  const warnings: string[] = [];
  const withoutDraftNote = () => (merged.notes = merged.notes.filter((n) => n.field !== 'draft'));
  if (published && (data.draft === true || partial)) {
    warnings.push(
      `${partial ? `the capture holds only part of the article (a partial capture: ${partial})` : `the capture alone would be a draft (it states no ${missingOf(freshEntry.data).join(', ')})`}; the article stays published as the file has it (add draft: true by hand to withdraw it)`,
    );
    withoutDraftNote();
    data.draft = previous.data.draft;
  } else if (partial || (isArticle && lacks.length > 0)) data.draft = true;
  else if (wasDraft && !importersDraft) {
    withoutDraftNote();
    data.draft = true;
    said.push(
      'the file has every fact and draft: true, so it stays a draft as the file has it (remove draft: true to publish it)',
    );
  } else if (wasDraft) {
    withoutDraftNote();
    data.draft = undefined;
    said.push(
      'a draft no longer: it has its url, source and published date now, so it will be published (add draft: true by hand to keep it back)',
    );
  }
  if (merged.notes.some((n) => n.field === 'published' && n.action !== 'kept')) data.publishedInferred = undefined;
  const frontmatter = ordered(data);
  // Fields the schema does not know stay as the editor wrote them (the check reports them).
  for (const [k, v] of Object.entries(data)) if (!(k in frontmatter) && v !== undefined) frontmatter[k] = v;
  const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v ?? null));
  const notes = merged.notes
    .filter((n) => n.action !== 'updated' || n.field === 'body' || !sameValue(previous.data[n.field], data[n.field]))
    .map((n) => ({
      ...n,
      ...(n.field !== 'body' && { capture: shown(freshEntry.data[n.field]) }),
    }));
  if (isArticle) warnings.push(...staleQuoteCorrections(previous.file, data, previous.body, merged.body));
  return { frontmatter, body: merged.body, notes, warnings, said };
}

/**
 * Performs a plan (see planWrite): writes its files in order through `index.files` (atomically
 * to the disk; kept in memory by a dry run, so the rest of the run sees them), removes the files
 * a move left behind once their copies are written, then records the article or version, and a
 * new source, in `index`. Returns the plan's outcome.
 * @throws {NodeJS.ErrnoException} when a file cannot be written or removed (see writeAtomic).
 */
export async function applyPlan(plan: WritePlan, index: ExistingEntries): Promise<Outcome> {
  for (const [f, data] of plan.files) await index.files.write(f, data);
  for (const f of plan.removes ?? []) await index.files.remove(f);
  const added = plan.record;
  if (added?.movedFrom) index.moveArticle(added.movedFrom, added.articleFile);
  if (added?.as === 'article') {
    if (added.source && !index.hasId('sources', added.source.id)) index.sources.push(added.source);
    index.addArticle(added.articleFile, added.url, added.body, added.sha256);
  } else if (added) index.addVersion(added.articleFile, added.url, added.body, added.sha256);
  return plan.outcome;
}

/** The facts only a draft may lack that a capture's front matter lacks. */
function missingOf(fields: Record<string, unknown>): string[] {
  return (['url', 'source', 'published'] as const).filter((k) => sameValue(fields[k], undefined));
}

/** The command-line options that would complete a plain-text draft: those for the facts it lacks. */
function draftOptions(frontmatter: Record<string, unknown>): string[] {
  return [
    ...(frontmatter.url ? [] : ['--url <the original address>']),
    ...(frontmatter.source ? [] : ['--source <an id from sources/>']),
    ...(frontmatter.published ? [] : ['--published YYYY-MM-DD']),
  ];
}

/**
 * A name for a capture under captures/: `<stem><ext>`, else `<stem>-2<ext>`, `<stem>-3<ext>`...
 * The first that no file holds yet, or that holds these very bytes, and that no other version of
 * the article names; so a kept capture is never overwritten by another.
 */
async function freeCapture(
  root: string,
  index: ExistingEntries,
  stem: string,
  capture: Capture,
  others: StoredVersion[],
): Promise<string> {
  for (let n = 1; ; n++) {
    const rel = `${n === 1 ? stem : `${stem}-${n}`}${capture.ext}`;
    if (others.some((v) => v.capture === rel)) continue;
    const held = await index.files.bytes(path.join(root, 'captures', rel));
    if (held === null || Buffer.from(held).equals(capture.bytes)) return rel;
  }
}

/**
 * The kept capture file of an article (captures/<article id><ext>, captures/<article id>.<version
 * id><ext>, or either with a -<n> suffix, unless that names another article's first capture)
 * holding the same bytes as `capture` (compared by SHA-256), as a path under captures/; undefined
 * when there is none.
 */
async function keptCapture(
  root: string,
  index: ExistingEntries,
  id: string,
  capture: Capture,
): Promise<string | undefined> {
  const folder = path.join(root, 'captures', ...path.posix.dirname(id).split('/'));
  const stem = path.posix.basename(id);
  for (const name of await index.files.names(folder)) {
    const rest =
      name.startsWith(stem) && name.endsWith(capture.ext)
        ? name.slice(stem.length, -capture.ext.length || undefined)
        : undefined;
    if (rest === undefined || !/^(?:\.[\w-]+?)?(?:-\d+)?$/.test(rest)) continue;
    // <slug>-2<ext> is also the first capture of the article <slug>-2, when there is one.
    if (rest.startsWith('-') && index.files.exists(path.join(root, 'articles', `${id}${rest}.md`))) continue;
    const bytes = await index.files.bytes(path.join(folder, name));
    if (bytes && sha256Hex(bytes) === capture.sha256)
      return path.posix.join(path.posix.dirname(id), name).replace(/^\.\//, '');
  }
  return undefined;
}

/** A change measured from the later version back, turned round. */
function flip({ added, removed }: { added: number; removed: number }) {
  return { added: removed, removed: added };
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
  got: {
    url?: string | undefined;
    published?: string | undefined;
    source?: KnownSource | undefined;
    /** The front matter written: a value the file keeps (an editor's byline) is not missing. */
    written?: Record<string, unknown>;
  },
): string[] {
  const missing: string[] = [];
  const kept = (field: string) => !sameValue(got.written?.[field], undefined);
  if (!got.published) missing.push('published date (saved as a draft)');
  if (!got.url) missing.push('original URL (saved as a draft)');
  if (!got.source) missing.push('source (saved as a draft)');
  if (!meta.authors && !kept('authors')) missing.push('authors');
  if (!meta.dek && !kept('dek')) missing.push('dek');
  if (!meta.language && !kept('language')) missing.push('language (the site assumes en)');
  return missing;
}
