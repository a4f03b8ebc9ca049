import nlp from 'compromise';
import { describe, expect, test } from 'vitest';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../../src/text/first-names.ts';

// The given-name lists are compromise's lexicon, copied so the build does not load the whole
// library for them: they must still be what the installed compromise says.

describe('first names by gender', () => {
  test('equal the FemaleName and MaleName words of compromise’s lexicon', () => {
    const world = nlp.world() as { model: { one: { lexicon: Record<string, string> } } };
    const lexicon = world.model.one.lexicon;
    const words = (tag: string) =>
      Object.entries(lexicon)
        .filter(([w, t]) => t === tag && /^[a-z][a-z'-]*$/.test(w))
        .map(([w]) => w)
        .sort();
    expect([...FEMALE_FIRST_NAMES].sort()).toEqual(words('FemaleName'));
    expect([...MALE_FIRST_NAMES].sort()).toEqual(words('MaleName'));
    expect(FEMALE_FIRST_NAMES).toContain('dana');
    expect(MALE_FIRST_NAMES).toContain('jeff');
  });
});
