// `npm run bench:quotes -- [--dir bench/quotes] [--write-doc] [--corpus DIR --sample N]`: how well
// findQuotes finds and attributes the quotations of the labelled set (docs/quotes.md, "The
// labelled set"): precision and recall of (speaker, quote) pairs overall, for quotations
// attributed to a person (what person pages show), per kind, pronoun resolution, and a table per
// text. --write-doc puts the report into docs/quotes.md between its bench markers. With --corpus,
// it also times findQuotes on a sample of a content folder's articles (`npm run bench:corpus`
// writes one): milliseconds per article, three passes. --only odd|even scores the odd- or
// even-numbered texts alone (one half to study errors on, the other to check), --only 41-52 the
// texts numbered in that range (texts added later as a held-out check); --verbose lists each
// text's errors.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { argsOrExit, numberOption, optionsOrExit } from './options.ts';
import { reportMarkdown, scoreText, type LabelledText } from '../bench/quotes-score.ts';
import { splitFrontmatter } from '../src/content/files.ts';
import { parseYaml } from '../src/content/yaml.ts';
import { findQuotes, type FoundQuote, type QuotePerson } from '../src/text/quotes.ts';

const { values } = argsOrExit('npm run bench:quotes', {
  options: {
    dir: { type: 'string', default: 'bench/quotes' },
    'write-doc': { type: 'boolean', default: false },
    corpus: { type: 'string' },
    sample: { type: 'string', default: '1000' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const range = /^(\d+)-(\d+)$/.exec(values.only ?? '');
if (values.only !== undefined && values.only !== 'odd' && values.only !== 'even' && !range) {
  console.error(
    `bench:quotes: --only takes odd, even or a range of the texts' numbers such as 41-52, not "${values.only}"`,
  );
  process.exit(1);
}
const { sample } = optionsOrExit('npm run bench:quotes', () => ({
  sample: numberOption('sample', values.sample, { integer: true, min: 1, unit: 'articles', example: '1000' }),
}));

const DOC = 'docs/quotes.md';
const START = '<!-- bench:quotes start -->';
const END = '<!-- bench:quotes end -->';

/** Reads the labelled texts of a folder: every NN-slug.txt with its NN-slug.json. */
function readSet(dir: string): LabelledText[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
  } catch {
    console.error(`bench:quotes: ${dir} is not a folder of labelled texts (NN-slug.txt with NN-slug.json)`);
    process.exit(1);
  }
  const texts: LabelledText[] = [];
  for (const n of names.sort()) {
    const name = n.slice(0, -'.txt'.length);
    const jsonFile = path.join(dir, `${name}.json`);
    let label: Partial<LabelledText>;
    try {
      label = JSON.parse(readFileSync(jsonFile, 'utf8')) as Partial<LabelledText>;
    } catch (err) {
      console.error(`bench:quotes: ${jsonFile}: ${(err as Error).message}; ${n} is left out`);
      continue;
    }
    texts.push({
      name,
      text: readFileSync(path.join(dir, n), 'utf8'),
      language: label.language ?? 'en',
      style: label.style ?? '',
      people: label.people ?? [],
      quotes: label.quotes ?? [],
      notQuotes: label.notQuotes ?? [],
    });
  }
  return texts;
}

const texts = readSet(values.dir).filter((t) => {
  if (values.only === undefined) return true;
  const n = Number.parseInt(t.name, 10);
  if (range) return n >= Number(range[1]) && n <= Number(range[2]);
  return values.only === 'odd' ? n % 2 === 1 : n % 2 === 0;
});
const scores = texts.map((t) => {
  const found = findQuotes(t.text, { language: t.language, people: t.people });
  const score = scoreText(t, found);
  for (const u of score.unplaced) console.error(`bench:quotes: ${t.name}: labelled quote not in the text: "${u}"`);
  if (values.verbose) console.log(mismatches(t, found));
  return score;
});
const report = reportMarkdown(scores);
console.log(report);
if (values['write-doc']) {
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`bench:quotes: ${DOC} has no ${START} … ${END} section to write the report into`);
    process.exit(1);
  }
  writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n\n${report}\n\n${doc.slice(to)}`);
  console.log(`\nwritten into ${DOC}`);
}

if (values.corpus) timeCorpus(values.corpus, sample);

/**
 * The errors of one text, one line each (--verbose): labelled quotations found with another
 * speaker or person (≠), not found (MISS), and found quotations overlapping no labelled one (FALSE).
 * Matching here is the plain first-overlap one, enough to read the errors by.
 */
function mismatches(t: LabelledText, found: readonly FoundQuote[]): string {
  const lines: string[] = [];
  const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s).replace(/\n/g, ' ');
  const used = new Set<FoundQuote>();
  const seen = new Map<string, number>();
  for (const l of t.quotes) {
    const at = t.text.indexOf(l.quote, seen.get(l.quote) ?? 0);
    if (at < 0) continue;
    seen.set(l.quote, at + 1);
    const f = found.find((x) => !used.has(x) && x.quote.start < at + l.quote.length && at < x.quote.end);
    const kinds = l.kinds.join(',');
    if (!f) {
      lines.push(`  MISS [${kinds}] "${short(l.quote)}" — ${l.speaker ?? 'no speaker'} (${l.person ?? '-'})`);
      continue;
    }
    used.add(f);
    const span = f.quote.start === at && f.quote.end === at + l.quote.length ? '' : ` span "${short(f.quote.text)}"`;
    const speakerOk =
      (f.speaker?.text ?? null) === l.speaker ||
      (!!f.speaker && !!l.speaker && (l.speaker.includes(f.speaker.text) || f.speaker.text.includes(l.speaker)));
    if (f.person !== l.person || !speakerOk || span)
      lines.push(
        `  ≠ [${kinds}] "${short(l.quote)}" — want ${l.speaker ?? 'none'} (${l.person ?? '-'}), got ${f.speaker?.text ?? 'none'} (${f.person ?? '-'}) cue ${f.cue ?? '-'}${span}`,
      );
  }
  for (const f of found)
    if (!used.has(f))
      lines.push(`  FALSE "${short(f.quote.text)}" — ${f.speaker?.text ?? 'none'} (${f.person ?? '-'})`);
  return lines.length ? `${t.name}\n${lines.join('\n')}` : `${t.name}: no errors`;
}

/** Times findQuotes on the first `count` articles of a content folder, with their people. */
function timeCorpus(root: string, count: number): void {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= count) return;
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.md')) files.push(path.join(dir, e.name));
    }
  };
  walk(path.join(root, 'articles'));
  const personCache = new Map<string, QuotePerson | null>();
  const person = (id: string, role: unknown): QuotePerson | null => {
    if (!personCache.has(id)) {
      try {
        const d = parseYaml(readFileSync(path.join(root, 'people', `${id}.yaml`), 'utf8')) as {
          name: string;
          aliases?: string[];
        };
        personCache.set(id, { id, name: d.name, aliases: d.aliases ?? [] });
      } catch {
        personCache.set(id, null);
      }
    }
    const p = personCache.get(id);
    return p ? { ...p, ...(typeof role === 'string' && { role }) } : null;
  };
  const inputs = files.map((f) => {
    const parts = splitFrontmatter(readFileSync(f, 'utf8'))!;
    const fm = parseYaml(parts.yaml) as { language?: string; people?: (string | { id: string; role?: string })[] };
    const people = (fm.people ?? [])
      .map((p) => (typeof p === 'string' ? person(p, undefined) : person(p.id, p.role)))
      .filter((p) => p !== null);
    return { text: parts.body, language: fm.language ?? 'en', people };
  });
  const wall: number[] = [];
  const cpu: number[] = [];
  let quotes = 0;
  for (let pass = 0; pass < 3; pass++) {
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    quotes = 0;
    for (const input of inputs) quotes += findQuotes(input.text, input).length;
    const c = process.cpuUsage(c0);
    wall.push((performance.now() - t0) / inputs.length);
    cpu.push((c.user + c.system) / 1000 / inputs.length);
  }
  const chars = inputs.reduce((s, i) => s + i.text.length, 0) / inputs.length;
  const shown = (ms: number[]) => ms.map((x) => x.toFixed(3)).join(' / ');
  console.log(
    `\nfindQuotes on ${inputs.length} articles of ${root} (mean ${Math.round(chars)} characters, ${quotes} quotations), ms per article in passes 1 / 2 / 3:\n` +
      `  CPU (user + system) ${shown(cpu)}\n  wall clock ${shown(wall)}`,
  );
}
