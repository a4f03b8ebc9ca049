import { describe, expect, test } from 'vitest';
import { findQuotes, type QuoteCorrection, type QuotePerson } from '../../src/text/quotes.ts';

// One test per kind of quotation news prints (the kinds of docs/quotes.md), each written from the
// conventions of news attribution: the expected quote, speaker mention and person are read off
// the sentence by hand.

const SESSIONS: QuotePerson = { id: 'jeff-sessions', name: 'Jeff Sessions', role: 'Attorney General' };
const MARKS: QuotePerson = {
  id: 'dana-marks',
  name: 'Dana Marks',
  role: 'spokeswoman for the National Association of Immigration Judges and an immigration judge in San Francisco',
};
const TABADDOR: QuotePerson = {
  id: 'ashley-tabaddor',
  name: 'Ashley Tabaddor',
  role: 'president of the National Association of Immigration Judges',
};
const TRUMP: QuotePerson = { id: 'donald-trump', name: 'Donald Trump', role: 'President' };
const DOE: QuotePerson = { id: 'jane-doe', name: 'Jane Doe', role: 'mayor of Springfield' };
const ROE: QuotePerson = { id: 'richard-roe', name: 'Richard Roe' };
const SEED_PEOPLE = [SESSIONS, TRUMP, MARKS, TABADDOR];

/** [quote, speaker as written, person] of every quote found. */
function found(text: string, people: readonly QuotePerson[], language = 'en', corrections?: QuoteCorrection[]) {
  return findQuotes(text, { language, people, ...(corrections && { corrections }) }).map((q) => [
    q.quote.text,
    q.speaker?.text ?? null,
    q.person,
  ]);
}

describe('marks as printed', () => {
  test('marks-mixed: a quote opened with “ and closed with ", then one opened with " (the seed)', () => {
    const text =
      '“When we depart from the law, we do violence to the rule of law," Sessions said Monday in a speech to newly hired judges. "Your job is to apply the law — even in tough cases."';
    expect(found(text, SEED_PEOPLE)).toEqual([
      ['When we depart from the law, we do violence to the rule of law,', 'Sessions', 'jeff-sessions'],
      ['Your job is to apply the law — even in tough cases.', 'Sessions', 'jeff-sessions'],
    ]);
  });

  test('marks-straight: straight marks only, speaker before the quote', () => {
    expect(found('Jane Doe said: "We will appeal the ruling."', [DOE])).toEqual([
      ['We will appeal the ruling.', 'Jane Doe', 'jane-doe'],
    ]);
  });

  test('nested: quotes inside a quote are part of it, straight or single', () => {
    const text = '“The judge said "no" to us, and ‘no’ means no,” Doe said.';
    expect(found(text, [DOE])).toEqual([['The judge said "no" to us, and ‘no’ means no,', 'Doe', 'jane-doe']]);
  });

  test('apostrophe: in single-quote (British) style, apostrophes close nothing', () => {
    const text = '‘It’s the judges’ call, and we don’t agree,’ said Jane Doe.';
    expect(found(text, [DOE])).toEqual([['It’s the judges’ call, and we don’t agree,', 'Jane Doe', 'jane-doe']]);
  });

  test('guillemets: French « », attributed by French rules only', () => {
    const jean = { id: 'jean-dupont', name: 'Jean Dupont' };
    expect(found('« Nous ne céderons pas », a déclaré Jean Dupont.', [jean], 'fr')).toEqual([
      ['Nous ne céderons pas', 'Jean Dupont', 'jean-dupont'],
    ]);
    expect(found('Selon Jean Dupont, « la réforme est morte ».', [jean], 'fr')).toEqual([
      ['la réforme est morte', 'Jean Dupont', 'jean-dupont'],
    ]);
  });

  test('guillemets: French pronoun speakers (a-t-il déclaré, déclare-t-elle) are kept, resolved to no one', () => {
    const quotes = findQuotes('« Nous irons jusqu’au bout », a-t-il déclaré.\n\n« C’est fini », déclare-t-elle.', {
      language: 'fr',
      people: [{ id: 'jean-dupont', name: 'Jean Dupont' }],
    });
    expect(quotes.map((q) => [q.quote.text, q.speaker?.text, q.person, q.cue])).toEqual([
      ['Nous irons jusqu’au bout', 'il', null, 'déclaré'],
      ['C’est fini', 'elle', null, 'déclare'],
    ]);
  });

  test('low-high: German „ “, attributed by German rules only', () => {
    const anna = { id: 'anna-schmidt', name: 'Anna Schmidt' };
    expect(found('„Wir geben nicht auf“, sagte Anna Schmidt.', [anna], 'de')).toEqual([
      ['Wir geben nicht auf', 'Anna Schmidt', 'anna-schmidt'],
    ]);
  });

  test('a language without rules here: quotes found by its marks, never attributed by English rules', () => {
    const maria = { id: 'maria-lopez', name: 'María López' };
    expect(found('«No nos rendiremos», dijo María López.', [maria], 'es')).toEqual([['No nos rendiremos', null, null]]);
    expect(found('“No nos rendiremos,” said María López.', [maria], 'es')).toEqual([
      ['No nos rendiremos,', null, null],
    ]);
  });
});

describe('where the speaker is', () => {
  test('after: “…,” said Title Name, appositive', () => {
    expect(found('“We will not back down from this fight,” said Sen. Jane Doe, a Democrat from Ohio.', [DOE])).toEqual([
      ['We will not back down from this fight,', 'Sen. Jane Doe', 'jane-doe'],
    ]);
  });

  test('before: X told reporters: “…”', () => {
    expect(found('Doe told reporters: “We will not back down.”', [DOE, ROE])).toEqual([
      ['We will not back down.', 'Doe', 'jane-doe'],
    ]);
  });

  test('split: “…,” X said, “…”: both parts are X’s', () => {
    expect(found('“We will not back down,” Doe said, “and we will win this fight.”', [DOE])).toEqual([
      ['We will not back down,', 'Doe', 'jane-doe'],
      ['and we will win this fight.', 'Doe', 'jane-doe'],
    ]);
  });

  test('after: an inverted nominal speaker with a name in apposition is that name', () => {
    expect(
      found('“We are thrilled,” said the company’s CEO, Tom Baker.', [{ id: 'tom-baker', name: 'Tom Baker' }]),
    ).toEqual([['We are thrilled,', 'Tom Baker', 'tom-baker']]);
  });

  test('title: a full title before the name', () => {
    expect(
      found('“We will enforce the law as written,” Attorney General Jeff Sessions said.', [
        { id: 'jeff-sessions', name: 'Jeff Sessions' },
      ]),
    ).toEqual([['We will enforce the law as written,', 'Attorney General Jeff Sessions', 'jeff-sessions']]);
  });

  test('appositive: the speaker’s description between the name and the verb (the seed)', () => {
    const text =
      '“The reality is that it is a political statement,” Dana Marks, a spokeswoman for the National Association of Immigration Judges and an immigration judge in San Francisco, told BuzzFeed News. “It did appear to be a one-sided argument made by a prosecutor.”';
    expect(found(text, SEED_PEOPLE)).toEqual([
      ['The reality is that it is a political statement,', 'Dana Marks', 'dana-marks'],
      ['It did appear to be a one-sided argument made by a prosecutor.', 'Dana Marks', 'dana-marks'],
    ]);
  });

  test('pronoun: he/she resolved to the most recent compatible person, null when ambiguous', () => {
    const text = 'Mayor Jane Doe met the council on Monday.\n\n“We will rebuild the bridge by spring,” she said.';
    expect(found(text, [DOE, ROE])).toEqual([['We will rebuild the bridge by spring,', 'she', 'jane-doe']]);
    const two = 'Jane Doe met Ann Smith on Monday.\n\n“We will rebuild the bridge by spring,” she said.';
    expect(found(two, [DOE])).toEqual([['We will rebuild the bridge by spring,', 'she', null]]);
    const male = 'Mr. Roe met Jane Doe on Monday.\n\n“We will rebuild the bridge by spring,” he said.';
    expect(found(male, [DOE, ROE])).toEqual([['We will rebuild the bridge by spring,', 'he', 'richard-roe']]);
  });

  test('pronoun: a name of unknown gender in an object does not make a known-gender subject ambiguous', () => {
    const text = 'Jane Doe met with Governor Okonkwo on Monday.\n\n“We will rebuild the bridge by spring,” she said.';
    expect(found(text, [DOE])).toEqual([['We will rebuild the bridge by spring,', 'she', 'jane-doe']]);
    const subjects = 'Jane Doe and Jordan Okonkwo met on Monday.\n\n“We will rebuild the bridge by spring,” she said.';
    expect(found(subjects, [DOE])).toEqual([['We will rebuild the bridge by spring,', 'she', null]]);
  });

  test('pronoun: refersTo names the person the pronoun resolves to', () => {
    const text = 'Jane Doe spoke first.\n\n“We will rebuild,” she said.';
    const [q] = findQuotes(text, { language: 'en', people: [DOE] });
    expect(q?.refersTo).toBe('Jane Doe');
  });

  test('nominal: a spokesman, the newspaper, police: recorded as written, never a person', () => {
    const text =
      '“We are reviewing the ruling,” a spokesman for the company said.\n\n“The mayor misled voters,” the newspaper wrote.\n\nPolice said: “The suspect fled on foot.”';
    expect(found(text, [DOE])).toEqual([
      ['We are reviewing the ruling,', 'a spokesman', null],
      ['The mayor misled voters,', 'the newspaper', null],
      ['The suspect fled on foot.', 'Police', null],
    ]);
  });

  test('nominal: an auxiliary after a capitalized role is not part of it', () => {
    const sunak = { id: 'rishi-sunak', name: 'Rishi Sunak', role: 'Prime Minister' };
    expect(found('The Prime Minister has insisted the government will "get on with the job."', [sunak])).toEqual([
      ['get on with the job.', 'The Prime Minister', 'rishi-sunak'],
    ]);
  });

  test('nominal: a role of the article’s people resolves to that person', () => {
    expect(found('“The bridge will open in May,” the mayor said.', [DOE, ROE])).toEqual([
      ['The bridge will open in May,', 'the mayor', 'jane-doe'],
    ]);
  });
});

describe('quotes over paragraphs and inside sentences', () => {
  test('multi-paragraph: each paragraph opens the quote, only the last closes it', () => {
    const text =
      'Doe said: “The first paragraph of what I have to say is this.\n\n“And the second paragraph ends it.”\n\nThe council adjourned.';
    expect(found(text, [DOE])).toEqual([
      ['The first paragraph of what I have to say is this.', 'Doe', 'jane-doe'],
      ['And the second paragraph ends it.', 'Doe', 'jane-doe'],
    ]);
  });

  test('continuing-paragraph: a paragraph that is only a quote continues the previous speaker', () => {
    const text = '“We will rebuild,” Doe said.\n\n“Nothing will stop this city from coming back stronger.”';
    expect(found(text, [DOE])).toEqual([
      ['We will rebuild,', 'Doe', 'jane-doe'],
      ['Nothing will stop this city from coming back stronger.', 'Doe', 'jane-doe'],
    ]);
  });

  test('partial: added that “…” (the seed) and called it “…”', () => {
    const text =
      'Ashley Tabaddor, president of the National Association of Immigration Judges, added that “we cannot possibly be put in this bind of being accountable to someone."\n\nTrump called it “a disaster” and left.';
    expect(found(text, SEED_PEOPLE)).toEqual([
      ['we cannot possibly be put in this bind of being accountable to someone.', 'Ashley Tabaddor', 'ashley-tabaddor'],
      ['a disaster', 'Trump', 'donald-trump'],
    ]);
  });

  test('statement: X said in a statement that “…”', () => {
    expect(found('Doe said in a statement that “the decision was deeply regrettable.”', [DOE])).toEqual([
      ['the decision was deeply regrettable.', 'Doe', 'jane-doe'],
    ]);
  });

  test('post: X wrote on X: “…”', () => {
    expect(found('Jane Doe wrote on X: “Shameful decision by the court today.”', [DOE])).toEqual([
      ['Shameful decision by the court today.', 'Jane Doe', 'jane-doe'],
    ]);
  });

  test('according-to: “…,” according to X', () => {
    const text = '“The plan was never approved by the council,” according to Doe.';
    const quotes = findQuotes(text, { language: 'en', people: [DOE] });
    expect(quotes.map((q) => [q.quote.text, q.speaker?.text, q.person, q.cue])).toEqual([
      ['The plan was never approved by the council,', 'Doe', 'jane-doe', 'according to'],
    ]);
  });

  test('according-to: before the quotation, and with words between', () => {
    expect(
      found(
        'According to Doe, the plan was “a mistake from the start.”\n\nThe plan, according to Doe, was “never costed.”',
        [DOE],
      ),
    ).toEqual([
      ['a mistake from the start.', 'Doe', 'jane-doe'],
      ['never costed.', 'Doe', 'jane-doe'],
    ]);
  });

  test('a word in marks far from the speaker before it is nobody’s quote', () => {
    const text = 'According to the city engineer’s report, the bridge’s rating fell to “poor” in March.';
    expect(found(text, [DOE])).toEqual([]);
  });

  test('scare quotes and titles of works are nobody’s quotes', () => {
    const text =
      'He was involved in the White House’s controversial “zero tolerance” policy.\n\nShe read “The Art of the Deal” twice.';
    expect(found(text, SEED_PEOPLE)).toEqual([]);
  });
});

describe('the speaker nearest the quotation, and no sharing across a new subject', () => {
  test('before: the last speaker and cue before the quotation, not the first', () => {
    expect(found('“We disagree,” Doe said, and Roe replied: “We do not.”', [DOE, ROE])).toEqual([
      ['We disagree,', 'Doe', 'jane-doe'],
      ['We do not.', 'Roe', 'richard-roe'],
    ]);
  });

  test('before: a name inside a longer name is not another speaker', () => {
    const psaki = { id: 'jen-psaki', name: 'Jen Psaki' };
    expect(
      found('Asked about the timeline, White House press secretary Jen Psaki said: "We\'re going to keep pushing."', [
        psaki,
      ]),
    ).toEqual([["We're going to keep pushing.", 'White House press secretary Jen Psaki', 'jen-psaki']]);
  });

  test('partial: words that give the quotation to someone else between the cue and the quotation', () => {
    const text = 'Reed disagreed with critics who called the plan “a giveaway.”';
    expect(found(text, [{ id: 'tom-reed', name: 'Tom Reed' }])).toEqual([['a giveaway.', null, null]]);
  });

  test('split: a sentence starting with another name between the parts stops the sharing', () => {
    // The second quotation is not Doe's; it is the subject's of the sentence before it, Roe's.
    expect(found('“We will win,” Doe said. Roe disagreed sharply. “We will lose this one.”', [DOE, ROE])).toEqual([
      ['We will win,', 'Doe', 'jane-doe'],
      ['We will lose this one.', 'Roe', 'richard-roe'],
    ]);
    expect(found('“We will win,” Doe said. Roe disagreed sharply. “We will lose this one.”', [DOE])).toEqual([
      ['We will win,', 'Doe', 'jane-doe'],
      ['We will lose this one.', null, null],
    ]);
  });

  test('apostrophe: single-quote style with double quotes nested', () => {
    const text =
      '‘He told me “no”, and left,’ said Jane Doe. ‘It’s over,’ she added.\n\n‘We’ll see,’ said Richard Roe.';
    expect(found(text, [DOE, ROE])).toEqual([
      ['He told me “no”, and left,', 'Jane Doe', 'jane-doe'],
      ['It’s over,', 'she', 'jane-doe'],
      ['We’ll see,', 'Richard Roe', 'richard-roe'],
    ]);
  });

  test('partial: a participle of saying after the sentence’s subject', () => {
    const biden = { id: 'joe-biden', name: 'Joe Biden' };
    const text =
      'President Joe Biden on Tuesday urged Congress to act quickly, saying the country "cannot afford to wait."';
    expect(found(text, [biden]).map((q) => q[2])).toEqual(['joe-biden']);
  });

  test('nominal and name speakers with capitalized or numeric words in them', () => {
    expect(
      found(
        '“It hurts,” said 42-year-old teacher Jane Doe.\n\n“It’s a mess,” said one Democratic aide, who asked not to be named.\n\nA Downing Street spokesman said: “The PM has full confidence.”',
        [DOE],
      ),
    ).toEqual([
      ['It hurts,', '42-year-old teacher Jane Doe', 'jane-doe'],
      ['It’s a mess,', 'one Democratic aide', null],
      ['The PM has full confidence.', 'A Downing Street spokesman', null],
    ]);
  });
});

describe('resolution against the article’s people', () => {
  test('a name not among the people is kept as written with no person, even with the same surname', () => {
    expect(found('“We disagree,” said John Sessions, a lawyer.', [SESSIONS])).toEqual([
      ['We disagree,', 'John Sessions', null],
    ]);
  });

  test('courtesy titles with and without a dot, and Judge', () => {
    for (const title of ['Mr.', 'Mr', 'Dr.', 'Judge', 'Sen.'])
      expect(found(`“We disagree with that,” ${title} Sessions said.`, [SESSIONS]).map((q) => q[2])).toEqual([
        'jeff-sessions',
      ]);
  });

  test('a surname two people share resolves to neither', () => {
    const ann = { id: 'ann-doe', name: 'Ann Doe' };
    expect(found('“We disagree,” Doe said.', [DOE, ann])).toEqual([['We disagree,', 'Doe', null]]);
  });

  test('a generational suffix names another person: Donald Trump Jr. is not Donald Trump', () => {
    const trump = { id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'] };
    expect(found('“We disagree,” said Donald Trump Jr.', [trump])).toEqual([
      ['We disagree,', 'Donald Trump Jr.', null],
    ]);
    const junior = { id: 'donald-trump-jr', name: 'Donald Trump Jr.' };
    expect(found('“We disagree,” said Donald Trump Jr.', [trump, junior]).map((q) => q[2])).toEqual([
      'donald-trump-jr',
    ]);
  });

  test('aliases resolve', () => {
    const p = { id: 'jeff-sessions', name: 'Jeff Sessions', aliases: ['Jefferson Beauregard Sessions'] };
    expect(found('“We disagree,” Jefferson Beauregard Sessions said.', [p]).map((q) => q[2])).toEqual([
      'jeff-sessions',
    ]);
  });

  test('invariant: a quote’s person is always one of the people given (generated texts)', () => {
    // A small deterministic generator (a linear congruential sequence) mixing names of people in
    // and out of the list, pronouns, roles, titles and every mark.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const names = ['Jane Doe', 'Doe', 'Richard Roe', 'Mr. Roe', 'John Sessions', 'Sessions', 'Ann Smith', 'Ms. Doe'];
    const speakers = [...names, 'she', 'he', 'the mayor', 'a spokesman', 'they', 'police'];
    const opens = ['“', '"', '‘', '«', '„'];
    const closes = ['”', '"', '’', '»', '“'];
    const pool = [DOE, ROE, SESSIONS, { id: 'ann-smith', name: 'Ann Smith', aliases: ['Annie Smith'] }];
    for (let i = 0; i < 300; i++) {
      const people = pool.filter(() => next(2) === 0);
      const paragraphs: string[] = [];
      for (let p = 0; p < 1 + next(4); p++) {
        const o = next(opens.length);
        const s = speakers[next(speakers.length)]!;
        const words = `we will ${['win', 'appeal', 'rebuild'][next(3)]} this case`;
        const forms = [
          `${opens[o]}${words},${closes[next(closes.length)]} ${s} said.`,
          `${names[next(names.length)]} met ${names[next(names.length)]}. ${s} said: ${opens[o]}${words}.${closes[o]}`,
          `${opens[o]}${words}${closes[o]}`,
          `${opens[o]}${words},${closes[o]} said ${s}, ${opens[next(opens.length)]}and more${closes[o]}`,
        ];
        paragraphs.push(forms[next(forms.length)]!);
      }
      const text = paragraphs.join('\n\n');
      for (const language of ['en', 'fr', 'de']) {
        const ids = new Set(people.map((p) => p.id));
        for (const q of findQuotes(text, { language, people })) {
          if (q.person !== null) expect(ids.has(q.person), `${q.person} in ${text}`).toBe(true);
          expect(text.slice(q.quote.start, q.quote.end)).toBe(q.quote.text);
          if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
        }
      }
    }
  });
});

describe('editors’ corrections, applied last', () => {
  const text = '“We will rebuild,” a spokesman said.\n\n“Nothing will stop us,” Doe said.';

  test('person fixes an attribution, found by a passage of the quote', () => {
    expect(found(text, [DOE, ROE], 'en', [{ text: 'We will rebuild', person: 'richard-roe' }])).toEqual([
      ['We will rebuild,', null, 'richard-roe'],
      ['Nothing will stop us,', 'Doe', 'jane-doe'],
    ]);
  });

  test('remove drops the quote', () => {
    expect(found(text, [DOE], 'en', [{ text: 'Nothing will stop', remove: true }])).toEqual([
      ['We will rebuild,', 'a spokesman', null],
    ]);
  });

  test('a correction for words in marks no quote holds adds that quotation, not narration', () => {
    const quotes = findQuotes('Doe called it “a rebuild” at once. Doe said the city would rebuild within a year.', {
      language: 'en',
      people: [DOE],
      corrections: [
        { text: 'a rebuild', person: 'jane-doe' },
        { text: 'the city would rebuild', person: 'jane-doe' },
      ],
    });
    expect(quotes.map((q) => [q.quote.start, q.quote.text, q.person])).toEqual([[15, 'a rebuild', 'jane-doe']]);
  });

  test('a correction naming someone outside the people is ignored (the checker reports it)', () => {
    expect(found(text, [DOE], 'en', [{ text: 'We will rebuild', person: 'richard-roe' }])[0]).toEqual([
      'We will rebuild,',
      'a spokesman',
      null,
    ]);
  });
});
