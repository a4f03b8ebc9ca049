import { beforeAll, describe, expect, test } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// Reported speech inside reported speech, speakers written with another's surname, nominal and
// title speakers after the verb in German and French, French compound pasts. Expected quote,
// speaker mention as written, person and cue are read off each sentence by hand (PARC's nested
// attribution relations: the inner source says the quotation, the outer one reports it), not
// from what the rules give.

beforeAll(() => {
  findQuotes('Jane Doe said: “We will appeal.”', { language: 'en', people: [{ id: 'jane-doe', name: 'Jane Doe' }] });
}, 60_000);

const COUNCIL: QuotePerson[] = [
  { id: 'rosa-delgado', name: 'Rosa Delgado', role: 'mayor' },
  { id: 'tom-whitaker', name: 'Tom Whitaker', role: 'councillor' },
  { id: 'amy-cho', name: 'Amy Cho', role: 'head librarian' },
];

/** [quote, speaker as written, person, cue] of every quote found. */
function found(text: string, people: readonly QuotePerson[], language = 'en') {
  return findQuotes(text, { language, people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person, q.cue]);
}

describe('reported speech inside reported speech: the innermost speaker says the quotation', () => {
  test.each([
    ['According to Whitaker, Delgado said: “The deal is off and it will stay off.”', 'Delgado', 'said'],
    ['Tom Whitaker said Rosa Delgado told him: “We are leaving the council for good.”', 'Rosa Delgado', 'told'],
    ['Whitaker said Delgado had told him that “the council is finished with this plan.”', 'Delgado', 'told'],
    ['Amy Cho said Delgado called the plan “a disaster for the town and for everyone in it.”', 'Delgado', 'called'],
    ['Whitaker says Delgado told reporters: “We are leaving the council for good.”', 'Delgado', 'told'],
    ['Whitaker later said Delgado warned that “the deal is off and it will stay off.”', 'Delgado', 'warned'],
    ['Whitaker quoted Delgado as saying: “We are leaving the council for good.”', 'Delgado', 'saying'],
    ['Delgado, Whitaker said, told him: “We are leaving the council for good.”', 'Delgado', 'told'],
    ['According to Whitaker, the mayor said: “We are leaving the council for good.”', 'the mayor', 'said'],
  ])('%s', (text, speaker, cue) => {
    const [q] = found(text, COUNCIL);
    expect(q!.slice(1)).toEqual([speaker, 'rosa-delgado', cue]);
  });

  test.each([
    ['“We are leaving the council for good,” Whitaker said Delgado told him.', 'Delgado', 'told'],
    ['“We are leaving the council for good,” Whitaker told reporters Delgado had said.', 'Delgado', 'said'],
    ['“We are leaving the council for good,” said Whitaker, quoting Delgado.', 'Delgado', 'quoting'],
  ])('after the quotation: %s', (text, speaker, cue) => {
    expect(found(text, COUNCIL)[0]!.slice(1)).toEqual([speaker, 'rosa-delgado', cue]);
  });

  test('after the quotation, the reporter keeps it when they report no one (“said Tuesday”, “adding that”)', () => {
    for (const after of [
      'Whitaker said Tuesday.',
      'Whitaker told the council.',
      'Whitaker said, adding that Delgado told him so.',
    ])
      expect(found(`“We are leaving the council for good,” ${after}`, COUNCIL)[0]![2]).toBe('tom-whitaker');
  });

  test('the object of told is no speaker: “X told the court Y posted …”', () => {
    const text = 'Amy Cho told the court Delgado posted a note that read: “We are leaving the council for good.”';
    expect(found(text, COUNCIL)[0]!.slice(1, 3)).toEqual(['Delgado', 'rosa-delgado']);
  });

  test('one reporter alone keeps the quotation, and a cue word used as a noun is no inner clause', () => {
    expect(found('Whitaker told Delgado: “We are leaving the council for good.”', COUNCIL)[0]!.slice(1, 3)).toEqual([
      'Whitaker',
      'tom-whitaker',
    ]);
    expect(
      found(
        'But Whitaker said the anecdotal reports were “consistent with what we are hearing elsewhere”.',
        COUNCIL,
      )[0]!.slice(1, 3),
    ).toEqual(['Whitaker', 'tom-whitaker']);
  });
});

describe('a speaker with a surname of the article’s person who is someone else stays no one’s', () => {
  test('a courtesy title of the other gender (“Mrs. Whitaker” beside Tom Whitaker)', () => {
    expect(found('“Tom has always been stubborn about this,” Mrs. Whitaker said.', COUNCIL)).toEqual([
      ['Tom has always been stubborn about this,', 'Mrs. Whitaker', null, 'said'],
    ]);
  });

  test('an appositive naming a relation (“said Mrs. Whitaker, his wife”, “said Whitaker, his brother”)', () => {
    expect(
      found('“Tom has always been stubborn about this,” said Mrs. Whitaker, his wife of thirty years.', COUNCIL),
    ).toEqual([['Tom has always been stubborn about this,', 'Mrs. Whitaker', null, 'said']]);
    expect(found('“Tom has always been stubborn about this,” said Whitaker, his brother.', COUNCIL)[0]![2]).toBeNull();
  });

  test('the title of their own gender and a full name with a relation still resolve', () => {
    expect(found('“We are leaving the council for good,” Mr. Whitaker said.', COUNCIL)[0]![2]).toBe('tom-whitaker');
    expect(found('“Tom has always been stubborn,” said Rosa Delgado, his sister.', COUNCIL)[0]![2]).toBe(
      'rosa-delgado',
    );
  });
});

const VEREIN: QuotePerson[] = [
  { id: 'katrin-weber', name: 'Katrin Weber', role: 'Vorsitzende des Sportvereins' },
  { id: 'hans-vogel', name: 'Hans Vogel', role: 'Bürgermeister' },
  { id: 'eva-brandt', name: 'Eva Brandt', role: 'Ministerin' },
];

describe('German nominal and title speakers after the verb', () => {
  test('a role resolves, a nominal stays no one’s, none goes to the paragraph before', () => {
    const text =
      '„Wir bleiben hier, egal was die Stadt beschließt“, sagte Katrin Weber.\n\n„Das ist nicht akzeptabel und verstößt gegen den Vertrag“, sagte der Bürgermeister.\n\n„Wir prüfen rechtliche Schritte gegen den Verein“, sagte ein Sprecher der Stadt.\n\n„Das Geld ist längst ausgegeben worden“, erklärte die Ministerin.';
    expect(found(text, VEREIN, 'de')).toEqual([
      ['Wir bleiben hier, egal was die Stadt beschließt', 'Katrin Weber', 'katrin-weber', 'sagte'],
      ['Das ist nicht akzeptabel und verstößt gegen den Vertrag', 'der Bürgermeister', 'hans-vogel', 'sagte'],
      ['Wir prüfen rechtliche Schritte gegen den Verein', 'ein Sprecher der Stadt', null, 'sagte'],
      ['Das Geld ist längst ausgegeben worden', 'die Ministerin', 'eva-brandt', 'erklärte'],
    ]);
  });

  test('two quotations of two speakers in one paragraph are both kept, each with its own', () => {
    const text =
      '„Wir bleiben hier, egal was die Stadt beschließt“, sagte Katrin Weber. „Das ist nicht akzeptabel“, so der Bürgermeister.';
    expect(found(text, VEREIN, 'de').map((q) => q.slice(1, 3))).toEqual([
      ['Katrin Weber', 'katrin-weber'],
      ['der Bürgermeister', 'hans-vogel'],
    ]);
  });

  test('a short quotation with a nominal speaker is kept (“„Nein“, sagte der Bürgermeister.”)', () => {
    const text = '„Wir bleiben“, sagte Katrin Weber. „Nein“, sagte der Bürgermeister.';
    expect(found(text, VEREIN, 'de').map((q) => q.slice(0, 3))).toEqual([
      ['Wir bleiben', 'Katrin Weber', 'katrin-weber'],
      ['Nein', 'der Bürgermeister', 'hans-vogel'],
    ]);
  });

  test.each([
    ['sagte der Bürgermeister Hans Vogel.', 'der Bürgermeister Hans Vogel', 'hans-vogel'],
    ['sagte der Sprecher der Stadt, Hans Vogel.', 'Hans Vogel', 'hans-vogel'],
    ['sagte die Ministerin für Bildung.', 'die Ministerin', 'eva-brandt'],
    ['sagte der 54-Jährige.', 'der 54-Jährige', null],
  ])('„…“, %s', (attribution, speaker, person) => {
    expect(found(`„Das ist nicht akzeptabel und verstößt gegen den Vertrag“, ${attribution}`, VEREIN, 'de')).toEqual([
      ['Das ist nicht akzeptabel und verstößt gegen den Vertrag', speaker, person, 'sagte'],
    ]);
  });

  test('a title subject before the verb is a nominal that resolves by the role (“Der Bürgermeister sagte:”)', () => {
    expect(found('Der Bürgermeister sagte: „Das ist nicht akzeptabel.“', VEREIN, 'de')[0]!.slice(1, 3)).toEqual([
      'Der Bürgermeister',
      'hans-vogel',
    ]);
  });

  test('an attribution no rule reads names its own speaker: the quotation is not the one before’s', () => {
    for (const sep of ['\n\n', ' ']) {
      const text = `„Wir bleiben hier, egal was die Stadt beschließt“, sagte Katrin Weber.${sep}„Wir prüfen rechtliche Schritte gegen den Verein“, teilte die Polizei mit.`;
      expect(found(text, VEREIN, 'de')[1]![2]).toBeNull();
    }
  });
});

const COMMUNE: QuotePerson[] = [
  { id: 'lucie-arnaud', name: 'Lucie Arnaud', role: 'maire' },
  { id: 'jean-martin', name: 'Jean Martin', role: 'préfet' },
];

describe('French speakers after the verb and compound pasts before the colon', () => {
  test.each(['a répondu', 'a déclaré', 'a ajouté', 'avait dit'])('Le préfet %s : « … »', (cue) => {
    expect(found(`Le préfet ${cue} : « La loi sera appliquée partout. »`, COMMUNE, 'fr')).toEqual([
      ['La loi sera appliquée partout.', 'Le préfet', 'jean-martin', cue],
    ]);
  });

  test('a role and a nominal after the verb, each its own, never the paragraph before’s', () => {
    const text =
      '« Nous ne partirons pas », a déclaré Lucie Arnaud.\n\n« La loi sera appliquée partout », avait dit le préfet.\n\n« Nous examinons la situation de près », a indiqué un porte-parole de la ville. « Rien ne presse dans ce dossier délicat », a grondé le juge.';
    expect(found(text, COMMUNE, 'fr').map((q) => q.slice(1, 3))).toEqual([
      ['Lucie Arnaud', 'lucie-arnaud'],
      ['le préfet', 'jean-martin'],
      ['un porte-parole', null],
      [null, null],
    ]);
  });
});

describe('languages without attribution rules', () => {
  test.each([
    [
      'es',
      '«No nos iremos de este barrio nunca», dijo Lucie Arnaud.\n\n«La ley se aplicará en todas partes», dijo el prefecto.',
    ],
    [
      'it',
      '«Non partiremo da questo quartiere mai», ha detto Lucie Arnaud.\n\n«La legge sarà applicata ovunque e subito», ha detto il prefetto.',
    ],
    [
      'pt',
      '«Não vamos sair deste bairro nunca», disse Lucie Arnaud.\n\n«A lei será aplicada em toda parte», disse o prefeito.',
    ],
    [
      'nl',
      '„We gaan hier nooit meer weg uit de wijk”, zei Lucie Arnaud.\n\n„De wet wordt overal en meteen toegepast”, zei de burgemeester.',
    ],
  ])('%s: both quotations found, neither given a speaker', (language, text) => {
    const quotes = found(text, COMMUNE, language);
    expect(quotes).toHaveLength(2);
    expect(quotes.map((q) => q[1])).toEqual([null, null]);
  });
});
