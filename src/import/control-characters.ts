import { countControlCharacters, withoutControlCharacters } from '../content/control-characters.ts';
import type { Conversion } from './import-one.ts';

// What the importer writes holds no character that a page or feed cannot carry (control
// characters, lone surrogates, noncharacters: src/content/control-characters.ts). A page may
// hold them as they are, as character references or as JSON escapes in its JSON-LD; they are
// taken out of everything the conversion gives (metadata, text), so the files written, the
// duplicate checks and the version comparisons all see the same text the site will show.

/**
 * A capture's conversion without those characters, with a note for the report saying how many
 * were removed; the conversion itself when it held none.
 */
export function withoutControlCharactersNoted(conversion: Conversion): Conversion {
  const count = countControlCharacters({ meta: conversion.meta, markdown: conversion.body.markdown });
  const clean = withoutControlCharacters(conversion);
  if (count === 0) return clean;
  const removed = `removed ${count === 1 ? 'an invisible control character' : `${count} invisible control characters`} that no page or feed can carry`;
  return { ...clean, note: [clean.note, removed].filter(Boolean).join('; ') };
}
