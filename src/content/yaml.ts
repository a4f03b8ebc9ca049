import {
  parse,
  parseDocument,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

// How every YAML text of the archive is read, by the checker, the collections, the importer and
// the tests alike, so a file means the same to each of them. YAML 1.2's core schema keeps dates
// as text (so an impossible date reaches the strict date check instead of becoming another day),
// reads no `<<` merge keys and no tags beyond the core ones, and a key given twice is an error
// instead of the last one silently winning.

/** The options of the `yaml` package every archive YAML text is parsed with. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
} as const satisfies ParseOptions & DocumentOptions & SchemaOptions;

/**
 * The value of a YAML text (a file's whole text, or a Markdown file's front matter), parsed with
 * YAML_OPTIONS; null for an empty text.
 * @throws {import('yaml').YAMLParseError} when the text is not valid YAML or repeats a key (its
 *   `linePos` gives the line, counted from the text's first line).
 */
export function parseYaml(text: string): unknown {
  return parse(text, YAML_OPTIONS);
}

/**
 * The YAML text as an editable document, parsed with YAML_OPTIONS (for changing a field while
 * keeping the file's comments and layout). Errors are collected in `doc.errors`, not thrown.
 */
export function parseYamlDocument(text: string): Document.Parsed {
  return parseDocument(text, YAML_OPTIONS);
}

/** Whether a CST token is a quoted value or a [ ] / { } collection left open (a missing closing quote or bracket). */
function unclosed(token: Record<string, unknown>): boolean {
  const source = typeof token.source === 'string' ? token.source : '';
  if (token.type === 'double-quoted-scalar') return source.length < 2 || !/(?<!\\)(?:\\\\)*"$/.test(source);
  if (token.type === 'single-quoted-scalar') return source.length < 2 || !source.endsWith("'");
  if (token.type === 'flow-collection')
    return !(token.end as { type: string }[]).some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end');
  return false;
}

/**
 * The line (1-based, counted from the text's first line) a user should look at for a YAML error:
 * the `yaml` package gives the line where it noticed the error (its `linePos`), which for a
 * quoted value or a [ ] / { } list left open is where the text ran out, often the last line of
 * the front matter; the line where that value opens is given instead. Undefined when the error
 * has no position.
 */
export function yamlErrorLine(text: string, err: unknown): number | undefined {
  if (!(err instanceof YAMLParseError) || !err.linePos) return undefined;
  const at = err.pos[0];
  let opened: number | undefined;
  // The CST (yaml's Parser) keeps every token with its offset, even where the document is invalid.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const token = node as Record<string, unknown>;
    if (typeof token.offset === 'number' && token.offset <= at && unclosed(token))
      opened = Math.max(opened ?? -1, token.offset);
    for (const [key, value] of Object.entries(token)) if (key !== 'source') walk(value);
  };
  walk([...new Parser().parse(text)]);
  if (opened === undefined) return err.linePos[0].line;
  return text.slice(0, opened).split('\n').length;
}
