import path from 'node:path';
import { compareDates } from '../content/dates.ts';
import { countOf } from '../site/plural.ts';
import type { Outcome } from './import-one.ts';
import { LISTED, type Summary } from './run.ts';
import { RECORD_KINDS, type RecordKind } from './web-archive.ts';

// The import report: one line per capture, then what the web archives held, the totals and the
// people to add.

/** A path as the user typed it, relative when inside the working folder. */
const rel = (p: string) =>
  path.isAbsolute(p) && !path.relative(process.cwd(), p).startsWith('..') ? path.relative(process.cwd(), p) : p;

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

/** The whole report as text; `content` is the --content given, repeated in the next step it prints. */
export function formatSummary(
  { outcomes, counts, proposed, reviewFile, records, archivesFailed }: Summary,
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
      if (dryRun) lines.push(...o.written.map((f) => `  would write ${rel(f)}`));
    } else if (o.status === 'imported' || o.status === 'replaced') {
      lines.push(`${dryRun ? 'would write' : o.status} ${named(o)} -> ${rel(o.entry ?? o.article!)}`);
      if (o.missing.length) lines.push(`  not in the page, left empty: ${o.missing.join(', ')}`);
      for (const problem of o.problems ?? []) lines.push(`  could not read: ${problem}`);
      for (const note of o.notes ?? []) lines.push(`  note: ${note}`);
      const removed = [...new Set(o.removed.map((r) => r.rule))];
      if (removed.length) lines.push(`  removed: ${removed.join(', ')}`);
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
      for (const r of records.listed[kind as Exclude<typeof kind, 'capture'>] ?? [])
        lines.push(`  ${r.uri ?? '(no address)'}${r.detail ? `: ${r.detail}` : ''}`);
      if (n > LISTED) lines.push(`  … and ${(n - LISTED).toLocaleString('en')} more`);
    }
  }
  const total = outcomes.length - archivesFailed;
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
        ? `Wrote them to ${rel(reviewFile)}: mark the ones to add "keep", then run npm run import -- --apply-people ${rel(reviewFile)}${content ? ` --content ${content}` : ''}`
        : 'To add some of them: run again with --add-people --force, which writes a review file to mark and apply.',
    );
  }
  return lines.join('\n');
}
