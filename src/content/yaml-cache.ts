import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { YAML_OPTIONS } from './yaml.ts';
import { sha256Base64url } from '../text/hash.ts';

// Parsed YAML kept between builds. The checker parses the front matter of every content file on
// every build (see docs/performance.md, "Figures behind the code"); a file whose YAML text is unchanged takes
// its parsed value from the build cache instead. Only values JSON carries unchanged are kept (the
// YAML core schema can also give NaN and Infinity), and only text that parsed without a problem.

/** Changes with the parse options (src/content/yaml.ts); bump the number when the parser changes. */
const VERSION = `yaml-2 ${JSON.stringify(YAML_OPTIONS)} 1`;

const key = (yaml: string) => sha256Base64url(yaml);

/** JSON text of a value, or undefined when JSON would change it. */
function exactJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('not JSON');
      return v;
    });
  } catch {
    return undefined;
  }
}

/** Parsed YAML by text, loaded from and saved to one file. */
export class YamlCache {
  private readonly file: string;
  private readonly before: Record<string, unknown>;
  private readonly now = new Map<string, string>();

  private constructor(file: string, before: Record<string, unknown>) {
    this.file = file;
    this.before = before;
  }

  /** The cache in `file` (empty when missing, unreadable or from another parser version). */
  static async open(file: string): Promise<YamlCache> {
    const saved = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as { version: string; entries: Record<string, unknown> })
      .catch(() => undefined);
    return new YamlCache(file, saved?.version === VERSION ? saved.entries : {});
  }

  /** The parsed value of this exact text, if kept; `parse` otherwise (its result is kept when it can be). */
  parse<T, P>(yaml: string, parse: () => { data?: T; problem?: P }): { data?: T; problem?: P } {
    const k = key(yaml);
    if (k in this.before) {
      const data = this.before[k] as T;
      this.now.set(k, JSON.stringify(data));
      return { data };
    }
    const result = parse();
    const json = result.problem === undefined ? exactJson(result.data) : undefined;
    if (json !== undefined) this.now.set(k, json);
    return result;
  }

  /** Writes the entries used in this run (so the file never grows past the content). */
  async save(): Promise<void> {
    const entries = [...this.now].map(([k, json]) => `${JSON.stringify(k)}:${json}`).join(',');
    // A name of its own: two checks of one process may save the same cache at once.
    const tmp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(tmp, `{"version":${JSON.stringify(VERSION)},"entries":{${entries}}}`);
    await rename(tmp, this.file);
  }
}
