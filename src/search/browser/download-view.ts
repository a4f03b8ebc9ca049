import { csvText } from '../../text/csv.ts';
import { countOf } from '../../text/plural.ts';
import { resultSummary, type ResultSummary } from './result-summary.ts';
import type { ResultQueue } from './search-engine.ts';

// "Download results (CSV)" on the search page: every result of the search on screen, with its
// filters and order, as a CSV file made in the browser (src/text/csv.ts: the data files' CSV
// rules). The results' data is fetched in batches, as "Show more" fetches it, with the progress
// in a live region; nothing is left out: the file has a row for each result the page counts, or
// none is offered and the page says why. The controller (search-page.ts) loads this module on
// the first click, so the page's own script stays as it was.

/** Results whose data is fetched at once. */
const BATCH = 50;

/** The file's columns (README, "Search results as CSV"): what a result shows, then its address. */
const COLUMNS = [
  'rank',
  'source',
  'headline',
  'date',
  'day',
  'byline',
  'excerpt',
  'match_note',
  'earlier_version',
  'address',
] as const;

/** A search to download: its results handed out in order, how many, and its signal (aborted by the next search). */
export interface DownloadJob {
  queue: ResultQueue;
  total: number;
  /** The words searched, for the excerpts' marks and the match notes. */
  query: string;
  signal: AbortSignal;
  /**
   * The archive's own address (Astro's `site`, the origin its canonical links and data files name,
   * src/site/data-files.ts): the results' addresses are made full against it, not against where
   * the page happens to be served (a preview, a mirror).
   */
  site: string;
}

/** The plain text of an excerpt (its marks dropped). */
function excerptText(excerpt: ResultSummary['excerpt']): string {
  if ('runs' in excerpt) return excerpt.runs.map((r) => r.text).join('');
  return new DOMParser().parseFromString(`<body>${excerpt.pagefind}</body>`, 'text/html').body.textContent ?? '';
}

/**
 * A result's cells, in the order of COLUMNS; addresses in full against `site`, the archive's own
 * address, as its canonical links and data files give them (a result's address is a site path,
 * base path included).
 */
function resultCells(summary: ResultSummary, rank: number, site: string): string[] {
  const full = (url: string | undefined) => (url ? new URL(url, site).href : '');
  return [
    String(rank),
    summary.kicker,
    summary.title,
    summary.date?.text ?? '',
    summary.date?.day ?? '',
    summary.byline ?? '',
    excerptText(summary.excerpt).replace(/\s+/g, ' ').trim(),
    summary.matchNote ?? '',
    full(summary.earlierVersion),
    full(summary.url),
  ];
}

/** Saves text as a file the browser downloads. */
function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches every result of `job` in batches of BATCH, saying the progress in `status` (a polite
 * live region), and saves them as `name`. `button` is disabled meanwhile. A newer search (the
 * job's signal aborted) stops it, and `status` says so; a result list that comes out shorter
 * than its count is not saved.
 */
export async function downloadResults(
  job: DownloadJob,
  button: HTMLButtonElement,
  status: HTMLElement,
  name = 'search-results.csv',
): Promise<void> {
  button.disabled = true;
  const rows: string[][] = [];
  try {
    status.textContent = `Preparing the CSV: 0 of ${countOf(job.total, 'result')}…`;
    while (job.queue.left > 0) {
      const batch = await job.queue.next(BATCH);
      if (job.signal.aborted) {
        status.textContent = 'The download stopped: the search changed. Press the button again for this search.';
        return;
      }
      if (batch.length === 0) break;
      for (const loaded of batch) rows.push(resultCells(resultSummary(loaded, job.query), rows.length + 1, job.site));
      status.textContent = `Preparing the CSV: ${rows.length.toLocaleString('en-GB')} of ${countOf(job.total, 'result')}…`;
    }
    if (rows.length !== job.total) {
      status.textContent = `The download stopped: ${rows.length.toLocaleString('en-GB')} of ${countOf(job.total, 'result')} could be read. Try again.`;
      return;
    }
    save(csvText(COLUMNS, rows), name);
    status.textContent = `Downloaded ${countOf(rows.length, 'result')} as ${name}.`;
  } catch (err) {
    status.textContent = 'The download failed: part of the results could not be read. Try again.';
    console.error(err);
  } finally {
    button.disabled = false;
  }
}
