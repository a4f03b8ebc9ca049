import { z } from 'astro/zod';
import { expect, test } from 'vitest';
import { articleFields } from '../../src/content/schema.ts';
import { csvRows } from '../../src/text/csv.ts';

// What the data files hold for a headline or byline written with white space at its ends: the
// archive reads the text fields without it (README, "Data files"), so a leading tab, which a
// spreadsheet would take for the start of a formula, never reaches a cell through these fields.

const fields = articleFields({ person: z.string(), source: z.string() }).pick({ title: true, authors: true });

test('a headline and a byline written with a leading tab are held without it', () => {
  const read = fields.parse({ title: '\tCouncil votes\t', authors: ['\tRosa Delgado ', { name: '\t=Wire desk' }] });
  expect(read.title).toBe('Council votes');
  expect(read.authors.map((a) => a.name)).toEqual(['Rosa Delgado', '=Wire desk']);
  // The value held is the one a CSV cell is made of: a leading "=" is still escaped there.
  expect(csvRows([[read.title, read.authors[1]!.name]]).trim()).toBe("Council votes,'=Wire desk");
});
