// Who a pronoun speaker ("he said", "she added") refers to: the most recent person in subject
// position whose gender the text does not contradict, and only when no other person could be
// meant. The mentions are the names of the text (resolved against the article's people or not),
// their gender the evidence the text gives (a courtesy title, a gendered noun in their role or
// appositive, he/she in a sentence naming only them). A simplified form of the salience-based
// pronoun resolution of Lappin and Leass (1994), with ties left unresolved for precision.

import { BYLINE_ORGANIZATION_WORDS, GROUP_WORDS, INSTITUTION_WORDS, TRADE_WORDS } from './organization-words.ts';
import { lowerWithoutAccents } from './fold.ts';
import { NAME_PARTICLES } from './name-particles.ts';
import { CONNECTIVES_DE_FR, OPENING_WORDS_DE_FR } from './opening-words-de-fr.ts';
import { givenNameGender, givenNameIsSure } from './quote-given-names.ts';
import { isTitleWord, nameWord, titleGender, type PeopleIndex } from './quote-people.ts';
import type { Paragraph } from './quote-marks.ts';

type Gender = 'm' | 'f';

/** A mention of a person in the text. */
export interface Mention {
  /** Index in the text. */
  readonly at: number;
  /** The person id when the mention resolves to one of the article's people, else "name:" and its last word. */
  readonly entity: string;
  /** The name as written, without titles (refersTo for an unresolved person). */
  readonly name: string;
  readonly person: string | null;
  /** Whether the mention is the subject of its clause (a sentence's first words, or a quotation's speaker). */
  readonly subject: boolean;
  /** Whether the mention stands inside a quotation: a person spoken of, not one the narration is about. */
  readonly quoted?: boolean;
  /** Whether the mention is a possessive before a noun ("Kaminski's granddaughter"): the noun is the subject, not the name. */
  readonly possessive?: boolean;
}

const GENDERED: Readonly<Record<string, Gender>> = Object.fromEntries([
  ...'spokeswoman chairwoman congresswoman businesswoman councilwoman woman mother wife daughter sister grandmother aunt niece actress queen princess girl widow girlfriend sportswoman'
    .split(' ')
    .map((w) => [w, 'f'] as const),
  ...'spokesman chairman congressman businessman councilman man father husband son brother grandfather uncle nephew actor king prince boy widower boyfriend sportsman'
    .split(' ')
    .map((w) => [w, 'm'] as const),
]);

/** The gender a given name says (src/text/quote-given-names.ts; `englishLists` false for German text), or null. */
function firstNameGender(word: string, englishLists = true): Gender | null {
  return givenNameGender(nameWord(word), englishLists);
}

/** How the text says a gender: in its own words (a title, a noun, he/she), by a given name every list gives that gender, or by a guess. */
type Evidence = 'said' | 'sure' | 'guess';

/** The evidence a given name gives: sure when every list gives it that one gender (Gloria, Mark), else a guess (Kim). */
function givenNameEvidence(word: string): Evidence {
  return givenNameIsSure(nameWord(word)) ? 'sure' : 'guess';
}

const ORGANIZATION_WORDS = new Set([
  ...BYLINE_ORGANIZATION_WORDS,
  ...INSTITUTION_WORDS,
  // "Hadley Motors", "Harbour Link Ferries": a company, whose pronoun is "it".
  ...GROUP_WORDS,
  ...TRADE_WORDS,
  ...'house court senate congress parliament times post journal city county state states republic party union club bank police army navy street avenue road river island national international federal white united transit local teamsters district authority'.split(
    ' ',
  ),
]);

/** Runs of capitalized words (particles between), the candidates for names; cheaper than NAME_PATTERN's look-ahead at every capital. */
const NAME_RUN = new RegExp(
  String.raw`\p{Lu}[\p{L}\p{M}'’\-]*\.?(?:[^\S\n]+(?:(?:${NAME_PARTICLES.join('|')})[^\S\n]+)*\p{Lu}[\p{L}\p{M}'’\-]*\.?)*`,
  'gu',
);
/** Capitalized words that start a sentence or clause but never a name. */
const NOT_NAME_START = new Set(
  'The A An This That These Those It He She They We I You His Her Their Its Our But And Or So Yet In On At As If When While After Before According Asked Said Told Speaking Then Now Still Later However Meanwhile Also For To Pour Selon Für Laut Der Die Das Den Dem Des Ein Eine Einen Einem Einer Le La Les Un Une Du Au Aux'.split(
    ' ',
  ),
);
const ABBREVIATIONS =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|No|vs|etc|Inc|Ltd|Co|Corp|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec|\p{Lu})\.$/u;

/** German and French conjunctions and sentence adverbs before a sentence's subject ("Auch", "Puis"). */
const CONNECTIVES = new Set(CONNECTIVES_DE_FR);

/** What follows a name that is the subject of its clause: a verb, after an appositive or age in commas. */
const VERB_AFTER_NAME =
  /^(?:,[^,.;:“”"\n]{1,60},){0,2}\s+(?:also\s+)?(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|explained|recalled|warned|argued|insisted|noted|has|had|is|was|will|would|could|can|did|does|\p{Ll}+ed)\b/u;

/**
 * Whether an unresolved name's words may name a person: none is an organization's word, and
 * they are not all capitals ("COBB HOLLOW, Pa.": a dateline or an acronym).
 */
function personLike(words: readonly string[]): boolean {
  return !words.some((w) => ORGANIZATION_WORDS.has(nameWord(w))) && words.some((w) => /\p{Ll}/u.test(w));
}

/** A definite noun phrase: the determiner, perhaps an adjective, and the noun (group 1). */
const ROLE_MENTION =
  /(?<!\p{L})(?:(?:[Tt]he|[Ll]e|[Ll]a|[Dd]er|[Dd]ie)\s+|[Ll]['’])(?:\p{Ll}[\p{L}-]*\s+)?(\p{L}[\p{L}-]{3,})/gu;

/**
 * A sentence opening with an indefinite person who reports ("A spokeswoman for the agency said",
 * "But a source close to the star said"): group 1 what comes before, group 2 the nominal.
 */
const INDEFINITE_REPORTER =
  /^((?:(?:But|And|However|Meanwhile|Later),?\s+)?)((?:[Aa]n?|[Oo]ne)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*(?:\s+(?:for|of|at|with|from|in|close\s+to)\s+[^,.;:“”"\n]{1,60}?)?)(?:,[^,.;:“”"\n]{1,60},)?\s+(?:also\s+)?(?:said|says|told|tells|added|adds|wrote|writes|explained|confirmed|noted|insisted|declined|hit\s+back|replied|responded)\b/u;

/**
 * The opening of a sentence's topic phrase before a name: "For", "According to", "Pour le
 * capitaine", "Für" (a source the sentence reports is whom it is about). Not
 * "Quant à" or "As for", which turn to someone new and leave a later pronoun open
 * (tests/unit/quotes-kinds.test.ts).
 */
const TOPIC_BEFORE =
  /^(?:For|To|According\s+to|Pour|Selon|Für|Laut)\s+(?:(?:the|le|la|der|die|den)\s+|l['’])?(?:\p{Ll}[\p{Ll}-]*\s+){0,2}$/u;

/**
 * A sentence's opening that puts its subject after the verb: a cleft ("It was Jane Doe who …") or
 * an inversion after a phrase ("Among those waiting was Jane Doe, …", "Also at the meeting was").
 */
const SUBJECT_AFTER_VERB =
  /^(?:It|(?:Among|Also|Joining|Leading|Next|First|Last)\b[^,.;:“”"\n]{0,60}?)\s+(?:was|were|is|are)\s+$/u;
/** The words SUBJECT_AFTER_VERB's sentences open with, checked before it. */
const SUBJECT_AFTER_VERB_OPENINGS = ['It ', 'Among ', 'Also ', 'Joining ', 'Leading ', 'Next ', 'First ', 'Last '];

/**
 * A German sentence's opening words, a verb of saying or speaking in second place and the
 * subject's article and description after it ("Für den Förderverein sprach dessen Vorsitzender ").
 */
const GERMAN_VERB_SECOND =
  /^[^,.;:“”„"]{1,80}?\s(?:sprach|sagte|erklärte|meinte|betonte|kritisierte|forderte|schrieb|warnte|widersprach|antwortete|ergänzte)\s+(?:(?:der|die|dessen|deren|ihr|sein|seine|ihre)\s+)?(?:\p{L}[\p{L}-]*\s+){0,2}$/u;

/** Nouns of a nominal speaker that name no person: documents, statements, the media. */
const NOT_A_PERSON_NOUN = new Set(
  'statement report letter email e-mail post message document documents filing affidavit study survey poll analysis review paper newspaper website network station channel magazine outlet company firm group agency department ministry office council committee board court police union team club government administration campaign airline carmaker retailer bank charity hospital school university'.split(
    ' ',
  ),
);

/** A name (its first words) followed by a verb of saying, an appositive or age between. */
const REPORTS_AFTER_NAME =
  /^[\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){0,4}(?:,[^,.;:“”"\n]{1,60},)?\s+(?:also\s+)?(?:said|says|told|tells|added|adds|explained|recalled|insisted|noted|confirmed|confirms|announced|revealed|admitted|acknowledged|conceded|disclosed|stressed|claimed|agreed|complained|denied|argued|warned|suggested|testified|wrote|writes)\b/u;

/** A day's or month's name as news copy prints it after a time ("8 a.m. Thursday", "p.m. Jan. 5"). */
const DAY_OR_MONTH =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\b/;

/** Days and months that are no given name (April, May, June and August are). */
const NOT_A_NAME_DATE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|July|September|October|November|December)$/;

/**
 * Sentence starts in a paragraph: indices after a full stop, question or exclamation mark or
 * ellipsis (or a dash or parenthesis a quotation closes on), any closing marks, and white space,
 * before a capital or a digit; not after an abbreviation inside a sentence (ABBREVIATIONS).
 */
export function sentenceStarts(text: string, para: Paragraph): number[] {
  const starts = [para.start];
  const body = text.slice(para.start, para.end);
  // Closing marks after the stop and opening marks before the capital, of every language the
  // marks module reads: English ” ’, German “ ‘ (and » › in its reversed style), French » › with
  // the space French sets inside guillemets (« Non. » Martin).
  // A quotation closing on an ellipsis, a dash or a parenthesis ends its sentence too (“We will
  // see…” Cho said: “…”), a dash or a parenthesis only where a closing mark follows.
  for (const m of body.matchAll(
    /(?:[.!?…](?:[^\S\n]?[”"’“‘»«›‹)])*|[—–)-][^\S\n]?[”"’“‘»«›‹](?:[^\S\n]?[”"’“‘»«›‹)])*)\s+(?=(?:[“"‘„‚«»‹›(][^\S\n]?)?[\p{Lu}\p{N}])/gu,
  )) {
    const abbreviation = body.slice(Math.max(0, m.index - 6), m.index + 1);
    // A capital letter and a full stop is an initial unless a word that never starts a name
    // follows it ("wrote on X. According to Lopez", "Plan B. The council").
    const next = /^\S+/.exec(body.slice(m.index + m[0].length))![0];
    const letter = /(?:^|\s)\p{Lu}\.$/u.test(abbreviation) && NOT_NAME_START.has(next);
    // An abbreviation's full stop ends the sentence too when a quotation closes on it (“… z. B.“
    // Vogel sagte), since a closing mark ends what it opened.
    const closes = /[”"’“‘»«›‹]/u.test(m[0]);
    if (m[0][0] === '.' && !letter && !closes && ABBREVIATIONS.test(abbreviation)) continue;
    // "at 8 a.m. Thursday": a time's a.m. or p.m. before a day or month goes on with the sentence.
    if (/[ap]\.m\.$/.test(abbreviation) && DAY_OR_MONTH.test(next)) continue;
    starts.push(para.start + m.index + m[0].length);
  }
  return starts;
}

/** Words after which a capitalized word opening a sentence is a verb, not a given name. */
const GIVEN_NAME_NOT_BEFORE =
  /^\s+(?:the|a|an|my|your|our|their|his|her|its|this|that|these|those|you|we|it|they|me|us|them)\b/;

/** The people a text mentions, and what it says of their gender. */
export class Mentions {
  readonly list: Mention[] = [];
  private readonly gender = new Map<string, Gender | 'both'>();
  /** The gender evidence beside a given name's (a title, a gendered noun, he/she): what the text itself says. */
  private readonly saidGender = new Map<string, Gender | 'both'>();
  /** What the text says, and a given name every list gives one gender (givenNameIsSure): no guess. */
  private readonly sureGender = new Map<string, Gender | 'both'>();
  private readonly paragraphOf: (at: number) => number;
  private readonly sentenceOf: (at: number) => number;
  private readonly text: string;
  private readonly people: PeopleIndex;
  /** German capitalizes every noun: there a capitalized run is a name only with a given name or title. */
  private readonly nounsCapitalized: boolean;
  private readonly quoted: readonly { start: number; end: number }[];
  private readonly quotedStarts: number[];
  /** The text with the quotations' words blanked out (same length). */
  private readonly outside: string;
  /** The entities of the unresolved names met so far. */
  private readonly unresolved = new Set<string>();

  /**
   * Reads the mentions of `text` before `until` (the last pronoun to resolve: nothing after it
   * matters), with the gender evidence the text gives. `quoted` are the quotations' words
   * ([start, end) in reading order): a name inside a quotation is spoken of, never the subject a
   * later pronoun speaker refers to, and he/she inside one says nothing of the people named outside.
   * `language` (BCP 47) tells whether nouns are capitalized (German).
   */
  constructor(
    text: string,
    paragraphs: readonly Paragraph[],
    people: PeopleIndex,
    until = text.length,
    quoted: readonly { start: number; end: number }[] = [],
    language = 'en',
  ) {
    this.text = text;
    this.nounsCapitalized = language.toLowerCase().split('-')[0] === 'de';
    this.quotedStarts = quoted.map((q) => q.start);
    this.quoted = quoted;
    let outside = text;
    if (quoted.length > 0) {
      const pieces: string[] = [];
      let at = 0;
      for (const q of quoted) {
        if (q.start < at) continue;
        pieces.push(text.slice(at, q.start), ' '.repeat(q.end - q.start));
        at = q.end;
      }
      pieces.push(text.slice(at));
      outside = pieces.join('');
    }
    this.outside = outside;
    this.people = people;
    const sentences = paragraphs.filter((p) => p.start < until).flatMap((p) => sentenceStarts(text, p));
    this.sentenceOf = (at) => sentences[Math.max(0, indexAtOrBefore(sentences, at))]!;
    const paraStarts = paragraphs.map((p) => p.start);
    this.paragraphOf = (at) => indexAtOrBefore(paraStarts, at);
    for (const [id, p] of people.byId) {
      for (const w of (p.role ?? '').toLowerCase().split(/\W+/)) if (GENDERED[w]) this.noteGender(id, GENDERED[w]);
      const given = p.name.split(/\s+/);
      const g = given.length >= 2 ? firstNameGender(given[0]!, !this.nounsCapitalized) : null;
      if (g) this.noteGender(id, g, givenNameEvidence(given[0]!));
    }
    const sentenceSet = new Set(sentences);
    for (const m of text.matchAll(NAME_RUN)) {
      if (m.index >= until) break;
      // NAME_RUN lets a word end in a full stop ("Sen.", "J."), so a run may cross a sentence's
      // end ("sided with the Senate. Boyle said"): each sentence's words are a run of their own.
      for (let [run, at] of runsBySentence(m[0], m.index, sentenceSet)) {
        const first = /^\S+/.exec(run)![0];
        // "Laut Weber", "Auch Weber sagte": a German or French function word opens the run, not the name.
        if (NOT_NAME_START.has(first) || OPENING_WORDS_DE_FR.has(first)) {
          const rest = /^\S+\s+/.exec(run);
          if (!rest) continue;
          [run, at] = [run.slice(rest[0].length), at + rest[0].length];
        }
        this.addRun(run, at, sentenceSet);
      }
    }
    this.addRoleMentions(until, sentenceSet);
    // "A spokeswoman for the department said …": a person the text does not name, the subject a
    // later he or she may mean as much as a name.
    for (const at of sentences) {
      if (at >= until) break;
      const m = INDEFINITE_REPORTER.exec(this.outside.slice(at, at + 200));
      if (m) this.addNominal(at + m.index + m[1]!.length, m[2]!);
    }
    this.list.sort((a, b) => a.at - b.at);
    this.pronounEvidence(sentences);
  }

  private addRun(run: string, at: number, sentenceSet: Set<number>): void {
    const words = run.split(/\s+/);
    // A sentence's first word is capitalized whatever it is: "Immigration judges" names no one.
    // So is a name before its verb, an appositive or age between ("retiree Oskar Falk, 68, said").
    // "Kaminski's granddaughter, Becca Kaminski, has worked": a possessive before a noun is no subject.
    const possessive = /['’]s?$/.test(run) && /^\s+\p{Ll}/u.test(this.text.slice(at + run.length, at + run.length + 3));
    const subject = !possessive && this.isSubject(at, at + run.length, sentenceSet);
    // "Marisol, 29, added": a given name alone is the person when the text names them in full and
    // no one else with it (PeopleIndex.resolveSpeakerName); not before a determiner or pronoun,
    // where the word opens a question or a command ("Will the council …", "Mark the date").
    const person =
      this.people.resolveName(run) ??
      (/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(run) &&
      !GIVEN_NAME_NOT_BEFORE.test(this.text.slice(at + run.length, at + run.length + 8))
        ? this.people.resolveSpeakerName(run)
        : null);
    let t = words.length - 2;
    while (t >= 0 && !isTitleWord(words[t]!)) t--;
    const core = words.slice(t + 1);
    const gender =
      t >= 0
        ? words
            .slice(0, t + 1)
            .map(titleGender)
            .find(Boolean)
        : null;
    if (person === null) {
      if (!personLike(core)) return;
      // "By Thursday morning", "Last November": a day's or month's name is no one.
      if (core.some((w) => NOT_A_NAME_DATE.test(w))) return;
      if (this.nounsCapitalized && t < 0 && firstNameGender(core[0]!, false) === null) return;
      // One capitalized word is a person only after a title ("Mr. Roe") or when it names one already met.
      const known = this.unresolved.has(`name:${nameWord(core.at(-1)!)}`);
      if (core.length < 2 && t < 0 && !known) return;
      if (core.length > 4) return;
      // "in San Francisco", "to Washington": after a preposition, a place.
      if (/\b(?:in|at|from|to|near|across|into|of|for|by|on)\s+$/.test(this.text.slice(Math.max(0, at - 8), at)))
        return;
    }
    const entity = person ?? `name:${nameWord(core.at(-1)!)}`;
    if (person === null) this.unresolved.add(entity);
    const quoted = this.isQuoted(at);
    this.list.push({
      at,
      entity,
      name: person ? this.people.byId.get(person)!.name : core.join(' '),
      person,
      subject,
      quoted,
      possessive,
    });
    if (gender) this.noteGender(entity, gender);
    const given = person === null && core.length >= 2 ? firstNameGender(core[0]!, !this.nounsCapitalized) : null;
    if (given) this.noteGender(entity, given, givenNameEvidence(core[0]!));
    // ", a spokeswoman for …": a gendered noun in the appositive right after the name.
    const appositive = /^,\s+([^,;.“”"]{1,80})/.exec(this.text.slice(at + run.length));
    for (const w of appositive?.[1]!.toLowerCase().split(/\W+/) ?? [])
      if (GENDERED[w]) this.noteGender(entity, GENDERED[w]);
  }

  /**
   * Whether the mention [at, end) is its clause's subject: not inside a quotation, and at a
   * sentence's start, after a comma or connective, or before its verb.
   */
  private isSubject(at: number, end: number, sentenceSet: Set<number>): boolean {
    if (this.isQuoted(at)) return false;
    return (
      sentenceSet.has(at) ||
      // "The deputy Borislav Vranješ, …, affirmed": an article and a description open the sentence.
      (sentenceSet.has(this.sentenceOf(at)) &&
        /^(?:The|A|An)\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}$/u.test(this.text.slice(this.sentenceOf(at), at))) ||
      // "Für den Verein sprach dessen Vorsitzender Heinz Brückner": German puts the verb second
      // and the subject after it.
      (this.nounsCapitalized &&
        sentenceSet.has(this.sentenceOf(at)) &&
        GERMAN_VERB_SECOND.test(this.text.slice(this.sentenceOf(at), at))) ||
      // "For Delaney, the win …", "Pour le capitaine Faure, l'épisode …": the person a sentence
      // is about, named in its opening phrase, is as salient as its subject.
      (sentenceSet.has(this.sentenceOf(at)) &&
        TOPIC_BEFORE.test(this.text.slice(this.sentenceOf(at), at)) &&
        /^[^,.;:]{0,40},/.test(this.text.slice(end, end + 42))) ||
      /(?:^|[,;:—–]\s*|\b(?:[Bb]ut|[Aa]nd|[Tt]hen)\s+)$/.test(this.text.slice(Math.max(0, at - 6), at)) ||
      // "Auch Anna Weber kam", "Puis Lucie Arnaud a dit": a German or French connective opens the sentence.
      (sentenceSet.has(this.sentenceOf(at)) && CONNECTIVES.has(this.text.slice(this.sentenceOf(at), at).trim())) ||
      VERB_AFTER_NAME.test(this.text.slice(end, end + 90)) ||
      // "It was Jane Doe who raised the alarm", "Among those waiting was Jane Doe": the subject after its verb.
      this.subjectAfterVerb(at, sentenceSet)
    );
  }

  /** Whether the mention at `at` follows its sentence's opening verb as its subject (SUBJECT_AFTER_VERB). */
  private subjectAfterVerb(at: number, sentenceSet: Set<number>): boolean {
    const s = this.sentenceOf(at);
    return (
      sentenceSet.has(s) &&
      SUBJECT_AFTER_VERB_OPENINGS.some((w) => this.text.startsWith(w, s)) &&
      SUBJECT_AFTER_VERB.test(this.text.slice(s, at))
    );
  }

  /** Whether `at` is inside one of the quotations. */
  private isQuoted(at: number): boolean {
    const q = this.quoted[indexAtOrBefore(this.quotedStarts, at)];
    return q !== undefined && at < q.end;
  }

  /**
   * Definite mentions of one person's role ("the senator", "la lauréate", "die Kämmerin"): people
   * a pronoun may refer to as much as a name is.
   */
  private addRoleMentions(until: number, sentenceSet: Set<number>): void {
    const nouns = this.people.roleNouns();
    if (nouns.size === 0) return;
    for (const m of this.text.slice(0, until).matchAll(ROLE_MENTION)) {
      const id = nouns.get(lowerWithoutAccents(m[1]!));
      if (!id) continue;
      const subject = this.isSubject(m.index, m.index + m[0].length, sentenceSet);
      const quoted = this.isQuoted(m.index);
      this.list.push({ at: m.index, entity: id, name: this.people.byId.get(id)!.name, person: id, subject, quoted });
    }
  }

  /**
   * he/his/him or she/her in a sentence that names only one person say that person's gender. Only
   * the narration counts: a name inside a quotation is someone the speaker addresses or speaks of
   * (“Mr. Birch, that’s not what the data says,” she said), and the pronoun outside is the speaker.
   */
  private pronounEvidence(sentences: number[]): void {
    const bySentence = Map.groupBy(
      this.list.filter((m) => !m.quoted),
      (m) => this.sentenceOf(m.at),
    );
    for (const [s, mentions] of bySentence) {
      if (new Set(mentions.map((m) => m.entity)).size !== 1) continue;
      const end = sentences.find((x) => x > s) ?? this.text.length;
      const after = this.outside.slice(mentions[0]!.at, end);
      // "Declan Moran, who joined her …, throws the pieces himself": a reflexive is the person's own
      // pronoun, an object pronoun ("joined her") most often someone else's.
      // "Lucy Grant, a councillor, joined him": an object pronoun is someone else; "her" counts
      // only as a possessive before a noun ("her husband"), not as an object ("joined her", "told
      // her the").
      const he = /\b(?:he|his|himself)\b/i.test(after);
      const she =
        /\b(?:she|hers|herself)\b/i.test(after) ||
        /\bher\s+(?!(?:to|and|or|in|on|at|for|with|that|the|a|an|of|from|about|as|by|into|this|what|how|why|when|if|not|so|up|out|off|down|back|again)\b)\p{L}/iu.test(
          after,
        );
      if (he !== she) this.noteGender(mentions[0]!.entity, he ? 'm' : 'f');
    }
  }

  /**
   * Notes gender evidence for `entity`: `said` by the text, or a given name's, `sure` when every
   * list gives it that gender (Gloria) and a `guess` otherwise (Kim, Jean, Andrea are either).
   */
  private noteGender(entity: string, g: Gender, evidence: Evidence = 'said'): void {
    const maps =
      evidence === 'said'
        ? [this.gender, this.saidGender, this.sureGender]
        : evidence === 'sure'
          ? [this.gender, this.sureGender]
          : [this.gender];
    for (const map of maps) {
      const was = map.get(entity);
      map.set(entity, was === undefined || was === g ? g : 'both');
    }
  }

  /**
   * Records a nominal mention of a person the text does not name ("a spokeswoman for the
   * department", "the 45-year-old", "a source close to her") at `at`, as a subject of its own:
   * nothing when its noun names a body or a group ("police", "the company", "officials"), whose
   * pronoun is "it" or "they". Its gender is its noun's (spokeswoman: f), if any.
   */
  addNominal(at: number, nominal: string): void {
    const head = nominal
      .toLowerCase()
      .split(/\s+(?:for|of|at|with|from|in|on|to|who|which|that|close)\s+|,/)[0]!
      .trim()
      .split(/\s+/)
      .at(-1)!
      .replace(/['’]s?$/, '');
    if (!head || ORGANIZATION_WORDS.has(head) || NOT_A_PERSON_NOUN.has(head)) return;
    // A plural ("officials", "residents") is they, never he or she.
    if (/[^sui]s$/.test(head) && !GENDERED[head]) return;
    const entity = `nominal:${at}`;
    const i = this.list.findIndex((m) => m.at > at);
    const mention: Mention = { at, entity, name: nominal, person: null, subject: true, quoted: this.isQuoted(at) };
    this.list.splice(i < 0 ? this.list.length : i, 0, mention);
    if (GENDERED[head]) this.noteGender(entity, GENDERED[head]);
  }

  /** Records a mention found another way (a quotation's speaker, a resolved pronoun or role). */
  add(mention: Mention): void {
    // A speaker that is an organization ("Keystone Student Transit said") is no one a pronoun means.
    if (mention.person === null && !personLike(mention.name.split(/\s+/))) return;
    const i = this.list.findIndex((m) => m.at > mention.at);
    const same = this.list.findIndex((m) => m.at === mention.at);
    if (same >= 0) this.list[same] = { ...this.list[same]!, subject: true };
    else this.list.splice(i < 0 ? this.list.length : i, 0, mention);
  }

  /**
   * The mention a pronoun at `at` refers to ("he", "il", "er" -> m; "she", "elle", "sie" -> f), or null when none or more
   * than one person could be meant. The candidate is the most recent subject mention within the
   * paragraph and the two before whose gender is not known to differ. A candidate of known gender
   * must be, from its sentence on, the only person known to have that gender and the only subject
   * (no more recent subject may be passed over on a given name's gender alone)
   * who could be meant; one of unknown gender likewise, and no earlier subject in the stretch may
   * be one the text says has that gender (a title, a gendered noun, he/she beside the name).
   */
  resolvePronoun(
    pronoun: string,
    at: number,
    quotations: readonly { start: number; end: number }[] = [],
  ): Mention | null {
    // "sie" is a speaker's pronoun only after a singular cue ("sagte sie"), where it is "she".
    const g: Gender | null = /^(?:he|il|er)$/i.test(pronoun) ? 'm' : /^(?:she|elle|sie)$/i.test(pronoun) ? 'f' : null;
    if (!g) return null;
    const firstPara = this.paragraphOf(at) - 2;
    // A person the quotation itself names is spoken of, not speaking (“…When Dre talks, people
    // listen,” he said); names inside other quotations are spoken of too, no rival to anyone.
    const named = new Set(
      this.list.filter((m) => quotations.some((q) => q.start <= m.at && m.at < q.end)).map((m) => m.entity),
    );
    const window = this.list.filter(
      (m) => m.at < at && this.paragraphOf(m.at) >= firstPara && !m.quoted && !named.has(m.entity),
    );
    const fits = (m: Mention) => {
      const known = this.gender.get(m.entity);
      return known === undefined || known === g;
    };
    // A person named in the reported clause of a reporting sentence ("Fenton confirmed that
    // captain Dale Hutchins had broken his hand") is what is reported, not who reports: the
    // reporting subject is the more salient (Lappin and Leass's subject emphasis), and news copy
    // gives the next pronoun speaker to them. Such a mention is passed over as a candidate.
    const reporting = (m: Mention) =>
      m.subject && !m.quoted && REPORTS_AFTER_NAME.test(this.text.slice(m.at, m.at + 120));
    const reportedIn = (m: Mention, by: Mention) =>
      m.at > by.at && m.entity !== by.entity && this.sentenceOf(m.at) === this.sentenceOf(by.at);
    // Only when the reporter could be meant: "Ms. Doe said Mr. Smith had resigned. “…,” he said"
    // is Smith's.
    const reporters = window.filter((m) => reporting(m) && fits(m));
    const reported = (m: Mention) => reporters.some((r) => reportedIn(m, r));
    // "Grant’s proposal failed. She said …": a possessive opening its sentence names whom the
    // sentence is about as much as a subject does.
    const topical = (m: Mention) => m.subject || (m.possessive === true && this.sentenceOf(m.at) === m.at);
    const candidate = window.findLast((m) => topical(m) && fits(m) && !reported(m));
    if (!candidate) return null;
    // A more recent subject whose gender only a guess from the given name suggests ("Then Kim Lee
    // took the floor") may be the one meant: the pronoun does not reach past it. A given name every
    // list gives the other gender ("Then Gloria Lee took the floor") is as good as said.
    if (
      window.some(
        (m) =>
          m.at > candidate.at &&
          m.subject &&
          m.entity !== candidate.entity &&
          !this.sureGender.has(m.entity) &&
          !reported(m),
      )
    )
      return null;
    const known = this.gender.get(candidate.entity) === g;
    const from = this.sentenceOf(candidate.at);
    // Against a candidate of known gender, another person counts when they too are a subject the
    // pronoun could mean, or are known to have that gender (a name of unknown gender in an object,
    // often a place or a body, does not make the pronoun ambiguous).
    // An object in the candidate's own sentence of reported speech ("X said he had met with Mayor
    // Y") is less salient than the one reporting and does not count (Lappin and Leass's subject
    // emphasis); after a symmetric verb ("Doe met Smith") both stay candidates.
    const own = this.sentenceOf(candidate.at);
    const candidateParagraph = this.paragraphOf(candidate.at);
    const reports = reporting(candidate);
    const others = known
      ? window.filter(
          (m) =>
            m.at >= from &&
            m.entity !== candidate.entity &&
            !(reports && reportedIn(m, candidate)) &&
            // A possessive in the candidate's own sentence ("Kaminski's granddaughter, Becca
            // Kaminski,") is less salient than its subject.
            !(m.possessive && this.sentenceOf(m.at) === own) &&
            (m.subject ? fits(m) : this.gender.get(m.entity) === g && (!reports || this.sentenceOf(m.at) !== own)),
        )
      : // A candidate of unknown gender (a given name the list lacks): as for a known one, no one
        // who fits named since its sentence, and before it no subject the text says has that gender.
        window.filter(
          (m) =>
            m.entity !== candidate.entity &&
            !(reports && reportedIn(m, candidate)) &&
            fits(m) &&
            (m.at >= from ||
              (m.subject &&
                this.saidGender.get(m.entity) === g &&
                // When the pronoun is in the candidate's paragraph, a subject two paragraphs or
                // more before it has lost its salience (Lappin and Leass halve it with each
                // sentence): a writer who meant them would name them again. One in the paragraph
                // right before still competes.
                !(candidateParagraph === this.paragraphOf(at) && this.paragraphOf(m.at) < candidateParagraph - 1))),
        );
    return others.length === 0 ? candidate : null;
  }

  /**
   * The person an age standing for a name refers to ("“…,” the 54-year-old said" where the text
   * gives no one that age): like he or she, the most recent subject within the paragraph and the
   * two before, but of either gender; null when that subject is a person the text does not name
   * (a nominal), is given another age (`hasOtherAge`), or another person of the article is named
   * after it, or any other subject could be meant.
   */
  resolveAge(at: number, hasOtherAge: (m: Mention) => boolean): Mention | null {
    const firstPara = this.paragraphOf(at) - 2;
    const window = this.list.filter((m) => m.at < at && this.paragraphOf(m.at) >= firstPara && !m.quoted);
    const topical = (m: Mention) => m.subject || (m.possessive === true && this.sentenceOf(m.at) === m.at);
    const candidate = window.findLast(topical);
    if (!candidate || candidate.entity.startsWith('nominal:') || hasOtherAge(candidate)) return null;
    const rival = window.some(
      (m) => m.at > candidate.at && m.entity !== candidate.entity && (m.subject || m.person !== null) && !m.possessive,
    );
    return rival ? null : candidate;
  }
}

/**
 * A run of capitalized words [at, at + run.length) cut where a sentence starts inside it: [run, at]
 * for each piece, in order.
 */
function runsBySentence(run: string, at: number, sentenceSet: ReadonlySet<number>): [string, number][] {
  const pieces: [string, number][] = [];
  let from = 0;
  for (const w of run.matchAll(/\s+/g)) {
    const next = w.index + w[0].length;
    if (!sentenceSet.has(at + next)) continue;
    pieces.push([run.slice(from, w.index), at + from]);
    from = next;
  }
  pieces.push([run.slice(from), at + from]);
  return pieces;
}

/** The index of the last element of an ascending list that is at most `at`; -1 when none is. */
function indexAtOrBefore(sorted: readonly number[], at: number): number {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
