import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// A long page is imported in bounded memory. A page of 4.8 MB on one line (50,000 paragraphs, as
// a site's "print whole archive" page), under the default 20 MB limit, peaked at 1.4 GB while
// importing; most of it was the NLP pass that proposes new people (compromise), which holds an
// object for every word of the text it reads and read the 4.5 MB text at once. The names of that
// text are now found in pieces of whole paragraphs (src/import/people.ts, nlpPieces). Measured in
// a process of its own: the peak resident memory, as the operating system counts it, of finding
// the names of such a text. The whole import's figures are in docs/performance.md ("Importing a
// long page").

const PEOPLE = fileURLToPath(new URL('../../src/import/people.ts', import.meta.url));

/** Peak resident memory (MiB) of a process that finds the names in 50,000 paragraphs (4.5 MB), and the names found. */
function peakOfNames(): { peakMiB: number; names: string[]; length: number } {
  const script = `
    import { candidateNames } from ${JSON.stringify(PEOPLE)};
    const paragraphs = Array.from({ length: 50000 }, (_, i) => 'Paragraph number ' + i + ' tells of the harbour board and the ferry timetable and the council.');
    paragraphs[25000] = 'Harbour master Priya Raman said the ferry would run again on Monday.';
    const text = paragraphs.join('\\n\\n');
    const names = candidateNames(text);
    process.stdout.write(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, names, length: text.length }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as {
    peakMiB: number;
    names: string[];
    length: number;
  };
}

describe('the names of a 4.5 MB article text', () => {
  test('are found in pieces, with a peak under 600 MiB (1.1 GB read at once)', { timeout: 600_000 }, () => {
    const { peakMiB, names, length } = peakOfNames();
    expect(length).toBeGreaterThan(4_500_000);
    expect(names).toContain('Priya Raman');
    expect(peakMiB).toBeLessThan(600);
  });
});
