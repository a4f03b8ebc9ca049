import type { Problem } from './problems.ts';

// Characters no page or feed can carry: control characters, lone surrogates and noncharacters.
// XML 1.0 (Fifth Edition, section 2.2 "Characters") allows only
//   Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// so one U+001F in a headline makes the whole RSS feed ill-formed, and feed readers reject it.
// HTML (WHATWG HTML, "Parse errors": control-character-in-input-stream,
// noncharacter-in-input-stream, surrogate-in-input-stream) also refuses the C1 controls
// U+007F–U+009F and every noncharacter. They are invisible, so they reach the archive only by
// accident (pasted from another program, or left in a page by its CMS). The site leaves them out
// of every output: a separator (vertical tab, form feed, the information separators U+001C–U+001F,
// next line U+0085) becomes a space between the words it stood between, every other one is
// dropped. The check tells the editor where they are (controlCharacterNotes), the importer
// removes them from what it writes, and the loaders read the front matter without them.

/** One character no page or feed may carry (see the file's comment); `g` and `u`, for replacing. */
const UNPUBLISHABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;
/** The same, to test a string without state. */
const HAS_UNPUBLISHABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}|\p{Noncharacter_Code_Point}/u;
/** Separators among them: shown as a space between words, never glued ("vote\u001Fdelayed" reads "vote delayed"). */
const SEPARATOR = /[\x0B\x0C\x1C-\x1F\x85]/;

/** Whether a text holds a character no page or feed may carry. */
function hasControlCharacters(text: string): boolean {
  return HAS_UNPUBLISHABLE.test(text);
}

/**
 * A text without the characters no page or feed may carry (see the file's comment): separators
 * become a space unless whitespace is already next to them, the others are dropped. Text without
 * them is returned as it is (the same string).
 */
export function withoutControlCharactersIn(text: string): string {
  if (!HAS_UNPUBLISHABLE.test(text)) return text;
  return text.replace(UNPUBLISHABLE, (c, offset: number, all: string) => {
    if (!SEPARATOR.test(c)) return '';
    const before = all.charAt(offset - 1);
    const after = all.charAt(offset + c.length);
    return before === '' || after === '' || /\s/.test(before) || /\s/.test(after) || SEPARATOR.test(after) ? '' : ' ';
  });
}

/**
 * A text with those characters made visible, for showing a verbatim capture as it is: a C0
 * control as its Control Pictures symbol (U+001F as ␟, Unicode's block U+2400–U+243F), DELETE as
 * ␡, any other (a C1 control, a lone surrogate, a noncharacter) as U+FFFD �. Tab, line feed and
 * carriage return are kept.
 */
export function controlCharactersShown(text: string): string {
  if (!HAS_UNPUBLISHABLE.test(text)) return text;
  return text.replace(UNPUBLISHABLE, (c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x20 ? String.fromCodePoint(0x2400 + cp) : cp === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/**
 * Every string of a value without the characters no page or feed may carry (withoutControlCharactersIn),
 * through arrays and plain objects (keys included); other objects (dates, class instances) are
 * kept as they are. Returns the value itself when nothing changed, a copy otherwise; never
 * changes its argument.
 */
export function withoutControlCharacters<T>(value: T): T {
  if (typeof value === 'string') return withoutControlCharactersIn(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => withoutControlCharacters(v));
    return (items.some((v, i) => v !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const entries = Object.entries(value).map(([k, v]: [string, unknown]) => {
      const [k2, v2] = [withoutControlCharactersIn(k), withoutControlCharacters(v)];
      if (k2 !== k || v2 !== v) changed = true;
      return [k2, v2];
    });
    return changed ? (Object.fromEntries(entries) as T) : value;
  }
  return value;
}

/** How many characters no page or feed may carry a value holds, in all its strings (keys included). */
export function countControlCharacters(value: unknown): number {
  let count = 0;
  for (const [, text] of strings(value)) count += text.match(UNPUBLISHABLE)?.length ?? 0;
  return count;
}

/** Names of the C0 controls, U+0000–U+001F (Unicode name aliases, ISO 6429). */
const C0_NAMES = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'ALERT',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

/** "U+001F (INFORMATION SEPARATOR ONE)", and for a C1 control the Windows-1252 character it usually stands for. */
function described(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp < 0x20) return `${hex} (${C0_NAMES[cp]})`;
  if (cp === 0x7f) return `${hex} (DELETE)`;
  if (cp <= 0x9f) {
    // Text read in the wrong charset: the byte 0x92 was meant as Windows-1252's ’, not as U+0092.
    const meant = new TextDecoder('windows-1252').decode(new Uint8Array([cp]));
    return meant.codePointAt(0) === cp
      ? `${hex} (a C1 control)`
      : `${hex} (a C1 control; in Windows-1252 the byte ${cp.toString(16).toUpperCase()} is “${meant}”, which may be what was meant)`;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex} (half of a surrogate pair, alone)`;
  return `${hex} (a noncharacter)`;
}

/** The few characters before `offset`, to say where an invisible character is. */
function contextBefore(text: string, offset: number): string {
  let before = withoutControlCharactersIn(text.slice(Math.max(0, offset - 30), offset)).replace(/\s+/g, ' ');
  // Whole words only: a cut word would read as a misspelling.
  if (offset > 30) before = `…${before.replace(/^\S*\s?/, '')}`;
  return before.trim() ? `after “${before.trimStart()}”` : 'at the start';
}

/** What is wrong with one text: every such character (the first three), where it is, and how many. */
function foundIn(text: string): { message: string; count: number } {
  const found = [...text.matchAll(UNPUBLISHABLE)];
  const shown = found.slice(0, 3).map((m) => `${described(m[0])} ${contextBefore(text, m.index)}`);
  const more = found.length > 3 ? `, and ${found.length - 3} more` : '';
  const [noun, it] =
    found.length === 1
      ? ['an invisible control character', 'it']
      : [`${found.length} invisible control characters`, 'them'];
  return {
    message: `holds ${noun}, ${shown.join('; ')}${more}: no page or feed can carry ${it}, so the site leaves ${it} out`,
    count: found.length,
  };
}

/** The fix for one text's characters: in front matter they may be written as YAML escapes. */
function fixFor(count: number, inFrontMatter: boolean): string {
  const it = count === 1 ? 'it' : 'them';
  return `delete ${it}: retype the words around ${it}${inFrontMatter ? ' (in a quoted value, remove escapes such as \\u001F or \\x0B)' : ''}`;
}

/** Every string in a parsed YAML value with its field path ("title", "authors.1.name"). */
function* strings(value: unknown, field: string[] = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [field.join('.') || 'file', value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...field, String(i)]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (hasControlCharacters(k)) yield [[...field, withoutControlCharactersIn(k)].join('.'), k];
      yield* strings(v, [...field, withoutControlCharactersIn(k)]);
    }
}

/**
 * Notes for the editor on the characters no page or feed may carry (see the file's comment) in
 * one file: one per front-matter field that holds any (`data` is the parsed YAML), and one per
 * line of the Markdown `body` that does, with the line's number in the file (`bodyLine` is the
 * file line the body starts on). Each note names the character (U+001F, its name), the words
 * before it and the fix. They do not fail the check: the site drops the characters itself.
 */
export function controlCharacterNotes(file: string, data: unknown, body?: string, bodyLine = 1): Problem[] {
  const notes: Problem[] = [];
  for (const [field, text] of strings(data))
    if (hasControlCharacters(text)) {
      const { message, count } = foundIn(text);
      notes.push({ file, field, message, fix: fixFor(count, true) });
    }
  if (body !== undefined && hasControlCharacters(body))
    body.split('\n').forEach((line, i) => {
      if (!hasControlCharacters(line)) return;
      const { message, count } = foundIn(line);
      notes.push({ file, field: `body (line ${bodyLine + i})`, message, fix: fixFor(count, false) });
    });
  return notes;
}
