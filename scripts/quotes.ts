// `npm run quotes -- [--format text|jsonl] [--people DIR] FILE...`: the direct quotations of
// articles and who said them, as the build finds them (src/text/quotes.ts), for editors to review
// and for measuring the extraction. README, "Quotes", documents it.
//
// A .md file is an archive article: its front matter gives the language, the people (names and
// aliases read from people/<id>.yaml of the content folder the file is in, or of --people DIR)
// and the editor's `quotes:` corrections; quotations are found in the body's prose as the build
// finds them (src/content/article-prose.ts: paragraphs, list items, block quotations, headings and
// table cells; no comments or code; character references decoded), offsets index the body after
// the front matter, and corrections are applied by findQuotes as the build applies them. A .txt file is
// plain English text, its offsets index the text as read (a leading byte order mark included);
// its people are every person of --people DIR, if given. A file that cannot
// be read is reported on stderr with its name and the others still run; the exit code is then 1.
// An article's invalid corrections are reported as `npm run check` reports them (same rules and
// words, src/content/quote-checks.ts: the schema's shape rules, then the checks against the body
// and the people), its quotes printed as extracted without them, and the exit code is 1.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitFrontmatter } from '../src/content/files.ts';
import { formatProblem } from '../src/content/problems.ts';
import {
  articleQuoteCorrectionProblems,
  quoteCorrectionEntries,
  writtenPeopleIds,
} from '../src/content/quote-checks.ts';
import { withoutControlCharacters } from '../src/content/control-characters.ts';
import { parseYaml } from '../src/content/yaml.ts';
import { findQuotes } from '../src/text/quotes.ts';
import { articleProse, bodySpan, type ArticleProse } from '../src/content/article-prose.ts';
import { type FoundQuote, type QuoteCorrection, type QuotePerson, type TextSpan } from '../src/text/quotes.ts';

const USAGE = 'usage: npm run quotes -- [--format text|jsonl] [--people DIR] FILE...';
const HELP = `${USAGE}

Prints the direct quotations of archive articles (.md) and plain English texts (.txt) and who said
them, as the build finds them. --format text (the default) prints one line per quotation (line breaks in it as spaces),
--format jsonl one JSON object per line; --people DIR reads people from DIR instead of the content
folder's people/. An article's quotations are looked for where the build looks (its paragraphs,
list items, block quotations, headings and table cells; not comments or code); the text format
prints each between the marks the text wrote. Offsets index the file's text as read (for an
article, its body after the front matter). An article's invalid \`quotes:\` corrections are each reported on stderr as
\`npm run check\` reports them (same rules), and its quotations printed without them. Exit code 1 when a file
cannot be read or has invalid corrections, 2 for a usage error.`;

/** A problem with one input file, reported with its name. */
class InputError extends Error {}

/** A person file's name and aliases; throws InputError naming the file when it cannot be read. */
function readPerson(file: string, id: string): QuotePerson {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`${file}: cannot read person "${id}": ${(err as Error).message}`);
  }
  const d = data as { name?: unknown; aliases?: unknown } | null;
  if (typeof d?.name !== 'string') throw new InputError(`${file}: person "${id}" has no name`);
  const aliases = Array.isArray(d.aliases) ? d.aliases.filter((a): a is string => typeof a === 'string') : [];
  return { id, name: d.name, aliases };
}

/** The content folder an article file is in: the folder above its articles/ folder, or null. */
function contentFolderOf(file: string): string | null {
  let dir = path.dirname(path.resolve(file));
  while (dir !== path.dirname(dir)) {
    if (path.basename(dir) === 'articles') return path.dirname(dir);
    dir = path.dirname(dir);
  }
  return null;
}

/** What findQuotes needs for one file, and the text its offsets index. */
interface Input {
  text: string;
  /** What to add to an offset into `text` to make it an offset into the file's text as read (a .txt file). */
  shift: number;
  /** For an article: its prose, whose characters' places in the body make `text`'s offsets the body's. */
  prose: ArticleProse | null;
  language: string;
  people: QuotePerson[];
  corrections: QuoteCorrection[];
  /** The article's invalid corrections, as `npm run check` words them (left out of `corrections`). */
  problems: string[];
}

/** Reads one file (.md article or .txt); throws InputError naming the file for anything unreadable. */
function readInput(file: string, peopleDir: string | undefined): Input {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.md' && ext !== '.txt')
    throw new InputError(`${file}: not a .md article or a .txt text (the two kinds this command reads)`);
  let raw: string;
  try {
    if (!statSync(file).isFile()) throw new InputError(`${file}: is not a file`);
    // ignoreBOM keeps a leading byte order mark in the text (TextDecoder would drop it), as Node's readFileSync does.
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new InputError(
      e.code === 'ENOENT'
        ? `${file}: no such file`
        : e instanceof TypeError
          ? `${file}: is not UTF-8 text`
          : `${file}: ${e.message}`,
    );
  }
  if (ext === '.txt') {
    // Offsets index the text as read, so a leading byte order mark (U+FEFF) is its first
    // character: the quotations are found in the text after it, their offsets moved by one.
    const people = peopleDir ? allPeople(peopleDir) : [];
    const bom = raw.startsWith('\uFEFF') ? 1 : 0;
    return { text: raw.slice(bom), shift: bom, prose: null, language: 'en', people, corrections: [], problems: [] };
  }
  // An article's offsets index its body, after the front matter: a byte order mark before the
  // opening --- is not part of it.
  const parts = splitFrontmatter(raw.replace(/^\uFEFF/, ''));
  if (!parts) throw new InputError(`${file}: has no front matter (an archive article starts with --- and its fields)`);
  let fm: Record<string, unknown>;
  try {
    fm = (parseYaml(parts.yaml) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${file}: front matter is not valid YAML: ${(err as Error).message}`);
  }
  const folder = peopleDir ?? path.join(contentFolderOf(file) ?? path.dirname(file), 'people');
  const people: QuotePerson[] = [];
  for (const entry of Array.isArray(fm['people']) ? fm['people'] : []) {
    const id = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id;
    const role = typeof entry === 'object' ? (entry as { role?: unknown } | null)?.role : undefined;
    if (typeof id !== 'string') continue;
    const personFile = path.join(folder, `${id}.yaml`);
    if (!existsSync(personFile)) {
      console.error(`${file}: person "${id}" has no file ${personFile}; their quotes are not attributed to them`);
      continue;
    }
    people.push({ ...readPerson(personFile, id), ...(typeof role === 'string' && { role }) });
  }
  // The corrections as `npm run check` reads them: its shape rules (the article schema), then its
  // checks against the body and the people on the entries of valid shape.
  const shaped = quoteCorrectionEntries(file, withoutControlCharacters(fm['quotes']));
  const written = shaped.corrections;
  const language = typeof fm['language'] === 'string' ? fm['language'] : 'en';
  const found = articleQuoteCorrectionProblems({
    root: path.dirname(folder),
    file,
    body: parts.body,
    language,
    named: writtenPeopleIds(fm['people']),
    corrections: written,
    people: new Set(
      existsSync(folder)
        ? readdirSync(folder)
            .filter((n) => /\.ya?ml$/i.test(n))
            .map((n) => n.replace(/\.ya?ml$/i, ''))
        : [],
    ),
  });
  const bad = new Set(found.map((p) => Number(/^quotes\.(\d+)\./.exec(p.field)?.[1])));
  const corrections = written
    .filter((c, i): c is NonNullable<typeof c> => c !== undefined && !bad.has(i))
    .map(({ text, person, remove }): QuoteCorrection => ({
      text,
      ...(person !== undefined && { person }),
      ...(remove && { remove }),
    }));
  const prose = articleProse(parts.body);
  return {
    text: prose.text,
    shift: 0,
    prose,
    language,
    people,
    corrections,
    problems: [...shaped.problems, ...found].map(formatProblem),
  };
}

/** Every person of a people folder. */
function allPeople(dir: string): QuotePerson[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    throw new InputError(`${dir}: --people must name a folder of people/<id>.yaml files`);
  }
  return names.map((n) => readPerson(path.join(dir, n), n.replace(/\.ya?ml$/i, '')));
}

/**
 * The quotation with its offsets (quote and speaker) made offsets of the file as read: moved by
 * the input's shift, or placed in the article's body through its prose. The spans' text stays the
 * prose's (character references decoded, markup out), as the build publishes it.
 */
function placed(q: FoundQuote, input: Input): FoundQuote {
  const { shift, prose } = input;
  if (shift === 0 && !prose) return q;
  const move = (s: TextSpan): TextSpan =>
    prose ? { ...s, ...bodySpan(prose, s.start, s.end) } : { ...s, start: s.start + shift, end: s.end + shift };
  return { ...q, quote: move(q.quote), speaker: q.speaker && move(q.speaker) };
}

/** Text on one line: each line break (CRLF, LF, CR, U+2028, U+2029) and the white space around it as one space. */
function oneLine(text: string): string {
  return text.replace(/[^\S\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' ');
}

/** Quotation marks and guillemets, any side. */
const MARKS = /["'\u2018-\u201f\u00ab\u00bb\u2039\u203a\u300c-\u300f]/u;

/**
 * The marks the text writes around a quotation (`text` is what findQuotes read): the mark before
 * its words and the one after them (white space between aside), each '' when there is none (a
 * paragraph of a quotation that goes on, a part inside an incise).
 */
function marksOf(text: string, q: FoundQuote): { open: string; close: string } {
  const before = /(\S)[^\S\n]*$/u.exec(text.slice(Math.max(0, q.quote.start - 4), q.quote.start))?.[1] ?? '';
  const after = /^[^\S\n]*(\S)/u.exec(text.slice(q.quote.end, q.quote.end + 4))?.[1] ?? '';
  return { open: MARKS.test(before) ? before : '', close: MARKS.test(after) ? after : '' };
}

/** One quotation as a line of the text format: its words between the marks the text writes (line breaks folded to spaces; jsonl keeps them). */
function textLine(q: FoundQuote & { marks: { open: string; close: string } }): string {
  const who = q.speaker
    ? `${oneLine(q.speaker.text)}${q.refersTo ? ` (= ${q.refersTo})` : ''}${q.person ? ` [${q.person}]` : ''}`
    : q.person
      ? `[${q.person}]`
      : '(no speaker)';
  return `  ${q.quote.start}-${q.quote.end} ${q.marks.open}${oneLine(q.quote.text)}${q.marks.close} — ${who}${q.cue ? `, ${q.cue}` : ''}`;
}

let args: ReturnType<
  typeof parseArgs<{
    options: { format: { type: 'string' }; people: { type: 'string' }; help: { type: 'boolean'; short: 'h' } };
    allowPositionals: true;
  }>
>;
try {
  args = parseArgs({
    options: { format: { type: 'string' }, people: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(HELP);
  process.exit(0);
}
const format = args.values.format ?? 'text';
if (format !== 'text' && format !== 'jsonl') {
  console.error(`--format: "${format}" is not a format; write --format text or --format jsonl\n${USAGE}`);
  process.exit(2);
}
if (args.positionals.length === 0) {
  console.error(`no files given\n${USAGE}`);
  process.exit(2);
}
let failed = 0;
let invalid = 0;
for (const file of args.positionals) {
  let input: Input;
  try {
    input = readInput(file, args.values.people);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(err.message);
    failed++;
    continue;
  }
  for (const problem of input.problems) console.error(problem);
  if (input.problems.length > 0) invalid++;
  const quotes = findQuotes(input.text, input).map((q) => ({
    ...placed(q, input),
    marks: marksOf(input.text, q),
  }));
  if (format === 'jsonl')
    for (const q of quotes) {
      const line: {
        file: string;
        quote: TextSpan;
        speaker: TextSpan | null;
        refersTo: string | null;
        person: string | null;
        cue: string | null;
      } = { file, quote: q.quote, speaker: q.speaker, refersTo: q.refersTo, person: q.person, cue: q.cue };
      console.log(JSON.stringify(line));
    }
  else {
    console.log(`${file}: ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}`);
    for (const q of quotes) console.log(textLine(q));
  }
}
if (failed > 0) console.error(`${failed} of ${args.positionals.length} files could not be read`);
if (invalid > 0)
  console.error(
    `${invalid} of ${args.positionals.length} files have invalid corrections in their quotes field, printed without them (npm run check reports the same)`,
  );
if (failed > 0 || invalid > 0) process.exit(1);
