import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { topicKey, topicLabels, topicSpellingNotes } from '../../src/content/topics.ts';
import YAML from 'yaml';

// What `npm run check` says about what the importer already knows: one original address written
// several ways, one person or topic twice in an article, where a YAML error is, how to complete a
// date-time, and a capture named by many files.

const BASE = {
  'sources/the-hill.yaml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'people/jeff-sessions.yaml': 'name: Jeff Sessions\ndescription: Attorney General.\n',
  'people/sally-yates.yaml': 'name: Sally Yates\ndescription: Deputy Attorney General.\n',
};

/** Writes the files into a fresh content folder, checks it, and gives one line per problem, paths relative to the folder. */
async function check(files: Record<string, string | Buffer>): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-check-rules-'));
  try {
    for (const [rel, text] of Object.entries({ ...BASE, ...files })) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    const { problems } = await checkContent(root);
    return problems.map((p) =>
      formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) })
        .replaceAll(`${root}/`, '')
        .replaceAll(root, '<content>'),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** An article file: these front matter lines (in this order), then a body. */
function article(lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n\nBody.\n`;
}

/** The lines of a good article's front matter, with `url` and any extra lines. */
function fields(url: string, ...extra: string[]): string[] {
  return [
    'title: A title',
    'source: the-hill',
    `url: ${url}`,
    'published: 2018-09-10',
    'captured: 2019-07-20',
    ...extra,
  ];
}

describe('one original address written several ways is one article', () => {
  // Each pair is one article's address as two imports might have written it; the expected
  // answer is by reading the two addresses, not by the rule under test.
  test.each([
    ['http and https', 'http://thehill.com/a', 'https://thehill.com/a'],
    ['a trailing slash', 'https://thehill.com/a/', 'https://thehill.com/a'],
    ['a fragment', 'https://thehill.com/a#comments', 'https://thehill.com/a'],
    ['utm_ parameters', 'https://thehill.com/a?utm_source=newsletter&utm_medium=email', 'https://thehill.com/a'],
    ['fbclid', 'https://thehill.com/a?fbclid=IwAR0abc', 'https://thehill.com/a'],
    ['gclid beside a real parameter', 'https://thehill.com/a?id=7&gclid=xyz', 'https://thehill.com/a?id=7'],
    ['all of them at once', 'http://thehill.com/a/?utm_campaign=x#top', 'https://thehill.com/a'],
  ])('differing in %s: both files are reported, each naming the other', async (_kind, one, two) => {
    const lines = await check({
      'articles/2018/09/one.md': article(fields(one)),
      'articles/2018/09/two.md': article(fields(two)),
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      `articles/2018/09/one.md: url: the original URL "${one}" is also used by articles/2018/09/two.md (as "${two}")`,
    );
    expect(lines[1]).toContain(
      `articles/2018/09/two.md: url: the original URL "${two}" is also used by articles/2018/09/one.md (as "${one}")`,
    );
    expect(lines[0]).toContain('Fix: keep one copy of the article and delete the other');
  });

  test.each([
    ['another path', 'https://thehill.com/a', 'https://thehill.com/b'],
    ['another value of a real parameter', 'https://thehill.com/a?id=7', 'https://thehill.com/a?id=8'],
    ['another host', 'https://thehill.com/a', 'https://www.thehill.com/a'],
  ])('differing in %s: two articles, no problem', async (_kind, one, two) => {
    expect(
      await check({ 'articles/2018/09/one.md': article(fields(one)), 'articles/2018/09/two.md': article(fields(two)) }),
    ).toEqual([]);
  });
});

describe('the same person or topic twice in one article', () => {
  test.each([
    ['as two ids', ['people: [jeff-sessions, sally-yates, jeff-sessions]'], 'people.2'],
    [
      'as an id and { id, role }',
      ['people:', '  - jeff-sessions', '  - { id: jeff-sessions, role: Attorney General }'],
      'people.1',
    ],
    [
      'as { id, role } twice',
      ['people:', '  - { id: jeff-sessions, role: a }', '  - { id: jeff-sessions, role: b }'],
      'people.1',
    ],
  ])('a person %s is reported on the second mention', async (_how, extra, field) => {
    const lines = await check({ 'articles/2018/09/a.md': article(fields('https://thehill.com/a', ...extra)) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^articles/2018/09/a\\.md: ${field.replace('.', '\\.')}: names "jeff-sessions" again \\(people\\.\\d names them already\\)\\. Fix: keep one entry`,
      ),
    );
  });

  // The mention kept is the one written as the site shows the topic (topicLabels: the spelling
  // most articles use, ties to the first in code-point order); the others are reported.
  test.each([
    ['letter case', 'topics: [libraries, Libraries]', 0, 'libraries', 1, 'Libraries', 'letter case'],
    [
      'spacing and case',
      'topics: [immigration courts, "Immigration  Courts"]',
      0,
      'immigration courts',
      1,
      'Immigration  Courts',
      'letter case and spacing',
    ],
    ['non-ASCII case', 'topics: [Émigrés, émigrés]', 1, 'émigrés', 0, 'Émigrés', 'letter case'],
  ])('a topic repeated in another %s is reported', async (_how, line, at, repeat, keptAt, kept, differs) => {
    const lines = await check({ 'articles/2018/09/a.md': article(fields('https://thehill.com/a', line)) });
    expect(lines).toEqual([
      `articles/2018/09/a.md: topics.${at}: "${repeat}" is the same topic as "${kept}" (topics.${keptAt}), differing only in ${differs}: topics that differ only in letter case or spacing are one topic. Fix: remove "${repeat}" and keep "${kept}", the spelling the site shows`,
    ]);
  });

  test.each([
    ['a leading space', '[libraries, " libraries"]', '" libraries"'],
    ['a trailing tab', '[libraries, "libraries\\t"]', '"libraries\\t"'],
    ['a no-break space', '[libraries, "libraries\\u00A0"]', '"libraries\\u00A0"'],
    ['a doubled space', '[new york, "new  york"]', '"new  york"'],
  ])('a topic repeated with %s shows the difference, quoted', async (_how, list, shownRepeat) => {
    const lines = await check({ 'articles/2018/09/a.md': article(fields('https://thehill.com/a', `topics: ${list}`)) });
    expect(lines).toHaveLength(1);
    const first = list.slice(1).split(',')[0]!;
    expect(lines[0]).toContain(
      `topics.1: ${shownRepeat} is the same topic as "${first}" (topics.0), differing only in spacing`,
    );
    expect(lines[0]).toContain(`Fix: remove ${shownRepeat} and keep "${first}"`);
  });

  test('a topic written the same way twice says so', async () => {
    const lines = await check({
      'articles/2018/09/a.md': article(fields('https://thehill.com/a', 'topics: [courts, Law, courts]')),
    });
    expect(lines).toEqual([
      expect.stringContaining(
        'topics.2: "courts" is the same topic as "courts" (topics.0), written the same way twice',
      ),
    ]);
  });

  // The oracle: the topic-spelling notes (the build's own account of which spelling the pages
  // show). Doing what the fix says leaves no problem and no note about the file.
  test.each([
    ['alone', { 'a.md': '[libraries, Libraries]' }],
    [
      'with two articles using the lower case',
      { 'a.md': '[Libraries, libraries]', 'b.md': '[libraries]', 'c.md': '[libraries]' },
    ],
    ['with one article using the capital', { 'a.md': '[libraries, " libraries", Libraries]', 'b.md': '[Libraries]' }],
    ['with spacing and case', { 'a.md': '["Big  Tech", big tech, BIG TECH]', 'b.md': '[big tech]' }],
  ])('the fix keeps the spelling the site shows (%s)', async (_how, lists) => {
    const files = (topics: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(topics).map(([name, list], i) => [
          `articles/2018/09/${name}`,
          article(fields(`https://thehill.com/${i}`, `topics: ${list}`)),
        ]),
      );
    const lines = await check(files(lists));
    expect(lines.length).toBeGreaterThan(0);
    const kept = new Set(lines.map((l) => l.match(/ and keep ("(?:[^"\\]|\\.)*")/)![1]!));
    expect(kept.size).toBe(1);
    const keep = JSON.parse([...kept][0]!) as string;
    const label = topicLabels(Object.values(lists).map((l) => YAML.parse(l) as string[])).get(topicKey(keep))!.label;
    expect(lines.every((l) => l.includes('the spelling the site shows'))).toBe(true);
    // The note's spelling, by its own words.
    const note = topicSpellingNotes(
      Object.entries(lists).map(([file, l]) => ({ file, topics: YAML.parse(l) as string[] })),
    ).find((n) => n.includes('a.md'));
    expect(note).toContain(`use "${label}"`);
    expect(keep.replace(/\s+/g, ' ').trim()).toBe(label);
    // Applying the fix to a.md: one mention left, written as kept.
    const fixed = { ...lists, 'a.md': JSON.stringify([keep]) };
    expect(await check(files(fixed))).toEqual([]);
    const notes = topicSpellingNotes(
      Object.entries(fixed).map(([file, l]) => ({ file, topics: YAML.parse(l) as string[] })),
    );
    expect(notes.filter((n) => n.includes('a.md'))).toEqual([]);
  });

  test('in an earlier version too', async () => {
    const lines = await check({
      'articles/2018/09/a.md': article(fields('https://thehill.com/a')),
      'versions/2018/09/a/20180911.md': article(['title: First', 'captured: 2018-09-11', 'topics: [Courts, courts]']),
    });
    expect(lines).toEqual([
      expect.stringMatching(/^versions\/2018\/09\/a\/20180911\.md: topics\.1: "courts" is the same topic as "Courts"/),
    ]);
  });

  test('different people and distinct topics (C, C++, C#) pass', async () => {
    const lines = await check({
      'articles/2018/09/a.md': article(
        fields(
          'https://thehill.com/a',
          'people: [jeff-sessions, { id: sally-yates, role: x }]',
          'topics: [C, C++, C#]',
        ),
      ),
    });
    expect(lines).toEqual([]);
  });
});

describe('a YAML error is reported on the line of the file that holds it', () => {
  // The expected line is found by looking for the marked line in the file's own text.
  // `bad` is written after a good article's fields, with one more good field after it; the
  // error is on its line `at` (0 for its first).
  test.each([
    ['a colon inside a value', 'dek: A dek: with a colon', 0],
    ['a key given twice', 'title: Again', 0],
    ['a quote left open', 'dek: "An open quote', 0],
    ['a single quote left open', "dek: 'It is open", 0],
    ['a [ ] list left open', 'topics: [libraries, courts', 0],
    ['a { } left open', 'image: { caption: "open', 0],
    ['a tab as indentation', 'publishedInferred:\n\tbasis: x', 1],
  ])('%s', async (_kind, bad, at) => {
    const text = article([...fields('https://thehill.com/a'), bad, 'authors: [Someone]']);
    const expected = text.split('\n').indexOf(bad.split('\n')[at]!) + 1;
    const out = await check({ 'articles/2018/09/a.md': text });
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`articles/2018/09/a.md: frontmatter: is not valid YAML (line ${expected})`);
  });

  test('in a people file, too', async () => {
    const out = await check({
      'articles/2018/09/a.md': article(fields('https://thehill.com/a')),
      'people/x.yaml': 'name: "X\ndescription: Someone.\naliases: [a]\n',
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('people/x.yaml: frontmatter: is not valid YAML (line 1)');
  });
});

describe('a date-time without an offset', () => {
  test.each([
    ['published', '2018-09-10T14:30'],
    ['published', '2018-09-10 14:30:05'],
    ['captured', '2019-07-20T08:00:00.123'],
  ])('%s: %s: the fix keeps the time and adds the offset', async (field, value) => {
    const lines = fields('https://thehill.com/a').map((l) => (l.startsWith(`${field}:`) ? `${field}: ${value}` : l));
    const out = await check({ 'articles/2018/09/a.md': article(lines) });
    expect(out).toHaveLength(1);
    const fix = out[0]!.split(' Fix: ')[1]!;
    const moment = value.replace(' ', 'T');
    expect(fix).toContain(`${moment}-04:00`);
    expect(fix).toContain(`${moment}Z`);
    // Nothing suggests writing the day alone.
    expect(fix).not.toMatch(/YYYY-MM-DD\b(?!T)|: \d{4}-\d{2}-\d{2}(?!T)/);
  });
});

describe('a date-time with another mistake keeps its time in the fix', () => {
  test.each([
    [
      '2018-09-10T25:10-04:00',
      'correct the time of day (00:00 to 23:59) and keep the date and offset: 2018-09-10THH:MM-04:00',
    ],
    [
      '2018-09-10T14:30+15:00',
      'correct the offset to the one the original gives (from -12:00 to +14:00) and keep the time: 2018-09-10T14:30±HH:MM',
    ],
    ['2018-02-30T14:30:05Z', 'correct the day and keep the time and offset: YYYY-MM-DDT14:30:05Z'],
    [
      '10/09/2018 14:30',
      'write the date and time as YYYY-MM-DDTHH:MM with the UTC offset the original gives, e.g. 2018-09-10T14:30-04:00, so the time is kept',
    ],
  ])('published: %s', async (value, fix) => {
    const lines = fields('https://thehill.com/a').map((l) =>
      l.startsWith('published:') ? `published: "${value}"` : l,
    );
    const out = await check({ 'articles/2018/09/a.md': article(lines) });
    expect(out).toHaveLength(1);
    expect(out[0]!.split(' Fix: ')[1]).toBe(fix);
  });

  test('a plain date keeps the plain fix', async () => {
    const lines = fields('https://thehill.com/a').map((l) =>
      l.startsWith('published:') ? 'published: 2018-02-30' : l,
    );
    const out = await check({ 'articles/2018/09/a.md': article(lines) });
    expect(out[0]!.split(' Fix: ')[1]).toBe('write the date as YYYY-MM-DD, e.g. published: 2018-09-10');
  });
});

describe('a capture named by many files', () => {
  test('is said once, with a count and a few names', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 224; i++)
      files[`articles/2018/09/a${String(i).padStart(3, '0')}.md`] = article(
        fields(`https://thehill.com/a${i}`, 'capture: 2018/09/shared.txt'),
      );
    files['captures/2018/09/shared.txt'] = 'The capture.\n';
    const out = await check(files);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^articles\/2018\/09\/a000\.md: capture: is 2018\/09\/shared\.txt, the capture of 223 other files \(articles\/2018\/09\/a001\.md, articles\/2018\/09\/a002\.md, articles\/2018\/09\/a003\.md and 220 more\) too/,
    );
    expect(out[0]).toContain('grep -rlF "2018/09/shared.txt"');
    expect(out[0]!.length).toBeLessThan(1000);
  });

  test('two files naming one capture are both reported, each naming the other', async () => {
    const out = await check({
      'captures/2018/09/shared.txt': 'The capture.\n',
      'articles/2018/09/a.md': article(fields('https://thehill.com/a', 'capture: 2018/09/shared.txt')),
      'articles/2018/09/b.md': article(fields('https://thehill.com/b', 'capture: 2018/09/shared.txt')),
    });
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('a.md: capture: is 2018/09/shared.txt, the capture of articles/2018/09/b.md too');
  });

  test('many articles with one original URL are said once too', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++)
      files[`articles/2018/09/a${String(i).padStart(2, '0')}.md`] = article(
        fields(`https://thehill.com/same?utm_source=${i}`),
      );
    const out = await check(files);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('is also used by 49 other files (');
  });
});

describe('a reference to a people or sources file that is there but not valid', () => {
  // Each file exists; the reference must point at the file's own problem, never say it is missing.
  test.each([
    [
      'a people file without a name',
      'people/ana-ruiz.yaml',
      'description: A mayor.\n',
      'people: [ana-ruiz]',
      'people.0',
    ],
    [
      'a people file with broken YAML',
      'people/ana-ruiz.yaml',
      'name: "Ana\n',
      'people: [{ id: ana-ruiz, role: Mayor }]',
      'people.0.id',
    ],
    [
      'a people file with an unknown field',
      'people/ana-ruiz.yaml',
      'name: Ana Ruiz\nrole: Mayor\n',
      'people: [ana-ruiz]',
      'people.0',
    ],
    [
      'a people file that is not UTF-8',
      'people/ana-ruiz.yaml',
      Buffer.from('name: Ana Ru\xEDz\n', 'latin1'),
      'people: [ana-ruiz]',
      'people.0',
    ],
    ['a people file written as JSON', 'people/ana-ruiz.json', '{"name": "Ana Ruiz"}', 'people: [ana-ruiz]', 'people.0'],
    [
      'a sources file without a homepage',
      'sources/daily-planet.yaml',
      'name: Daily Planet\n',
      'source: daily-planet',
      'source',
    ],
  ])('%s', async (_kind, rel, text, line, field) => {
    const lines = await check({
      [rel]: text,
      'articles/2018/09/a.md': article(
        fields('https://thehill.com/a', line)
          .map((l) => (l.startsWith('source:') && line.startsWith('source:') ? line : l))
          .filter((l, i, all) => all.indexOf(l) === i),
      ),
    });
    const own = lines.filter((l) => l.startsWith(`${rel}:`));
    expect(own.length, lines.join('\n')).toBeGreaterThan(0);
    const refs = lines.filter((l) => l.startsWith('articles/2018/09/a.md:'));
    expect(refs, lines.join('\n')).toEqual([
      `articles/2018/09/a.md: ${field}: "${path.parse(rel).name}" is ${rel}, which is not valid (its own problems are listed under that file). Fix: correct ${rel}; this reference is then right as it is`,
    ]);
    for (const l of refs) expect(l).not.toMatch(/is not in (people|sources)\/|or add /);
  });

  test('a file that is not there is still said to be missing', async () => {
    const lines = await check({
      'articles/2018/09/a.md': article(fields('https://thehill.com/a', 'people: [ana-ruiz]')),
    });
    expect(lines).toEqual([expect.stringContaining('people.0: "ana-ruiz" is not in people/')]);
  });
});

describe('a person needs only a name', () => {
  test('a people file without a description passes', async () => {
    const lines = await check({
      'people/ana-ruiz.yaml': 'name: Ana Ruiz\n',
      'articles/2018/09/a.md': article(fields('https://thehill.com/a', 'people: [ana-ruiz]')),
    });
    expect(lines).toEqual([]);
  });

  test('an empty description is still a problem, with the fix to remove it', async () => {
    const lines = await check({
      'people/ana-ruiz.yaml': 'name: Ana Ruiz\ndescription: ""\n',
      'articles/2018/09/a.md': article(fields('https://thehill.com/a', 'people: [ana-ruiz]')),
    });
    expect(lines).toEqual([
      expect.stringMatching(/^people\/ana-ruiz\.yaml: description: .*or remove the field/),
      expect.stringContaining('people.0: "ana-ruiz" is people/ana-ruiz.yaml, which is not valid'),
    ]);
  });
});
