// The checker parses every article's front matter before Astro starts; the articles loader, in
// the same process, then takes each parsed value from here instead of parsing the same YAML a
// second time (see docs/performance.md, "Figures behind the code"). Astro loads the integration and the
// content config as separate module instances, hence one map on globalThis. Keyed by the YAML
// text itself, so an entry can only be used for exactly the text it was parsed from.

type Memo = Map<string, unknown>;
const KEY = Symbol.for('news-archive.front-matter');

function memo(): Memo {
  const g = globalThis as { [KEY]?: Memo };
  return (g[KEY] ??= new Map());
}

/** Records the parsed value of a front matter text. */
export function rememberFrontMatter(yaml: string, data: unknown): void {
  memo().set(yaml, data);
}

/** The parsed value of this exact text, if the checker parsed it (each is handed out once). */
export function takeFrontMatter(yaml: string): unknown {
  const m = memo();
  const data = m.get(yaml);
  m.delete(yaml);
  return data;
}
