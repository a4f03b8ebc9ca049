import { describe, expect, test } from 'vitest';
import { candidateNames, findPeople, PeopleIndex, stripTitles, TITLE_WORDS } from '../../src/import/people.ts';

// Who an article names: titles are not names, organizations named after people are not people,
// photo credits are not mentions, and "President Obama" is the Obama the archive knows.

const index = new PeopleIndex([
  { id: 'donald-trump', name: 'Donald Trump', aliases: ['Donald J. Trump', 'President Trump'] },
  { id: 'barack-obama', name: 'Barack Obama', aliases: [] },
  { id: 'jeff-sessions', name: 'Jeff Sessions', aliases: [] },
  { id: 'pete-sessions', name: 'Pete Sessions', aliases: [] },
]);

describe('titles and honorifics are taken off before matching', () => {
  test.each([
    ['en', 'President-elect Donald J. Trump', 'Donald J. Trump'],
    ['en', 'Former Attorney General Jeff Sessions', 'Jeff Sessions'],
    ['en', 'Sen. Elizabeth Warren', 'Elizabeth Warren'],
    ['fr', 'M. Emmanuel Macron', 'Emmanuel Macron'],
    ['fr', 'Mme Anne Hidalgo', 'Anne Hidalgo'],
    ['de', 'Bundeskanzlerin Angela Merkel', 'Angela Merkel'],
    ['de', 'Herr Olaf Scholz', 'Olaf Scholz'],
    ['es', 'Sra. Isabel Díaz Ayuso', 'Isabel Díaz Ayuso'],
    ['es', 'Presidente Pedro Sánchez', 'Pedro Sánchez'],
    ['it', 'On. Giorgia Meloni', 'Giorgia Meloni'],
    ['pt', 'Presidente Luiz Inácio Lula', 'Luiz Inácio Lula'],
    ['nl', 'Burgemeester Femke Halsema', 'Femke Halsema'],
  ])('%s: %s', (lang, written, name) => {
    expect(Object.keys(TITLE_WORDS)).toContain(lang);
    expect(stripTitles(written)).toBe(name);
  });

  test('a known person with a title glued on is tagged, not proposed again', () => {
    const found = findPeople('Aides to President-elect Donald J. Trump said the meeting went well.', index);
    expect(found).toEqual({ known: ['donald-trump'], unknown: [] });
  });
});

describe('what is not a person', () => {
  test('a name that only occurs inside an organization’s name', () => {
    const text =
      'Researchers at the François-Xavier Bagnoud Center for Health and Human Rights said the figures were too low. The Robert Wood Johnson Foundation agreed.';
    expect(candidateNames(text)).toEqual([]);
  });

  test('but the same name said as a person elsewhere in the text is kept', () => {
    expect(candidateNames('Robert Wood Johnson said so. The Robert Wood Johnson Foundation agreed.')).toContain(
      'Robert Wood Johnson',
    );
  });

  test.each([
    [
      'a company whose name ends in a plural noun',
      'Harbour Link Ferries said on Monday it would add a sailing.',
      'Harbour Link',
    ],
    ['a band named after its leader', 'The Lisa Tran Quartet played on the first crossing.', 'Lisa Tran'],
    ['an airline', 'Blue Water Airlines said the flights were full.', 'Blue Water'],
    ['an orchestra', 'Members of the Northbridge Youth Orchestra said they were delighted.', 'Northbridge'],
    ['a carmaker', 'Kestrel Motors said sales rose.', 'Kestrel'],
    [
      'a trio named after its founder',
      'The Omar Haddad Trio announced a tour, and Omar Haddad Trio tickets sold out.',
      'Omar Haddad',
    ],
    [
      'a band named after its singer',
      'Fans of the Marcus Reid Band said the show was the best of the tour.',
      'Marcus Reid',
    ],
    ['a firm of partners', 'Greenway Partners said the deal was done.', 'Greenway'],
    ['a builder', 'Northgate Builders said the homes would be ready in May.', 'Northgate'],
    ['a choir', 'The Ana Ortega Singers said they would sing at the reopening.', 'Ana Ortega'],
  ])('%s is not proposed as a person', (_kind, text, part) => {
    expect(candidateNames(text).filter((n) => n.includes(part))).toEqual([]);
  });

  test('surnames that are also plurals stay names', () => {
    const text =
      'Dana Williams said the fares were too high. Chris Roberts agreed. Peter Sellers said so too, and Maxine Waters told reporters the same. Tyra Banks said nothing. John Mills declined to comment.';
    expect(candidateNames(text)).toEqual(
      expect.arrayContaining([
        'Dana Williams',
        'Chris Roberts',
        'Peter Sellers',
        'Maxine Waters',
        'Tyra Banks',
        'John Mills',
      ]),
    );
  });

  test('photographers named only in credits', () => {
    const text =
      'The harbour froze for the first time in decades. Photo: Lena Brandt/Getty Images. Mayor Karen Holt said the ferries would resume. (Photo by Tomás Ribeiro)';
    expect(candidateNames(text)).toEqual(['Karen Holt']);
  });
});

describe('a surname after a title', () => {
  test('resolves to the one person with that surname already named in the article', () => {
    expect(findPeople('Jeff Sessions spoke first. Later, Mr. Sessions said he had no regrets.', index).known).toEqual([
      'jeff-sessions',
    ]);
  });

  test('after an office, resolves to the one person in the archive with that surname', () => {
    expect(findPeople('President Obama signed the bill on Tuesday.', index).known).toEqual(['barack-obama']);
  });

  test('is left alone when two known people share the surname and neither is named', () => {
    expect(findPeople('Mr. Sessions said he had no regrets.', index).known).toEqual([]);
  });
});

test('names after a title are proposed even when the NLP pass does not know them', () => {
  expect(findPeople('Chancellor Olaf Scholz said the talks were useful.', index).unknown).toContain('Olaf Scholz');
});

test('well-known names the NLP pass does not know are proposed: before a reporting verb or a possessive', () => {
  const text =
    "Xi Jinping spoke first. Elon Musk's company said it would build a plant. Narendra Modi visited the site. The White House said nothing, and the Labour Party said it would wait. “It held,” said Helen Marsh, the area manager.";
  expect(candidateNames(text)).toEqual(
    expect.arrayContaining(['Xi Jinping', 'Elon Musk', 'Narendra Modi', 'Helen Marsh']),
  );
  expect(candidateNames(text)).not.toEqual(expect.arrayContaining(['White House']));
  expect(candidateNames(text)).not.toContain('Labour Party');
});

test('places named after an article are not proposed; a German title does not stay on the name', () => {
  const texts = [
    'Les vendanges ont commencé lundi dans plusieurs villages de la Côte de Beaune, trois semaines plus tôt. Pierre Vautrin a dit que tout allait bien.',
    'El plan lleva el agua tratada hasta las comunidades de regantes del Campo de Cartagena. Luis de Guindos dijo que no.',
    'Sie werde Investoren abschrecken und den Bau insgesamt verlangsamen, sagte der Vorsitzende Thomas Brandl.',
  ];
  const found = texts.flatMap(candidateNames);
  expect(found).toEqual(expect.arrayContaining(['Pierre Vautrin', 'Luis de Guindos', 'Thomas Brandl']));
  for (const place of ['Côte de Beaune', 'Campo de Cartagena', 'Vorsitzende Thomas Brandl'])
    expect(found).not.toContain(place);
  // A person named once after an article and once without one is still proposed.
  expect(candidateNames('The plan of the Charles de Gaulle era ended. Charles de Gaulle said no.')).toContain(
    'Charles de Gaulle',
  );
});
