import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../content/files.ts';
import { ExistingEntries } from './existing-entries.ts';
import { captureFromPayload, captureType, failureReason } from './capture.ts';
import { importCapture, importOne, type ImportOptions, type Outcome } from './import-one.ts';
import { proposeFromArticles, writeReview, type ReviewWritten } from './people-review.ts';
import { backupStamp } from './write.ts';
import {
  archiveBytes,
  archiveType,
  readWebArchive,
  WebArchiveError,
  type ArchivedPage,
  type RecordKind,
  type SkippedRecord,
} from './web-archive.ts';

// A whole import run: find the captures (saved pages, and the records of web archives), import
// each (one failure never stops the others), and count what happened.

/**
 * Every capture file and web archive (.warc, .warc.gz, .wacz) under the given files and folders,
 * in a stable order (each input in turn, a folder's files by name); other files given by name are
 * listed as not captures.
 */
async function findCaptures(inputs: string[]): Promise<{ captures: string[]; notCaptures: string[] }> {
  const captures: string[] = [];
  const notCaptures: string[] = [];
  const readable = (name: string) => captureType(name) || archiveType(name);
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) notCaptures.push(input);
    else if (info.isDirectory()) {
      const files = (await listFiles(input)).filter((rel) => readable(path.basename(rel)));
      captures.push(...files.map((rel) => path.join(input, rel)));
    } else if (readable(input)) captures.push(input);
    else notCaptures.push(input);
  }
  return { captures, notCaptures };
}

/** A record of a web archive that was not imported as an article, as the report lists it. */
type ListedRecord = SkippedRecord | { kind: 'not-article'; where: string; uri: string; detail: string };

/** What the web archives of a run held, by kind of record. */
interface RecordTally {
  /** Records of each kind; `not-article` counts HTML pages that are not articles (index pages, error pages). */
  counts: Partial<Record<RecordKind | 'not-article', number>>;
  /** The first LISTED records of each kind not imported. */
  listed: Partial<Record<Exclude<RecordKind, 'capture'> | 'not-article', ListedRecord[]>>;
  /** Each web archive read, with its number of records. */
  archives: { file: string; records: number }[];
}

/** The review file --add-people writes when --review is not given, in the content folder. */
const REVIEW_FILE = 'people-review.txt';

/** How many records of each kind the report lists by name (the rest are counted). */
export const LISTED = 20;

/** Counts of a run, for the summary and the exit code. */
export interface Summary {
  outcomes: Outcome[];
  counts: Record<Outcome['status'], number>;
  /** Proposed new people, with how many articles name each (an article once, however many captures). */
  proposed: Map<string, number>;
  /** Web archives that could not be read to the end (empty, damaged, not a WARC): listed among the outcomes, counted here and not as captures. */
  archivesFailed: number;
  /** The review file --add-people wrote, when it wrote one. */
  reviewFile?: string;
  /** What --add-people did to the review file (lines added, lines already there kept with their marks). */
  review?: ReviewWritten;
  /** For --add-people with no input: how many archived articles were read for names. */
  reviewed?: number;
  /** What the web archives held, when any was given. */
  records?: RecordTally;
}

/** A failed outcome with no article. */
/**
 * Why the facts given on the command line cannot be used for these captures, or undefined when
 * they can. `--url` and `--published` state one article's address and date: given for more than
 * one capture (several files, a folder, a web archive) they would make every capture that one
 * article (other stories filed as its versions, a whole crawl dated alike). `--source` names a
 * publication, which many captures share.
 */
function oneArticleFacts(given: ImportOptions['given'], captures: string[]): string | undefined {
  const facts = (['url', 'published'] as const).filter((k) => given[k] !== undefined).map((k) => `--${k}`);
  if (facts.length === 0 || (captures.length <= 1 && !captures.some((f) => archiveType(f)))) return undefined;
  const what =
    captures.length > 1 ? `${captures.length} captures` : 'a web archive, whose records each state their own';
  return `not imported: ${facts.join(' and ')} ${facts.length > 1 ? 'state' : 'states'} the facts of one article: give ${facts.length > 1 ? 'them' : 'it'} with one saved page or text copy, not with ${what} (import the others without ${facts.length > 1 ? 'them' : 'it'})`;
}

function failed(file: string, reason: string): Outcome {
  return { file, status: 'failed', reason, missing: [], proposed: [], removed: [], written: [] };
}

/**
 * Imports every capture: saved pages one by one, web archives record by record (streamed; each
 * HTML response record with status 200 is a capture, at the record's WARC-Date and target URI).
 * Calls `progress(done, total)` in bytes read of all the inputs. Never throws for a bad capture
 * or a damaged web archive: each becomes a failed outcome, and what came before stays imported.
 */
export async function importAll(
  inputs: string[],
  root: string,
  opts: ImportOptions,
  progress: (done: number, total: number) => void = () => {},
): Promise<Summary> {
  const { captures, notCaptures } = await findCaptures(inputs);
  const oneArticle = oneArticleFacts(opts.given, captures);
  if (oneArticle)
    return {
      outcomes: [...captures, ...notCaptures].map((file) => failed(file, oneArticle)),
      counts: { imported: 0, versioned: 0, replaced: 0, skipped: 0, failed: captures.length + notCaptures.length },
      proposed: new Map(),
      archivesFailed: 0,
    };
  const index = await ExistingEntries.load(root, { dryRun: opts.dryRun });
  opts = { ...opts, backupStamp: opts.backupStamp ?? backupStamp() };
  const outcomes: Outcome[] = notCaptures.map((file) =>
    failed(
      file,
      'does not exist or is not a capture type the importer reads (.html, .htm, .html.gz, .txt, .warc, .warc.gz, .wacz)',
    ),
  );
  const sizes = new Map<string, number>();
  for (const file of captures) {
    try {
      sizes.set(file, archiveType(file) ? await archiveBytes(file) : (await stat(file)).size);
    } catch {
      sizes.set(file, 0); // reading it will say what is wrong
    }
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  let tally: RecordTally | undefined;
  for (const file of captures) {
    if (archiveType(file)) {
      tally ??= { counts: {}, listed: {}, archives: [] };
      await importArchive(file, root, index, opts, tally, outcomes, (n) => progress((done += n), total));
      continue;
    }
    try {
      outcomes.push(await importOne(file, root, index, opts));
    } catch (err) {
      outcomes.push(
        failed(file, failureReason(err, captureType(file)?.html ? 'a saved page' : 'a plain-text capture')),
      );
    }
    progress((done += sizes.get(file) ?? 0), total);
  }
  const counts = { imported: 0, versioned: 0, replaced: 0, skipped: 0, failed: 0 };
  // Each name counts the articles naming it, each article once however many of its captures do.
  const naming = new Map<string, Set<string>>();
  let archivesFailed = 0;
  for (const o of outcomes) {
    if (o.archive) archivesFailed++;
    else counts[o.status]++;
    for (const name of o.proposed) naming.set(name, (naming.get(name) ?? new Set()).add(o.article ?? o.file));
  }
  if (!opts.addPeople) {
    const proposed = new Map([...naming].map(([name, articles]) => [name, articles.size]));
    return { outcomes, counts, proposed, archivesFailed, ...(tally && { records: tally }) };
  }
  // The review covers every article the run reached, those already archived included, read from
  // the archive's files as they are now (an editor's changes to the text included); with no
  // input at all, every archived article.
  const reached =
    inputs.length === 0
      ? (await listFiles(path.join(root, 'articles')))
          .filter((rel) => rel.endsWith('.md'))
          .map((rel) => path.join(root, 'articles', rel))
      : [...new Set(outcomes.flatMap((o) => (o.article && o.status !== 'failed' ? [o.article] : [])))];
  const byName = await proposeFromArticles(reached, root, index);
  const proposed = new Map([...byName].map(([name, articles]) => [name, articles.size]));
  const summary: Summary = {
    outcomes,
    counts,
    proposed,
    archivesFailed,
    ...(tally && { records: tally }),
    ...(inputs.length === 0 && { reviewed: reached.length }),
  };
  if (proposed.size === 0) return summary;
  const review = await writeReview(
    path.resolve(opts.reviewFile ?? path.join(root, REVIEW_FILE)),
    root,
    byName,
    index.files,
  );
  return { ...summary, reviewFile: review.file, review };
}

/** Counts a record in the tally, listing the first LISTED of its kind. */
function count(tally: RecordTally, record: ListedRecord | { kind: 'capture' }): void {
  tally.counts[record.kind] = (tally.counts[record.kind] ?? 0) + 1;
  if (record.kind === 'capture') return;
  const list = (tally.listed[record.kind] ??= []);
  if (list.length < LISTED) list.push(record);
}

/** Imports the HTML captures of one web archive, record by record. */
async function importArchive(
  file: string,
  root: string,
  index: ExistingEntries,
  opts: ImportOptions,
  tally: RecordTally,
  outcomes: Outcome[],
  bytes: (n: number) => void,
): Promise<void> {
  const page = async (p: ArchivedPage) => {
    count(tally, { kind: 'capture' });
    const record = { uri: p.warc.targetUri, date: p.captured };
    if (!p.payload) {
      outcomes.push({ ...failed(file, p.problem ?? 'the payload cannot be read'), record });
      return;
    }
    let outcome: Outcome;
    try {
      const capture = captureFromPayload(p.warc.targetUri, p.payload, p.charset);
      outcome = await importCapture(
        capture,
        { captured: p.captured, url: p.warc.targetUri, warc: p.warc, file, record, notes: p.notes },
        root,
        index,
        opts,
      );
    } catch (err) {
      outcome = { ...failed(file, failureReason(err, 'an HTML page')), record };
    }
    if (outcome.notArticle) {
      count(tally, { kind: 'not-article', where: p.where, uri: p.warc.targetUri, detail: outcome.reason ?? '' });
      tally.counts.capture! -= 1;
    } else outcomes.push(outcome);
  };
  try {
    const { records } = await readWebArchive(file, opts.maxBytes, {
      page,
      skipped: (r) => count(tally, r),
      bytes,
    });
    tally.archives.push({ file, records });
  } catch (err) {
    const reason =
      err instanceof WebArchiveError
        ? err.message.replace(`${path.basename(file)}: `, '')
        : failureReason(err, 'a web archive');
    outcomes.push({ ...failed(file, reason), archive: true });
  }
}
