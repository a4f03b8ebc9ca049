import {
  attributionAfter,
  attributionBefore,
  hasAttributionRules,
  speakerLabel,
  speakerNamedAfter,
  subjectOfSentence,
  type Attribution,
} from './quote-attribution.ts';
import { isEditorsCorrection, withCorrections } from './attribution-corrections.ts';
import { markedQuotes, paragraphsOf, withApostrophes, type MarkedQuote, type Paragraph } from './quote-marks.ts';
import { Mentions, sentenceStarts } from './quote-mentions.ts';
import { isTitleWord, PeopleIndex } from './quote-people.ts';
import { OPENING_WORDS_DE_FR } from './opening-words-de-fr.ts';

/**
 * Direct quotations in a news text and who said them.
 *
 * How: the quotations are found by their marks (quote-marks.ts), their speakers by the language's
 * attribution rules (quote-attribution.ts), the speakers resolved to the article's people by name,
 * title, alias and role (quote-people.ts) or, for he/she, through the people the text mentions
 * (quote-mentions.ts); editors' corrections come last. docs/quotes.md explains the rules and
 * their limits.
 *
 * The contract every caller relies on (the build's quote pages, the search records, the `quotes`
 * command and the labelled-set benchmark): `findQuotes(text, options)` takes the article's plain
 * text, its paragraphs separated by a blank line ("\n\n"), and returns every direct quotation in
 * reading order, each with the span of the quoted words (marks excluded), the speaker mention as
 * written, and the archive person it resolves to among `options.people` (never anyone else).
 * A split quote (`“…,” X said, “…”`) gives one entry per part, both with the same speaker.
 */

/** A person the speaker mentions of one article may resolve to: one of the article's `people`. */
export interface QuotePerson {
  /** The person's id in the archive (content/people/<id>.yaml). */
  readonly id: string;
  /** The person's name as the archive writes it ("Jeff Sessions"). */
  readonly name: string;
  /** Other names the person goes by ("Jefferson Beauregard Sessions III"). */
  readonly aliases?: readonly string[];
  /** The person's role in this article as its front matter gives it ("Attorney General"). */
  readonly role?: string;
}

/** A stretch of the text: JavaScript string indices, `end` exclusive, and the text between them. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One direct quotation (or one part of a split quotation) with its attribution. */
export interface FoundQuote {
  /** The quoted words, without the quotation marks. */
  readonly quote: TextSpan;
  /** The speaker mention as written ("Sessions", "he", "a spokesman"); null when none was found. */
  readonly speaker: TextSpan | null;
  /** For a pronoun or nominal speaker, the mention or name it refers to; otherwise null. */
  readonly refersTo: string | null;
  /** The id of the person of `options.people` the speaker resolves to; null when none. */
  readonly person: string | null;
  /** The reporting verb or construction that ties the quote to its speaker ("said", "told", "according to"); null when none. */
  readonly cue: string | null;
}

/**
 * An editor's correction of one attribution, from the article's front matter, found by quote text:
 * `text` is a passage of the quote as it appears in the body. With `person` the quote is attributed
 * to that person (fixing a wrong attribution, or adding a quote the extraction missed); with
 * `remove: true` the quote is not published as anyone's.
 */
export interface QuoteCorrection {
  readonly text: string;
  readonly person?: string;
  readonly remove?: boolean;
}

/** What findQuotes needs besides the text. */
export interface QuoteOptions {
  /** The article's language (BCP 47, e.g. "en", "fr"): it decides the marks and whether English attribution rules apply. */
  readonly language: string;
  /** The article's people: the only persons a quote may be attributed to. */
  readonly people: readonly QuotePerson[];
  /** The editor's corrections, applied last. */
  readonly corrections?: readonly QuoteCorrection[];
}

/** A quotation part on its way to a FoundQuote. */
interface Part {
  readonly marked: MarkedQuote;
  /** The attribution written beside this part itself. */
  own: Attribution | null;
  /** The attribution it has, its own or one it shares (a split quote's, the previous paragraph's). */
  attribution: Attribution | null;
}

/** Words that may follow a quotation without making it a modifier of the next word ("“a disaster” and left"). */
const FUNCTION_WORDS = new Set(
  'and or but nor to of in on at for with by as than that which who whom whose is was are were be been said says told added wrote according from into about after before because while when if so then'.split(
    ' ',
  ),
);

/**
 * Every direct quotation in `text` with its speaker (see the module comment for the contract).
 * Offsets index `text`. Throws nothing; a text without quotes gives []. A quotation whose speaker
 * no rule finds keeps speaker null when it reads as speech (a sentence, or five words or more);
 * a few words in quotation marks with no speaker (scare quotes, "zero tolerance") and titles of
 * works are left out. `person` is only ever the id of one of `options.people`.
 */
export function findQuotes(written: string, options: QuoteOptions): FoundQuote[] {
  const { language } = options;
  // "don´t", "Delgado`s": the rules read an accent typed for an apostrophe as one; spans show the text as written.
  const text = withApostrophes(written);
  const paragraphs = paragraphsOf(text);
  const starts = paragraphs.map((p) => sentenceStarts(text, p));
  const marked = withIncisesSplit(text, markedQuotes(text, language, paragraphs), language);
  const parts: Part[] = [];
  const rules = hasAttributionRules(language);
  const people = new PeopleIndex(options.people, text);
  marked.forEach((q, i) => {
    const para = paragraphs[q.paragraph]!;
    const inner = text.slice(q.start, q.end);
    const previous = marked[i - 1];
    const clauseStart = Math.max(
      para.start,
      previous?.paragraph === q.paragraph ? previous.close : para.start,
      starts[q.paragraph]!.findLast((s) => s <= q.open) ?? para.start,
    );
    const after = q.closed ? text.slice(q.close, para.end) : '';
    const tryAfter = () => {
      const a = q.closed ? attributionAfter(after, q.close, language) : null;
      // "Cho said: “Who pays?” Whitaker said: “The state.”": a clause after the quotation that
      // goes on to a colon and an opening mark introduces the next quotation, not this one.
      return a && INTRODUCES_NEXT.test(text.slice(a.end, para.end)) ? null : a;
    };
    const tryBefore = () => {
      const a = attributionBefore(text.slice(clauseStart, q.open), clauseStart, language);
      // One or two words far from their speaker ("According to the report, the rating fell to
      // “poor”") are the writer's word in marks more often than the speaker's.
      // The distance counts from the cue when it follows the speaker, so an appositive between
      // them ("X, who …, said she was ‘gutted’") does not count.
      // A comma inside the closing mark is US punctuation, not the quotation's (the “equipment fund,”).
      const short = !/[.!?;:…]$/.test(inner) && inner.split(/\s+/).length <= 2;
      if (!a || !short) return a;
      const between = text.slice(a.end, q.open);
      const cue = between.lastIndexOf(a.cue);
      const words = (cue >= 0 ? between.slice(cue + a.cue.length) : between).trim().split(/\s+/).filter(Boolean);
      // "She added that the family had been “overwhelmed”": a clause of reported speech opened
      // by "that" keeps its words the speaker's over a longer stretch.
      return words.length > (cue >= 0 && words[0] === 'that' ? 10 : 4) ? null : a;
    };
    // "“Seven,” Whitaker said, “and eight.” Delgado disagreed.": the second part of a split
    // quotation is the speaker's between the parts, whatever follows it; only a speaker of its own
    // in the clause before it ("…,” Whitaker said, and Delgado replied: “…”) or, for a part
    // ending with a comma, right after it ("…,” Whitaker said. “…,” Delgado replied.) is another's.
    const split = rules ? splitSpeaker(text, q, previous, parts.at(-1), starts[q.paragraph]!) : null;
    const own = !rules
      ? null
      : split
        ? /[,—–-]$/.test(inner) || /^\s*,/.test(after)
          ? (tryAfter() ?? tryBefore() ?? split)
          : (tryBefore() ?? split)
        : /[,?!—–-]$/.test(inner) || /^\s*,/.test(after)
          ? (tryAfter() ?? tryBefore())
          : (tryBefore() ?? tryAfter());
    const attribution =
      own ??
      (rules
        ? (namedAfter(text, q, paragraphs, language, people) ??
          ledeSpeaker(text, q, paragraphs, starts, language, people, parts) ??
          introducedBefore(text, q, paragraphs, starts, language) ??
          subjectBefore(text, q, paragraphs, starts, language, people) ??
          labelBefore(text, q, clauseStart, language, people) ??
          sameClauseSpeaker(text, q, parts.at(-1)))
        : null);
    const lead = text.slice(Math.max(para.start, q.open - 40), q.open);
    // „Wir bauen“, sagte Weber. „Sicher.“: a quotation after one with a speaker in its paragraph.
    const last = parts.at(-1);
    const speechBefore = last?.marked.paragraph === q.paragraph && last.attribution !== null;
    if (!keepsQuote(inner, after, q, attribution !== null, para.start, lead, speechBefore)) return;
    parts.push({ marked: q, own: attribution, attribution });
  });
  shareAttributions(text, parts, paragraphs);
  const found = (corrected: ReadonlyMap<number, string>) => {
    const resolved = resolveSpeakers(text, parts, people, language, paragraphs, marked, corrected);
    return parts.map((part): FoundQuote => {
      const a = part.attribution;
      const r = a ? resolved.get(a)! : { person: null, refersTo: null };
      return {
        quote: {
          start: part.marked.start,
          end: part.marked.end,
          text: written.slice(part.marked.start, part.marked.end),
        },
        speaker: a ? { start: a.start, end: a.end, text: written.slice(a.start, a.end) } : null,
        refersTo: r.refersTo,
        person: r.person,
        cue: a?.cue ?? null,
      };
    });
  };
  const result = withCorrections(written, found(new Map()), options);
  // "“…,” he went on." after a quotation an editor gave to someone: the pronoun is resolved again
  // with each corrected quotation standing for its person (docs/quotes.md, "Editors' corrections").
  const corrected = new Map(result.filter(isEditorsCorrection).map((q) => [q.quote.start, q.person!]));
  const pronouns = parts.some((p) => p.attribution?.kind === 'pronoun' && !corrected.has(p.marked.start));
  return corrected.size > 0 && pronouns ? withCorrections(written, found(corrected), options) : result;
}

/**
 * The rest of a reporting clause after its speaker: an appositive in commas (", 54,", ", the
 * council leader,"), a verb and at most two more words in lower case, up to a colon and the
 * opening mark of the quotation it introduces (" said: “", " told reporters: “", " a répondu :
 * « "); not a clause of another speaker ("said, and Roe replied:").
 */
const INTRODUCES_NEXT = /^(?:,[^,:.!?\n“”"«»„]{1,80},)?(?:[^\S\n]+[\p{Ll}'’-]+){0,3}[^\S\n]*:\s*[“"«»„‚‘]/u;

/**
 * The attribution a quotation continues as the second part of a split quotation (`“…,” X said,
 * “…”`, `“…,” said X, a councillor, “…”`, `“…,” X said. “…”`): the one written between the part
 * before (`previous`, the quotation right before in the paragraph, whose words end with a comma
 * or a dash, its sentence going on; as `part`) and this one, when only the rest of its
 * clause follows it there (an appositive, a comma, a full stop): no sentence of `sentences` (the
 * paragraph's sentence starts) starts between. Null otherwise.
 */
function splitSpeaker(
  text: string,
  q: MarkedQuote,
  previous: MarkedQuote | undefined,
  part: Part | undefined,
  sentences: readonly number[],
): Attribution | null {
  const a = part?.own;
  if (!a || part.marked !== previous || previous.paragraph !== q.paragraph || !previous.closed) return null;
  if (a.start < previous.close || a.end > q.open || !/[,—–-]$/.test(text.slice(previous.start, previous.end)))
    return null;
  // Up to the opening mark, the rest of the attribution's clause: no other sentence starts there.
  return sentences.some((s) => s > a.end && s < q.open) ? null : a;
}

/**
 * The attribution of a partial quotation in the same sentence as the quotation before it, when
 * that one's speaker stands before it and only a conjunction and a clause of the same speaker's
 * reported speech come between ("X said the figures reflected ‘…’, and that staff were ‘…’";
 * "insisting her pet was “…” and accusing Dawn of being “…”"). Null otherwise.
 */
function sameClauseSpeaker(text: string, q: MarkedQuote, previous: Part | undefined): Attribution | null {
  const a = previous?.own;
  if (!a || previous.marked.paragraph !== q.paragraph || a.end > previous.marked.open) return null;
  const between = text.slice(previous.marked.close, q.open);
  return /^[^.!?;:“”"«»„‘’\n]{0,80}$/.test(between) && /(?:^|[\s,])(?:and|but|or)\s/.test(between) ? a : null;
}

/** The words a sentence pointing back at the quotation before it opens with (namedAfter). */
const POINTING_BACK = /^(?:That|This|Those|These|Such|So)(?!\p{L})/u;

/**
 * The speaker a sentence right after a quotation names while pointing back at it ("“…” ¶ Those
 * were the words of union steward Ana Ruiz, who …"; "That view came from Carl Benning"), for a
 * quotation ending its sentence: read in the rest of its paragraph, or in the next paragraph when
 * the quotation ends its own. A bare name ("That was Ruiz again, speaking …") only when it is
 * one of the article's people. Null otherwise.
 */
function namedAfter(
  text: string,
  q: MarkedQuote,
  paragraphs: readonly Paragraph[],
  language: string,
  people: PeopleIndex,
): Attribution | null {
  if (!q.closed || !'.!?…'.includes(text[q.end - 1]!)) return null;
  const para = paragraphs[q.paragraph]!;
  let [from, to] = [q.close, para.end];
  let word = from;
  while (word < to && /\s/.test(text[word]!)) word++;
  if (word === to) {
    const next = paragraphs[q.paragraph + 1];
    if (!next) return null;
    [from, to, word] = [next.start, next.end, next.start];
  }
  // Only a sentence opening with That, This, Those, These, Such or So points back.
  if (!POINTING_BACK.test(text.slice(word, word + 6))) return null;
  const found = speakerNamedAfter(text.slice(from, Math.min(to, word + 400)), from, language);
  if (!found) return null;
  return !found.bare || people.resolveName(found.attribution.text) !== null ? found.attribution : null;
}

/**
 * The speaker of a quotation lede: a paragraph that is only a quotation, before any attributed
 * one, whose speaker the next paragraph opens with as its subject ("“I was born two streets from that gate.” ¶
 * Carl Benning has spent 26 years at the plant …"), when that subject is one of the
 * article's people. Null otherwise.
 */
function ledeSpeaker(
  text: string,
  q: MarkedQuote,
  paragraphs: readonly Paragraph[],
  starts: readonly number[][],
  language: string,
  people: PeopleIndex,
  before: readonly Part[],
): Attribution | null {
  const para = paragraphs[q.paragraph]!;
  const next = paragraphs[q.paragraph + 1];
  if (!next || !q.closed || q.continues || q.open !== para.start || before.some((p) => p.attribution !== null))
    return null;
  if (text.slice(q.close, para.end).trim() !== '') return null;
  const end = starts[q.paragraph + 1]![1] ?? next.end;
  const a = subjectOfSentence(text.slice(next.start, end), next.start, language);
  return a?.kind === 'name' && people.resolveName(a.text) !== null ? a : null;
}

/**
 * The attribution of a quotation opening its paragraph that the paragraph before introduces,
 * ending with a colon ("He said:", "Er sagte:"): the last sentence of that paragraph read as the
 * words before the quotation. Null when that paragraph ends otherwise or no rule reads it.
 */
function introducedBefore(
  text: string,
  q: MarkedQuote,
  paragraphs: readonly Paragraph[],
  starts: readonly number[][],
  language: string,
): Attribution | null {
  const para = paragraphs[q.paragraph]!;
  const previous = paragraphs[q.paragraph - 1];
  if (q.open !== para.start || q.continues || !previous || text[previous.end - 1] !== ':') return null;
  const from = starts[q.paragraph - 1]!.findLast((s) => s < previous.end) ?? previous.start;
  return attributionBefore(text.slice(from, previous.end), from, language);
}

/**
 * The speaker of a quotation that opens a sentence, taken from the sentence before (in its
 * paragraph, or the last of the paragraph before when that one quotes no one) when that
 * sentence's subject is one of the article's people or he/she ("Mr Tully was unmoved. ‘…’";
 * "Mrs. Calloway said she expected … ¶ “…”"), and holds no quotation. Null otherwise.
 */
function subjectBefore(
  text: string,
  q: MarkedQuote,
  paragraphs: readonly Paragraph[],
  starts: readonly number[][],
  language: string,
  people: PeopleIndex,
): Attribution | null {
  const inPara = starts[q.paragraph]!;
  const at = inPara.indexOf(q.open);
  let from: number;
  let to = q.open;
  if (at > 0) from = inPara[at - 1]!;
  else {
    // A paragraph opening with the quotation: the last sentence of the paragraph before, when
    // that paragraph quotes no one (otherwise its speaker carries on, shareAttributions).
    const previous = paragraphs[q.paragraph - 1];
    if (at !== 0 || q.continues || !previous || /[“”"«»„‘]/.test(text.slice(previous.start, previous.end))) return null;
    from = starts[q.paragraph - 1]!.at(-1)!;
    to = previous.end;
  }
  const a = subjectOfSentence(text.slice(from, to), from, language);
  return a && (a.kind === 'pronoun' || people.resolveName(a.text) !== null) ? a : null;
}

/** "Jim Hale: “…”": the name labelling the quotation, when it is one of the article's people. */
function labelBefore(
  text: string,
  q: MarkedQuote,
  clauseStart: number,
  language: string,
  people: PeopleIndex,
): Attribution | null {
  const a = speakerLabel(text.slice(clauseStart, q.open), clauseStart, language);
  return a && people.resolveSpeakerName(a.text) !== null ? a : null;
}

/** Languages whose quotations carry their attribution inside the marks, between commas (French incises). */
const INCISE_LANGUAGES = new Set(['fr']);

/**
 * The quotations with each incise split out: in French the attribution often stands inside the
 * guillemets (« Nous avons tenu, a déclaré X. Les habitants… », « …, a-t-elle lancé en riant,
 * mais… »; Lexique des règles typographiques, "incises"), which makes the words before and after
 * it two parts of one split quotation. An incise is a comma, words an attribution rule of the
 * language reads as the cue and speaker, and up to a few words more before a comma or full stop.
 */
function withIncisesSplit(text: string, marked: readonly MarkedQuote[], language: string): MarkedQuote[] {
  if (!INCISE_LANGUAGES.has(language.toLowerCase().split('-')[0]!)) return [...marked];
  const out: MarkedQuote[] = [];
  for (const q of marked) {
    let rest = q;
    for (const m of text.slice(q.start, q.end).matchAll(/,\s/g)) {
      const comma = q.start + m.index;
      if (comma < rest.start) continue;
      const a = attributionAfter(text.slice(comma + 1, q.end), comma + 1, language);
      if (!a) continue;
      const close = /^[^,.;!?«»\n]{0,40}?[,.]\s+/u.exec(text.slice(a.end, q.end));
      if (!close) continue;
      const next = a.end + close[0].length;
      if (next >= q.end) continue;
      out.push({ ...rest, end: comma + 1, close: comma + 1, closed: true });
      rest = { ...rest, start: next, open: next - 1, continues: false };
    }
    out.push(rest);
  }
  return out;
}

/** A verb of naming right before the opening mark: capitalized words after it are a name given. */
const NAMING_BEFORE =
  /\b(?:call|calls|called|named|names|dubbed|dubs|nicknamed|titled|entitled|known\s+as)(?:\s+(?:him|her|it|them|me|us))?\s+$/i;

/**
 * A verb of naming with its subject right before the opening mark and no object between ("the
 * corner booth she calls “the office”", "what locals call “the Pit”"): the words are a name given
 * to the thing before, whatever their case; "called it “a disaster”" keeps its quotation.
 */
const NAMED_BY_SUBJECT_BEFORE =
  /\b(?:he|she|they|we|I|you|everyone|everybody|locals|residents|people|fans|friends|staff|regulars|what|which|that)\s+(?:\p{Ll}+ly\s+|still\s+|now\s+|often\s+|sometimes\s+)?(?:call|calls|called|dub|dubs|dubbed|nickname|nicknames|nicknamed)\s+$/iu;

/** What a sign, a banner or a T-shirt reads right before the opening mark: its words are written, no one's quotation. */
const SIGN_BEFORE =
  /\b(?:placards?|signs?|banners?|posters?|t-shirts?|shirts?|stickers?|badges?|billboards?|graffiti|slogans?|hoardings?)\s+(?:that\s+|which\s+)?(?:read|reads|reading|said|saying|bearing|declaring|proclaiming|emblazoned\s+with)\s*:?\s*$/iu;

/** A subject pronoun or an auxiliary right before the opening mark: the quoted words begin a predicate. */
const PREDICATE_BEFORE =
  /(?:^|\s)(?:he|she|they|we|I|had|has|have|was|were|is|are|would|will|could|should|can|did|does|do|been|be)\s+$/i;

/** A determiner right before the opening mark: the quoted words are a noun phrase's head. */
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|its|their|our|his|her|this|that|these|those)\s+$/i;

/**
 * Whether marked words are a quotation of someone: not a modifier in quotation marks (the “zero
 * tolerance” policy), nor, without a speaker, a few words or a title of a work (“The Art of the
 * Deal”); a continued or paragraph-opening part is always kept, and so is a sentence after a colon
 * or after a quotation with a speaker in its paragraph (`speechBefore`).
 */
function keepsQuote(
  inner: string,
  after: string,
  q: MarkedQuote,
  attributed: boolean,
  paraStart: number,
  lead: string,
  speechBefore: boolean,
): boolean {
  const words = inner.split(/\s+/);
  const ended = /[.!?,;:…—–-]$/.test(inner);
  const next = /^\s+([\p{Ll}]+)/u.exec(after)?.[1];
  // After a subject or an auxiliary the words are a predicate, not a modifier ("he had “never
  // once” missed").
  if (words.length <= 3 && !ended && q.closed && next && !FUNCTION_WORDS.has(next) && !PREDICATE_BEFORE.test(lead))
    return false;
  // "placards reading “People Not Robots.”": a sign's words, even with a speaker near.
  if (SIGN_BEFORE.test(lead)) return false;
  if (words.length <= 4 && NAMED_BY_SUBJECT_BEFORE.test(lead)) return false;
  const capitalized = words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && w.length <= 3));
  const title = words.length >= 2 && capitalized;
  // "a llama she calls “Sir Fluffington”", "everyone called “Skipper,”": a name given to someone
  // or something, even with a speaker; "Dorothy "Dot" Kaminski": a nickname inside a name.
  if (capitalized && words.length <= 4 && !/[.!?]$/.test(inner)) {
    if (NAMING_BEFORE.test(lead)) return false;
    if (/\p{Lu}[\p{L}.'’-]*\s+$/u.test(lead) && /^\s+\p{Lu}/u.test(after)) return false;
  }
  if (attributed || q.continues || !q.closed) return true;
  // „Erstens.“ Und weiter: „Zweitens.“, „…“, sagte Weber. „Sicher.“: a sentence in marks after a
  // colon, or after a quotation with a speaker in its paragraph, is speech however short.
  if (/^\p{Lu}/u.test(inner) && /[.!?…]$/.test(inner) && (speechBefore || /:\s*$/.test(lead))) return true;
  if (title && !/[.!?]$/.test(inner)) return false;
  // "what planners call the “builder’s remedy,” under which": a few words after a determiner, the
  // comma inside the marks as US style sets it, name a thing.
  if (words.length <= 4 && !/[.!?…]$/.test(inner) && DETERMINER_BEFORE.test(lead)) return false;
  if (q.open === paraStart) return true;
  return ended ? words.length >= 2 : words.length >= 5;
}

/**
 * Attributions shared by the parts that go without one: the parts of a quotation running over
 * paragraphs share the one any of them has; a part with none takes the one of the part before it
 * in its paragraph (the second half of a split quote, or a quotation after "…," X said.); a
 * paragraph that opens with a quotation and attributes none continues the previous paragraph's
 * last speaker. Neither when a sentence between starts with another name ("Roe disagreed.").
 */
function shareAttributions(text: string, parts: Part[], paragraphs: readonly Paragraph[]): void {
  // Quotations over paragraphs: runs of parts where each after the first continues the one before;
  // an attribution any part of a run has is the run's (often it follows the last part).
  for (let i = 0; i < parts.length; i++) {
    let j = i;
    while (j + 1 < parts.length && parts[j + 1]!.marked.continues && !parts[j]!.marked.closed) j++;
    const run = parts.slice(i, j + 1);
    const shared = run.find((p) => p.own)?.own ?? null;
    for (const p of run) p.attribution ??= shared;
    i = j;
  }
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.attribution) continue;
    const previous = parts[i - 1];
    const p = part.marked.paragraph;
    if (part.marked.continues && previous && !previous.marked.closed) {
      part.attribution = previous.attribution;
      continue;
    }
    const before = parts.slice(0, i).findLast((x) => x.marked.paragraph === p && x.attribution);
    // "„…“, teilte die Polizei mit": a speaker of its own that no rule reads is still not the one before.
    if (namesOwnSpeaker(text, part.marked, paragraphs)) continue;
    if (before) {
      if (!newSubjectBetween(text, before.marked.close, part.marked.open, before.attribution!))
        part.attribution = before.attribution;
      continue;
    }
    const inParagraph = parts.filter((x) => x.marked.paragraph === p);
    const opens = inParagraph[0] === part && part.marked.open === paragraphs[p]!.start;
    if (opens && inParagraph.every((x) => !x.own)) {
      const last = parts.slice(0, i).findLast((x) => x.marked.paragraph === p - 1);
      const rest = last && paragraphs[p - 1]!.end;
      if (last?.attribution && !newSubjectBetween(text, last.marked.close, rest!, last.attribution))
        for (const x of inParagraph) x.attribution ??= last.attribution;
    }
  }
}

/**
 * After a closing mark, a comma and an inverted attribution no rule reads: a verb and a nominal
 * or a name ("„…“, teilte die Polizei mit", "« … », a tranché le juge", "“…,” chanted the crowd").
 */
const INVERTED_ATTRIBUTION =
  /^[^\S\n]*[,—–][^\S\n]*(?!(?:and|but|or|then|so|und|aber|oder|doch|et|mais|ou|puis|y|e|o|pero|ma)(?!\p{L}))\p{Ll}[\p{L}-]*(?:[^\S\n]+\p{Ll}[\p{L}-]*)?[^\S\n]+(?:(?:the|a|an|der|die|das|ein|eine|einer|le|la|les|un|une|el|los|las|il|lo|gli|o|os|de|het|een)[^\S\n]+|l['’])?\p{L}/u;

/** Whether the words right after a quotation, in its sentence, name a speaker of its own. */
function namesOwnSpeaker(text: string, q: MarkedQuote, paragraphs: readonly Paragraph[]): boolean {
  return q.closed && INVERTED_ATTRIBUTION.test(text.slice(q.close, paragraphs[q.paragraph]!.end));
}

/** Capitalized words that start a sentence without naming a new speaker. */
const NOT_SUBJECTS = new Set(
  'The A An It Its This That These Those There Here But And Or So Yet In On At As If When While After Before Then Now Still Later However Meanwhile Also He She They We I You His Her Their Our My'.split(
    ' ',
  ),
);

/**
 * Whether a sentence between `from` and `to` starts with a capitalized word other than the
 * speaker's own (a new subject, likely someone else speaking next); English words that open a
 * sentence (NOT_SUBJECTS) and German and French ones (OPENING_WORDS_DE_FR: "Dann", "Puis") are none.
 */
function newSubjectBetween(text: string, from: number, to: number, speaker: Attribution): boolean {
  const own = new Set(speaker.text.split(/\s+/));
  // The closing marks of every language (German “ and ‘, French » after a space) may end the sentence.
  for (const m of text.slice(from, to).matchAll(/[.!?](?:[^\S\n]*[”“"’‘»›)])*\s+(\p{Lu}[\p{L}’'-]*)/gu))
    if (!NOT_SUBJECTS.has(m[1]!) && !OPENING_WORDS_DE_FR.has(m[1]!) && !own.has(m[1]!)) return true;
  return false;
}

/** A relation in apposition: ", his wife of thirty years", ", Whitaker’s son", ", the councillor’s widow". */
const RELATION_APPOSITIVE =
  /^,\s+(?:his|her|their|(?:the\s+)?\p{L}[\p{L}-]*['’]s?)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(?:wife|husband|widow|widower|son|daughter|mother|father|brother|sister|stepson|stepdaughter|stepmother|stepfather|grandson|granddaughter|grandmother|grandfather|aunt|uncle|nephew|niece|cousin|partner|fiancée?|ex-wife|ex-husband|mother-in-law|father-in-law|son-in-law|daughter-in-law|brother-in-law|sister-in-law)(?!\p{L})/u;

/**
 * Whether a name speaker is a surname alone (with any titles) followed by an appositive naming a
 * relation ("said Mrs. Whitaker, his wife"): a relative of the one the surname names, not them,
 * so the speaker is kept as written with no person rather than given to the namesake.
 */
function namesRelative(text: string, a: Attribution): boolean {
  const words = a.text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !isTitleWord(w));
  return words.length === 1 && RELATION_APPOSITIVE.test(text.slice(a.end));
}

/** An age standing for a name: "the 54-year-old", "his 54-year-old" (the number, group 1). */
const AGE_NOMINAL = /^(?:the|his|her)\s+(\d{1,3})-year-old$/i;

/**
 * Each attribution's person and refersTo, resolved in reading order so pronouns see the speakers
 * before them. `corrected` maps the start of each quotation an editor's correction attributes to
 * that person's id: such a quotation stands for its person where it is, and an attribution only
 * corrected quotations have is no mention of anyone.
 */
function resolveSpeakers(
  text: string,
  parts: readonly Part[],
  people: PeopleIndex,
  language: string,
  paragraphs: readonly Paragraph[],
  marked: readonly MarkedQuote[],
  corrected: ReadonlyMap<number, string>,
): Map<Attribution, { person: string | null; refersTo: string | null }> {
  const out = new Map<Attribution, { person: string | null; refersTo: string | null }>();
  // English, French and German speakers' pronouns say a gender (he/il/er, she/elle/sie).
  const gendered = ['en', 'fr', 'de'].includes(language.toLowerCase().split('-')[0]!);
  const overridden = (a: Attribution) =>
    corrected.size > 0 && parts.every((p) => p.attribution !== a || corrected.has(p.marked.start));
  const all = [...new Set(parts.map((p) => p.attribution).filter((a) => a !== null))];
  for (const a of all) if (overridden(a)) out.set(a, { person: null, refersTo: null });
  const attributions = all.filter((a) => !out.has(a)).sort((a, b) => a.start - b.start);
  // The quotations each pronoun speaker says: the people they name are not that speaker.
  const said = Map.groupBy(
    parts.filter((p) => p.attribution?.kind === 'pronoun'),
    (p) => p.attribution!,
  );
  // An age standing for a name ("the 54-year-old said") is resolved like a pronoun when no one has that age.
  const ages = attributions.filter(
    (a) => a.kind === 'nominal' && AGE_NOMINAL.test(a.text) && people.resolveRole(a.text) === null,
  );
  const until = Math.max(
    0,
    ...[...said].flatMap(([a, ps]) => [a.end, ...ps.map((p) => p.marked.end)]),
    ...ages.map((a) => a.end),
  );
  const mentions =
    gendered && attributions.some((a) => a.kind !== 'name')
      ? // Every quotation in marks is spoken words, also those left out as scare quotes or titles.
        new Mentions(text, paragraphs, people, until + 1, marked, language)
      : null;
  for (const [at, person] of corrected)
    mentions?.add({ at, entity: person, name: people.byId.get(person)!.name, person, subject: true });
  for (const a of attributions)
    if (a.kind === 'name') {
      // "His wife, Maureen, said": a given name the text never writes in full resolves by the role.
      const person = namesRelative(text, a)
        ? null
        : (people.resolveSpeakerName(a.text) ?? (a.nominal ? people.resolveRole(a.nominal) : null));
      out.set(a, { person, refersTo: null });
      const name = person ? people.byId.get(person)!.name : a.text;
      const entity = person ?? `name:${a.text.split(/\s+/).at(-1)!.toLowerCase()}`;
      mentions?.add({ at: a.start, entity, name, person, subject: true });
      // Each quotation the speaker says keeps them the one the text is about where it stands
      // (a quotation over paragraphs, a paragraph continuing their words), as a new mention would.
      for (const p of parts)
        if (p.attribution === a && p.marked.start > a.end)
          mentions?.add({ at: p.marked.start, entity, name, person, subject: true });
    }
  // "He said the trains were late." opening a sentence of the narration: resolved in reading order
  // with the speakers, it carries its person on as a new mention would (a pronoun chain over
  // paragraphs), and carries no one when it could mean two.
  const english = language.toLowerCase().split('-')[0] === 'en';
  const narration = mentions && english ? narrationPronouns(text, paragraphs, marked, attributions, until) : [];
  const events = [...attributions.filter((a) => a.kind !== 'name'), ...narration].sort((x, y) => x.start - y.start);
  for (const a of events) {
    if (!('kind' in a)) {
      const m = mentions!.resolvePronoun(a.text, a.start);
      if (m) mentions!.add({ ...m, at: a.start, subject: true });
      continue;
    }
    if (!mentions || a.kind === 'coordinated') {
      out.set(a, { person: null, refersTo: null });
      continue;
    }
    if (a.kind === 'pronoun') {
      // "In his statement, “…”": the possessive names the same person as he.
      const m = mentions.resolvePronoun(
        /^his$/i.test(a.text) ? 'he' : /^her$/i.test(a.text) ? 'she' : a.text,
        a.start,
        (said.get(a) ?? []).map((p) => p.marked),
      );
      out.set(a, { person: m?.person ?? null, refersTo: m?.name ?? null });
      if (m) mentions.add({ ...m, at: a.start, subject: true });
    } else {
      const person = people.resolveRole(a.text);
      // "“…,” the 54-year-old said" where the text gives no one that age: the person it refers to
      // as he or she would, when the text gives them no other age.
      const age = person ? null : AGE_NOMINAL.exec(a.text)?.[1];
      const m = age
        ? mentions.resolveAge(a.start, (c) => c.person !== null && people.statedAges(c.person).size > 0)
        : null;
      if (m) {
        out.set(a, { person: m.person, refersTo: m.name });
        mentions.add({ ...m, at: a.start, subject: true });
        continue;
      }
      out.set(a, { person, refersTo: person ? people.byId.get(person)!.name : null });
      if (person)
        mentions.add({ at: a.start, entity: person, name: people.byId.get(person)!.name, person, subject: true });
      // "“…,” a spokeswoman said. “…,” she added": she is the spokeswoman, no one of the people.
      else mentions.addNominal(a.start, a.text);
    }
  }
  return out;
}

/**
 * He and she opening a sentence of the narration (outside quotations, no quotation's speaker)
 * before `until`: each with its offset.
 */
function narrationPronouns(
  text: string,
  paragraphs: readonly Paragraph[],
  marked: readonly MarkedQuote[],
  attributions: readonly Attribution[],
  until: number,
): { start: number; text: string }[] {
  const speakers = new Set(attributions.map((a) => a.start));
  const out: { start: number; text: string }[] = [];
  for (const p of paragraphs) {
    if (p.start >= until) break;
    for (const s of sentenceStarts(text, p)) {
      const m = /^(?:He|She)(?=\s+\p{Ll})/u.exec(text.slice(s, s + 6));
      if (!m || s >= until || speakers.has(s) || marked.some((q) => q.open < s && s < q.close)) continue;
      out.push({ start: s, text: m[0] });
    }
  }
  return out;
}
