import { parseYaml, yamlErrorLine } from './yaml.ts';
import type { YamlCache } from './yaml-cache.ts';
import type { Problem } from './problems.ts';

// A content file's YAML as the checker reads it: the parsed value, or the problem that says where
// the text stops being YAML and how to fix it.

/**
 * The parsed YAML of a file (an empty text gives `{}`), or a problem (field "frontmatter") saying
 * why it could not be read, with the line counted in the file: `firstLine` is the file's line
 * the YAML starts on (2 for front matter after its `---`). With a `cache` (front matter parsed by
 * an earlier check, see YamlCache) an unchanged text is not parsed again. Never throws for bad
 * YAML.
 */
export function parsedYaml(
  file: string,
  yaml: string,
  firstLine = 1,
  cache?: YamlCache,
): { data?: unknown; problem?: Problem } {
  return cache ? cache.parse(yaml, () => parseNow(file, yaml, firstLine)) : parseNow(file, yaml, firstLine);
}

/** Parses the YAML (see parsedYaml). */
function parseNow(file: string, yaml: string, firstLine: number): { data?: unknown; problem?: Problem } {
  try {
    return { data: parseYaml(yaml) ?? {} };
  } catch (err) {
    const line = yamlErrorLine(yaml, err);
    const where = line !== undefined ? ` (line ${line + firstLine - 1})` : '';
    const reason = (err as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const message = `is not valid YAML${where}: ${reason}`;
    return {
      problem: {
        file,
        field: 'frontmatter',
        message,
        fix: 'correct the YAML; quote values that contain ": " or start with a symbol',
      },
    };
  }
}
