import { parse, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

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
