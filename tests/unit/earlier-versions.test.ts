import { describe, expect, test } from 'vitest';
import {
  earlierPassages,
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
