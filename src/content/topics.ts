import { slugify } from './slug.ts';
import { singleSpaced } from '../text/white-space.ts';

// One identity rule for topics, used by the topic pages, the search filters, their counts and the
// checker: topics whose names differ only in letter case (or in spacing) are one topic; names that
// differ in anything else ("C", "C++", "C#") are different topics with different addresses.

/**
 * Keys already worked out, by name: lower-casing under a locale goes through ICU, about 2 µs of CPU a
 * call, and a build asks for the same few hundred names' keys hundreds of thousands of times
 * (every list item, every article's related features and data line; docs/performance.md,
 * "Related coverage, charts and data files: divided and cut").
 */
const topicKeys = new Map<string, string>();
/** How many names' keys topicKey keeps: far more than an archive has topic spellings. */
const TOPIC_KEYS_KEPT = 100_000;

/**
 * The identity of a topic name: Unicode NFC, case-folded, runs of white space as one space,
 * trimmed. "Immigration Courts" and "immigration  courts" share a key; "C" and "C++" do not.
 */
export function topicKey(name: string): string {
  let key = topicKeys.get(name);
  if (key === undefined) {
    key = singleSpaced(name.normalize('NFC').toLocaleLowerCase('und'));
    // A bound, so a process given endless distinct names keeps a bounded map (a new one is started).
    if (topicKeys.size >= TOPIC_KEYS_KEPT) topicKeys.clear();
    topicKeys.set(name, key);
  }
  return key;
}

/** A short, stable hash of a text (FNV-1a, base 36), to tell apart keys that slug alike. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * The URL slug of a topic, a pure function of its key, so every page links a topic to the same
 * address without a look-up. A key made only of ASCII letters, digits, spaces and hyphens slugs as
 * written ("immigration courts" -> "immigration-courts"); any other key loses characters in the
 * slug ("c++" and "c#" would both be "c"), so it gets a hash of the whole key appended
 * ("c++" -> "c-" and six or seven base-36 characters). A name with no letter or digit at all gets
 * "topic-<hash>".
 */
export function topicSlug(name: string): string {
  const key = topicKey(name);
  const slug = slugify(key);
  if (!slug) return `topic-${shortHash(key)}`;
  return key.replace(/ /g, '-') === slug ? slug : `${slug}-${shortHash(key)}`;
}

/** One topic as the archive shows it: the spelling kept, and every spelling met. */
export interface TopicLabel {
  /** The spelling shown on pages and in the search filter. */
  label: string;
  /** Every spelling met, with how many articles use it (the kept one included). */
  spellings: Map<string, number>;
}

/**
 * Chooses one spelling per topic from the topic lists of all articles: the spelling most articles
 * use, ties broken by code-point order (so "Immigration Courts" is kept over "immigration courts"
 * when each is used once). Returns a map from topicKey to the label and the spellings met.
 */
export function topicLabels(topicLists: Iterable<readonly string[]>): Map<string, TopicLabel> {
  const byKey = new Map<string, TopicLabel>();
  for (const list of topicLists)
    for (const name of new Set(list.map((t) => singleSpaced(t)))) {
      const key = topicKey(name);
      const entry = byKey.get(key) ?? { label: name, spellings: new Map<string, number>() };
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      byKey.set(key, entry);
    }
  for (const entry of byKey.values())
    entry.label = [...entry.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
  return byKey;
}

/** The labels of one article's topics under the archive's labels, each topic once, in its order. */
export function articleTopics(topics: readonly string[], labels: Map<string, TopicLabel>): string[] {
  const out = new Set<string>();
  for (const name of topics) out.add(labels.get(topicKey(name))?.label ?? name.trim());
  return [...out];
}

/**
 * Notes for the archive's owner on topics written in several spellings: for each topic, the
 * spelling kept (topicLabels) and the files that use another one, e.g.
 * `topic "Immigration Courts" is also written "immigration courts" in content/articles/x.md; the
 * pages and the search filter use "Immigration Courts" (write it that way to silence this note)`.
 * Not problems: the archive builds; the note only says what was merged. `articles` are
 * { file, topics } with `file` as the user would type it.
 */
export function topicSpellingNotes(articles: readonly { file: string; topics: readonly string[] }[]): string[] {
  const labels = topicLabels(articles.map((a) => a.topics));
  const notes: string[] = [];
  for (const [key, { label, spellings }] of labels) {
    if (spellings.size < 2) continue;
    for (const spelling of [...spellings.keys()].filter((s) => s !== label).sort()) {
      const files = articles
        .filter((a) => a.topics.some((t) => singleSpaced(t) === spelling && topicKey(t) === key))
        .map((a) => a.file)
        .sort();
      notes.push(
        `topic "${label}" is also written "${spelling}" in ${files.join(', ')}; the pages and the search ` +
          `filter use "${label}" (write it that way to silence this note)`,
      );
    }
  }
  return notes;
}
