// Reading JSON-LD as pages really write it. A <script type="application/ld+json"> block is meant to
// hold one JSON value, but real pages wrap it in <![CDATA[ … ]]> or <!-- … -->, leave comments and
// trailing commas in it, put raw line breaks inside strings, or write several objects one after
// another. Each is repaired here; what still cannot be read is reported, never silently dropped.

/** The values in one JSON-LD block, and why any part of it could not be read. */
export interface JsonLdBlock {
  values: unknown[];
  errors: string[];
}

/**
 * Repairs what browsers' lenient readers forgive, outside strings: `//` and block comments are
 * removed, a comma before `}` or `]` is dropped; inside strings a raw control character (a line
 * break) becomes a space. Returns the text split into top-level values.
 */
function repairAndSplit(text: string): string[] {
  const values: string[] = [];
  let out = '';
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      let s = '"';
      while (j < n && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < n) {
          s += text[j]! + text[j + 1]!;
          j += 2;
          continue;
        }
        s += text.charCodeAt(j) < 0x20 ? ' ' : text[j]!;
        j++;
      }
      out += s + '"';
      i = j + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === ',') {
      let j = i + 1;
      while (j < n && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        i++;
        continue;
      }
    }
    if (c === '{' || c === '[') depth++;
    out += c;
    if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        values.push(out.trim());
        out = '';
      }
    }
    i++;
  }
  if (out.trim()) values.push(out.trim());
  return values;
}

/** Strips the wrappers pages put around the JSON: CDATA sections and HTML comment markers. */
function unwrap(text: string): string {
  return text
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*;+|;+\s*$/g, '');
}

/** Parses one JSON-LD block leniently; each top-level value is parsed on its own. */
export function parseJsonLd(text: string): JsonLdBlock {
  const block: JsonLdBlock = { values: [], errors: [] };
  const raw = unwrap(text).trim();
  if (!raw) return block;
  try {
    block.values.push(JSON.parse(raw));
    return block;
  } catch {
    // Fall through to the repairs.
  }
  for (const part of repairAndSplit(raw)) {
    try {
      block.values.push(JSON.parse(part));
    } catch (err) {
      block.errors.push(`${(err as Error).message} in "${part.slice(0, 60).replace(/\s+/g, ' ')}…"`);
    }
  }
  return block;
}
