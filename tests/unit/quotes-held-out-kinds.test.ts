import { beforeAll, describe, expect, test } from 'vitest';
import { findQuotes, type QuotePerson } from '../../src/text/quotes.ts';

// Kinds of attribution news copy prints that the rules missed, each written from the conventions
// of news attribution: the expected quote, speaker mention and person are read off the sentence
// by hand, not from what the rules give.

// The first call compiles the rules' regular expressions (seconds on a loaded machine): done once
// here, so no test pays it.
beforeAll(() => {
  findQuotes('Jane Doe said: “We will appeal.” “Fine,” she said, according to Doe.', {
    language: 'en',
    people: [{ id: 'jane-doe', name: 'Jane Doe' }],
  });
}, 60_000);

/** [quote, speaker as written, person] of every quote found. */
function found(text: string, people: readonly QuotePerson[]) {
  return findQuotes(text, { language: 'en', people }).map((q) => [q.quote.text, q.speaker?.text ?? null, q.person]);
}

describe('pronoun speakers: who the narration is about', () => {
  test('a name right after a sentence ending in a capitalized word is a subject of its own (“the Senate. Boyle said”)', () => {
    const people: QuotePerson[] = [
      { id: 'terry-boyle', name: 'Terry Boyle', role: 'House Republican leader' },
      { id: 'doug-whitmore', name: 'Doug Whitmore', role: 'Senate majority leader' },
    ];
    const text =
      'Rep. Terry Boyle, the House Republican leader, has sided with the Senate. Boyle said he had met with Whitmore twice on Thursday. “We are on the same page,” he said.';
    expect(found(text, people)).toEqual([['We are on the same page,', 'he', 'terry-boyle']]);
  });

  test('he/she after a quotation says nothing of the gender of a name inside it (“Mr. Birch, …,” she said)', () => {
    const people: QuotePerson[] = [
      { id: 'tom-birch', name: 'Tom Birch', role: 'councilman' },
      { id: 'ann-raye', name: 'Ann Raye', role: 'council president' },
    ];
    const text =
      'Tom Birch said he could not vote for the cuts. “I have never seen crime go down because we spent less,” he said.\n\nAnn Raye pushed back. “With respect to Mr. Birch, that is not what the data says,” she said.';
    expect(found(text, people)).toEqual([
      ['I have never seen crime go down because we spent less,', 'he', 'tom-birch'],
      ['With respect to Mr. Birch, that is not what the data says,', 'she', 'ann-raye'],
    ]);
  });

  test('a person the quotation names is spoken of, not its speaker (“… When Mills talks, people listen,” he said)', () => {
    const people: QuotePerson[] = [
      { id: 'jalen-whitaker', name: 'Jalen Whitaker', role: 'coach' },
      { id: 'andre-mills', name: 'Andre Mills', role: 'senior center' },
    ];
    const text =
      'Coach Jalen Whitaker said senior center Andre Mills had kept the bench loud all night. “He is the heart of this team. When Mills talks, people listen,” he said.';
    expect(found(text, people)).toEqual([
      ['He is the heart of this team. When Mills talks, people listen,', 'he', 'jalen-whitaker'],
    ]);
  });

  test('words in marks left out as a title (‘Getting It Right’) are no person a pronoun could mean', () => {
    const people: QuotePerson[] = [{ id: 'aled-pryce', name: 'Aled Pryce', role: 'consultant surgeon' }];
    const text =
      'The trust has pinned its hopes on its ‘Getting It Right’ recovery plan.\n\nDr Aled Pryce, a surgeon, said: ‘We do not have enough beds.’\n\nHe said some patients had waited for years. ‘I saw a man last month who had waited since the spring,’ he said.';
    expect(found(text, people)).toEqual([
      ['We do not have enough beds.', 'Dr Aled Pryce', 'aled-pryce'],
      ['I saw a man last month who had waited since the spring,', 'he', 'aled-pryce'],
    ]);
  });
});

describe('pronoun speakers whose given name says no gender', () => {
  test('the most recent subject resolves when no one who fits is named since, and no earlier subject is stated to have that gender', () => {
    const people: QuotePerson[] = [
      { id: 'julian-marchetti', name: 'Julian Marchetti', role: 'television chef' },
      { id: 'emeka-danvers', name: 'Emeka Danvers', role: 'restaurant owner' },
      { id: 'ann-doe', name: 'Ann Doe', role: 'critic' },
    ];
    const text =
      'Julian Marchetti wrote on X that the menu had been copied.\n\nOn Tuesday, Emeka Danvers posted a video from the kitchen. “I am not going to get into a slanging match,” he said.';
    expect(found(text, people)).toEqual([['I am not going to get into a slanging match,', 'he', 'emeka-danvers']]);
    const stated = 'Mrs. Ann Doe spoke first.\n\nThen Emeka Danvers took the floor. “We will appeal,” she said.';
    expect(found(stated, people)).toEqual([['We will appeal,', 'she', null]]);
  });
});

describe('a speaker’s quotations keep them in view', () => {
  test('a pronoun three paragraphs after the speaker was named reaches them through the quotation over paragraphs between', () => {
    const people: QuotePerson[] = [{ id: 'rosa-achebe', name: 'Rosa Achebe', role: 'novelist' }];
    const text =
      'On why she keeps returning to the same landscape, Achebe was blunt.\n\n“People assume it is nostalgia. It is not.\n\n“When I tried to set a book in London, every line of dialogue sounded dubbed.”\n\nThat abandoned novel sits in a drawer. Would she ever publish it?\n\n“Absolutely not,” she said.';
    expect(found(text, people)).toEqual([
      ['People assume it is nostalgia. It is not.', 'Achebe', 'rosa-achebe'],
      ['When I tried to set a book in London, every line of dialogue sounded dubbed.', 'Achebe', 'rosa-achebe'],
      ['Absolutely not,', 'she', 'rosa-achebe'],
    ]);
  });
});

describe('the clause before a quotation', () => {
  test('an abbreviation’s full stop between the cue and the quotation ends no sentence (“wrote on X shortly after 8 p.m.:”)', () => {
    const people: QuotePerson[] = [{ id: 'anjali-mehta', name: 'Anjali Mehta', role: 'chief technology officer' }];
    const text =
      'Skyloft CTO Anjali Mehta wrote on X shortly after 8 p.m.: “We let our customers down today.”\n\nThe zoo posted on Facebook at 8 a.m. Thursday: “Biscuit is home and eating well.”\n\nAnjali Mehta said Mrs. Doe had been “a great help.”';
    expect(found(text, people)).toEqual([
      ['We let our customers down today.', 'Skyloft CTO Anjali Mehta', 'anjali-mehta'],
      ['Biscuit is home and eating well.', 'The zoo', null],
      ['a great help.', 'Anjali Mehta', 'anjali-mehta'],
    ]);
  });

  test('three capitalized words of a description open the sentence before the name (“Former Carver State star Lamar Oduya, who …, wrote”)', () => {
    const people: QuotePerson[] = [{ id: 'lamar-oduya', name: 'Lamar Oduya', role: 'former player' }];
    const text =
      'Former Carver State star Lamar Oduya, who now plays professionally in Spain, wrote on X: “That is my school. Never in doubt.”';
    expect(found(text, people)).toEqual([
      ['That is my school. Never in doubt.', 'Former Carver State star Lamar Oduya', 'lamar-oduya'],
    ]);
  });

  test('the speaker’s own relative clause keeps the quotation theirs (“according to Phil Oakes, who called the savings “…””)', () => {
    const people: QuotePerson[] = [{ id: 'phil-oakes', name: 'Phil Oakes', role: 'business manager' }];
    const text =
      'The district expects to save about $310,000 a year, according to business manager Phil Oakes, who called the savings “real, but not the main point.”\n\nDemand has fallen for 10 quarters, according to the Freight Index Group, an industry data provider, which has described conditions as “a recession in everything but name.”\n\nReed disagreed with critics who called the plan “a giveaway to developers and nothing else.”';
    expect(found(text, people)).toEqual([
      ['real, but not the main point.', 'business manager Phil Oakes', 'phil-oakes'],
      ['a recession in everything but name.', 'the Freight Index Group', null],
      ['a giveaway to developers and nothing else.', null, null],
    ]);
  });

  test('“The Rev.” before a name is a title, and the name resolves (“said the Rev. Oyelaran”)', () => {
    const people: QuotePerson[] = [{ id: 'marcus-oyelaran', name: 'Marcus Oyelaran', role: 'minister' }];
    const text =
      '“Rosalind could be very stern,” said the Rev. Oyelaran.\n\nThe Rev. Marcus Oyelaran told mourners: “She was the conscience of this church.”';
    expect(found(text, people)).toEqual([
      ['Rosalind could be very stern,', 'the Rev. Oyelaran', 'marcus-oyelaran'],
      ['She was the conscience of this church.', 'The Rev. Marcus Oyelaran', 'marcus-oyelaran'],
    ]);
  });

  test('a sentence’s subject after an introductory phrase speaks the quotation that follows (“Asked what donors could do, she did not hesitate. ¶ “…”)', () => {
    const people: QuotePerson[] = [{ id: 'rosa-achebe', name: 'Rosa Achebe', role: 'novelist' }];
    const text =
      'On why she keeps returning to the same landscape, Achebe was blunt.\n\n“People assume it is nostalgia. It is not.”';
    expect(found(text, people)).toEqual([['People assume it is nostalgia. It is not.', 'Achebe', 'rosa-achebe']]);
  });
});

describe('names in marks', () => {
  test('a nickname inside a name and a name given after “called” are no quotations, even with a speaker near', () => {
    const people: QuotePerson[] = [
      { id: 'dorothy-kaminski', name: 'Dorothy Kaminski', role: 'diner owner' },
      { id: 'margaret-sorensen', name: 'Margaret Sorensen', role: 'cannery worker' },
    ];
    const text =
      'Owner Dorothy "Dot" Kaminski, 79, said she made the decision in September.\n\nMargaret Sorensen said the foreman, a wiry Dutchman everyone called “Skipper,” handed her the can as a present.';
    expect(found(text, people)).toEqual([]);
  });
});

describe('an article and a description before the name', () => {
  test('“The deputy Borislav Vranješ, …, …, affirmed … “…”” is his, and he is the subject a later he means', () => {
    const people: QuotePerson[] = [
      { id: 'borislav-vranjes', name: 'Borislav Vranješ', role: 'opposition deputy' },
      { id: 'milena-horvatic', name: 'Milena Horvatić', role: 'minister' },
    ];
    const text =
      'Milena Horvatić welcomed the agreement.\n\nThe deputy Borislav Vranješ, of the National Renewal party, who is not related to the minister, affirmed to journalists that the government had “given away in four months what was built in forty years.”\n\n“The reduction of the fee will be paid by our citizens,” he said.';
    expect(found(text, people)).toEqual([
      ['given away in four months what was built in forty years.', 'The deputy Borislav Vranješ', 'borislav-vranjes'],
      ['The reduction of the fee will be paid by our citizens,', 'he', 'borislav-vranjes'],
    ]);
  });
});

describe('nominal speakers and the people’s roles', () => {
  test('a possessive determiner makes a nominal definite, and a role may be written with one (“said her son” for “her son”)', () => {
    const people: QuotePerson[] = [
      { id: 'rosalind-achter', name: 'Rosalind Achter', role: 'founder of the pantry' },
      { id: 'peter-achter', name: 'Peter Achter', role: 'her son' },
      { id: 'ann-moss', name: 'Ann Moss', role: 'Rosalind Achter’s granddaughter' },
    ];
    const text =
      '“She never turned anybody away,” said her son, who runs the pantry now.\n\n“She taught me to cook,” her granddaughter said.';
    expect(found(text, people)).toEqual([
      ['She never turned anybody away,', 'her son', 'peter-achter'],
      ['She taught me to cook,', 'her granddaughter', 'ann-moss'],
    ]);
  });

  test('a definite nominal whose words end one person’s office resolves, when its last noun alone fits two (“the majority leader”)', () => {
    const people: QuotePerson[] = [
      { id: 'doug-whitmore', name: 'Doug Whitmore', role: 'Senate majority leader, Republican from Harlan County' },
      { id: 'terry-boyle', name: 'Terry Boyle', role: 'House Republican leader' },
    ];
    const text = 'Asked about the calls, the majority leader said: “My job is to say no sometimes.”';
    expect(found(text, people)).toEqual([['My job is to say no sometimes.', 'the majority leader', 'doug-whitmore']]);
  });
});

describe('groups, clauses and partial quotations', () => {
  test('a group with words before it is a nominal speaker (“zoo officials said”, “that health campaigners last night described as”)', () => {
    const text =
      'Biscuit was found in "excellent shape, all things considered," zoo officials said.\n\nPatients are waiting twice as long, according to figures that health campaigners last night described as “a slow-motion emergency”.';
    expect(found(text, [])).toEqual([
      ['excellent shape, all things considered,', 'zoo officials', null],
      ['a slow-motion emergency', 'health campaigners', null],
    ]);
  });

  test('he/she inside the clause before the quotation is its speaker (“In its place he wrote:”), but a name given is no quotation', () => {
    const people: QuotePerson[] = [{ id: 'julian-marchetti', name: 'Julian Marchetti', role: 'television chef' }];
    const text =
      'By Thursday morning, Julian Marchetti had deleted the post. In its place he wrote: “I was out of order.”\n\nHe bought a llama he calls “Sir Fluffington” last spring.';
    expect(found(text, people)).toEqual([['I was out of order.', 'he', 'julian-marchetti']]);
  });

  test('a verb and its words before a colon introduce the quotation (“put it bluntly:”, “closed with a plea to residents:”)', () => {
    const text =
      'One showrunner, who asked not to be named, put it bluntly: “Nobody gets fired for rebooting something.”\n\nAt the evening briefing, the fire chief closed with a plea to residents of the canyon:\n\n“Listen to the deputies. They are not trying to inconvenience you.”';
    expect(found(text, [])).toEqual([
      ['Nobody gets fired for rebooting something.', 'One showrunner', null],
      ['Listen to the deputies. They are not trying to inconvenience you.', 'the fire chief', null],
    ]);
  });

  test('a second partial quotation joined by “and” in the sentence keeps the speaker of the first (“… ‘…’, and that staff were ‘working flat out’”)', () => {
    const people: QuotePerson[] = [
      { id: 'helen-marsh', name: 'Helen Marsh', role: 'chief executive' },
      { id: 'dawn-mercer', name: 'Dawn Mercer', role: 'neighbour' },
    ];
    const text =
      'Helen Marsh said the figures reflected ‘years of rising demand’, and that staff were ‘working flat out’.\n\nDawn Mercer hit back, insisting the hedge was ‘on her side’ and accusing the council of being ‘asleep’.';
    expect(found(text, people)).toEqual([
      ['years of rising demand', 'Helen Marsh', 'helen-marsh'],
      ['working flat out', 'Helen Marsh', 'helen-marsh'],
      ['on her side', 'Dawn Mercer', 'dawn-mercer'],
      ['asleep', 'Dawn Mercer', 'dawn-mercer'],
    ]);
  });

  test('a possessive before a noun is not the subject (“Kaminski’s granddaughter, Becca Kaminski, has worked …” then “…,” she said)', () => {
    const people: QuotePerson[] = [
      { id: 'dorothy-kaminski', name: 'Dorothy Kaminski', aliases: ['Kaminski'], role: 'diner owner' },
      { id: 'becca-kaminski', name: 'Becca Kaminski', role: 'granddaughter' },
    ];
    const text =
      'Dorothy Kaminski ran the diner for fifty years. She never took a day off.\n\nKaminski’s granddaughter, Becca Kaminski, has worked weekends at the diner since high school.\n\n“None of us were ready to take it on,” she said.';
    expect(found(text, people)).toEqual([['None of us were ready to take it on,', 'she', 'becca-kaminski']]);
  });
});
