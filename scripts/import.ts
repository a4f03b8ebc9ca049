// `npm run import -- <files or folders...>`: saved pages and text copies into archived articles.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { numberOption, optionsOrExit, argsOrExit, OptionError } from './options.ts';
import { setting } from '../src/content/settings.ts';
import { displayPath } from '../src/content/problems.ts';
import { countOf } from '../src/text/plural.ts';

// The importer and its libraries are loaded once the options are known to be good, so that a
// usage message or an option error comes at once.

const USAGE = `Usage: npm run import -- [options] <files or folders...>
       npm run import -- --add-people [--content <dir>]   (review the archived articles' names)
       npm run import -- --drafts [--content <dir>]       (list the drafts waiting)

Reads .html, .htm, .html.gz and .txt captures and web archives (.warc, .warc.gz,
.wacz: each HTML response with status 200 is a capture; folders are walked) and
writes content/articles/YYYY/MM/<slug>.md, keeping each original under
content/captures/. A new capture of an archived article with a different text is
added as a version (earlier versions in content/versions/<article id>/).
Importing again never loses a hand edit: a file already archived is merged with
the capture (the report says what was kept), and a file rewritten in place is
first copied to <content>/.import-backups/<time>/.

Options:
  --content <dir>     content folder to write to (default: ARCHIVE_CONTENT_DIR or ./content)
  --dry-run           print what would be written; write nothing (also with --apply-people)
  --force             extract the same capture (same capture time or bytes) again and
                      merge it into its file, keeping hand edits; also import a page
                      that looks like an index page
  --add-people        add the names found that are not yet in people/ to a review file
                      (captures given, or already archived; no input: every article)
  --review <file>     where --add-people writes it (default <content>/people-review.txt;
                      an existing review file keeps its lines and marks)
  --apply-people <f>  add the people marked keep in a review file, tagging their articles
  --url <url>         original URL, for captures that do not state it (plain text)
  --source <id>       source id from sources/, for captures that do not state it
  --published <date>  publication date YYYY-MM-DD, for captures that do not state it
  --max-mb <n>        largest page to read, in MB (default 20)
  --drafts            list the drafts waiting, with what each lacks and how to complete it
  -h, --help          this text`;

const { values, positionals } = argsOrExit(
  'npm run import',
  {
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'add-people': { type: 'boolean', default: false },
      review: { type: 'string' },
      'apply-people': { type: 'string' },
      url: { type: 'string' },
      source: { type: 'string' },
      published: { type: 'string' },
      'max-mb': { type: 'string', default: '20' },
      drafts: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);

// --apply-people and --drafts do one thing each, and the facts and --review belong to an import
// or a review: an option the chosen task would not use stops the command before it does anything,
// rather than being left out without a word.
optionsOrExit('npm run import', () => {
  const given = (['url', 'source', 'published'] as const).filter((k) => values[k] !== undefined).map((k) => `--${k}`);
  const alone = (task: string, others: [boolean, string][]) => {
    const extra = others.filter(([on]) => on).map(([, what]) => what);
    if (extra.length)
      throw new OptionError(
        `${task} cannot be combined with ${extra.join(', ')}: run it on its own (with --content and --dry-run if needed), then the rest as a separate command`,
      );
  };
  const common: [boolean, string][] = [
    [positionals.length > 0, 'files to import'],
    [values['add-people'], '--add-people'],
    [values.force, '--force'],
    [values.review !== undefined, '--review'],
    [given.length > 0, given.join(', ')],
  ];
  if (values['apply-people']) alone('--apply-people', [...common, [values.drafts, '--drafts']]);
  else if (values.drafts) alone('--drafts', common);
  else if (values.review !== undefined && !values['add-people'])
    throw new OptionError(
      `--review only with --add-people (it names the review file --add-people writes): add --add-people, or leave --review out`,
    );
  else if (given.length > 0 && positionals.length === 0)
    throw new OptionError(
      `${given.join(', ')} only with files to import (the facts a plain-text copy cannot state): name the capture, e.g. the command npm run import -- --drafts prints`,
    );
});

const root = values.content ? path.resolve(values.content) : setting('ARCHIVE_CONTENT_DIR');

if (values['apply-people']) {
  const { applyReview } = await import('../src/import/people-review.ts');
  const dryRun = values['dry-run'];
  const done = await applyReview(values['apply-people'], root, { dryRun }).catch((err: Error) => {
    console.error(err.message);
    process.exit(2);
  });
  for (const p of done.added)
    console.log(
      `${dryRun ? 'would add' : 'added'} people/${p.id}.yaml (${p.name}${p.aliases ? `; the articles' spelling kept as an alias: ${p.aliases.join(', ')}` : ''})`,
    );
  for (const [i, rel] of done.tagged.entries())
    console.log(
      `${dryRun ? 'would tag' : 'tagged'} articles/${rel}${done.backups[i] ? ` (previous file kept as ${displayPath(done.backups[i])})` : ''}`,
    );
  for (const problem of done.problems) console.log(`not applied: ${problem}`);
  console.log(
    `${countOf(done.added.length, 'person', 'people')} ${dryRun ? 'would be ' : ''}added, ${countOf(done.tagged.length, 'article tag')} ${dryRun ? 'would be ' : ''}added${dryRun ? ' (dry run: nothing written)' : '.'}`,
  );
  process.exit(done.problems.length ? 1 : 0);
}

if (values.drafts) {
  const { listDrafts, formatDrafts } = await import('../src/import/drafts.ts');
  console.log(formatDrafts(await listDrafts(root), displayPath, values.content));
  process.exit(0);
}

// --add-people alone reviews the archived articles: nothing is imported.
if (values.help || (positionals.length === 0 && !values['add-people'])) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

// Node reads at most 2 GiB into one buffer (fs.readFile fails with ERR_FS_FILE_TOO_LARGE above it).
const maxMb = optionsOrExit('npm run import', () =>
  numberOption('max-mb', values['max-mb'], { above: 0, max: 2000, unit: 'MB', example: '20' }),
);
const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar(
      {
        format: 'Importing [{bar}] {percentage}% | {done}/{all} MB | {eta_formatted} left',
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    )
  : undefined;
let started = false;
const { importAll } = await import('../src/import/run.ts');
const { formatSummary } = await import('../src/import/report.ts');
const summary = await importAll(
  positionals,
  root,
  {
    dryRun: values['dry-run'],
    force: values.force,
    addPeople: values['add-people'],
    reviewFile: values.review,
    maxBytes: maxMb * 1_000_000,
    given: { url: values.url, source: values.source, published: values.published },
  },
  (done, total) => {
    if (!bar) return;
    if (!started) bar.start(total, 0, { done: megabytes(0), all: megabytes(total) });
    started = true;
    bar.update(done, { done: megabytes(done) });
  },
);
bar?.stop();
console.log(formatSummary(summary, { dryRun: values['dry-run'], content: values.content }));
// exitCode, not exit(): a report of thousands of lines written to a pipe would be cut short.
process.exitCode = summary.counts.failed > 0 || summary.archivesFailed > 0 ? 1 : 0;
