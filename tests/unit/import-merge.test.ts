import { describe, expect, test } from 'vitest';
import { mergeEntry, mergeParagraphs, type EntryText } from '../../src/import/merge.ts';

// The three-way merge of a re-import: base (the importer's reading of the capture the file was
// made from), the file (with the editor's changes), and the fresh capture.

const FIELDS = ['title', 'dek', 'published', 'authors', 'people', 'topics', 'editorsNote', 'draft', 'captured'];
const ARTICLE = ['people', 'topics', 'draft', 'editorsNote'];

const base: EntryText = {
  data: {
    title: 'Water rates to rise',
    dek: 'The board voted on Tuesday.',
    published: '2026-03-03',
    authors: ['Grace Kim Staff Writer'],
    people: [],
    topics: [],
    captured: '2026-03-03T10:00:00Z',
  },
  body: 'First paragraph.\n\nSecond paragraph, about $6 a month.\n\nThird paragraph.\n',
};

/** The base with the editor's changes. */
const edited: EntryText = {
  data: {
    ...base.data,
    title: 'Water rates to rise 9%',
    authors: ['Grace Kim'],
    people: [{ id: 'denise-howard', role: 'Board chair' }],
    topics: ['water'],
    editorsNote: 'The board’s figures were checked on 4 March.',
  },
  body: 'First paragraph [sic].\n\nSecond paragraph, about $6 a month.\n\nThird paragraph.\n',
};

const fields = (notes: { field: string; action: string }[], action: string) =>
  notes.filter((n) => n.action === action).map((n) => n.field);

describe('the same capture again (--force)', () => {
  test('every edit is kept; nothing else changes', () => {
    const merged = mergeEntry(edited, base, base, FIELDS, 'file', ARTICLE);
    expect(merged.data).toEqual(edited.data);
    expect(merged.body).toBe(edited.body);
    expect(fields(merged.notes, 'kept').sort()).toEqual(
      ['authors', 'body', 'editorsNote', 'people', 'title', 'topics'].sort(),
    );
  });

  test('an improved extraction updates what the editor left alone, and keeps what the editor changed', () => {
    // The file was written by an older importer; the editor changed only the topics.
    const old: EntryText = { data: { ...base.data, title: 'Water rates to rise | Coast News' }, body: base.body };
    const file: EntryText = { data: { ...old.data, topics: ['water'] }, body: old.body };
    const merged = mergeEntry(file, old, base, FIELDS, 'file', ARTICLE);
    expect(merged.data.title).toBe('Water rates to rise');
    expect(merged.data.topics).toEqual(['water']);
  });

  test('with no base (the capture is not kept), every difference keeps the file', () => {
    const merged = mergeEntry(edited, undefined, base, FIELDS, 'file', ARTICLE);
    expect(merged.data).toEqual(edited.data);
    expect(merged.body).toBe(edited.body);
  });
});

describe('a newer capture', () => {
  const newer: EntryText = {
    data: {
      ...base.data,
      title: 'Water rates to rise 9% as city replaces pipes',
      dek: undefined,
      published: undefined,
      captured: '2026-03-05T10:00:00Z',
    },
    body: 'First paragraph.\n\nSecond paragraph, about $8.50 a month after a correction.\n\nThird paragraph.\n',
  };

  test('takes what the original changed, keeps the edits it did not overrule, and applies text edits to the new text', () => {
    const merged = mergeEntry(edited, base, newer, FIELDS, 'fresh', ARTICLE);
    expect(merged.data).toMatchObject({
      title: 'Water rates to rise 9% as city replaces pipes',
      authors: ['Grace Kim'],
      people: [{ id: 'denise-howard', role: 'Board chair' }],
      topics: ['water'],
      editorsNote: 'The board’s figures were checked on 4 March.',
      captured: '2026-03-05T10:00:00Z',
    });
    expect(fields(merged.notes, 'overruled')).toEqual(['title']);
    expect(merged.body).toBe(
      'First paragraph [sic].\n\nSecond paragraph, about $8.50 a month after a correction.\n\nThird paragraph.\n',
    );
    expect(fields(merged.notes, 'merged')).toEqual(['body']);
  });

  test('a dek the original dropped is dropped; a date the capture does not state is kept', () => {
    const merged = mergeEntry(base, base, newer, FIELDS, 'fresh', ARTICLE);
    expect(merged.data.dek).toBeUndefined();
    expect(merged.data.published).toBe('2026-03-03');
  });

  test('an edited paragraph the original rewrote too: the new text, the edit left in the earlier version', () => {
    const rewritten: EntryText = { data: newer.data, body: 'First paragraph, rewritten.\n\nSecond paragraph.\n' };
    const merged = mergeEntry(edited, base, rewritten, FIELDS, 'fresh', ARTICLE);
    expect(merged.body).toBe(rewritten.body);
    expect(fields(merged.notes, 'overruled')).toContain('body');
  });

  test('a draft completed by a capture with every fact is no longer a draft, unless the editor made it one', () => {
    const draftBase: EntryText = { data: { ...base.data, published: undefined, draft: true }, body: base.body };
    expect(mergeEntry(draftBase, draftBase, base, FIELDS, 'fresh', ARTICLE).data.draft).toBeUndefined();
    const heldBack: EntryText = { data: { ...base.data, draft: true }, body: base.body };
    expect(mergeEntry(heldBack, base, base, FIELDS, 'fresh', ARTICLE).data.draft).toBe(true);
  });
});

describe('where a capture came from', () => {
  const warc = { file: 'crawl.warc.gz', recordId: '<urn:uuid:1>', targetUri: 'https://coast.example/water' };
  const fromWarc: EntryText = { data: { ...base.data, captureSha256: 'a'.repeat(64), warc }, body: base.body };
  const fields = [...FIELDS, 'captureSha256', 'warc'];

  test('the same bytes imported again from a saved copy keep their WARC provenance', () => {
    const saved: EntryText = { data: { ...base.data, captureSha256: 'a'.repeat(64) }, body: base.body };
    expect(mergeEntry(fromWarc, fromWarc, saved, fields, 'file', ARTICLE).data.warc).toEqual(warc);
  });

  test('another capture never inherits it', () => {
    const other: EntryText = { data: { ...base.data, captureSha256: 'b'.repeat(64) }, body: base.body };
    expect(mergeEntry(fromWarc, fromWarc, other, fields, 'fresh', ARTICLE).data.warc).toBeUndefined();
  });
});

describe('the text, paragraph by paragraph', () => {
  const text = (...paragraphs: string[]) => paragraphs.join('\n\n') + '\n';
  const [A, B, C, D] = ['Alpha said one.', 'Bravo said two.', 'Charlie said three.', 'Delta said four.'];
  const original = text(A, B, C, D);
  const body = (file: string, fresh: string, rule: 'file' | 'fresh' = 'fresh') =>
    mergeEntry({ data: {}, body: file }, { data: {}, body: original }, { data: {}, body: fresh }, [], rule);

  test('edits of neighbouring paragraphs each go their own way: the one the original changed too goes with the original', () => {
    const merged = body(
      text(A, 'Bravo said two [sic].', 'Charlie said three!', 'Delta said 4.'),
      text(A, 'Bravo said 2.', C, D),
    );
    expect(merged.body).toBe(text(A, 'Bravo said 2.', 'Charlie said three!', 'Delta said 4.'));
    expect(merged.notes).toEqual([{ field: 'body', action: 'overruled', paragraphs: [B] }]);
  });

  test('the same conflict in a capture of the same moment keeps the edit, and still takes the rest of the capture', () => {
    const merged = body(text(A, 'Bravo said two [sic].', C, D), text(A, 'Bravo said 2.', C, 'Delta said 4.'), 'file');
    expect(merged.body).toBe(text(A, 'Bravo said two [sic].', C, 'Delta said 4.'));
    expect(merged.notes).toEqual([{ field: 'body', action: 'kept', paragraphs: [B] }]);
  });

  test('a paragraph the original added, one the editor removed, and one both changed alike', () => {
    const merged = body(text(A, 'Bravo said 2.', C), text('Lede added.', A, 'Bravo said 2.', C, D, 'Update added.'));
    expect(merged.body).toBe(text('Lede added.', A, 'Bravo said 2.', C, 'Update added.'));
    expect(merged.notes).toEqual([{ field: 'body', action: 'merged' }]);
  });

  test('whitespace alone is no change, and a paragraph the editor split is one change', () => {
    const merged = mergeParagraphs(
      original,
      text(A, 'Bravo said', 'two.', C, D),
      text(A, B, C, 'Delta  said four.'),
      'fresh',
    );
    expect(merged).toEqual({ paragraphs: [A, 'Bravo said', 'two.', C, D], conflicts: [] });
  });
});
