import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { reportMarkdown, scoreText, sumCounts, type LabelledText } from '../../bench/quotes-score.ts';

// The labelled-set scoring: found quotations written by hand against a small labelled text, the
// expected counts worked out by reading the spans (not by running the scorer's own helpers).

const TEXT = '“We will win,” Doe said. “And soon.”\n\nThe “zero tolerance” policy.\n\n“No,” he said.';
// "We will win," is 1-13; Doe 15-18; "And soon." 26-35; "zero tolerance" 43-57; "No," 69-72; he 74-76
// (counted by hand, checked by the first test).

const LABELLED: LabelledText = {
  name: '00-test',
  text: TEXT,
  language: 'en',
  style: 'test',
  people: [{ id: 'jane-doe', name: 'Jane Doe' }],
  quotes: [
    { quote: 'We will win,', speaker: 'Doe', refersTo: null, person: 'jane-doe', kinds: ['after'] },
    { quote: 'And soon.', speaker: 'Doe', refersTo: null, person: 'jane-doe', kinds: ['split'] },
    { quote: 'No,', speaker: 'he', refersTo: 'John Roe', person: null, kinds: ['pronoun', 'after'] },
  ],
  notQuotes: ['zero tolerance'],
};

const span = (start: number, end: number) => ({ start, end });

describe('scoring quotations against the labelled set', () => {
  test('the positions the comment above gives are the text’s', () => {
    expect(TEXT.slice(1, 13)).toBe('We will win,');
    expect(TEXT.slice(26, 35)).toBe('And soon.');
    expect(TEXT.slice(43, 57)).toBe('zero tolerance');
    expect(TEXT.slice(69, 72)).toBe('No,');
    expect(TEXT.slice(74, 76)).toBe('he');
  });

  test('overlapping spans match; the person decides, or with no person the speaker mention', () => {
    const score = scoreText(LABELLED, [
      // Right: same person.
      { quote: span(1, 13), speaker: span(15, 18), person: 'jane-doe' },
      // Matched (overlaps "And soon.") but the wrong person.
      { quote: span(30, 35), speaker: null, person: 'richard-roe' },
      // A scare quote found: counts against precision and as a notQuote.
      { quote: span(43, 57), speaker: null, person: null },
      // No person on either side, speaker mentions overlap: right.
      { quote: span(69, 72), speaker: span(74, 76), person: null },
    ]);
    expect(score.counts).toEqual({
      labelled: 3,
      found: 4,
      matched: 3,
      correct: 2,
      attributed: 2,
      attributedCorrect: 1,
      labelledPersons: 2,
      mentionCorrect: 2,
      notQuotesFound: 1,
      pronounMatched: 1,
      pronounCorrect: 1,
    });
    expect(score.kinds).toEqual({
      after: { labelled: 2, matched: 2, correct: 2 },
      split: { labelled: 1, matched: 1, correct: 0 },
      pronoun: { labelled: 1, matched: 1, correct: 1 },
    });
    const report = reportMarkdown([score]);
    expect(report).toContain('| precision of (speaker, quote) pairs | 0.50 | 2 of 4 found |');
    expect(report).toContain('| recall of (speaker, quote) pairs | 0.67 | 2 of 3 labelled |');
    expect(report).toContain('| person-page precision (quotes attributed to a person) | 0.50 | 1 of 2 |');
    expect(report).toContain('| 00-test | test | 3 | 4 | 2 | 0.50 | 0.67 | 0.50 |');
  });

  test('one found quotation matches one labelled quotation at most; a missing label is reported', () => {
    const score = scoreText(
      { ...LABELLED, quotes: [...LABELLED.quotes, { ...LABELLED.quotes[0]!, quote: 'Not there' }] },
      [{ quote: span(0, 36), speaker: span(15, 18), person: 'jane-doe' }],
    );
    expect(score.counts.matched).toBe(1);
    expect(score.counts.correct).toBe(1);
    expect(score.unplaced).toEqual(['Not there']);
    expect(sumCounts([score, score]).counts.correct).toBe(2);
  });

  test('npm run bench:quotes reads a folder of labelled texts and prints the figures', () => {
    const run = spawnSync(process.execPath, ['scripts/bench-quotes.ts', '--dir', 'tests/fixtures/quotes-bench'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3 texts, 17 labelled quotations/);
    expect(run.stdout).toContain('| person-page precision (quotes attributed to a person) |');
    expect(run.stdout).toContain('| 03-greve | quotidien régional, France | 2 |');
  }, 60_000);

  test('--only with a range of numbers scores those texts alone; anything else is a usage error', () => {
    const bench = (only: string) =>
      spawnSync(process.execPath, ['scripts/bench-quotes.ts', '--dir', 'tests/fixtures/quotes-bench', '--only', only], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const range = bench('2-3');
    expect(range.status, range.stderr).toBe(0);
    expect(range.stdout).toMatch(/^2 texts,/);
    expect(range.stdout).not.toContain('| 01-bridge-vote |');
    const bad = bench('2-');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--only takes odd, even or a range');
  }, 60_000);
});
