import { describe, expect, test } from 'vitest';
import { isMetaLine } from '../../src/import/clean/meta-line.ts';
import { candidateNames } from '../../src/import/people.ts';
import { NAME_PARTICLES } from '../../src/text/name-particles.ts';

// Every pattern that lets a name run on past a lower-case word reads one list of particles
// (src/text/name-particles.ts). These patterns each kept a shorter copy, so a name with "ibn",
// "ter", "zu" or "della" was read as two names or none in one place and as one name in another.

describe('a name with any particle reads as one name', () => {
  // "le" and "el" before a name's next word also start a date ("Par Marie Dupont le 3 juin"), and
  // a byline line is split there first.
  const BEFORE_DATE = new Set(['le', 'el']);
  test.each(NAME_PARTICLES.filter((p) => !BEFORE_DATE.has(p)).map((p) => [p]))(
    'a byline line: "By Amira %s Haddad · 3 June 2024"',
    (particle) => {
      expect(isMetaLine(`By Amira ${particle} Haddad · 3 June 2024`)).toBe(true);
    },
  );

  test.each(NAME_PARTICLES.map((p) => [p]))('a name after a title: "Minister Amira %s Haddad"', (particle) => {
    const text = `Minister Amira ${particle} Haddad said on Monday that the plan would go ahead. Minister Amira ${particle} Haddad added that the cost was known.`;
    expect(candidateNames(text)).toContain(`Amira ${particle} Haddad`);
  });
});
