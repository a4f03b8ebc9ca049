import { describe, expect, test } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// More kinds of attribution, each in sentences written for the test: the expected quote, speaker
// mention and person are read off the sentence by hand.

/** [quote, speaker as written, person] of every quote found. */
function found(text: string, people: readonly QuotePerson[], language = 'en') {
  return findQuotes(text, { language, people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]);
}

describe('names resolved to the article’s people', () => {
  test('an alias written with its courtesy title picks that person among two of the same surname', () => {
    const people: QuotePerson[] = [
      { id: 'ida-bellamy', name: 'Ida Bellamy', aliases: ['Mrs. Bellamy'] },
      { id: 'otto-bellamy', name: 'Otto Bellamy' },
    ];
    const text = 'The organ was restored in May.\n\n“We raised every penny at bake sales,” Mrs. Bellamy said.';
    expect(found(text, people)).toEqual([['We raised every penny at bake sales,', 'Mrs. Bellamy', 'ida-bellamy']]);
  });

  test('a capitalized office before the full name (German nouns) leaves the name as the last words', () => {
    const people: QuotePerson[] = [
      { id: 'greta-hansen', name: 'Greta Hansen' },
      { id: 'ole-hansen', name: 'Ole Hansen' },
    ];
    const text = '„Die Halle bleibt im Winter offen“, sagte Stadtkämmerin Greta Hansen am Montag.';
    expect(found(text, people, 'de')).toEqual([
      ['Die Halle bleibt im Winter offen', 'Stadtkämmerin Greta Hansen', 'greta-hansen'],
    ]);
  });
});

describe('pronoun speakers', () => {
  test('a name before its verb is a subject even in mid-sentence, after a descriptor and an age', () => {
    const people: QuotePerson[] = [
      { id: 'petra-lind', name: 'Petra Lind', aliases: ['Lind'] },
      { id: 'oskar-falk', name: 'Oskar Falk', aliases: ['Falk'] },
    ];
    const text =
      '“We opened the gym at noon,” Lind said. She said volunteers brought cots.\n\n' +
      'At the library on Elm Street, retiree Oskar Falk, 68, said he had left with only his cat.\n\n' +
      '“I did not even take my glasses,” he said.';
    expect(found(text, people)).toEqual([
      ['We opened the gym at noon,', 'Lind', 'petra-lind'],
      ['I did not even take my glasses,', 'he', 'oskar-falk'],
    ]);
  });
});

describe('pronoun speakers and the words inside quotations', () => {
  test('he/she inside a quotation says nothing of the gender of a name beside it', () => {
    const people: QuotePerson[] = [
      { id: 'kit-brand', name: 'Kit Brand', role: 'councillor' },
      { id: 'sam-quist', name: 'Sam Quist', role: 'councillor' },
    ];
    const text =
      'Councillor Kit Brand, the longest-serving member, said he would vote against the cuts.\n\n' +
      'Ms. Quist pushed back. “Kit Brand knows she has the numbers wrong.”\n\n' +
      '“I have read every page of that report,” he said.';
    expect(found(text, people).at(-1)).toEqual(['I have read every page of that report,', 'he', 'kit-brand']);
  });
});

describe('French quotations', () => {
  test('an incise inside the guillemets splits the quotation in two parts, both the speaker’s', () => {
    const people: QuotePerson[] = [{ id: 'lucie-arnaud', name: 'Lucie Arnaud', role: 'maire' }];
    const text =
      'La médiathèque rouvre lundi.\n\n« Nous avons tenu les délais, a déclaré Lucie Arnaud. Les habitants pourront enfin revenir. »';
    expect(found(text, people, 'fr')).toEqual([
      ['Nous avons tenu les délais,', 'Lucie Arnaud', 'lucie-arnaud'],
      ['Les habitants pourront enfin revenir.', 'Lucie Arnaud', 'lucie-arnaud'],
    ]);
  });

  test('an inverted pronoun incise with words after it (a-t-elle glissé en riant)', () => {
    const people: QuotePerson[] = [{ id: 'lucie-arnaud', name: 'Lucie Arnaud', role: 'maire' }];
    const text =
      'Lucie Arnaud a coupé le ruban.\n\n« Ce sera plus calme, a-t-elle lancé en riant, mais pas tout de suite. »';
    expect(found(text, people, 'fr')).toEqual([
      ['Ce sera plus calme,', 'elle', 'lucie-arnaud'],
      ['mais pas tout de suite.', 'elle', 'lucie-arnaud'],
    ]);
  });
});

describe('partial quotations after their speaker', () => {
  const PIA: QuotePerson = { id: 'pia-moreau', name: 'Pia Moreau', aliases: ['Moreau'] };
  const ABEL: QuotePerson = { id: 'abel-stone', name: 'Abel Stone', aliases: ['Stone'] };

  test('a long appositive between the speaker and the cue does not make one quoted word the writer’s', () => {
    const text =
      'The bakery’s owner, Pia Moreau, who opened the shop with her sister in a former bank, said she was ‘heartbroken’ and would reopen.';
    expect(found(text, [PIA])).toEqual([['heartbroken', 'Pia Moreau', 'pia-moreau']]);
  });

  test('a capitalized first word and a lower-case description before the name (Local vet Pia Moreau)', () => {
    const text = 'Harbour Town vet Pia Moreau, who examined the goat, said it was “simply lonely” after the move.';
    expect(found(text, [PIA])).toEqual([['simply lonely', 'Harbour Town vet Pia Moreau', 'pia-moreau']]);
    const text2 = 'Finance director Abel Stone told investors on a call that the charge was “careful, not gloomy”.';
    expect(found(text2, [ABEL])).toEqual([['careful, not gloomy', 'Finance director Abel Stone', 'abel-stone']]);
  });

  test('“…,” he said, adding that X was “…”: the participle’s quotation is the same speaker’s', () => {
    const text =
      'Stone spoke after the vote.\n\n“We are in good shape,” he said, adding that the pension fund was “not at risk”.';
    expect(found(text, [ABEL])).toEqual([
      ['We are in good shape,', 'he', 'abel-stone'],
      ['not at risk', 'he', 'abel-stone'],
    ]);
  });
});

describe('nominal speakers and the roles of the article’s people', () => {
  test('a definite nominal naming the head noun of one person’s role resolves to them', () => {
    const people: QuotePerson[] = [
      { id: 'vera-holm', name: 'Vera Holm', role: 'state senator' },
      { id: 'ivo-holm', name: 'Ivo Holm', role: 'retired judge, the senator’s brother' },
    ];
    const text = 'The clinic will close in May.\n\n“This valley deserves better,” the senator said.';
    expect(found(text, people)).toEqual([['This valley deserves better,', 'the senator', 'vera-holm']]);
  });

  test('an indefinite nominal stays no one’s, and two people of that role leave it unresolved', () => {
    const people: QuotePerson[] = [
      { id: 'vera-holm', name: 'Vera Holm', role: 'foreign minister of Arland' },
      { id: 'ivo-lund', name: 'Ivo Lund', role: 'foreign minister of Brenn' },
    ];
    const text = '“The border stays open,” the minister said.\n\n“We will see,” a senator said.';
    expect(found(text, people)).toEqual([
      ['The border stays open,', 'the minister', null],
      ['We will see,', 'a senator', null],
    ]);
  });

  test('French: a nominal with an adjective stops before a preposition, and resolves by its role', () => {
    const people: QuotePerson[] = [{ id: 'lea-roux', name: 'Léa Roux', role: 'réalisatrice, lauréate du prix' }];
    const text = '« Je tremble encore », a confié la jeune réalisatrice en quittant la scène.';
    expect(found(text, people, 'fr')).toEqual([['Je tremble encore', 'la jeune réalisatrice', 'lea-roux']]);
  });
});

describe('the speaker in the paragraph before', () => {
  test('a paragraph ending “X said:” gives its speaker to the quotation opening the next paragraph', () => {
    const people: QuotePerson[] = [{ id: 'ruth-amos', name: 'Ruth Amos', role: 'head teacher' }];
    const text =
      'Head teacher Ruth Amos, who has run the school for twelve years, addressed the parents. She said:\n\n' +
      '“We will not close this school without a fight.”';
    expect(found(text, people)).toEqual([['We will not close this school without a fight.', 'She', 'ruth-amos']]);
  });

  test('German: a capitalized pronoun before the cue (Er sagte:) and the quotation in the next paragraph', () => {
    const people: QuotePerson[] = [{ id: 'karl-vogt', name: 'Karl Vogt' }];
    const text = 'Karl Vogt, 70, schwimmt seit 1960 im Stadtbad. Er sagte:\n\n„Ich habe hier schwimmen gelernt.“';
    expect(found(text, people, 'de')).toEqual([['Ich habe hier schwimmen gelernt.', 'Er', 'karl-vogt']]);
  });
});

describe('French cues', () => {
  test('a-t-elle glissé, a-t-il raconté: reporting verbs of French copy beyond déclarer and dire', () => {
    const people: QuotePerson[] = [{ id: 'lucie-arnaud', name: 'Lucie Arnaud', role: 'maire' }];
    const text =
      'Lucie Arnaud a coupé le ruban.\n\n« Ce sera à Lille, évidemment, a-t-elle glissé en souriant. Mais pas cette année. »';
    expect(found(text, people, 'fr')).toEqual([
      ['Ce sera à Lille, évidemment,', 'elle', 'lucie-arnaud'],
      ['Mais pas cette année.', 'elle', 'lucie-arnaud'],
    ]);
  });
});

describe('pronoun speakers and people named by their role', () => {
  test('a definite mention of one person’s role between the candidate and the pronoun makes it ambiguous', () => {
    const people: QuotePerson[] = [
      { id: 'lea-roux', name: 'Léa Roux', role: 'lauréate du grand prix' },
      { id: 'anne-perrin', name: 'Anne Perrin', role: 'déléguée du festival' },
    ];
    const text =
      '« Les salles étaient pleines », a déclaré Anne Perrin.\n\n' +
      'Quant à la lauréate, elle prépare déjà un long métrage. « Il se passera à Lille », a-t-elle glissé.';
    expect(found(text, people, 'fr')).toEqual([
      ['Les salles étaient pleines', 'Anne Perrin', 'anne-perrin'],
      ['Il se passera à Lille', 'elle', null],
    ]);
  });
});

describe('words in quotation marks that are no one’s quotation', () => {
  test('a short term after a determiner, its comma inside the marks (US style), is a name for a thing', () => {
    const text =
      'The county kept the money in what clerks called the “rainy-day pot,” which the auditor closed in March. ' +
      'The “weekend effect,” as some hospital researchers call it, was small.';
    expect(found(text, [])).toEqual([]);
  });

  test('a title of a work in title case with figures in it is no one’s quotation', () => {
    const text =
      'The report, titled “Heat Waves and Hospital Admissions in 12 Cities, 2001 to 2020,” appeared on Monday.';
    expect(found(text, [])).toEqual([]);
  });
});

describe('verbs of manner as cues', () => {
  const JO: QuotePerson = { id: 'jo-marsh', name: 'Jo Marsh', aliases: ['Jo'] };

  test('“…,” X fumed. — a past tense right after the speaker, ending the clause, is the cue', () => {
    const text = '“The goat ate my roses again,” Jo Marsh fumed. “Every single one.”';
    expect(found(text, [JO])).toEqual([
      ['The goat ate my roses again,', 'Jo Marsh', 'jo-marsh'],
      ['Every single one.', 'Jo Marsh', 'jo-marsh'],
    ]);
  });

  test('X laughed: “…” — a colon after the speaker’s verb introduces the quotation', () => {
    const text = 'Asked about the fence, Jo Marsh laughed: “A fence will not stop that goat.”';
    expect(found(text, [JO])).toEqual([['A fence will not stop that goat.', 'Jo Marsh', 'jo-marsh']]);
  });
});

describe('French quotations over paragraphs', () => {
  test('a paragraph continuing a quotation may open with » (guillemet de rappel)', () => {
    const people: QuotePerson[] = [{ id: 'lucie-arnaud', name: 'Lucie Arnaud', role: 'maire' }];
    const text = '« Nous avons tenu les délais.\n\n» Les habitants reviendront », a déclaré Lucie Arnaud.';
    expect(found(text, people, 'fr')).toEqual([
      ['Nous avons tenu les délais.', 'Lucie Arnaud', 'lucie-arnaud'],
      ['Les habitants reviendront', 'Lucie Arnaud', 'lucie-arnaud'],
    ]);
  });
});

describe('the speaker as the subject of the sentence before', () => {
  const JO: QuotePerson = { id: 'jo-marsh', name: 'Jo Marsh', aliases: ['Marsh'] };

  test('“Mr Marsh was unmoved. ‘…’”: a quotation alone in its sentence after a sentence about the speaker', () => {
    const text =
      'The council offered a compromise.\n\nMr Marsh was unmoved. ‘A fence that stops at the hedge is no fence at all.’';
    expect(found(text, [JO])).toEqual([
      ['A fence that stops at the hedge is no fence at all.', 'Mr Marsh', 'jo-marsh'],
    ]);
  });

  test('not when the sentence before is about something else, or names no one of the article', () => {
    const text =
      'The council offered a compromise. “A fence that stops at the hedge is no fence at all.”\n\n' +
      'Residents were unmoved. “We have heard this before.”';
    expect(found(text, [JO])).toEqual([
      ['A fence that stops at the hedge is no fence at all.', null, null],
      ['We have heard this before.', null, null],
    ]);
  });
});

describe('role mentions', () => {
  test('an institution named in a role is not the person: “the district” is not its superintendent', () => {
    const people: QuotePerson[] = [
      { id: 'jordan-kerr', name: 'Jordan Kerr', role: 'superintendent, Elm Valley School District' },
      { id: 'kit-ruiz', name: 'Kit Ruiz', role: 'bus driver' },
    ];
    const text =
      'Kit Ruiz said the talks had stalled. He has driven for the district for 19 years.\n\n' +
      '“Nobody wants a strike,” he said.';
    expect(found(text, people)).toEqual([['Nobody wants a strike,', 'he', 'kit-ruiz']]);
  });
});

describe('names that are no person', () => {
  test('a dateline in capitals and a company named with Transit or Local do not make a pronoun ambiguous', () => {
    const people: QuotePerson[] = [{ id: 'kit-ruiz', name: 'Kit Ruiz', role: 'union agent' }];
    const text =
      'ELM FORGE, Pa. (AP) — Drivers for Valley Student Transit voted to strike, said Teamsters Local 90.\n\n' +
      'Kit Ruiz said talks broke down on Friday.\n\n' +
      '“They offered forty cents,” he said.';
    expect(found(text, people)).toEqual([['They offered forty cents,', 'he', 'kit-ruiz']]);
  });

  test('an organization quoted as a speaker is no one a later pronoun could mean', () => {
    const people: QuotePerson[] = [{ id: 'kit-ruiz', name: 'Kit Ruiz', role: 'union agent' }];
    const text =
      'Kit Ruiz said talks broke down on Friday.\n\n' +
      '“We made a fair offer,” Valley Student Transit said in a statement.\n\n' +
      'Ruiz disputed that. “They offered forty cents,” he said.';
    expect(found(text, people).at(-1)).toEqual(['They offered forty cents,', 'he', 'kit-ruiz']);
  });
});

describe('French partial quotations', () => {
  const MARC: QuotePerson = { id: 'marc-olivier', name: 'Marc Olivier', role: 'cinéaste, président du jury' };
  const IRIS: QuotePerson = { id: 'iris-leduc', name: 'Iris Leduc', role: 'comédienne' };

  test('a description with its article before the name (la comédienne Iris Leduc a salué « … »)', () => {
    const text = 'Membre du jury, la comédienne Iris Leduc a salué un film « d’une grande pudeur ».';
    expect(found(text, [MARC, IRIS], 'fr')).toEqual([
      ['d’une grande pudeur', 'la comédienne Iris Leduc', 'iris-leduc'],
    ]);
  });

  test('selon X, with words of the sentence between the source and the quotation', () => {
    const text = 'Selon le cinéaste Marc Olivier, le film s’est imposé « dès la première projection ».';
    expect(found(text, [MARC, IRIS], 'fr')).toEqual([
      ['dès la première projection', 'le cinéaste Marc Olivier', 'marc-olivier'],
    ]);
  });
});

describe('a quotation paragraph after a paragraph about its speaker', () => {
  test('the subject of the last sentence of the paragraph before speaks a quotation standing alone', () => {
    const people: QuotePerson[] = [{ id: 'vera-holm', name: 'Vera Holm', aliases: ['Holm'], role: 'state senator' }];
    const text =
      'The hospital board meets in March.\n\n' +
      'Ms. Holm said she expected the bill to reach a vote by spring.\n\n' +
      '“I have been told this is a long shot. I have heard that before.”';
    expect(found(text, people)).toEqual([
      ['I have been told this is a long shot. I have heard that before.', 'Ms. Holm', 'vera-holm'],
    ]);
  });
});

describe('German nouns are capitalized', () => {
  test('capitalized nouns are not people a pronoun could mean; only names with a given name or title are', () => {
    const people: QuotePerson[] = [{ id: 'jorg-lenz', name: 'Jörg Lenz', role: 'Kämmerer' }];
    const text =
      'Die Sanierung würde rund 400.000 Euro im Jahr kosten. Kämmerer Jörg Lenz rechnete das am Dienstag vor.\n\n' +
      '„Das entspricht dem, was wir für alle Jugendzentren ausgeben“, sagte er.';
    expect(found(text, people, 'de')).toEqual([
      ['Das entspricht dem, was wir für alle Jugendzentren ausgeben', 'er', 'jorg-lenz'],
    ]);
  });
});

describe('pronouns before the cue in French and a German inverted sentence', () => {
  test('Elle a ajouté : « … » is a pronoun speaker', () => {
    const people: QuotePerson[] = [{ id: 'iris-leduc', name: 'Iris Leduc', role: 'comédienne' }];
    const text = 'Iris Leduc a présidé le jury. Elle a ajouté : « Le cinéma est une affaire de regard. »';
    expect(found(text, people, 'fr')).toEqual([['Le cinéma est une affaire de regard.', 'Elle', 'iris-leduc']]);
  });

  test('Auf Instagram schrieb der Verein: „…“ — a preposition’s phrase before the cue is no speaker', () => {
    const text = 'Auf Instagram schrieb der Verein am Abend: „Wir bleiben dran, versprochen.“';
    expect(found(text, [], 'de').map((q) => q[1])).not.toContain('Auf Instagram');
  });
});

describe('German inverted attribution before the quotation', () => {
  test('…, schrieb der Verein: „…“ and Dazu sagte Karl Vogt: „…“ — the speaker after the cue', () => {
    const people: QuotePerson[] = [{ id: 'karl-vogt', name: 'Karl Vogt' }];
    expect(found('Auf Instagram schrieb der Verein am Abend: „Wir bleiben dran, versprochen.“', people, 'de')).toEqual([
      ['Wir bleiben dran, versprochen.', 'der Verein', null],
    ]);
    expect(found('Dazu sagte Karl Vogt am Montag: „Das Bad bleibt.“', people, 'de')).toEqual([
      ['Das Bad bleibt.', 'Karl Vogt', 'karl-vogt'],
    ]);
  });
});

describe('appositives with figures', () => {
  test('a thousands separator inside an appositive does not end it', () => {
    const people: QuotePerson[] = [{ id: 'ana-ruiz', name: 'Ana Ruiz' }];
    const text =
      'Ana Ruiz, whose union represents about 6,000 drivers and 1,200 dock workers, said it would “fight every closure” in talks.';
    expect(found(text, people)).toEqual([['fight every closure', 'Ana Ruiz', 'ana-ruiz']]);
  });
});

describe('statements that speak', () => {
  test('“…,” read a statement from X: the source is the one the statement is from', () => {
    const people: QuotePerson[] = [{ id: 'jo-marsh', name: 'Jo Marsh' }];
    expect(found('“We are working around the clock,” read a statement from Acme Corp.', people)).toEqual([
      ['We are working around the clock,', 'Acme Corp', null],
    ]);
    expect(found('“Service will resume Monday,” said a statement issued by Jo Marsh.', people)).toEqual([
      ['Service will resume Monday,', 'Jo Marsh', 'jo-marsh'],
    ]);
  });
});

describe('more speakers as news writes them', () => {
  const JO: QuotePerson = { id: 'jo-marsh', name: 'Jo Marsh', aliases: ['Marsh'] };
  const TOM: QuotePerson = { id: 'tom-baker', name: 'Tom Baker' };

  test('“…,” the 45-year-old said: an age as the nominal speaker', () => {
    expect(found('“We lost everything in an hour,” the 45-year-old said.', [JO])).toEqual([
      ['We lost everything in an hour,', 'the 45-year-old', null],
    ]);
  });

  test('“…,” said Marsh’s neighbour Tom Baker: the name after a possessive description is the speaker', () => {
    expect(found('“It was chaos,” said Marsh’s neighbour Tom Baker.', [JO, TOM])).toEqual([
      ['It was chaos,', 'Tom Baker', 'tom-baker'],
    ]);
  });

  test('X, the mayor, was blunt: “…” — a predicate and a colon introduce the quotation', () => {
    expect(found('Jo Marsh, the mayor, was blunt: “We lost everything in an hour.”', [JO])).toEqual([
      ['We lost everything in an hour.', 'Jo Marsh', 'jo-marsh'],
    ]);
  });
});

describe('the subject over an object in its own sentence', () => {
  test('he after “X said he had met with Mayor Y” is X, the subject, not Y, the object', () => {
    const people: QuotePerson[] = [
      { id: 'dan-ost', name: 'Dan Ost', role: 'developer' },
      { id: 'tom-reel', name: 'Tom Reel', role: 'mayor' },
    ];
    const text =
      'Mr. Ost said he had met with Mayor Tom Reel twice this fall.\n\n“People picture a wall of glass,” he said.';
    expect(found(text, people)).toEqual([['People picture a wall of glass,', 'he', 'dan-ost']]);
  });
});

describe('documents as sources', () => {
  test('The report found that … “…”: a document’s finding is attributed to the document', () => {
    const text = 'The report, published Tuesday, found that the agency had been “chronically underfunded.”';
    expect(found(text, [])).toEqual([['chronically underfunded.', 'The report', null]]);
  });
});

describe('a comma inside the closing mark', () => {
  test('two words and a US-style comma far from the cue are the writer’s name for a thing', () => {
    const text =
      'Auditors found that the clerk had moved money through a second account, which the records show was labeled the “rainy fund,” and spent it.';
    expect(found(text, [])).toEqual([]);
  });
});
