import { describe, expect, test } from 'vitest';
import {
  earlierPassages,
  earlierPassagesOf,
  versionAt,
  excerptIn,
  onlyInEarlier,
  pagefindWordCount,
  recordContent,
} from '../../src/search/earlier-versions.ts';

// How an article's search record carries the passages of its earlier versions, and how the
// search page tells a match in them from one in the latest text.

describe('earlier versions in a search record', () => {
  const latest = 'The council voted.\nThe mayor promised an appeal.';
  const earlier = [
    'The council voted.\nThe mayor called it a boondoggle and promised an appeal.',
    'The council voted.',
  ];

  test('only passages the latest text lacks are added, each once', () => {
    expect(earlierPassages(latest, [...earlier, earlier[0]!])).toEqual([
      'The mayor called it a boondoggle and promised an appeal.',
    ]);
    expect(earlierPassages(latest, [latest])).toEqual([]);
  });

  test('the latest text comes first and its word count marks where earlier passages start', () => {
    const { content, latestWords } = recordContent(latest, earlierPassages(latest, earlier));
    // Counted independently: the words of the latest text, separated by single spaces or newlines.
    expect(latestWords).toBe('The council voted. The mayor promised an appeal.'.split(' ').length);
    const words = content.split(/\s+/);
    expect(words[latestWords!]).toBe('The');
    expect(words.indexOf('boondoggle')).toBeGreaterThanOrEqual(latestWords!);
    expect(recordContent(latest, [])).toEqual({ content: latest });
  });

  test('each earlier passage is credited to the earliest version that had it, and a location finds it', () => {
    const versions = [
      { version: '20240601', text: 'The council voted.\nThe mayor called it a boondoggle and promised an appeal.' },
      {
        version: '20240602093000',
        text: 'The mayor called it a boondoggle and promised an appeal.\nRivals said nothing.',
      },
    ];
    const passages = earlierPassagesOf(latest, versions);
    expect(passages).toEqual([
      { text: 'The mayor called it a boondoggle and promised an appeal.', version: '20240601' },
      { text: 'Rivals said nothing.', version: '20240602093000' },
    ]);
    const { content, latestWords, earlierVersions } = recordContent(latest, passages);
    // Positions counted independently, as words between whitespace.
    const words = content.split(/\s+/);
    expect(versionAt(words.indexOf('boondoggle'), earlierVersions)).toBe('20240601');
    expect(versionAt(words.indexOf('Rivals'), earlierVersions)).toBe('20240602093000');
    expect(versionAt(words.length - 1, earlierVersions)).toBe('20240602093000');
    expect(versionAt(latestWords! - 1, earlierVersions)).toBeUndefined();
    // Plain passages (no versions given) carry no EARLIER_VERSIONS value.
    expect(recordContent(latest, earlierPassages(latest, [versions[0]!.text])).earlierVersions).toBeUndefined();
  });

  test('a result is in an earlier version when every matched word is after the latest text', () => {
    expect(onlyInEarlier([9, 12], 8)).toBe(true);
    expect(onlyInEarlier([3, 12], 8)).toBe(false);
    expect(onlyInEarlier([3], undefined)).toBe(false);
    expect(onlyInEarlier([], 8)).toBe(false);
  });

  test('the excerpt comes from the range asked for, the matched words marked', () => {
    const content = 'one two three four five six seven eight nine ten';
    const runs = excerptIn(content, [1, 6], 5, Infinity, 4);
    expect(runs.map((r) => r.text).join('')).toBe('six seven eight nine');
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['seven']);
    expect(pagefindWordCount(content)).toBe(10);
  });
});
