import path from 'node:path';
import { compareDates } from '../content/dates.ts';
import { displayPath } from '../content/problems.ts';
import { countOf } from '../text/plural.ts';
import type { Outcome } from './import-one.ts';
import { LISTED, type Summary } from './run.ts';
import { RECORD_KINDS, type RecordKind } from './web-archive.ts';

// The import report: one line per capture, then what the web archives held, the totals and the
// people to add.

/** A path as the user typed it, relative when inside the working folder. */
const rel = (p: string) => (path.isAbsolute(p) ? displayPath(p) : p);

/** A capture as the report names it: the file, and for a WARC record its address and date. */
const named = (o: Outcome) => `${rel(o.file)}${o.record ? ` ${o.record.uri} (${o.record.date})` : ''}`;

/** Words as "12 words". */
const wordCount = (n: number) => countOf(n, 'word');

/** How the report names each kind of record not imported, and each kind counted: one, and more than one. */
const KIND_LABELS: Record<RecordKind | 'not-article', readonly [string, string]> = {
  ...RECORD_KINDS,
  'not-article': [
    'HTML page that is not an article (an index page, an error page)',
    'HTML pages that are not articles (index pages, error pages)',
  ],
};

/** What the report says after each kind's count. */
const KIND_FATE: Partial<Record<RecordKind | 'not-article', readonly [string, string]>> = {
  capture: [': read as a capture, listed above', ': read as captures, listed above'],
  continuation: [', read with the record it continues', ', read with the records they continue'],
};

/** What a merge with a file already in the archive kept and changed, and where the previous file is. */
function mergeLines(o: Outcome, dryRun: boolean): string[] {
  const lines: string[] = [];
  const by = (action: string) => (o.merge ?? []).filter((n) => n.action === action);
  const fields = (notes: { field: string }[]) => notes.map((n) => n.field).join(', ');
  if (by('kept').length) lines.push(`  kept as edited in the file: ${fields(by('kept'))}`);
  for (const n of by('kept').filter((n) => n.capture !== undefined && !['null', '[]', '""'].includes(n.capture)))
    lines.push(`    ${n.field}: the capture gives ${n.capture}`);
  const mergedFields = by('merged').filter((n) => n.field !== 'body');
  if (mergedFields.length)
    lines.push(`  the hand edits and the original's changes both kept, item by item: ${fields(mergedFields)}`);
  if (by('merged').some((n) => n.field === 'body')) lines.push(`  the hand edits of the text applied to the new text`);
  const fromCapture = by('updated').filter((n) => !n.given);
  const fromOptions = by('updated').filter((n) => n.given);
  if (fromCapture.length)
    lines.push(`  ${dryRun ? 'would update' : 'updated'} from the capture: ${fields(fromCapture)}`);
  if (fromOptions.length)
    lines.push(`  ${dryRun ? 'would set' : 'set'} as given on the command line: ${fields(fromOptions)}`);
  // The paragraphs both changed are named, so the editor can look at each one again.
  const paragraphs = (n: { paragraphs?: string[] }) => (n.paragraphs ?? []).map((p) => `    the paragraph "${p}"`);
  if (by('overruled').length)
    lines.push(
      `  changed by the original, replacing a hand edit: ${by('overruled')
        .map((n) =>
          n.paragraphs?.length
            ? `${n.field} (${countOf(n.paragraphs.length, 'paragraph')})`
            : n.items?.length
              ? `${n.field} (${n.items.join(', ')})`
              : n.field,
        )
        .join(
          ', ',
        )} (the edited file is kept ${o.status === 'replaced' ? 'in the copy named below' : 'as the earlier version'})`,
      ...by('overruled').flatMap(paragraphs),
    );
  for (const n of by('kept').filter((n) => n.paragraphs?.length))
    lines.push(`  the original changed these edited paragraphs too; the edit is kept:`, ...paragraphs(n));
  const items = by('kept').filter((n) => n.items?.length);
  if (items.length)
    lines.push(
      `  the original changed these edited items too; the edit is kept: ${items.map((n) => `${n.field} (${n.items!.join(', ')})`).join(', ')}`,
    );
  for (const w of o.warnings ?? []) lines.push(`  warning: ${w}`);
  if (o.moved)
    lines.push(
      `  ${dryRun ? 'would move' : 'moved'} from ${rel(o.moved.from)} to ${rel(o.moved.to)}: it has its publication date now, so it is filed under that date like any article (its versions with it)`,
    );
  if (o.backup) lines.push(`  previous file ${dryRun ? 'would be ' : ''}kept as ${rel(o.backup)}`);
  if (o.unchanged) lines.push('  file unchanged: the merge gives what it already holds');
  return lines;
}

/** The whole report as text; `content` is the --content given, repeated in the next step it prints. */
export function formatSummary(
  { outcomes, counts, proposed, reviewFile, review, records, archivesFailed, reviewed }: Summary,
  { dryRun, content }: { dryRun: boolean; content?: string | undefined },
): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'versioned') {
      const v = o.version!;
      const where = v.latest ? 'the latest version' : `an earlier version (${rel(v.file)})`;
      lines.push(`${dryRun ? 'would add' : 'added'} ${named(o)} as ${where} of ${rel(v.article)}`);
      // A capture older than every version is compared with the one after it.
      const against =
        compareDates(v.comparedWith, v.captured) > 0
          ? `differs from the later capture of ${v.comparedWith}`
          : `changed since the capture of ${v.comparedWith}`;
      lines.push(
        `  ${against}: ${wordCount(v.added)} added, ${wordCount(v.removed)} removed${v.titleChanged ? ', headline changed' : ''}`,
      );
      for (const note of o.notes ?? []) lines.push(`  note: ${note}`);
      lines.push(...mergeLines(o, dryRun));
      if (dryRun) lines.push(...o.written.map((f) => `  would write ${rel(f)}`));
    } else if (o.status === 'imported' || o.status === 'replaced') {
      lines.push(`${dryRun ? 'would write' : o.status} ${named(o)} -> ${rel(o.entry ?? o.article!)}`);
      if (o.missing.length) lines.push(`  not in the page, left empty: ${o.missing.join(', ')}`);
      for (const problem of o.problems ?? []) lines.push(`  could not read: ${problem}`);
      for (const note of o.notes ?? []) lines.push(`  note: ${note}`);
      const removed = [...new Set(o.removed.map((r) => r.rule))];
      if (removed.length) lines.push(`  removed: ${removed.join(', ')}`);
      lines.push(...mergeLines(o, dryRun));
      if (o.complete?.length)
        lines.push(
          `  saved as a draft: to complete it, run again with ${o.complete.join(' ')} (or fill in the fields by hand); npm run import -- --drafts lists the drafts waiting`,
        );
      if (dryRun) lines.push(...o.written.map((f) => `  would write ${rel(f)}`), '', o.preview ?? '', '');
    } else lines.push(`${o.status} ${named(o)}: ${o.reason}`);
  }
  if (records) {
    lines.push('');
    for (const a of records.archives) lines.push(`${rel(a.file)}: ${countOf(a.records, 'record')} read`);
    for (const [kind, [one, many]] of Object.entries(KIND_LABELS) as [
      RecordKind | 'not-article',
      readonly [string, string],
    ][]) {
      const n = records.counts[kind];
      if (!n) continue;
      const fate = KIND_FATE[kind] ?? [', not imported', ', not imported'];
      lines.push(`${countOf(n, one, many)}${n === 1 ? fate[0] : fate[1]}`);
      // Crawler bookkeeping (requests, metadata, warcinfo) is only counted.
      if (kind === 'capture' || kind === 'request' || kind === 'metadata' || kind === 'warcinfo') continue;
      for (const r of records.listed[kind] ?? [])
        lines.push(`  ${r.uri ?? '(no address)'}${r.detail ? `: ${r.detail}` : ''}`);
      if (n > LISTED) lines.push(`  … and ${(n - LISTED).toLocaleString('en')} more`);
    }
  }
  const total = outcomes.length - archivesFailed;
  if (reviewed !== undefined)
    lines.push(
      `${countOf(reviewed, 'archived article')} read for names not yet in people/ (nothing imported)${proposed.size ? '' : ': none found'}`,
    );
  else
    lines.push(
      '',
      `${countOf(total, 'capture')}: ${counts.imported} imported, ${counts.versioned} added as ${counts.versioned === 1 ? 'a version' : 'versions'}, ${counts.replaced} replaced, ${counts.skipped} skipped, ${counts.failed} failed${dryRun ? ' (dry run: nothing written)' : ''}`,
    );
  if (archivesFailed)
    lines.push(`${countOf(archivesFailed, 'web archive')} could not be read to the end (see "failed" above)`);
  if (proposed.size > 0) {
    const names = [...proposed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(
      `Proposed new people (not yet in people/): ${names.map(([n, c]) => `${n} (${c})`).join(', ')}`,
      reviewFile
        ? `${dryRun ? 'Would write' : 'Wrote'} them to ${rel(reviewFile)}${review ? ` (${review.added} new, ${review.kept} line${review.kept === 1 ? '' : 's'} already there kept with their marks)` : ''}: mark the ones to add "keep", then run npm run import -- --apply-people ${rel(reviewFile)}${content ? ` --content ${content}` : ''}`
        : `${dryRun ? 'Once the real run has imported them, to review them' : 'To review them'}: npm run import -- --add-people${content ? ` --content ${content}` : ''} (reads the archived articles, imports nothing, and adds the names to a review file to mark and apply).`,
    );
    if (review?.instead) lines.push(`  (${review.instead}: left alone)`);
    for (const name of review?.refused ?? [])
      lines.push(`  not written (a name is one line, without "|"): ${JSON.stringify(name)}`);
    for (const problem of review?.unreadable ?? []) lines.push(`  kept as written: ${problem}`);
  }
  return lines.join('\n');
}
