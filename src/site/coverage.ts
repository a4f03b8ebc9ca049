import { formatMonth, isoDay, type ArchiveDate } from '../content/dates.ts';
import { countOf } from '../text/plural.ts';

// Coverage over time: how many archived articles a list (a person's, a topic's, a source's, the
// whole archive's) has in each month, quarter or year of its span, for the charts on those pages
// (src/components/CoverageChart.astro). Pure computation: bins, counts, labels, anchors and the
// page of the list where each bin begins.
//
// The date that places an article is the one every list sorts by and the date archive files it
// under: the calendar day of its `published` date (isoDay, src/content/dates.ts). An undated
// original's `published` is the earliest day it can be from (its inferred range starts there), so
// it is counted where the date archive and the lists put it.

/** The length of a chart's bins. */
export type CoverageUnit = 'month' | 'quarter' | 'year';

/** A chart of months spans at most this many months; a longer span is binned by quarter. */
const MOST_MONTHS = 24;
/** A chart of quarters spans at most this many quarters (8 years); a longer span is binned by year. */
const MOST_QUARTERS = 32;

/** One bin of a chart: a month, a quarter or a year, with its articles counted. */
export interface CoverageBin {
  /** "2019-03" (month), "2019-q1" (quarter) or "2019" (year). */
  key: string;
  /** Year of the bin, "2019". */
  year: string;
  /** First month of the bin, "01" to "12". */
  month: string;
  /** The bin as a reader reads it: "March 2019", "January–March 2019", "2019". */
  label: string;
  /** A shorter form for the chart's axis: "Mar 2019", "Jan–Mar 2019", "2019". */
  shortLabel: string;
  /** Articles placed in the bin (0 for an empty bin inside the span). */
  count: number;
  /** Position in the list (newest first, from 0) of the bin's newest article; -1 when count is 0. */
  first: number;
}

/** A list's coverage: its bins, oldest first, every bin of the span (empty ones with count 0). */
export interface Coverage {
  unit: CoverageUnit;
  bins: CoverageBin[];
  /** Articles counted (the list's length). */
  total: number;
  /** The largest count of a bin (0 for an empty list). */
  most: number;
}

/** Months counted from year 0: January 2019 is 2019 × 12. */
function monthIndex(date: ArchiveDate): number {
  const day = isoDay(date);
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/**
 * The bin length for a list whose articles run from month `first` to month `last` (months counted
 * from year 0, both included). The rule: by month when the span covers at most MOST_MONTHS
 * calendar months (two years: at most 24 bars), else by quarter when it covers at most
 * MOST_QUARTERS calendar quarters (eight years: 9 to 32 bars), else by year (9 bars and up; a
 * 30-year span gives 30 or 31). So a person with one article gets one month, and no chart has
 * more than about 32 bars until a span passes 32 years; every bar keeps room to be read and
 * clicked (the chart scrolls sideways on a narrow screen rather than thinning its bars).
 */
export function coverageUnit(first: number, last: number): CoverageUnit {
  if (last - first + 1 <= MOST_MONTHS) return 'month';
  if (Math.floor(last / 3) - Math.floor(first / 3) + 1 <= MOST_QUARTERS) return 'quarter';
  return 'year';
}

/** Months in each unit. */
const MONTHS_IN: Record<CoverageUnit, number> = { month: 1, quarter: 3, year: 12 };

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const shortMonthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** The name of month index `m` (see monthIndex) in the given form. */
function nameOf(format: Intl.DateTimeFormat, m: number): string {
  return format.format(new Date(Date.UTC(2000, m % 12, 1)));
}

/** The bin beginning at month index `start`. */
function binAt(unit: CoverageUnit, start: number): CoverageBin {
  const year = String(Math.floor(start / 12)).padStart(4, '0');
  const month = String((start % 12) + 1).padStart(2, '0');
  const end = start + MONTHS_IN[unit] - 1;
  const bin = { year, month, count: 0, first: -1 };
  if (unit === 'month')
    return {
      ...bin,
      key: `${year}-${month}`,
      label: formatMonth(year, month),
      shortLabel: `${nameOf(shortMonthName, start)} ${year}`,
    };
  if (unit === 'quarter')
    return {
      ...bin,
      key: `${year}-q${(start % 12) / 3 + 1}`,
      label: `${nameOf(monthName, start)}–${nameOf(monthName, end)} ${year}`,
      shortLabel: `${nameOf(shortMonthName, start)}–${nameOf(shortMonthName, end)} ${year}`,
    };
  return { ...bin, key: year, label: year, shortLabel: year };
}

const computed = new WeakMap<readonly unknown[], Coverage>();

/**
 * The coverage of a list of articles sorted newest first (as every list of the archive is: see
 * newestFirst in grouping.ts), in one pass: the bin length by coverageUnit, and every bin from the
 * oldest article's to the newest's, empty bins included with count 0. An empty list has no bins.
 * Computed once per list (the same array gives the same object), since a list's pages all ask.
 * @throws {RangeError} for an article whose date is not a checked date (as isoDay does).
 */
export function coverageOf(articles: readonly { data: { published: ArchiveDate } }[]): Coverage {
  const known = computed.get(articles);
  if (known) return known;
  const months = articles.map((a) => monthIndex(a.data.published));
  let coverage: Coverage = { unit: 'month', bins: [], total: 0, most: 0 };
  if (months.length > 0) {
    // The list is newest first, but its order is not relied on for the span.
    const newest = months.reduce((a, b) => Math.max(a, b));
    const oldest = months.reduce((a, b) => Math.min(a, b));
    const unit = coverageUnit(oldest, newest);
    const size = MONTHS_IN[unit];
    const start = (m: number) => m - (m % size);
    const bins: CoverageBin[] = [];
    for (let m = start(oldest); m <= newest; m += size) bins.push(binAt(unit, m));
    months.forEach((m, i) => {
      const bin = bins[(start(m) - start(oldest)) / size]!;
      if (bin.count++ === 0) bin.first = i;
    });
    coverage = { unit, bins, total: articles.length, most: bins.reduce((n, b) => Math.max(n, b.count), 0) };
  }
  computed.set(articles, coverage);
  return coverage;
}

/** A bar's tooltip and table row in words: "March 2019: 4 articles", "2019: 1 article". */
export function binTitle(bin: CoverageBin): string {
  return `${bin.label}: ${countOf(bin.count, 'article')}`;
}

/** The id of the list item where a bin's articles begin: "coverage-2019-03", "coverage-2019-q1". */
export function binAnchor(bin: CoverageBin): string {
  return `coverage-${bin.key}`;
}

/** The page (from 1) of a list shown `pageSize` to a page that holds the bin's newest article. */
export function binPage(bin: CoverageBin, pageSize: number): number {
  return Math.floor(Math.max(0, bin.first) / pageSize) + 1;
}

/**
 * The anchors a list page carries: for each article of `shown` that is the newest of its bin, the
 * bin's anchor (binAnchor), by article id. `shown` is a slice of the list `coverage` counts.
 */
export function listAnchors(coverage: Coverage, list: readonly { id: string }[]): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const bin of coverage.bins) {
    const article = bin.first >= 0 ? list[bin.first] : undefined;
    if (article) anchors.set(article.id, binAnchor(bin));
  }
  return anchors;
}

/**
 * The chart's text alternative, one sentence: "12 articles naming Maria Okafor, by quarter from
 * January–March 2015 to April–June 2021; the most, 4 articles, in April–June 2020." `counted` is
 * what the chart counts, with the number ("12 articles naming Maria Okafor"). Ties for the most
 * name the earliest and say how many more share it. When every bin with articles has the same
 * count there is no "most" to name: "6 articles …, by month from … to …: 1 article in each month."
 * ("… in each of 2 of the 3 months." when some are empty). One bin: "… in March 2019." (with
 * "all" before the bin when there are several articles: "4 articles …, all in March 2019.").
 */
export function coverageSummary(coverage: Coverage, counted: string): string {
  const { bins, unit } = coverage;
  if (bins.length === 0) return `${counted}.`;
  if (bins.length === 1) return `${counted}, ${coverage.total > 1 ? 'all ' : ''}in ${bins[0]!.label}.`;
  const span = `${counted}, by ${unit} from ${bins[0]!.label} to ${bins.at(-1)!.label}`;
  const withArticles = bins.filter((b) => b.count > 0);
  const top = bins.filter((b) => b.count === coverage.most);
  const each = countOf(coverage.most, 'article');
  if (top.length === bins.length) return `${span}: ${each} in each ${unit}.`;
  if (top.length === withArticles.length)
    return `${span}: ${each} in each of ${top.length} of the ${bins.length} ${unit}s.`;
  const others = top.length > 1 ? ` and ${countOf(top.length - 1, `other ${unit}`)}` : '';
  return `${span}; the most, ${each}, in ${top[0]!.label}${others}.`;
}

/** One label of a chart's axis: the bin it stands under (its index) and its text. */
export interface AxisLabel {
  index: number;
  text: string;
}

/** Width of a bin on the chart's axis, in em of the chart's font (CoverageChart.astro draws it so). */
export const BIN_EM = 1.75;
/**
 * A label's width in em per character, for the chart's sans-serif font: a digit is about 0.55 em
 * and a lower-case letter 0.5 em in system-ui fonts, a space 0.25 em, so a label such as
 * "May 2019" (about 4.2 em) is estimated long (4.5 em).
 */
const EM_PER_CHARACTER = 0.56;
/** Space kept between two labels, in em. */
const LABEL_GAP_EM = 0.5;

/** The estimated width of a label's text in em (EM_PER_CHARACTER a character). */
function labelWidth(text: string): number {
  return [...text].length * EM_PER_CHARACTER;
}

/**
 * The labels under a chart drawn `slots` bins wide (at least its bin count), each left-aligned
 * with its bin, BIN_EM a bin: the first bin always, then bins where a period begins, each period
 * as short as fits its label: by month, every 1, 2, 3, 6 or 12 months from January
 * ("Jan 2019", "Apr 2019": every third month at the usual width); by quarter, each year's first
 * quarter, labelled with the year; by year, every 1, 2, 5 or 10 years from a year divisible by it.
 * A label is left out when it would come nearer than LABEL_GAP_EM to the one before it or run
 * past the chart's right edge (estimated by labelWidth), so labels never overlap, whatever the
 * screen's width (the chart is drawn in em and scrolls sideways when wider than the screen).
 */
export function axisLabels(coverage: Coverage, slots: number = coverage.bins.length): AxisLabel[] {
  const { bins, unit } = coverage;
  const fits = (text: string, every: number) => labelWidth(text) + LABEL_GAP_EM <= every * BIN_EM;
  const monthOf = (b: CoverageBin) => Number(b.month) - 1;
  let text: (b: CoverageBin) => string = (b) => b.shortLabel;
  let starts: (b: CoverageBin) => boolean;
  if (unit === 'month') {
    const every = [1, 2, 3, 6, 12].find((k) => bins.every((b) => monthOf(b) % k !== 0 || fits(b.shortLabel, k))) ?? 12;
    starts = (b) => monthOf(b) % every === 0;
  } else if (unit === 'quarter') {
    text = (b) => b.year;
    starts = (b) => monthOf(b) === 0;
  } else {
    const every = [1, 2, 5, 10].find((k) => bins.every((b) => fits(b.year, k))) ?? 10;
    starts = (b) => Number(b.year) % every === 0;
  }
  const labels: AxisLabel[] = [];
  let free = 0; // where the next label may begin, in em
  bins.forEach((bin, i) => {
    if (i > 0 && !starts(bin)) return;
    const label = i === 0 && !starts(bin) ? bin.shortLabel : text(bin);
    const at = i * BIN_EM;
    const end = at + labelWidth(label);
    if (at < free || (end > slots * BIN_EM && labels.length > 0)) return;
    labels.push({ index: i, text: label });
    free = end + LABEL_GAP_EM;
  });
  return labels;
}

/** The quarter (1 to 4) a bin's first month is in. */
export function binQuarter(bin: CoverageBin): number {
  return Math.floor((Number(bin.month) - 1) / 3) + 1;
}

/**
 * The months ("01" to "12") of quarter `quarter` (1 to 4), as the date archive's months are keyed.
 */
export function quarterMonths(quarter: number): string[] {
  return [0, 1, 2].map((k) => String((quarter - 1) * 3 + k + 1).padStart(2, '0'));
}

/**
 * The list a person's chart counts: the articles naming them (`naming: true`), or the ones they
 * signed when none names them (a journalist's page), so a page with articles always has a chart.
 */
export function charted<T>(naming: T[], signed: T[]): { list: T[]; naming: boolean } {
  return naming.length > 0 ? { list: naming, naming: true } : { list: signed, naming: false };
}
