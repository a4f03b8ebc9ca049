import { beforeAll, describe, expect, test } from 'vitest';
import { shownQuoteText } from '../../src/text/quote-text.ts';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// Attribution kinds the rules got wrong or missed: "was how X put it" and "came the reply from X"
// after a quotation, a company named like one of the article's people ("Hadley said" beside
// Margaret Hadley), a surname the text also gives someone outside the article's people, pronouns
// after a reported clause naming someone else, after a new paragraph's subject whose gender only
// a guess gives, "the 24-year-old" for the one person the text gives that age, and the comma that
// US punctuation puts inside the closing mark. Expected quote, speaker mention as written and
// person are read off each sentence by hand, as a news reader would attribute them.

beforeAll(() => {
  findQuotes('Jane Doe said: “We will appeal.” “Fine,” she said.', {
    language: 'en',
    people: [{ id: 'jane-doe', name: 'Jane Doe' }],
  });
}, 60_000);

/** [quote, speaker as written, person] of every quote found. */
function found(text: string, people: readonly QuotePerson[]) {
  return findQuotes(text, { language: 'en', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]);
}

const CARMAKER: QuotePerson[] = [
  { id: 'darren-voss', name: 'Darren Voss', role: 'chief executive of Northgate Motors' },
  { id: 'helen-quarry', name: 'Helen Quarry', role: 'board member' },
];

describe('constructions after the quotation', () => {
  test('“…” was how X put it: X is the speaker', () => {
    const text = 'Analysts were calm.\n\n“Fix it fast and fix it once” was how Darren Voss put it in a note to staff.';
    expect(found(text, CARMAKER)).toEqual([['Fix it fast and fix it once', 'Darren Voss', 'darren-voss']]);
  });

  test('“…,” is how a nominal speaker described it: the nominal, no person', () => {
    const text = 'The mood was grim.\n\n“A slow-motion disaster,” is how one supplier described it.';
    expect(found(text, CARMAKER)).toEqual([['A slow-motion disaster,', 'one supplier', null]]);
  });

  test('“…,” came the reply from X, and was the response from X', () => {
    const text =
      'Helen Quarry asked for a review.\n\n“Helen has every right to ask questions,” came the reply from Voss on Tuesday evening.\n\n“We will look at it,” was the response from Darren Voss.';
    expect(found(text, CARMAKER)).toEqual([
      ['Helen has every right to ask questions,', 'Voss', 'darren-voss'],
      ['We will look at it,', 'Darren Voss', 'darren-voss'],
    ]);
  });

  test('came the reply from an office: the office as written, no person', () => {
    const text =
      'Helen Quarry asked for a review.\n\n“The board welcomes questions,” came the reply from Voss’s office.';
    expect(found(text, CARMAKER)).toEqual([['The board welcomes questions,', 'Voss’s office', null]]);
  });
});

describe('a company named like a person', () => {
  const FAMILY: QuotePerson[] = [
    { id: 'margaret-hadley', name: 'Margaret Hadley', role: 'board member' },
    { id: 'darren-voss', name: 'Darren Voss', role: 'chief executive' },
  ];

  test('the bare name of a company the text names (Hadley Motors) is the company’s, not the person’s', () => {
    const text =
      'Hadley Motors Co. said on Tuesday that it would recall 212,000 trucks.\n\n“We have a permanent fix,” Hadley said in a statement.\n\nMargaret Hadley, a granddaughter of the founder, was unmoved. “It is a pattern,” said Ms. Hadley.';
    expect(found(text, FAMILY)).toEqual([
      ['We have a permanent fix,', 'Hadley', null],
      ['It is a pattern,', 'Ms. Hadley', 'margaret-hadley'],
    ]);
  });

  test('“Ford said” beside a Ford Motor Co. and a person named Ford', () => {
    const people: QuotePerson[] = [{ id: 'lena-ford', name: 'Lena Ford', role: 'union official' }];
    const text =
      'Ford Motor Co. will cut 3,000 jobs, union official Lena Ford said.\n\n“The cuts are needed to stay competitive,” Ford said.';
    expect(found(text, people)).toEqual([['The cuts are needed to stay competitive,', 'Ford', null]]);
  });

  test('a pronoun after the company’s name does not reach the person through it', () => {
    const text =
      'Margaret Hadley spoke at the meeting.\n\nHadley Motors shares fell 3 percent. Hadley said it would replace the latches.\n\n“We own that,” she said.';
    expect(found(text, FAMILY)).toEqual([['We own that,', 'she', 'margaret-hadley']]);
  });
});

describe('a surname the text gives two people, one outside the article’s people', () => {
  const ONE: QuotePerson[] = [{ id: 'ravi-patel', name: 'Ravi Patel', role: 'council leader' }];

  test('the surname alone is no one’s when the text names another person with it', () => {
    const text = 'The MP Priya Patel and council leader Ravi Patel clashed again.\n\n“The money is there,” Patel said.';
    expect(found(text, ONE)).toEqual([['The money is there,', 'Patel', null]]);
  });

  test('a courtesy title of the other’s gender stays no one’s; of this person’s, theirs', () => {
    const lee: QuotePerson[] = [{ id: 'dale-lee', name: 'Dale Lee', role: 'council leader' }];
    const text =
      'The MP Susan Lee and council leader Dale Lee clashed again.\n\n“The money is there,” Ms Lee said.\n\n“It came with conditions,” Mr Lee said.\n\n“We will see,” Cllr Lee said.';
    expect(found(text, lee)).toEqual([
      ['The money is there,', 'Ms Lee', null],
      ['It came with conditions,', 'Mr Lee', 'dale-lee'],
      ['We will see,', 'Cllr Lee', null],
    ]);
  });

  test('given names the lists do not know leave a courtesy title no one’s', () => {
    const text =
      'The MP Priya Patel and council leader Ravi Patel clashed again.\n\n“It came with conditions,” Mr Patel said.';
    expect(found(text, ONE)).toEqual([['It came with conditions,', 'Mr Patel', null]]);
  });

  test('without another name, the surname alone stays theirs', () => {
    const text = 'Council leader Ravi Patel was defiant.\n\n“The money came with conditions,” Patel said.';
    expect(found(text, ONE)).toEqual([['The money came with conditions,', 'Patel', 'ravi-patel']]);
  });
});

describe('two of the article’s people sharing a surname', () => {
  const PATELS: QuotePerson[] = [
    { id: 'priya-patel', name: 'Priya Patel', role: 'MP for Harlow West' },
    { id: 'ravi-patel', name: 'Ravi Patel', role: 'leader of Essex Vale County Council' },
  ];

  test('an office’s title that names one of their roles tells them apart (“Cllr Patel”)', () => {
    const text =
      'Priya Patel and Ravi Patel clashed again.\n\n“Then she will find mine open too,” came the reply from Cllr Patel.';
    expect(found(text, PATELS)).toEqual([['Then she will find mine open too,', 'Cllr Patel', 'ravi-patel']]);
  });

  test('the surname alone, or a title naming neither role, stays no one’s', () => {
    const text =
      'Priya Patel and Ravi Patel clashed again.\n\n“The money is there,” Patel said.\n\n“We will see,” Dr Patel said.';
    expect(found(text, PATELS)).toEqual([
      ['The money is there,', 'Patel', null],
      ['We will see,', 'Dr Patel', null],
    ]);
  });
});

describe('pronoun speakers', () => {
  const COACHES: QuotePerson[] = [
    { id: 'mark-fenton', name: 'Mark Fenton', role: 'coach' },
    { id: 'dale-hutchins', name: 'Dale Hutchins', role: 'captain' },
  ];

  test('the subject of the sentence before, past a man named in its reported clause (“confirmed that”)', () => {
    const text =
      'Fenton confirmed that captain Dale Hutchins had broken his hand. “He will have scans tomorrow,” he said.';
    expect(found(text, COACHES)).toEqual([['He will have scans tomorrow,', 'he', 'mark-fenton']]);
  });

  test('she after the subject opening her paragraph, past an earlier woman two paragraphs up', () => {
    const people: QuotePerson[] = [
      { id: 'jolene-parrish', name: 'Jolene Parrish' },
      { id: 'andrea-voss', name: 'Andrea Voss', role: 'police chief' },
    ];
    const text =
      'Jolene Parrish, 58, came with her husband.\n\n7:30 p.m.\n\nPolice Chief Andrea Voss posted a video. In it, she said that “we have officers at every shelter, and we will get to you.”';
    expect(found(text, people)).toEqual([
      ['we have officers at every shelter, and we will get to you.', 'she', 'andrea-voss'],
    ]);
  });

  test('an object pronoun beside a name says nothing of its gender (“Lucy Grant … joined him”)', () => {
    const people: QuotePerson[] = [
      { id: 'owen-hart', name: 'Owen Hart', role: 'mayor' },
      { id: 'lucy-grant', name: 'Lucy Grant', role: 'councillor' },
    ];
    const text = 'Hart met residents on Monday. Lucy Grant, a councillor, joined him.\n\n“We hear you,” she said.';
    expect(found(text, people)).toEqual([['We hear you,', 'she', 'lucy-grant']]);
  });

  test('a possessive opening the sentence before names whom a narration “She said” means', () => {
    const people: QuotePerson[] = [
      { id: 'owen-hart', name: 'Owen Hart', role: 'mayor' },
      { id: 'lucy-grant', name: 'Lucy Grant', role: 'councillor' },
    ];
    const text =
      'Owen Hart chaired the meeting.\n\nGrant’s proposal failed. She said the vote was rushed. “Nobody read it,” she said.';
    expect(found(text, people)).toEqual([['Nobody read it,', 'she', 'lucy-grant']]);
  });

  test('two women who fit, the one asked and the one asking: no one', () => {
    const people: QuotePerson[] = [
      { id: 'rebecca-stroud', name: 'Rebecca Stroud', role: 'attorney' },
      { id: 'tamika-greer', name: 'Tamika Greer', role: 'office manager' },
    ];
    const text =
      'Tamika Greer testified last week. She said she was told to lie.\n\nOn cross-examination, Stroud asked Greer why she had stayed. “I needed the job,” she said.';
    expect(found(text, people)).toEqual([['I needed the job,', 'she', null]]);
  });
});

describe('the person a sentence’s opening phrase is about', () => {
  test('“For Delaney, the win …” then “he said” is Delaney’s', () => {
    const people: QuotePerson[] = [
      { id: 'ivan-delaney', name: 'Ivan Delaney', role: 'coach' },
      { id: 'nathan-rivers', name: 'Nathan Rivers', role: 'halfback' },
    ];
    const text =
      'Rivers kicked five goals.\n\nFor Delaney, the win was the most complete of the season. “That is as good as we have played,” he said.';
    expect(found(text, people)).toEqual([['That is as good as we have played,', 'he', 'ivan-delaney']]);
  });

  test('„Für den Verein sprach dessen Vorsitzender Heinz Brückner … Er sagte:“: the subject after the verb', () => {
    const people: QuotePerson[] = [
      { id: 'heinz-bruckner', name: 'Heinz Brückner', role: 'Vorsitzender des Fördervereins' },
      { id: 'jurgen-albrecht', name: 'Jürgen Albrecht', role: 'Kämmerer' },
    ];
    const text =
      'Kämmerer Jürgen Albrecht rechnete vor, was eine Sanierung kosten würde.\n\nFür den Förderverein des Bades sprach dessen Vorsitzender Heinz Brückner, 74, der seit 1961 jeden Sommer im Mühlgraben schwimmt. Er sagte: „Ich habe hier schwimmen gelernt.“';
    expect(
      findQuotes(text, { language: 'de', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]),
    ).toEqual([['Ich habe hier schwimmen gelernt.', 'Er', 'heinz-bruckner']]);
  });

  test('« Elle a évoqué « … » »: évoquer reports words in French news copy', () => {
    const people: QuotePerson[] = [{ id: 'claire-lemoine', name: 'Claire Lemoine', role: 'adjointe aux sports' }];
    const text =
      "L'adjointe aux sports, Claire Lemoine, a défendu un projet de rapprochement. Elle a évoqué « une solution de raison, pas un renoncement ».";
    expect(
      findQuotes(text, { language: 'fr', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]),
    ).toEqual([['une solution de raison, pas un renoncement', 'Elle', 'claire-lemoine']]);
  });

  test('« Pour le capitaine Faure, … », then « a-t-il insisté » is his', () => {
    const people: QuotePerson[] = [{ id: 'romain-faure', name: 'Romain Faure', role: 'capitaine' }];
    const text =
      "Pour le capitaine Faure, l'épisode doit servir d'avertissement. « Le glacier n'est pas un sentier, a-t-il insisté. Même les alpinistes s'y font piéger. »";
    expect(
      findQuotes(text, { language: 'fr', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]),
    ).toEqual([
      ["Le glacier n'est pas un sentier,", 'il', 'romain-faure'],
      ["Même les alpinistes s'y font piéger.", 'il', 'romain-faure'],
    ]);
  });
});

describe('a pronoun after a person the text does not name', () => {
  const DEFENDANT: QuotePerson[] = [{ id: 'denise-marlowe', name: 'Denise Marlowe', role: 'daycare owner' }];

  test('she after a sentence opening with a spokeswoman is the spokeswoman’s, no one of the people', () => {
    const text =
      'Denise Marlowe did not testify.\n\nA spokeswoman for the state department said audits had been added. “We have strengthened our oversight,” she said in an email.';
    expect(found(text, DEFENDANT)).toEqual([['We have strengthened our oversight,', 'she', null]]);
  });

  test('she added after a quotation a spokeswoman said is hers too', () => {
    const text =
      'Denise Marlowe did not testify.\n\n“We have strengthened our oversight,” a spokeswoman for the department said. “It cannot happen again,” she added.';
    expect(found(text, DEFENDANT)).toEqual([
      ['We have strengthened our oversight,', 'a spokeswoman', null],
      ['It cannot happen again,', 'she', null],
    ]);
  });

  test('a body or a group before the pronoun does not stand in for the person (“Police said”, “Officials said”)', () => {
    const text =
      'Denise Marlowe, the owner, was charged in May.\n\nOfficials said the audit took a year. “I trusted the wrong person,” she said.';
    expect(found(text, DEFENDANT)).toEqual([['I trusted the wrong person,', 'she', 'denise-marlowe']]);
  });
});

describe('an age as the speaker', () => {
  const PLAYERS: QuotePerson[] = [
    { id: 'nathan-rivers', name: 'Nathan Rivers', role: 'halfback' },
    { id: 'ivan-delaney', name: 'Ivan Delaney', role: 'coach' },
  ];

  test('“the 24-year-old said” is the one person the text gives that age', () => {
    const text = 'Halfback Nathan Rivers, 24, kicked five goals.\n\n“The forwards gave me time,” the 24-year-old said.';
    expect(found(text, PLAYERS)).toEqual([['The forwards gave me time,', 'the 24-year-old', 'nathan-rivers']]);
  });

  test('an age the text gives no one, or two people, stays no one’s', () => {
    const text =
      'Nathan Rivers, 24, and Ivan Delaney, 24, both spoke.\n\n“The forwards gave me time,” the 24-year-old said.\n\n“We won,” the 31-year-old said.';
    expect(found(text, PLAYERS)).toEqual([
      ['The forwards gave me time,', 'the 24-year-old', null],
      ['We won,', 'the 31-year-old', null],
    ]);
  });
});

describe('words in marks that are no one’s quotation', () => {
  const PEOPLE: QuotePerson[] = [
    { id: 'teodoro-vaz', name: 'Teodoro Vaz', role: 'crane operator' },
    { id: 'dorothy-kaminski', name: 'Dorothy Kaminski', role: 'diner owner' },
  ];

  test('what a placard reads is written, not said, even with a speaker in the next sentence', () => {
    const text =
      'Strikers stood at the gate holding placards reading "People Not Robots." Crane operator Teodoro Vaz, who has worked at the port for 26 years, said he had never expected to strike.';
    expect(found(text, PEOPLE)).toEqual([]);
  });

  test('a few words after “she calls” name the thing before them (“the corner booth she calls "the office."”)', () => {
    const text =
      '"I have been at that grill since I was 33," Kaminski said Tuesday, sitting in the corner booth she calls "the office."';
    expect(found(text, PEOPLE)).toEqual([
      ['I have been at that grill since I was 33,', 'Kaminski', 'dorothy-kaminski'],
    ]);
  });

  test('“called it” keeps its quotation', () => {
    const text = 'Dorothy Kaminski called it "a disaster for the street."';
    expect(found(text, PEOPLE)).toEqual([['a disaster for the street.', 'Dorothy Kaminski', 'dorothy-kaminski']]);
  });
});

describe('the words shown on pages', () => {
  test('a trailing comma inside the closing mark is punctuation of the sentence, not shown', () => {
    expect(shownQuoteText('We will appeal,')).toBe('We will appeal');
    expect(shownQuoteText('When we depart from the law, ')).toBe('When we depart from the law');
    expect(shownQuoteText('We will appeal.')).toBe('We will appeal.');
    expect(shownQuoteText('Why now?')).toBe('Why now?');
    expect(shownQuoteText('one, two,')).toBe('one, two');
  });
});
