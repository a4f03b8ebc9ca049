import path from 'node:path';
import type { Summary } from './run.ts';

// The import report: one line per capture, then totals and the people to add.

/** A path as the user typed it, relative when inside the working folder. */
const rel = (p: string) =>
  path.isAbsolute(p) && !path.relative(process.cwd(), p).startsWith('..') ? path.relative(process.cwd(), p) : p;

/** The whole report as text. */
export function formatSummary(
  { outcomes, counts, proposed, reviewFile }: Summary,
  { dryRun }: { dryRun: boolean },
): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'imported' || o.status === 'replaced') {
      lines.push(`${dryRun ? 'would write' : o.status} ${rel(o.file)} -> ${rel(o.article!)}`);
      if (o.missing.length) lines.push(`  not in the page, left empty: ${o.missing.join(', ')}`);
      for (const problem of o.problems ?? []) lines.push(`  could not read: ${problem}`);
      for (const note of o.notes ?? []) lines.push(`  note: ${note}`);
      const removed = [...new Set(o.removed.map((r) => r.rule))];
      if (removed.length) lines.push(`  removed: ${removed.join(', ')}`);
      if (dryRun) lines.push(...o.written.map((f) => `  would write ${rel(f)}`), '', o.preview ?? '', '');
    } else lines.push(`${o.status} ${rel(o.file)}: ${o.reason}`);
  }
  const total = outcomes.length;
  lines.push(
    '',
    `${total} capture${total === 1 ? '' : 's'}: ${counts.imported} imported, ${counts.replaced} replaced, ${counts.skipped} skipped, ${counts.failed} failed${dryRun ? ' (dry run: nothing written)' : ''}`,
  );
  if (proposed.size > 0) {
    const names = [...proposed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(
      `Proposed new people (not yet in people/): ${names.map(([n, c]) => `${n} (${c})`).join(', ')}`,
      reviewFile
        ? `Wrote them to ${rel(reviewFile)}: mark the ones to add "keep", then run npm run import -- --apply-people ${rel(reviewFile)}`
        : 'To add some of them: run again with --add-people --force, which writes a review file to mark and apply.',
    );
  }
  return lines.join('\n');
}
