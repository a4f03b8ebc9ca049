import { beforeAll, describe, expect, test } from 'vitest';
import { findQuotes, type QuoteCorrection, type QuotePerson } from '../../src/text/quotes.ts';

// English constructions that put a quotation on the wrong person's page or on no one's: the second
// part of a split quotation before a sentence about someone else, a capitalized word before a
// surname that is no given name, passive and remembered reporting ("was quoted as saying",
// "recalled X saying"), perception verbs ("heard X say"), accents typed for apostrophes, and a
// pronoun continuing a quotation an editor corrected. The expected speaker and person of every
// sentence are read off it by hand (the AP Stylebook's "said" conventions, Pareti's nested
// attribution: the one perceived or quoted is the source), not from what the rules give.

/** The people of a town council's meeting, the speakers of every sentence below. */
const COUNCIL: QuotePerson[] = [
  { id: 'rosa-delgado', name: 'Rosa Delgado', role: 'mayor' },
  { id: 'tom-whitaker', name: 'Tom Whitaker', role: 'councillor' },
  { id: 'amy-cho', name: 'Amy Cho', role: 'head librarian' },
  { id: 'omar-haddad', name: 'Omar Haddad', role: 'treasurer' },
];

/** [quote, speaker as written, person] of every quotation found. */
function found(text: string, people: readonly QuotePerson[] = COUNCIL, corrections: QuoteCorrection[] = []) {
  return findQuotes(text, { language: 'en', people, corrections }).map((q) => [
    q.quote.text,
    q.speaker?.text ?? null,
    q.person,
  ]);
}

// The first call compiles the rules' patterns, slow on a loaded machine.
beforeAll(() => void found('Whitaker said: “We will vote.”'), 60_000);

describe('the second part of a split quotation is the speaker’s between the parts, whatever follows', () => {
  const splits = [
    ['“Seven,” Whitaker said, “and eight.”', 'and eight.'],
    ['“We counted seven,” said Whitaker, a councillor, “and then eight more.”', 'and then eight more.'],
    ['“Seven,” Whitaker said. “And eight.”', 'And eight.'],
    ['“We counted seven —” Whitaker said, “no, eight.”', 'no, eight.'],
  ] as const;
  const following = [
    'Delgado disagreed.',
    'Delgado said it was nine.',
    'She disagreed.',
    'But Delgado said it was nine.',
    'Mayor Rosa Delgado, who chairs the council, disagreed.',
    'Delgado, the mayor, shook her head.',
  ];
  for (const [split, second] of splits)
    test.each(following)(`${split} %s`, (next) => {
      const quotes = found(`Rosa Delgado opened the meeting.\n\n${split} ${next}`);
      expect(quotes).toHaveLength(2);
      expect(quotes[1]![0]).toBe(second);
      expect(quotes.map((q) => q[2])).toEqual(['tom-whitaker', 'tom-whitaker']);
    });

  test('a speaker of its own still wins: in the clause before the second part, or after a part ending with a comma', () => {
    expect(found('“Seven,” Whitaker said, and Delgado replied: “Eight.”').map((q) => q[2])).toEqual([
      'tom-whitaker',
      'rosa-delgado',
    ]);
    expect(found('“Seven,” Whitaker said. “And eight,” Delgado replied.').map((q) => q[2])).toEqual([
      'tom-whitaker',
      'rosa-delgado',
    ]);
  });

  test('a question and its answer are no split quotation: “…?” X asked. “…” Y snapped.', () => {
    expect(found('“Will you resign?” Whitaker asked. “Never.” Delgado snapped.').map((q) => q[2])).toEqual([
      'tom-whitaker',
      'rosa-delgado',
    ]);
  });
});

describe('a capitalized word that is no given name does not make another person of the surname', () => {
  test.each([
    'On Monday Whitaker said',
    'Then Whitaker said',
    'Still Whitaker said',
    'Yesterday Whitaker said',
    'In March Whitaker said',
    'In June Whitaker said',
    'Last Tuesday Whitaker said',
    'Finally Whitaker said',
    'Instead Whitaker said',
    'Despite Whitaker’s objection, the clerk said',
  ])('%s … “…,” Whitaker said', (opening) => {
    const text = `Tom Whitaker chairs the finance committee. ${opening} the vote was close.\n\n“We will vote against the plan,” Whitaker said.`;
    expect(found(text).at(-1)!.slice(1)).toEqual(['Whitaker', 'tom-whitaker']);
  });

  test.each([
    'On Monday Whitaker said:',
    'Then Whitaker said:',
    'Still Whitaker said:',
    'Yesterday Whitaker told the council:',
    'In March Whitaker said:',
    'Finally Whitaker said:',
  ])('as the attribution: %s “…”', (opening) => {
    expect(found(`${opening} “We will vote against the plan.”`)[0]!.slice(1)).toEqual(['Whitaker', 'tom-whitaker']);
  });

  test('a given name before the surname is still another person: the surname alone is no one’s', () => {
    for (const other of ['June Whitaker, his sister,', 'Priya Whitaker', 'Will Whitaker'])
      expect(
        found(`Tom Whitaker and ${other} spoke.\n\n“We will vote against the plan,” Whitaker said.`).at(-1)![2],
      ).toBeNull();
  });
});

describe('passive and remembered reporting: the one quoted says it, not an earlier speaker or the one remembering', () => {
  test.each([
    'Whitaker was quoted as saying “the plan is dead and buried for good.”',
    '“The plan is dead and buried for good,” Whitaker was quoted as saying.',
    'Whitaker has been reported as saying: “The plan is dead and buried for good.”',
    'Whitaker is said to have told friends that “the plan is dead and buried for good.”',
    '“The plan is dead and buried for good,” Whitaker is said to have told friends.',
    'Cho recalled Whitaker saying: “The plan is dead and buried for good.”',
    'Cho recalls Whitaker saying “the plan is dead and buried for good.”',
    '“The plan is dead and buried for good,” Cho recalled Whitaker saying.',
    'Cho remembered Whitaker telling her: “The plan is dead and buried for good.”',
    '“The plan is dead and buried for good,” Cho remembers Whitaker telling her.',
  ])('%s', (sentence) => {
    const quotes = found(`Delgado said: “It is done.”\n\n${sentence}`);
    expect(quotes.map((q) => q[2])).toEqual(['rosa-delgado', 'tom-whitaker']);
    expect(quotes[1]![1]).toBe('Whitaker');
  });
});

describe('a verb of perception with a speaker: the one heard or seen says the quotation', () => {
  test.each([
    'She had heard Whitaker say: “The plan is dead and buried for good.”',
    'Cho heard Whitaker tell the crowd “the plan is dead and buried for good.”',
    'I watched Whitaker tell the crowd: “The plan is dead and buried for good.”',
    'Cho saw Whitaker tell the crowd: “The plan is dead and buried for good.”',
    'Cho remembers hearing Whitaker say: “The plan is dead and buried for good.”',
    '“The plan is dead and buried for good,” she had heard Whitaker say.',
  ])('%s', (sentence) => {
    expect(found(`Amy Cho was at the back of the hall.\n\n${sentence}`).at(-1)!.slice(1)).toEqual([
      'Whitaker',
      'tom-whitaker',
    ]);
  });

  test('a reporting verb after the one perceived has its own subject: “Cho, who heard Whitaker say so, told …”', () => {
    const text = 'Cho, who heard Whitaker say so, told reporters: “The plan is dead and buried for good.”';
    expect(found(text)[0]!.slice(1)).toEqual(['Cho', 'amy-cho']);
  });
});

describe('an acute accent or a grave typed for an apostrophe is an apostrophe', () => {
  const people: QuotePerson[] = [...COUNCIL, { id: 'tom-obrien', name: "Tom O'Brien" }];

  test.each(['´', '`'])('%s inside words and possessives', (mark) => {
    const a = (s: string) => s.replace(/'/g, mark);
    const text = a(
      "Delgado said: “We don't know. It's Whitaker's plan, not ours.”\n\nWhitaker's aide said: “It's over now, really.”\n\n“We will appeal the ruling,” said Tom O'Brien.\n\nIn Cho's statement, “The library stays open.”",
    );
    expect(found(text, people)).toEqual([
      [a("We don't know. It's Whitaker's plan, not ours."), 'Delgado', 'rosa-delgado'],
      [a("It's over now, really."), a("Whitaker's aide"), null],
      [a('We will appeal the ruling,'), a("Tom O'Brien"), 'tom-obrien'],
      ['The library stays open.', 'Cho', 'amy-cho'],
    ]);
  });

  test('in British single marks it closes nothing: “the judges´ call”', () => {
    const text = 'Delgado said: ‘We don´t know what the judges´ call is.’ Whitaker said: ‘It is over now.’';
    expect(found(text)).toEqual([
      ['We don´t know what the judges´ call is.', 'Delgado', 'rosa-delgado'],
      ['It is over now.', 'Whitaker', 'tom-whitaker'],
    ]);
  });

  test('an editor’s correction typed with a straight apostrophe finds the passage written with ´', () => {
    const text = 'Delgado said: “We don´t know what comes next.”';
    expect(found(text, COUNCIL, [{ text: "don't know what", person: 'amy-cho' }])[0]![2]).toBe('amy-cho');
  });
});

describe('a pronoun continuing a quotation an editor corrected follows the correction', () => {
  test('“…,” he said. ¶ “…,” he went on: the text’s he was Whitaker, the editor says Haddad', () => {
    const text =
      'Omar Haddad spoke first. Tom Whitaker followed.\n\n“We will not sign this budget,” he said.\n\n“It leaves the libraries with nothing,” he went on.';
    expect(found(text).map((q) => q[2])).toEqual(['tom-whitaker', 'tom-whitaker']);
    const corrected = found(text, COUNCIL, [{ text: 'We will not sign this budget', person: 'omar-haddad' }]);
    expect(corrected.map((q) => q[2])).toEqual(['omar-haddad', 'omar-haddad']);
  });

  test('a quotation the text attributes to no one, corrected, gives the next he its person', () => {
    const text =
      'Tom Whitaker and Omar Haddad were there.\n\n“We will not sign this budget.”\n\n“It leaves the libraries with nothing,” he went on.';
    expect(found(text).map((q) => q[2])).toEqual([null, null]);
    const corrected = found(text, COUNCIL, [{ text: 'We will not sign this budget', person: 'tom-whitaker' }]);
    expect(corrected.map((q) => q[2])).toEqual(['tom-whitaker', 'tom-whitaker']);
  });

  test('a speaker the text names after the corrected quotation still takes the pronoun', () => {
    const text =
      'Omar Haddad spoke first.\n\n“We will not sign this budget,” he said. Then Tom Whitaker stood up.\n\n“It leaves the libraries with nothing,” he said.';
    const corrected = found(text, COUNCIL, [{ text: 'We will not sign this budget', person: 'omar-haddad' }]);
    expect(corrected.map((q) => q[2])).toEqual(['omar-haddad', 'tom-whitaker']);
  });
});
