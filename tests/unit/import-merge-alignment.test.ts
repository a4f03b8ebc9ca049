import { describe, expect, test } from 'vitest';
import { mergeParagraphs } from '../../src/import/merge.ts';

// Where the original inserts, deletes or moves paragraphs next to ones the editor changed, the
// paragraphs are aligned so that each side's change lands where it belongs: nothing the editor
// wrote is lost, a paragraph the editor deleted stays deleted unless the original changed it, and
// only both sides changing the same paragraphs is a conflict. Expected texts are written out by hand.

const [A, B, C, D] = ['Alpha said one.', 'Bravo said two.', 'Charlie said three.', 'Delta said four.'];
const [B1, C1, D1] = ['Bravo, 34, said two.', 'Charlie said three [sic].', 'Delta said four [sic].'];
const X = 'Xray was added by the original.';
const text = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n';
const base = text(A, B, C, D);
const merge = (file: string[], fresh: string[], rule: 'file' | 'fresh' = 'fresh') =>
  mergeParagraphs(base, text(...file), text(...fresh), rule);

describe.each(['fresh', 'file'] as const)('the original inserts or deletes next to an edit (rule %s)', (rule) => {
  test.each([
    ['an insertion just before the edited paragraph', [A, B1, C, D], [A, X, B, C, D], [A, X, B1, C, D]],
    ['an insertion just after the edited paragraph', [A, B1, C, D], [A, B, X, C, D], [A, B1, X, C, D]],
    ['an insertion between two edited paragraphs', [A, B1, C1, D], [A, B, X, C, D], [A, B1, X, C1, D]],
    [
      'an insertion at the top, the first paragraph edited',
      [A + ' [sic]', B, C, D],
      [X, A, B, C, D],
      [X, A + ' [sic]', B, C, D],
    ],
    [
      'an insertion at the end, the last paragraph edited',
      [A, B, C, D + ' [sic]'],
      [A, B, C, D, X],
      [A, B, C, D + ' [sic]', X],
    ],
    ['a deletion just before the edited paragraph', [A, B1, C, D], [B, C, D], [B1, C, D]],
    ['a deletion just after the edited paragraph', [A, B1, C, D], [A, B, D], [A, B1, D]],
    ['a deletion between two edited paragraphs', [A, B1, C, D1], [A, B, D], [A, B1, D1]],
    ['an insertion just before a paragraph the editor deleted', [A, C, D], [A, X, B, C, D], [A, X, C, D]],
    ['an insertion just after a paragraph the editor deleted', [A, C, D], [A, B, X, C, D], [A, X, C, D]],
    ['an insertion where the editor deleted two paragraphs around it', [A, D], [A, B, X, C, D], [A, X, D]],
    [
      'an insertion between a paragraph the editor deleted and one it edited',
      [A, C1, D],
      [A, B, X, C, D],
      [A, X, C1, D],
    ],
    [
      'an insertion between a paragraph the editor edited and one it deleted',
      [A, B1, D],
      [A, B, X, C, D],
      [A, B1, X, D],
    ],
    [
      'an insertion after a paragraph the editor deleted, the next two edited',
      [A, C1, D1],
      [A, B, X, C, D],
      [A, X, C1, D1],
    ],
    [
      'an insertion between an edited and a deleted paragraph, the one before also deleted',
      [B1, D],
      [A, B, X, C, D],
      [B1, X, D],
    ],
    ['the original moves another paragraph', [A, B1, C, D], [D, A, B, C], [D, A, B1, C]],
    ['the original moves the edited paragraph', [A, B1, C, D], [A, C, D, B], [A, C, D, B1]],
    ['the original moves a paragraph the editor deleted', [A, C, D], [A, C, D, B], [A, C, D]],
  ])('%s keeps the edit', (_, file, fresh, expected) => {
    expect(merge(file, fresh, rule)).toEqual({ paragraphs: expected, conflicts: [] });
  });
});

describe.each(['fresh', 'file'] as const)('the editor inserts next to changes of the original (rule %s)', (rule) => {
  const Y = 'Yankee was added by the editor.';
  test.each([
    ['between a deleted and an edited paragraph', [A, B, Y, C, D], [A, C1, D], [A, Y, C1, D]],
    ['between an edited and a deleted paragraph', [A, B, Y, C, D], [A, B1, D], [A, B1, Y, D]],
  ])('an insertion %s keeps both', (_, file, fresh, expected) => {
    expect(merge(file, fresh, rule)).toEqual({ paragraphs: expected, conflicts: [] });
  });
});

describe('a real conflict is reported as one', () => {
  test('the original inserts before a paragraph and rewrites it, the editor corrected it', () => {
    const rewritten = 'Bravo said two, then three.';
    expect(merge([A, B1, C, D], [A, X, rewritten, C, D])).toEqual({
      paragraphs: [A, X, rewritten, C, D],
      conflicts: [B],
    });
    expect(merge([A, B1, C, D], [A, X, rewritten, C, D], 'file')).toEqual({
      paragraphs: [A, B1, C, D],
      conflicts: [B],
    });
  });

  test('a paragraph the editor deleted comes back when the original changed it, named as a conflict', () => {
    expect(merge([A, C, D], [A, 'Bravo said 2.', C, D])).toEqual({
      paragraphs: [A, 'Bravo said 2.', C, D],
      conflicts: [B],
    });
  });

  test('the original inserts between two paragraphs the editor joined into one', () => {
    const joined = `${B} ${C}`;
    expect(merge([A, joined, D], [A, B, X, C, D])).toEqual({ paragraphs: [A, B, X, C, D], conflicts: [B, C] });
    expect(merge([A, joined, D], [A, B, X, C, D], 'file')).toEqual({ paragraphs: [A, joined, D], conflicts: [B, C] });
  });

  test('the original deletes the paragraph the editor corrected', () => {
    expect(merge([A, B1, C, D], [A, C, D])).toEqual({ paragraphs: [A, C, D], conflicts: [B] });
    expect(merge([A, B1, C, D], [A, C, D], 'file')).toEqual({ paragraphs: [A, B1, C, D], conflicts: [B] });
  });
});
