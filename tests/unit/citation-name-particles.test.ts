import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sortKey } from '../../src/content/names.ts';
import { checkContent } from '../../src/content/check.ts';
import { authorInEveryStyle, caseCitationFacts } from '../helpers/citation.ts';

// Name particles as CSL sets them (CSL 1.0.2, "Name-part Order": a dropping particle follows the
// given names in an inverted name, a non-dropping particle stays before the family name) and as
// the Chicago Manual of Style (17th ed., 8.5-8.11) files the names of each language: German
// "von" and the lower-case particles of French, Spanish, Portuguese and Italian follow the given
// names ("Humboldt, Alexander von", "Souza, Maria de"); Dutch particles stay with the family name
// ("van der Berg", in a Dutch text "de Vries"); a particle written with a capital is part of the
// family name ("Le Bœuf"); Spanish "y" (Portuguese "e", Catalan "i") joins a double surname
// ("Muñoz y Pérez"). The A–Z keys sort by the family name itself. Expected strings by hand.

const CASE = path.resolve('tests/fixtures/cases/citation-name-forms/content');
const names = caseCitationFacts((await checkContent(CASE)).entries.articles[0]!);

function allStyles(name: string, language?: string) {
  return authorInEveryStyle(names, name, language);
}

describe('a double surname joined by "y", "e" or "i" is the family name', () => {
  test('Ana Muñoz y Pérez', () => {
    for (const language of ['es', undefined])
      expect(allStyles('Ana Muñoz y Pérez', language)).toEqual({
        apa: 'Muñoz y Pérez, A.',
        mla: 'Muñoz y Pérez, Ana.',
        chicago: 'Muñoz y Pérez, Ana.',
        bibtex: "{Mu{\\~{n}}oz y P{\\'{e}}rez}, Ana",
        csl: [{ given: 'Ana', family: 'Muñoz y Pérez' }],
      });
    expect(sortKey('Ana Muñoz y Pérez')).toBe('Muñoz y Pérez, Ana');
  });

  test.each([
    ['José Ortega y Gasset', 'es', 'Ortega y Gasset, J.'],
    ['Maria Silva e Sousa', 'pt', 'Silva e Sousa, M.'],
    ['Josep Puig i Cadafalch', 'ca', 'Puig i Cadafalch, J.'],
    ['María José García y López', 'es', 'García y López, M. J.'],
  ])('%s (%s) -> APA %s', (name, language, expected) => {
    expect(allStyles(name, language).apa).toBe(expected);
  });
});

describe('dropping particles follow the given names', () => {
  test('Maria de Souza (Portuguese)', () => {
    expect(allStyles('Maria de Souza', 'pt')).toEqual({
      apa: 'Souza, M. de.',
      mla: 'Souza, Maria de.',
      chicago: 'Souza, Maria de.',
      bibtex: 'de Souza, Maria',
      csl: [{ given: 'Maria', 'dropping-particle': 'de', family: 'Souza' }],
    });
    expect(sortKey('Maria de Souza')).toBe('Souza, Maria de');
  });

  test('Ludwig van Beethoven (German)', () => {
    expect(allStyles('Ludwig van Beethoven', 'de')).toEqual({
      apa: 'Beethoven, L. van.',
      mla: 'Beethoven, Ludwig van.',
      chicago: 'Beethoven, Ludwig van.',
      bibtex: 'van Beethoven, Ludwig',
      csl: [{ given: 'Ludwig', 'dropping-particle': 'van', family: 'Beethoven' }],
    });
    expect(sortKey('Ludwig van Beethoven')).toBe('Beethoven, Ludwig van');
  });

  test.each([
    ['Alexander von Humboldt', undefined, 'Humboldt, A. von.', 'von'],
    ['Ursula von der Leyen', 'de', 'Leyen, U. von der.', 'von der'],
    ['Jean de La Fontaine', 'fr', 'La Fontaine, J. de.', 'de'],
    ['Luiz Inácio Lula da Silva', 'pt', 'Silva, L. I. L. da.', 'da'],
    ['Guillermo del Toro', 'es', 'Toro, G. del.', 'del'],
    ['Antonio de la Cruz', 'es', 'Cruz, A. de la.', 'de la'],
    ['Lorenzo di Lorenzo', 'it', 'Lorenzo, L. di.', 'di'],
  ])('%s (%s) -> APA %s', (name, language, expected, particle) => {
    // APA ends the author element with a period.
    const styles = allStyles(name, language);
    expect(styles.apa).toBe(expected);
    expect(styles.csl).toEqual([expect.objectContaining({ 'dropping-particle': particle })]);
  });
});

describe('non-dropping particles stay before the family name; sorting goes by the family name', () => {
  test.each([
    ['Anne van der Berg', undefined, 'van der Berg, A.', 'van der', 'Berg, Anne van der'],
    ['Vincent van Gogh', undefined, 'van Gogh, V.', 'van', 'Gogh, Vincent van'],
    ['Ludwig van Beethoven', undefined, 'van Beethoven, L.', 'van', 'Beethoven, Ludwig van'],
    ['Jan de Vries', 'nl', 'de Vries, J.', 'de', 'Vries, Jan de'],
    ['Joachim du Bellay', 'fr', 'du Bellay, J.', 'du', 'Bellay, Joachim du'],
  ])('%s (%s) -> APA %s', (name, language, expected, particle, key) => {
    const styles = allStyles(name, language);
    expect(styles.apa).toBe(expected);
    expect(styles.csl).toEqual([expect.objectContaining({ 'non-dropping-particle': particle })]);
    expect(sortKey(name)).toBe(key);
  });
});

describe('a particle written with a capital is part of the family name', () => {
  test('Jean Le Bœuf', () => {
    expect(allStyles('Jean Le Bœuf', 'fr')).toEqual({
      apa: 'Le Bœuf, J.',
      mla: 'Le Bœuf, Jean.',
      chicago: 'Le Bœuf, Jean.',
      bibtex: 'Le B{\\oe}uf, Jean',
      csl: [{ given: 'Jean', family: 'Le Bœuf' }],
    });
    expect(sortKey('Jean Le Bœuf')).toBe('Le Bœuf, Jean');
  });

  test.each([
    ['Jean-Marie Le Pen', 'fr', 'Le Pen, J.-M.'],
    ['Dick Van Dyke', undefined, 'Van Dyke, D.'],
    ['Luigi Di Maio', 'it', 'Di Maio, L.'],
    ['Maria Da Silva', 'pt', 'Da Silva, M.'],
    ['W. E. B. Du Bois', undefined, 'Du Bois, W. E. B.'],
  ])('%s (%s) -> APA %s', (name, language, expected) => {
    expect(allStyles(name, language).apa).toBe(expected);
  });
});
