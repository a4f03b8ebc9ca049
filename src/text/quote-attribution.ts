// The attribution rules: the words around a quotation that name who said it, per language. A
// rule matches the attribution as news copy prints it, in the notions of Pareti's PARC corpus
// (cue: the reporting verb or construction; source: the speaker mention; content: the quotation):
// the source after the quotation ("…," said X / "…," X said / "…," according to X), before it
// (X said: "…" / X told reporters that "…" / According to X, "…"), with a title, an appositive
// or a "for the company" between the source and the cue. English rules follow the conventions of
// news attribution (AP Stylebook, "said"); French and German have their own few; other languages
// have none, so their quotations keep no speaker rather than get one by English rules.

import { NAME_PARTICLES } from './name-particles.ts';
import { CONNECTIVES_DE_FR, OPENING_WORDS_DE_FR } from './opening-words-de-fr.ts';
import { isNotGivenName } from './quote-given-names.ts';

/** What an attribution rule found: the speaker mention and the cue. */
export interface Attribution {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * name: a proper name (with any title); pronoun: he, she, they, it, I, we; nominal: a noun phrase ("a
   * spokesman", "police", "the White House"); coordinated: names joined by "and" ("Omar Haddad and
   * Rita Okafor"), several speakers, so no one person.
   */
  readonly kind: 'name' | 'pronoun' | 'nominal' | 'coordinated';
  readonly cue: string;
  /** For a name in apposition to a nominal ("His wife, Maureen,"), that nominal: the role it may resolve by. */
  readonly nominal?: string;
}

const NAME_WORD = String.raw`(?:(?:\p{Lu}\.){2,}|(?:(?:al|el|bin|ibn|d|O)['’-])?\p{Lu}[\p{L}\p{M}'’\-]*\.?)`;
const PARTICLE = `(?:${NAME_PARTICLES.join('|')})`;
/** Capitalized words that start a clause but never a name. */
const NOT_NAME_START =
  'The|A|An|This|That|These|Those|It|He|She|They|We|I|You|His|Her|Their|Its|Our|But|And|Or|So|Yet|In|On|At|As|If|When|While|After|Before|According|Asked|Said|Told|Speaking|Then|Now|Still|Later|However|Meanwhile|Also';
/** A proper name: capitalized words with particles between, a generational suffix after. */
const NAME_PATTERN = String.raw`(?!(?:${NOT_NAME_START})\b)${NAME_WORD}(?:[^\S\n]+(?:${PARTICLE}[^\S\n]+)*${NAME_WORD}){0,6}(?:,?[^\S\n]+(?:Jr\.|Sr\.|II|III|IV)(?!\p{L}))?`;

/** Capitalize-either-way alternation of lower-case words ("police" -> "[Pp]olice"). */
function eitherCase(words: string): string {
  return words
    .split(' ')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}

/** Groups that speak as one, printed without a determiner ("Police said"). */
const GROUPS = eitherCase(
  'police officials authorities prosecutors investigators witnesses critics residents experts analysts researchers scientists doctors lawyers economists organizers organisers protesters supporters opponents lawmakers legislators officers firefighters parents teachers students activists advocates observers diplomats sources aides employees workers villagers neighbors neighbours relatives organizers democrats republicans campaigners executives councillors councilors ministers unions nurses farmers voters fans commuters shoppers locals',
);
const DETERMINERS = eitherCase('a an the one another two three several some many his her their its');
/** A word of a nominal speaker: not an auxiliary, an adverb of the cue or a preposition ("The Prime Minister has insisted"). */
const NOMINAL_WORD = String.raw`(?!(?:has|have|had|is|was|were|are|will|would|could|should|also|later|then|once|for|of|at|from|with|in|on|to|by|and|or|who|which|that)(?!\p{L}))`;
/** A group with up to two lower-case words before it: "zoo officials", "federal prosecutors", "health campaigners". */
const GROUP = String.raw`(?:(?:${NOMINAL_WORD}\p{Ll}[\p{Ll}\-]*\s+){0,2}(?:${GROUPS})(?!\p{L}))`;
const NOMINAL = String.raw`(?:(?:${DETERMINERS})\s+(?:${NOMINAL_WORD}\p{L}[\p{Ll}\-’']*\s+){0,4}(?:${NOMINAL_WORD}\p{Ll}[\p{Ll}\-’']*|\d{1,3}-year-old(?!\p{L})|\p{Lu}{2,5}s?(?!\p{L}))|${GROUP})`;
const ORGANIZATION = String.raw`[Tt]he\s+${NAME_WORD}(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?${NAME_WORD}){0,5}`;
const PRONOUN_EN = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey)(?!\p{L})`;
/**
 * Verbs of perceiving and remembering whose object says the quotation (PERCEIVED_EN): "heard
 * Delgado say", "recalled Whitaker saying", "quoted Delgado as saying".
 */
const PERCEIVING =
  'heard|hear|hears|hearing|overheard|overhears|saw|see|sees|seeing|watched|watch|watches|watching|listened\\s+to|listens\\s+to|recalled|recalls|recall|recalling|remembered|remembers|remember|remembering|quoted|quotes|quoting';
/**
 * Lower-case words before a name that describe the person ("union president Ana Ruiz"), never a
 * clause's function words or a preposition ("asked about Tabaddor", "questioned over López": the
 * name is the object of an interrupting clause, not a speaker).
 */
const DESCRIPTORS = String.raw`(?:(?!(?:and|but|or|nor|so|yet|then|that|which|who|whom|when|while|as|if|because|after|before|since|the|a|an|said|says|told|according|to|of|in|on|at|by|for|with|from|about|over|regarding|concerning|into|against|toward|towards|upon|under|amid|despite|than|like|whether|how|why|what|where|had|has|have|was|were|is|are|${PERCEIVING})\b)[\p{Ll}\p{N}][\p{Ll}\p{N}’'\-]*[^\S\n]+){0,3}`;
/** "Smith’s lawyer", "the hospital’s chief executive": a possessive before a description. */
const POSSESSIVE = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,3}['’]s?\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}\p{Ll}[\p{Ll}\-]*(?:\s+${NAME_PATTERN})?`;
/** "Local vet", "Chief executive", "Former Carver State star": a sentence's capitalized first words before a lower-case description. */
const CAPITALIZED_DESCRIPTION = String.raw`(?:(?!(?:${NOT_NAME_START})\b)\p{Lu}[\p{Ll}\-]*(?:\s+\p{Lu}[\p{Ll}\-]*){0,2}\s+(?=\p{Ll}))?`;
/** "the deputy Borislav Vranješ", "the actor Tom Hanks": an article before a lower-case description and a name. */
const THE_DESCRIPTION = String.raw`(?:[Tt]he\s+(?=(?:\p{Ll}[\p{Ll}\-]*\s+){1,3}\p{Lu}))?`;
/**
 * A name and "and" before a speaker's name ("Omar Haddad and | Rita Okafor", "Mark and | Susan
 * Lee", "Both Haddad and | Okafor", "Station coxswain Gary Fenwick and | lifeboat operations
 * manager Alan Ward"; never a preposition between): the names are coordinated, a quotation of several
 * speakers at once (attributionOf). Kept apart from the speaker so the rules stay small.
 */
const COORDINATED_FIRST = String.raw`(?:(?:[Bb]oth\s+)?(?<first>(?!(?:${NOT_NAME_START})\b)\p{Lu}[\p{L}\p{M}'’\-.]*(?:\s+(?:(?!(?:from|in|at|of|to|for|with|by|on|the|a|an|and|or|but|who|which|that)\s)[\p{L}\p{N}][\p{L}\p{M}'’\-.]*\s+){0,4}?\p{Lu}[\p{L}\p{M}'’\-.]*)?,?\s+and\s+))?`;
/**
 * The speaker mention of English rules. Its pronouns include the first person ("“…?” I ask",
 * a reporter's question) and an organization's "it" ("“…,” it
 * said", "It said in a statement:"), which only the rules with a reporting verb right after the
 * speaker allow; the others put NO_IT before it (never "It was simple: “…”").
 */
const SPEAKER_EN = String.raw`(?:(?<pronoun>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)(?!\p{L}))|(?<nominal>${NOMINAL}|${POSSESSIVE}|${ORGANIZATION})|(?<name>${CAPITALIZED_DESCRIPTION}${THE_DESCRIPTION}${DESCRIPTORS}${NAME_PATTERN}))`;
const NO_IT = String.raw`(?![Ii]t(?!\p{L}))`;
/** What a person or body issues in writing or says formally: "Haddad’s statement", "a letter from X". */
const DOCUMENTS = String.raw`(?:statement|letter|post|tweet|email|e-mail|message|note|testimony|submission|speech|remarks|comments|affidavit|response|report|ruling|judgment|judgement|answer|reply|verdict|explanation|advice)`;

/** Reporting verbs of English news copy, past and present. */
const CUES_EN = [
  'said says say told tells added adds wrote writes stated states explained explains argued argues asked asks',
  'noted notes continued continues insisted insists warned warns claimed claims declared declares replied replies',
  'recalled recalls tweeted tweets posted posts acknowledged acknowledges admitted admits announced announces',
  'complained complains conceded concedes contended contends cautioned cautions emphasized emphasised emphasizes',
  'stressed stresses suggested suggests testified testifies urged urges observed observes remarked remarks',
  'responded responds shouted shouts predicted predicts promised promises reported reports commented comments',
  'concluded concludes confirmed confirms countered counters agreed agrees boasted boasts joked jokes mused muses',
  'called calls described describes texted emailed answered answers quipped vowed vows pleaded pledged charged',
  'alleged maintained maintains lamented laments recounted recounts exclaimed whispered screamed yelled snapped',
  'retorted demanded demands accused blasted slammed praised thanked assured reiterated reiterates disagreed',
  'objected wondered wonders hinted signaled signalled underlined underlines underscored underscores found finds',
  'ask tell affirmed affirms pointed\\s+out points\\s+out went\\s+on goes\\s+on',
  // "X was quoted as saying", "X is said to have told": the subject is the speaker.
  '(?:is|was|were|are|has\\s+been|have\\s+been|had\\s+been)\\s+(?:quoted|reported|recorded|heard)\\s+as\\s+(?:saying|telling|writing|having\\s+said|having\\s+told)',
  '(?:is|was|were|are)\\s+(?:said|reported|understood|believed|thought|alleged|known|claimed)\\s+to\\s+have\\s+(?:said|told|written|warned|added|remarked|claimed|asked|insisted|declared|complained|joked)',
]
  .join(' ')
  .split(' ')
  .join('|');
const CUE_EN = `(?:${CUES_EN})(?!\\p{L})`;
/** A past tense that is no reporting verb but reports speech where nothing follows it ("fumed.", "laughed:"). */
const MANNER = String.raw`\p{Ll}{2,}ed(?!\p{L})`;
/** Words between a speaker and the cue: "has said", "later told", "angrily said", "on Monday said". */
const ADVERBS = String.raw`(?:\s+(?:also|later|then|previously|earlier|once|further|recently|repeatedly|again|has|had|have|would|will|first|last|\p{Ll}+ly|(?:on|late|early|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)))*`;
/** Participles that report what the sentence's subject said: "…, saying the country “…”". */
const PARTICIPLES =
  'saying|adding|telling|noting|writing|arguing|warning|insisting|calling|describing|explaining|declaring|stressing|acknowledging|promising|vowing';
/** A character of an appositive: anything but a clause's punctuation or a mark; a comma between figures (6,000) too. */
const APPOSITIVE_CHAR = String.raw`(?:[^,;“”"«»„\n]|,(?=\d{3}))`;
/** An appositive: ", a spokeswoman for …," (up to three comma-separated parts). */
const APPOSITIVE = String.raw`(?<appositive>,\s+${APPOSITIVE_CHAR}{1,160}?(?:,\s+${APPOSITIVE_CHAR}{1,160}?){0,2},)?`;
/** A qualifier of the speaker: "of the ACLU", "for the company". */
const QUALIFIER = String.raw`(?:\s+(?:of|for|at|from|with)\s+[^,;:.“”"«»„\n]{1,60}?)?`;
/** A party or a place in parentheses after a name: "Sen. Jane Doe (D-Ohio)", "Jane Doe (Labour)". */
const PARENTHESIS = String.raw`(?:[^\S\n]+\([^()“”"«»„\n]{1,40}\))?`;
/**
 * A sentence's opening preposition before a day's or month's name, which then opens the speaker's
 * name and is taken off it (attributionOf): "On Monday Whitaker said", "In March Whitaker told".
 */
const DATE_OPENING = String.raw`(?:On|In|By|Since|Until|Last|This|Next|Early|Late)[^\S\n]+(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?!\p{L}))`;
/** Where a speaker may start in the words before a quotation: a clause's start, after a comma or a connective. */
const CLAUSE_START = String.raw`(?:^|\n[^\S\n]*|(?:^|\n[^\S\n]*)${DATE_OPENING}|[,;:—–(]\s*|\b(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Ss]till|[Nn]ow|[Tt]hen|[Ll]ater|[Mm]eanwhile|[Hh]owever|[Aa]lso|[Ii]nstead|[Ee]arlier|[Ss]eparately)\s+)`;
/**
 * A full stop that ends an abbreviation, not a sentence: after a single letter ("p.m.", "U.S.",
 * "J.") or a courtesy title or short form, before more of the clause ("shortly after 8 p.m.:",
 * "said Mrs. Achterberg had").
 */
const ABBREVIATION_STOP = String.raw`(?<=(?:^|[^\p{L}])(?:\p{L}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|Mt|No|Inc|Ltd|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.(?=[^\S\n]*[\p{L}\d:,])`;
/** What may follow the cue up to the quotation: "told reporters:", "added that", "called it", never a sentence's end. */
const TAIL = String.raw`(?:[^.!?“”"«»„\n]|${ABBREVIATION_STOP}){0,160}`;
const LEAD = String.raw`^[^\S\n]*(?:[,—–-][^\S\n]*)?`;

/**
 * "Whitaker quoted Delgado as saying: “…”", "Cho recalled Whitaker saying", "She had heard
 * Delgado say:", "I watched Delgado tell the crowd": the one perceived, remembered or quoted says
 * the quotation, not the subject of the sentence. The first rule before a quotation
 * (attributionBefore), and read after one too (attributionAfter).
 */
const PERCEIVED_EN = perceivedRule(`${NO_IT}${SPEAKER_EN}${APPOSITIVE}`);

/**
 * "Cho recalled him saying: “…”", "“…,” she heard them shout.": the one perceived is an object
 * pronoun. The quotation is that person's, not the subject's; which person "him" is, is not read
 * (an object pronoun's antecedent is not the sentence's subject, which is all the pronoun rules
 * follow), so the speaker is kept as written (group nominal) and resolves to no one.
 */
const PERCEIVED_OBJECT_EN = perceivedRule('(?<nominal>him|her|them)');

/** The rule of a verb of perceiving or remembering, its object `perceived` (a pattern with the speaker's group), and a verb of saying. */
function perceivedRule(perceived: string): RegExp {
  return new RegExp(
    `(?<!\\p{L})(?:${PERCEIVING})\\s+${perceived}\\s+(?:as\\s+)?(?<cue>saying|telling|writing|warning|insisting|declaring|explaining|describing|calling|asking|announcing|shouting|admitting|say|tell|write|warn|insist|declare|explain|describe|call|ask|announce|shout|admit)(?!\\p{L})${TAIL}$`,
    'dgu',
  );
}

const EN = {
  after: [
    new RegExp(`${LEAD}(?<cue>according to)\\s+${NO_IT}${SPEAKER_EN}`, 'du'),
    // "“…,” read a statement from Acme Corp.": the statement is the cue, its author the source.
    new RegExp(
      `${LEAD}(?<cue>(?:read|said|says|reads)\\s+(?:a|the|an)\\s+(?:\\p{Ll}+\\s+)?(?:statement|post|letter|email|e-mail|message|release|note))\\s+(?:(?:issued|released|signed|posted|sent)\\s+)?(?:from|by)\\s+${NO_IT}${SPEAKER_EN}`,
      'du',
    ),
    // "“…,” came the reply from X", "“…” was the response of X": the reply is the cue, its
    // author the source.
    new RegExp(
      `${LEAD}(?<cue>(?:came|was)\\s+(?:the|a|an)\\s+(?:\\p{Ll}+\\s+)?(?:reply|response|answer|retort|rejoinder|riposte|reaction|verdict|message|warning|plea|assessment))\\s+(?:from|of)\\s+${NO_IT}${SPEAKER_EN}`,
      'du',
    ),
    // "“…” was how X put it", "“…,” is how one supplier described it": X is the source.
    new RegExp(
      `${LEAD}(?:is|was|'s|’s)\\s+how\\s+${NO_IT}${SPEAKER_EN}${APPOSITIVE}\\s+(?<cue>(?:put|puts|described|describes|summed|sums|phrased|phrases|explained|explains|characterized|characterised|framed)(?!\\p{L}))`,
      'du',
    ),
    // "said the company’s CEO, Tom Baker.": the name in apposition is the speaker.
    new RegExp(
      `${LEAD}(?<cue>${CUE_EN})\\s+${NO_IT}${SPEAKER_EN}(?<appositive>,\\s+${NAME_PATTERN}(?=\\s*(?:[.;,]|$)))?`,
      'du',
    ),
    new RegExp(
      `${LEAD}${COORDINATED_FIRST}${SPEAKER_EN}${PARENTHESIS}${QUALIFIER}${APPOSITIVE}${ADVERBS}\\s+(?<cue>${CUE_EN})`,
      'du',
    ),
    // "“…,” Dawn fumed.": a name or pronoun and a past tense of manner ending the clause.
    new RegExp(
      `${LEAD}(?:(?<pronoun>${PRONOUN_EN})|(?<name>${NAME_PATTERN}))\\s+(?<cue>${MANNER})(?=[.,;!?]|\\s*$)`,
      'du',
    ),
  ],
  before: [
    PERCEIVED_EN,
    PERCEIVED_OBJECT_EN,
    new RegExp(
      `${CLAUSE_START}(?<cue>[Aa]ccording to)\\s+${NO_IT}${SPEAKER_EN}${APPOSITIVE}(?:\\s*,?\\s*$|,\\s+${TAIL}$)`,
      'dgu',
    ),
    new RegExp(
      `${CLAUSE_START}${COORDINATED_FIRST}${SPEAKER_EN}${PARENTHESIS}${QUALIFIER}${APPOSITIVE}${ADVERBS}\\s+(?<cue>${CUE_EN})${TAIL}$`,
      'dgu',
    ),
    // "Tracey laughed: “…”", "One showrunner put it bluntly: “…”", "the fire chief closed with a
    // plea to residents:": the speaker's verb and its words, then a colon right before the quotation.
    new RegExp(
      `${CLAUSE_START}${NO_IT}${SPEAKER_EN}${APPOSITIVE}${ADVERBS}\\s+(?<cue>${MANNER}|(?:was|were|is|had|has|put|gave|made|sent|took)\\s+[^.!?“”"«»„:\\n]{1,40}?|${MANNER}\\s+(?:with|to|on)\\s+[^.!?“”"«»„:\\n]{1,60}?):\\s*$`,
      'dgu',
    ),
    // "a decision Mayor Jane Doe called “long overdue”", "figures that health campaigners
    // described as ‘…’", "In its place he wrote: “…”": a name, a group or he/she inside the
    // clause, the cue and a few words right before the quotation.
    new RegExp(
      `(?<=(?:^|[\\s(])\\p{Ll}[\\p{Ll}\\-]*\\s)(?<!\\p{Lu}[\\p{L}’'\\-.]*,?\\s+(?:and|or)\\s+)(?:(?<pronoun>${PRONOUN_EN})|(?<nominal>${GROUP})|(?<name>${NAME_PATTERN}))${ADVERBS}\\s+(?<cue>${CUE_EN})[^.!?“”"«»„\\n]{0,40}$`,
      'dgu',
    ),
    // "Biden urged Congress to act, saying the country “cannot afford to wait”": the subject of the
    // sentence, and a participle of saying.
    new RegExp(
      `^\\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Ll]ater|[Ee]arlier)\\s+)?${NO_IT}${SPEAKER_EN}${APPOSITIVE}[^.!?“”"«»„\\n]{0,200}?,\\s+(?<cue>${PARTICIPLES})(?!\\p{L})${TAIL}$`,
      'dgu',
    ),
    // "In Haddad’s statement, “…”", "Baker’s statement read: “…”": the author of what is quoted,
    // the document as the cue, right before the quotation.
    new RegExp(
      `${CLAUSE_START}(?:(?:[Ii]n|[Aa]ccording\\s+to)\\s+)?(?:(?:(?<nominal>[Tt]he\\s+${NAME_PATTERN})|(?<name>${NAME_PATTERN}))['’]s?|(?<pronoun>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir))\\s+(?:\\p{Ll}+\\s+)?(?<cue>${DOCUMENTS})(?:\\s*[,:]\\s*|\\s+(?:read|reads|said|says|stated|states)\\s*[,:]?\\s*)$`,
      'dgu',
    ),
  ],
};

/** German and French words that open a clause and never a name (src/text/opening-words-de-fr.ts): "Laut", "Auch", "Puis", and the prepositions before an inverted verb ("Auf Instagram schrieb der Verein"). */
const OPENING_DE_FR = `(?:${[...OPENING_WORDS_DE_FR].join('|')})(?!\\p{L})`;
/** Where a German or French speaker may start: as CLAUSE_START, or after a conjunction or sentence adverb ("Und Weber sagte", "Puis elle a ajouté"). */
const CLAUSE_START_DE_FR = `(?:${CLAUSE_START}|(?<!\\p{L})(?:${CONNECTIVES_DE_FR.join('|')})[^\\S\\n]+)`;
const PRONOUN_FR = String.raw`(?<pronoun>[Ii]l|[Ee]lle|[Ii]ls|[Ee]lles)`;
/**
 * French reporting verbs in the compound past and the present, as news copy writes them before a
 * quotation or after it and in an incise (« …, a déclaré X. … »): the verbs of saying that
 * introduce direct speech and form incises (Grevisse and Goosse, Le Bon Usage, "discours direct",
 * "incise": dire, déclarer, répondre, rétorquer, répliquer, ajouter, affirmer, ...), and the
 * verbs of statement, judgement and feeling that French agencies' copy attributes with (estimer,
 * souligner, confirmer, déplorer, fustiger, ironiser). "selon X" and "d'après X" have rules of
 * their own. Multi-word forms keep one space between their words.
 */
const CUES_FR = [
  'a glissé|a évoqué|a qualifié|a parlé|a défendu|a raconté|a rappelé|a résumé',
  'a commenté|a avoué|a poursuivi|a conclu|a regretté|a dénoncé|a salué|a annoncé',
  'a promis|a prévenu|a observé|a noté|a tranché|a plaidé|a jugé|a déclaré',
  'a dit|a affirmé|a expliqué|a ajouté|a souligné|a estimé|a assuré|a indiqué',
  'a précisé|a lancé|a répondu|a insisté|a martelé|a averti|a reconnu|a confié',
  'a écrit|a rétorqué|a répliqué|a confirmé|a admis|a témoigné|a renchéri|a ironisé',
  'a protesté|a objecté|a nuancé|a relevé|a signalé|a demandé|a soutenu|a démenti',
  'a tempéré|a complété|a réagi|a détaillé|a argué|a avancé|a concédé|a déploré',
  'a critiqué|a fustigé|a lâché|a soufflé|a murmuré|a continué|a repris|a enchaîné',
  'a garanti|a certifié|a tweeté|a fait valoir|a fait savoir|a mis en garde',
  'déclare|dit|explique|ajoute|affirme|estime|assure|souligne|indique|précise',
  'lance|répond|insiste|martèle|avertit|reconnaît|confie|écrit|glisse|raconte',
  'rappelle|résume|commente|avoue|poursuit|conclut|regrette|dénonce|salue|annonce',
  'promet|prévient|observe|note|tranche|plaide|juge|évoque|qualifie|parle',
  'rétorque|réplique|confirme|admet|témoigne|renchérit|ironise|proteste|objecte|nuance',
  'relève|signale|demande|soutient|dément|tempère|complète|réagit|détaille|argue',
  'avance|concède|déplore|critique|fustige|lâche|souffle|murmure|continue|reprend',
  'enchaîne|garantit|certifie|fait valoir|fait savoir|met en garde',
].join('|');
/** "a-t-il déclaré", "déclare-t-elle": the cue's past participles and present forms. */
const PARTICIPLES_FR = CUES_FR.split('|')
  .filter((c) => c.startsWith('a '))
  .map((c) => c.slice(2))
  .join('|');
const PRESENT_FR = CUES_FR.split('|')
  .filter((c) => !c.startsWith('a '))
  .join('|');
/** A word of a French nominal speaker: not a preposition or a gerund's "en" ("la réalisatrice en quittant la scène"). */
const NOMINAL_WORD_FR = String.raw`(?!(?:en|de|du|des|à|au|aux|pour|dans|sur|avec|après|avant|lors|devant|par|qui|que|et|ou|mais|puis|a|avait|aurait|ont|avaient|est|était)(?!\p{L}))[\p{Ll}\-]+`;
/**
 * "la comédienne Hélène Marchal", "le cinéaste Thomas Vasseur", "la conseillère municipale Hélène
 * Garnier": an article and a description of one or two words before the name.
 */
const DESCRIPTION_FR = String.raw`(?:(?:[Ll]e|[Ll]a)\s+(?:[\p{Ll}\-]+\s+){1,2}|[Ll]['’][\p{Ll}\-]+\s+(?:[\p{Ll}\-]+\s+)?)?`;
const SPEAKER_FR = `(?:(?<pronoun>[Ii]ls?|[Ee]lles?)(?!\\p{L})|(?<name>${DESCRIPTION_FR}(?!${OPENING_DE_FR})${NAME_PATTERN})|(?<nominal>(?:[Ll]e|[Ll]a|[Ll]es|[Uu]n|[Uu]ne)\\s+${NOMINAL_WORD_FR}(?:\\s+${NOMINAL_WORD_FR}){0,2}))`;
/** Other compound pasts of the cues: "avait dit", "ont déclaré", "aurait confié". */
const PAST_FR = `(?:avait|aurait|avaient|ont|auraient)\\s+(?:${PARTICIPLES_FR})`;
const FR = {
  after: [
    new RegExp(`${LEAD}(?<cue>selon|d['’]après)\\s+${SPEAKER_FR}`, 'du'),
    new RegExp(`${LEAD}(?<cue>${PAST_FR}|${CUES_FR})\\s+${SPEAKER_FR}`, 'du'),
    new RegExp(`${LEAD}a-t-${PRONOUN_FR}\\s+(?<cue>${PARTICIPLES_FR})(?!\\p{L})`, 'du'),
    new RegExp(`${LEAD}(?<cue>${PRESENT_FR})-t?-?${PRONOUN_FR}(?!\\p{L})`, 'du'),
  ],
  before: [
    new RegExp(
      `${CLAUSE_START_DE_FR}(?<cue>[Ss]elon|[Dd]['’]après)\\s+${SPEAKER_FR}${APPOSITIVE}(?:\\s*,?\\s*$|,\\s+[^.!?«»“”"\\n]{0,160}$)`,
      'dgu',
    ),
    new RegExp(
      `${CLAUSE_START_DE_FR}${SPEAKER_FR}${APPOSITIVE}\\s+(?<cue>${PAST_FR}|${CUES_FR})(?!\\p{L})[^.!?«»“”"\\n]{0,80}$`,
      'dgu',
    ),
  ],
};

/**
 * German reporting verbs (verba dicendi) in the past and present tense, as news copy writes them
 * before or after a quotation: the verbs of saying that German grammars list as introducing
 * direct speech (Duden, Die Grammatik, "Redewiedergabe": sagen, erklären, antworten, entgegnen,
 * erwidern, betonen, fragen, ...) and the verbs of statement, comment and demand that agencies'
 * copy attributes with (bestätigen, kritisieren, warnen, fordern, versprechen, widersprechen),
 * "sprach" ("sprach von einem „…“") and "so" ("„…“, so Weber"). Separable verbs stand as their stem (SEPARABLE_DE).
 */
const VERBS_DE = [
  'sagte sagt erklärte erklärt betonte betont meinte meint ergänzte ergänzt schrieb schreibt warnte warnt',
  'kritisierte kritisiert entgegnete entgegnet erwiderte erwidert antwortete antwortet forderte fordert',
  'versprach verspricht widersprach widerspricht bestätigte bestätigt unterstrich unterstreicht',
  'bekräftigte bekräftigt versicherte versichert berichtete berichtet erzählte erzählt fragte fragt',
  'mahnte mahnt beklagte beklagt bemängelte bemängelt lobte lobt kommentierte kommentiert',
  'argumentierte argumentiert resümierte resümiert verkündete verkündet präzisierte präzisiert sprach spricht so',
].join(' ');
/**
 * German separable reporting verbs: the stem stands second, its particle ends the clause
 * ("„…“, fügte Weber hinzu", "teilte die Polizei mit", "räumte sie ein"); the particle joins the cue.
 */
const SEPARABLE_DE =
  'fügte fügt teilte teilt räumte räumt gab gibt stellte stellt kündigte kündigt merkte merkt wandte wendet hielt hält';
const PARTICLES_DE = 'hinzu|mit|ein|zu|klar|an|bekannt|entgegen';
/** The particle of a separable verb where its clause ends (group particle), when there is one. */
const PARTICLE_DE = `(?:(?=[^.!?;„“”"«»\\n]*?\\s(?<particle>${PARTICLES_DE})\\s*(?:[.,;:!?]|$))|)`;
/** A German reporting verb; a separable one's particle in group particle. */
const CUES_DE = `(?:(?:${VERBS_DE.split(' ').join('|')})(?!\\p{L})|(?:${SEPARABLE_DE.split(' ').join('|')})(?!\\p{L})${PARTICLE_DE})`;
/**
 * A German nominal speaker: an article, an adjective or none, a noun and its genitive or "von"
 * ("der Bürgermeister", "ein Sprecher der Stadt", "die zuständige Ministerin", "der 54-Jährige"),
 * not followed by a name ("der Bürgermeister Hans Vogel" is a name with its title and article).
 */
const NOMINAL_DE = String.raw`(?:[Dd]er|[Dd]ie|[Dd]as|[Ee]in|[Ee]ine|[Ee]iner)\s+(?:\p{Ll}[\p{Ll}\-]*\s+)?(?:\p{Lu}[\p{L}\-]*|\d{1,3}-[Jj]ährige[rn]?)(?:\s+(?:der|des|von|vom)\s+(?:\p{Ll}[\p{Ll}\-]*\s+)?\p{Lu}[\p{L}\-]*)?(?!\p{L}|[^\S\n]+\p{Lu})`;
const SPEAKER_DE = `(?:(?<pronoun>[Ee]r|[Ss]ie)(?!\\p{L})|(?<nominal>${NOMINAL_DE})|(?<name>(?!${OPENING_DE_FR})(?:(?:der|die|das)\\s+(?=\\p{Lu}[\\p{L}\\-]*\\s+\\p{Lu}))?${NAME_PATTERN}))`;
const DE = {
  after: [
    // "sagte der Sprecher der Stadt, Hans Vogel.": the name in apposition is the speaker.
    new RegExp(
      `${LEAD}(?<cue>${CUES_DE})\\s+${SPEAKER_DE}(?<appositive>,\\s+${NAME_PATTERN}(?=\\s*(?:[.;,]|$)))?`,
      'du',
    ),
  ],
  before: [
    // "Auf Instagram schrieb der Verein: „…“", "Dazu sagte Karl Vogt: „…“": the verb second, the
    // speaker after it, a colon before the quotation.
    new RegExp(
      `(?<cue>${CUES_DE})\\s+(?:(?<pronoun>er|sie)(?!\\p{L})|(?<nominal>(?:der|die|das)\\s+\\p{Lu}[\\p{L}\\-]+)|(?<name>${NAME_PATTERN}))[^.!?„“”"»«:\\n]{0,60}:\\s*$`,
      'dgu',
    ),
    // "Laut Weber ist das „…“", "Weber zufolge ist das „…“": the source, as "according to X".
    new RegExp(
      `${CLAUSE_START_DE_FR}(?:(?<cue>[Ll]aut)\\s+${SPEAKER_DE}|${SPEAKER_DE}\\s+(?<cue>zufolge))(?!\\p{L})[^.!?„“”"»«\\n]{0,80}$`,
      'dgu',
    ),
    new RegExp(`${CLAUSE_START_DE_FR}${SPEAKER_DE}${APPOSITIVE}\\s+(?<cue>${CUES_DE})[^.!?„“”"»«\\n]{0,80}$`, 'dgu'),
  ],
};

/** The rules for a language, or null when it has none here. */
function rulesFor(language: string): typeof EN | null {
  const lang = language.toLowerCase().split('-')[0];
  return lang === 'en' ? EN : lang === 'fr' ? FR : lang === 'de' ? DE : null;
}

/** Whether findQuotes knows attribution rules for the language (English, French, German). */
export function hasAttributionRules(language: string): boolean {
  return rulesFor(language) !== null;
}

/**
 * The attribution written right after a quotation: `after` is the text from just past the
 * closing mark to the end of its paragraph, `offset` its index in the text. Null when no rule of
 * the language matches there.
 */
export function attributionAfter(after: string, offset: number, language: string): Attribution | null {
  const rules = rulesFor(language);
  if (!rules) return null;
  const perceived = rules === EN ? perceivedAfter(after, offset) : null;
  if (perceived) return perceived;
  for (const rule of rules.after) {
    const m = rule.exec(after);
    if (m) return rules === EN ? reportedSpeakerAfter(m, offset, after) : attributionOf(m, offset, after);
  }
  return null;
}

/**
 * The attribution written before a quotation, in its clause: `before` is the text from the
 * clause's start (the sentence's, or the end of the quotation before) to the opening mark.
 */
export function attributionBefore(before: string, offset: number, language: string): Attribution | null {
  const rules = rulesFor(language);
  if (!rules) return null;
  // "Tabaddor’s comments: “…”": a possessive's noun as the cue, kept only when nothing else
  // governs the quotation (see possessiveNounCue).
  let possessive: RegExpExecArray | null = null;
  for (const rule of rules.before) {
    // The speaker nearest the quotation: ", Doe said, and Roe replied “…”" is Roe's.
    let last: RegExpExecArray | null = null;
    rule.lastIndex = 0;
    for (let m = rule.exec(before); m !== null; m = rule.exec(before)) {
      // "Cho, who heard Delgado say so, told reporters: “…”": a reporting verb after the one
      // perceived has a subject of its own.
      const perceivedOnly =
        (rule === PERCEIVED_EN || rule === PERCEIVED_OBJECT_EN) &&
        REPORTING_VERB.test(before.slice(m.indices!.groups!['cue']![1]));
      if (perceivedOnly) {
        // passed over
      } else if (!possessiveNounCue(m, before)) last = m;
      else possessive ??= m;
      // On after this speaker mention, so a later match is another mention, not a part of this one.
      const g = m.indices!.groups!;
      rule.lastIndex = (g['name'] ?? g['nominal'] ?? g['pronoun'] ?? [m.index, m.index + 1])[1];
    }
    // "Reed disagreed with critics who called the plan “…”": the quotation is the critics'. But
    // the speaker's own relative clause keeps it theirs ("according to Phil Oakes, who called the
    // savings “…”", "the Freight Index Group, an industry data provider, which has described …").
    if (last) {
      const g = last.indices!.groups!;
      const other = OTHER_SPEAKER.exec(before.slice(g['cue']![1]));
      const speakerEnd = (g['name'] ?? g['nominal'] ?? g['pronoun'])![1];
      if (!other || OWN_RELATIVE.test(before.slice(speakerEnd, g['cue']![1] + other.index)))
        return rules === EN ? reportedSpeaker(last, offset, before) : attributionOf(last, offset, before);
    }
  }
  // The possessive's noun governs the quotation only when no reporting verb follows it: in
  // "Sessions, asked about Tabaddor’s comments, said: “…”" the finite "said" has its own subject.
  if (possessive && !REPORTING_VERB.test(before.slice(possessive.indices!.groups!['cue']![1])))
    return attributionOf(possessive, offset, before);
  return null;
}

/**
 * A reporting clause inside the reported speech of another, right after its cue or speaker, up to
 * the quotation: "[Whitaker said] Delgado had told him that", "[According to Whitaker,] Delgado
 * said:", "[Whitaker says] she told reporters:"; the object of told first ("told the court Whitby posted"). A cue word before a finite verb is a noun ("[she
 * said] the anecdotal reports were “…”").
 */
const REPORTED_CLAUSE_EN = new RegExp(
  `^(?:[^\\S\\n]+(?:reporters|him|her|them|us|me|the\\s+\\p{Ll}+))?(?:,|[^\\S\\n]+that)?[^\\S\\n]+${NO_IT}${SPEAKER_EN}${PARENTHESIS}${APPOSITIVE}${ADVERBS}\\s+(?<cue>${CUE_EN})(?!\\s+(?:were|was|is|are|had|have|has|will|would|could|should|may|might|must|did|do|does)(?!\\p{L}))${TAIL}$`,
  'du',
);

/**
 * "Delgado, Whitaker said, told him: “…”": a reporter's clause in commas between the speaker and
 * the cue.
 */
const PARENTHETICAL_REPORTER_EN = new RegExp(
  `${CLAUSE_START}${NO_IT}${SPEAKER_EN},\\s+(?:${NAME_PATTERN}|${PRONOUN_EN})${ADVERBS}\\s+(?:${CUES_EN})(?!\\p{L}),${ADVERBS}\\s+(?<cue>${CUE_EN})${TAIL}$`,
  'du',
);

/**
 * The attribution of a quotation in reported speech inside reported speech: the speaker of the
 * innermost reporting clause, nearest the quotation ("Whitaker said Delgado told him: “…”" and
 * "According to Whitaker, Delgado said: “…”" are Delgado's; "Delgado, Whitaker said, told him:
 * “…”" too), else the one `m` found. `m` is a match of an English rule before the quotation over
 * `before`; offsets as attributionBefore's. Pareti (2012) nests attribution relations so: the
 * outer source attributes the inner relation, the inner source the quotation.
 */
function reportedSpeaker(m: RegExpExecArray, offset: number, before: string): Attribution | null {
  // Only a reporter whose cue a comma follows can stand in commas (most quotations skip the search).
  const reporterCue = m.indices!.groups!['cue']!;
  const parenthetical = /^,\s/.test(before.slice(reporterCue[1])) ? PARENTHETICAL_REPORTER_EN.exec(before) : null;
  if (parenthetical) return attributionOf(parenthetical, offset, before);
  let [match, from] = [m, 0];
  for (;;) {
    const g = match.indices!.groups!;
    const end = from + Math.max(...['cue', 'name', 'nominal', 'pronoun', 'appositive'].map((k) => g[k]?.[1] ?? 0));
    const rest = before.slice(end);
    // An inner clause has a reporting verb of its own (most quotations skip the search).
    const inner = REPORTING_VERB.test(rest) ? REPORTED_CLAUSE_EN.exec(rest) : null;
    if (!inner) break;
    [match, from] = [inner, end];
  }
  return attributionOf(match, offset + from, before.slice(from));
}

/** Before PERCEIVED_EN after a quotation: the subject, any auxiliaries, the verb ("[“…,”] she had heard"). */
const PERCEIVED_LEAD = new RegExp(
  `^[^\\S\\n]*(?:[,—–-][^\\S\\n]*)?(?:[\\p{L}.'’-]+[^\\S\\n]+){0,4}(?:${PERCEIVING})[^\\S\\n]`,
  'u',
);

/**
 * The speaker of "“…,” Cho recalled Whitaker saying.", "“…,” she had heard Delgado say.": the one
 * perceived or remembered (PERCEIVED_EN) in the clause right after the quotation, up to its
 * sentence's end; offsets as attributionAfter's. Null otherwise.
 */
function perceivedAfter(after: string, offset: number): Attribution | null {
  if (!PERCEIVED_LEAD.test(after)) return null;
  const clause = /^[^.!?\n]*/.exec(after)![0];
  for (const rule of [PERCEIVED_EN, PERCEIVED_OBJECT_EN]) {
    rule.lastIndex = 0;
    const m = rule.exec(clause);
    if (m) return attributionOf(m, offset, clause);
  }
  return null;
}

/** After a reporter's attribution, the one they report: "[“…,” Whitaker said] Delgado told him." */
const REPORTED_AFTER_EN = new RegExp(
  `^(?:[^\\S\\n]+(?:reporters|him|her|them|us|me|the\\s+\\p{Ll}+))?(?:[^\\S\\n]+that)?[^\\S\\n]+${NO_IT}${SPEAKER_EN}${ADVERBS}\\s+(?<cue>${CUE_EN})(?!\\s+(?:were|was|is|are|had|have|has|will|would|could|should|may|might|must|did|do|does)(?!\\p{L}))`,
  'du',
);

/** After a reporter's attribution, the one they quote: "[“…,” said Whitaker], quoting Delgado." */
const QUOTING_AFTER_EN = new RegExp(`^,\\s+(?<cue>quoting)\\s+${NO_IT}${SPEAKER_EN}`, 'du');

/**
 * The attribution after a quotation, as reportedSpeaker before it: the speaker a reporter
 * reports or quotes ("“…,” Whitaker said Delgado told him.", "“…,” said Whitaker, quoting
 * Delgado." are Delgado's), else the one `m` found. `m` is a match of an English rule after
 * the quotation over `after`; offsets as attributionAfter's.
 */
function reportedSpeakerAfter(m: RegExpExecArray, offset: number, after: string): Attribution | null {
  const g = m.indices!.groups!;
  const end = Math.max(...['cue', 'name', 'nominal', 'pronoun', 'appositive'].map((k) => g[k]?.[1] ?? 0));
  const rest = after.slice(end);
  // Most quotations skip the search: the clause has no second reporting verb.
  const clause = rest.slice(0, 200);
  const inner =
    (REPORTING_VERB.test(clause) ? REPORTED_AFTER_EN.exec(rest) : null) ??
    (clause.includes('quoting') ? QUOTING_AFTER_EN.exec(rest) : null);
  return inner ? attributionOf(inner, offset + end, rest) : attributionOf(m, offset, after);
}

/** A reporting verb as a word ("said", "told"), anywhere in a stretch of text. */
const REPORTING_VERB = new RegExp(`(?<!\\p{L})(?:${CUES_EN})(?!\\p{L})`, 'u');

/**
 * Whether a match's speaker is a name in the possessive and its cue the noun it owns
 * ("Tabaddor’s comments", "López’s claims", "the Democrats’ remarks"): the cue word there is
 * a noun ("comments", "remarks", "tweets"; also after an adverb-like word, "Tabaddor’s earlier
 * remarks"), so the name is no subject of a reporting verb.
 */
function possessiveNounCue(m: RegExpExecArray, source: string): boolean {
  const g = m.indices!.groups!;
  const speaker = g['name'] ?? g['nominal'];
  if (!speaker || !g['cue']) return false;
  return (
    /\p{L}(?:['’]s|s['’])$/u.test(source.slice(speaker[0], speaker[1])) &&
    !/[,;:]/u.test(source.slice(speaker[1], g['cue'][0]))
  );
}

/**
 * An introductory phrase before a sentence's subject, ending with a comma: "Asked what donors
 * could do, she …", "On why she keeps returning, Achebe-Hart was blunt."
 */
const INTRODUCTORY = String.raw`(?:(?:Asked|On|At|In|After|When|Before|Later|Outside|Speaking|Inside|Back|Pressed)\b[^,“”"«»„‘\n]{1,100},\s+)?`;

/** An English sentence whose subject is a name or he/she before its verb, holding no quotation. */
const SUBJECT_SENTENCE_EN = new RegExp(
  `^${INTRODUCTORY}(?:(?<pronoun>[Hh]e|[Ss]he)|(?<name>${NAME_PATTERN}))\\s+(?<cue>was|is|were|had|has|did|${CUES_EN}|\\p{Ll}{2,}ed|\\p{Ll}{2,}s)(?!\\p{L})[^“”"«»„‘\\n]*[.!?]\\s*$`,
  'du',
);

/**
 * The subject of the sentence before a quotation that stands alone in its sentence ("Mr Tully
 * was unmoved. ‘…’"): a name or he/she before its verb, the verb as the cue. English only; null
 * when the sentence starts otherwise or holds a quotation itself.
 */
export function subjectOfSentence(sentence: string, offset: number, language: string): Attribution | null {
  if (rulesFor(language) !== EN) return null;
  const m = SUBJECT_SENTENCE_EN.exec(sentence);
  return m ? attributionOf(m, offset, sentence) : null;
}

/** Nouns for what someone said, as a sentence after a quotation names it ("Those were the words of X"). */
const SPEECH_NOUNS =
  'words|verdict|view|views|assessment|message|reaction|response|warning|evidence|advice|take|answer|reply|plea|account|opinion|testimony|conclusion|judgement|judgment|prediction|promise|explanation|description|analysis|argument|case|complaint|appeal|vow|boast|admission|claim|retort|summary';

/**
 * The opening of a sentence after a quotation that points back at it, up to its speaker: "Those
 * were the words of", "That was the verdict of", "That assessment came from", "So said" (the
 * construction, group 1); "That was" before a bare name (group 2). Small on purpose: the speaker
 * is read by the compiled "according to" rule (V8 stops compiling regular expressions to machine
 * code once a process holds about a megabyte of it, and every pattern holding SPEAKER_EN is large).
 */
const POINTING_BACK_EN = new RegExp(
  `^[^\\S\\n]*(?:(?:That|This|Those|These|Such)(?:\\s+(?:${SPEECH_NOUNS}))?\\s+((?:was|were|is|are)\\s+(?:the|a|an)\\s+(?:\\p{Ll}+\\s+){0,2}(?:${SPEECH_NOUNS})\\s+(?:of|from|by)|(?:came|comes|come)\\s+from)|(So\\s+said)|(?:That|This)\\s+(was|is))\\s+`,
  'u',
);

/** After a bare name: "again" or a participle of speaking ("That was Ruiz again", "That was Ruiz, speaking …"). */
const AGAIN_AFTER = /^(?:\s+again(?!\p{L})|,\s+(?:speaking|talking|writing|addressing|responding)(?!\p{L}))/u;

/**
 * The speaker a sentence right after a quotation names while pointing back at it (`sentence` is that
 * sentence with what follows, `offset` its index in the text): "Those were the words of union
 * steward Ana Ruiz", "That view came from plant manager Carl Benning", "So said X", "That was
 * Ruiz again, speaking …". English only; null otherwise. `bare` says whether the mention is
 * only a name after "That was" (the caller keeps it only when it is one of the article's people).
 */
export function speakerNamedAfter(
  sentence: string,
  offset: number,
  language: string,
): { attribution: Attribution; bare: boolean } | null {
  if (rulesFor(language) !== EN) return null;
  const head = POINTING_BACK_EN.exec(sentence);
  if (!head) return null;
  // The speaker as the "according to" rule reads it (its appositive and description rules with it).
  const lead = 'according to ';
  const at = head[0].length;
  const a = attributionAfter(lead + sentence.slice(at, at + 300), offset + at - lead.length, language);
  if (!a || !a.cue.startsWith(lead.trim()) || a.start < offset + at) return null;
  const bare = head[3] !== undefined;
  if (bare && (a.kind !== 'name' || !AGAIN_AFTER.test(sentence.slice(a.end - offset)))) return null;
  // The construction as the cue, with any setting the rule read after the speaker ("on X").
  const cue = (head[1] ?? head[2] ?? head[3])!.replace(/\s+/g, ' ') + a.cue.slice(lead.trim().length);
  return { attribution: { ...a, cue }, bare };
}

/** A speaker's name as the label of a line, a transcript's or a Q&A's: "Jim Hale: “…”". */
const SPEAKER_LABEL = new RegExp(`^[^\\S\\n]*(?<name>${NAME_PATTERN}):[^\\S\\n]*$`, 'du');

/**
 * The speaker of a quotation whose clause before is only a name and a colon ("Jim Hale: “Who is
 * to blame?”"), as transcripts and question-and-answer copy print it; the cue is the colon. Null
 * otherwise, and in languages without rules. The caller keeps it only when the name is one of the
 * article's people (a label such as "Update:" is no one).
 */
export function speakerLabel(before: string, offset: number, language: string): Attribution | null {
  if (!rulesFor(language)) return null;
  const m = SPEAKER_LABEL.exec(before);
  if (!m) return null;
  const [start, end] = m.indices!.groups!['name']!;
  return { start: offset + start, end: offset + end, text: before.slice(start, end), kind: 'name', cue: ':' };
}

/** What stands between a speaker and its own relative clause: a comma, or an appositive in commas. */
const OWN_RELATIVE = /^(?:,\s+[^,;:“”"«»„\n]{1,80})?,\s+$/;

/** Words between a cue and the quotation that give the quotation to someone else: "who called", "which said". */
const OTHER_SPEAKER = new RegExp(`\\b(?:who|which|whom|whose)\\s+(?:\\p{Ll}+\\s+)?(?:${CUES_EN})(?!\\p{L})`, 'u');

/** Abbreviations that end with a full stop inside a name ("Dr.", "Sen.", "Jr."). */
const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Supt|Det|Insp|Mme|Mlle|Mgr|Pr|Hon|Atty|Ald|Cllr)\.$/;

const MONTHS_DAYS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tonight)$/;

function attributionOf(m: RegExpExecArray, offset: number, source: string): Attribution | null {
  const g = m.indices!.groups!;
  const kind = g['pronoun'] ? 'pronoun' : g['nominal'] ? 'nominal' : 'name';
  const groupEnd = g[kind]![1];
  let start = g[kind]![0];
  let text = source.slice(start, groupEnd);
  if (kind === 'name') {
    // "Ali Khan, the health minister, and Jane Doe, the mayor, said": the first name with its
    // appositive, then "and", before this one (no reporting verb between: "Doe, the mayor, said
    // so, and Khan said" is two clauses).
    const before = g['cue']![1] > start ? COORDINATED_APPOSITIVE.exec(source.slice(0, start)) : null;
    if (before && !REPORTING_VERB.test(before[0])) {
      const from = before.index + before[0].indexOf(before[1]!);
      return attribution(from, withoutFullStop(source.slice(from, groupEnd)), 'coordinated', m, offset, source);
    }
    // "Omar Haddad and Rita Okafor said", "said Haddad and Okafor": coordinated names.
    const first = g['first'];
    const next = g['cue']![1] <= start ? NAME_AFTER_AND.exec(source.slice(groupEnd)) : null;
    if (first || next) {
      const from = first ? first[0] : start;
      const to = next ? groupEnd + next[0].length : groupEnd;
      return attribution(from, withoutFullStop(source.slice(from, to)), 'coordinated', m, offset, source);
    }
  }
  if (kind === 'nominal') {
    // "Haddad’s statement said", "According to Baker’s letter": the document's author is the source.
    const author = AUTHOR_OF_DOCUMENT.exec(text);
    if (author) return attribution(start, author[1]!, 'name', m, offset, source);
    // "A statement from Tom Baker said": likewise, the author named after the document.
    const from = DOCUMENT_FROM.exec(source.slice(groupEnd));
    if (DOCUMENT_ALONE.test(text) && from)
      return attribution(
        groupEnd + from[0].length - from[1]!.length,
        withoutFullStop(from[1]!),
        'name',
        m,
        offset,
        source,
      );
  }
  if (kind === 'name') {
    // "said Jane Doe Monday": a day or month after the name is not part of it.
    let words = text.split(/\s+/);
    // "a déclaré Lucie Arnaud. Les habitants…": a full stop after a word that is no initial or
    // abbreviation ends the sentence, and the name with it.
    const stop = words.findIndex((w, i) => i < words.length - 1 && /\p{L}{2}\.$/u.test(w) && !ABBREVIATION.test(w));
    if (stop >= 0) words = words.slice(0, stop + 1);
    while (words.length > 1 && MONTHS_DAYS.test(words.at(-1)!.replace(/[.,]$/, ''))) words.pop();
    // "On Monday Whitaker said", "Yesterday Whitaker told": a capitalized word right before the
    // name that is no given name is no part of it (a description stays: "The deputy Borislav
    // Vranješ", "his daughter Emma").
    while (words.length > 1 && /^\p{Lu}/u.test(words[1]!) && isNotGivenName(words[0]!, source.slice(0, start)))
      start = source.indexOf(words[1]!, start + words.shift()!.length);
    text = words.join(' ');
    if (!source.startsWith(text, start)) return null;
  }
  const appositive = g['appositive'] ? source.slice(g['appositive'][0], g['appositive'][1]) : '';
  const named = appositive ? APPOSITIVE_NAME.exec(appositive) : null;
  if (kind === 'nominal' && named) {
    // "The hospital’s chief executive, Tom Baker, said": the name in the appositive is the speaker.
    const at = g['appositive']![0] + named.index + named[0].indexOf(named[1]!);
    return { ...attribution(at, withoutFullStop(named[1]!), 'name', m, offset, source), nominal: text };
  }
  // "Marsh’s neighbour Tom Baker", "his daughter Sarah": the name after a possessive description is the speaker.
  const named2 = kind === 'nominal' ? POSSESSIVE_THEN_NAME.exec(text) : null;
  if (named2)
    return attribution(
      start + named2.index + named2[0].length - named2[1]!.length,
      withoutFullStop(named2[1]!),
      'name',
      m,
      offset,
      source,
    );
  // "The Rev. Marcus Oyelaran", "the Hon. Jane Doe": a title after "the" makes a name, no organization.
  if (kind === 'nominal' && TITLE_AFTER_THE.test(text))
    return attribution(start, withoutFullStop(text), 'name', m, offset, source);
  if (kind === 'nominal') {
    // "a spokesman for the company": the mention is the noun phrase before its qualifier.
    const cut = /\s(?:for|of|at|from|with|in|on)\s/.exec(text);
    if (cut && !/^[Tt]he\s+\p{Lu}/u.test(text)) text = text.slice(0, cut.index);
  }
  return attribution(start, withoutFullStop(text), kind, m, offset, source);
}

/** A name, its appositive in commas and "and", ending where the next name starts (the first name, group 1). */
const COORDINATED_APPOSITIVE = new RegExp(
  `(?:^|[.;:!?]\\s+|\\n)(?:[Bb]oth\\s+)?(${NAME_PATTERN}),[^.;:!?“”"«»„\\n]{1,120},\\s+and\\s+$`,
  'u',
);

/** "… and Rita Okafor" after a name: the name coordinated with it (its end is the match's). */
const NAME_AFTER_AND = new RegExp(`^,?\\s+and\\s+${NAME_PATTERN}`, 'u');

/** A name's document: "Haddad’s statement", "Baker’s written statement" (the name, group 1). */
const AUTHOR_OF_DOCUMENT = new RegExp(`^(${NAME_PATTERN})['’]s?\\s+(?:\\p{Ll}+\\s+)?${DOCUMENTS}$`, 'u');
/** A document without its author: "A statement", "the joint letter". */
const DOCUMENT_ALONE = new RegExp(`^(?:[Aa]n?|[Tt]he)\\s+(?:\\p{Ll}+\\s+)?${DOCUMENTS}$`, 'u');
/** Its author right after it: " from Tom Baker" (the name, group 1). */
const DOCUMENT_FROM = new RegExp(
  `^\\s+(?:issued\\s+|released\\s+|signed\\s+)?(?:from|by)\\s+(?:${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}['’]s?\\s+(?:\\p{Ll}[\\p{Ll}\\-]*\\s+){0,3}\\p{Ll}[\\p{Ll}\\-]*,\\s+)?(${NAME_PATTERN})`,
  'u',
);

/** A mention without the sentence's full stop or comma after it ("Tom Baker." -> "Tom Baker"; "Jr." and "J." keep theirs). */
function withoutFullStop(text: string): string {
  return text.replace(/[.,]$/, (dot) => (/\b(?:Jr|Sr|\p{Lu})\.$/u.test(text) ? dot : ''));
}

/** "The Rev.", "the Hon.": titles printed after "the" before a name. */
const TITLE_AFTER_THE =
  /^[Tt]he\s+(?:(?:Right|Rt\.|Very|Most)\s+)?(?:Rev\.|Reverend|Hon\.|Honourable|Honorable)\s+\p{Lu}/u;

/** A possessive description ending with a name: the name (group 1). */
const POSSESSIVE_THEN_NAME = new RegExp(
  `(?:['’]s?|^(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\\s+(?:\\p{Ll}[\\p{Ll}\\-]*\\s+){1,3}(${NAME_PATTERN})$`,
  'u',
);

/** An appositive that is a name and nothing else: ", Tom Baker," (or ", Tom Baker" ending an inverted attribution). */
const APPOSITIVE_NAME = new RegExp(`^,\\s+(${NAME_PATTERN}),?$`, 'u');

function attribution(
  start: number,
  text: string,
  kind: Attribution['kind'],
  m: RegExpExecArray,
  offset: number,
  source: string,
): Attribution {
  const g = m.indices!.groups!;
  const end = start + text.length;
  let cue = m.groups!['cue']!.replace(/\s+/g, ' ');
  // "„…“, teilte die Polizei mit": a German separable verb's particle ends the clause.
  if (m.groups!['particle']) cue = `${cue} ${m.groups!['particle']}`;
  // The setting follows the cue ("wrote on X"), or the speaker after it ("wrote Baker on X").
  const rest = source.slice(g['cue']![1] <= start ? end : g['cue']![1]);
  const setting =
    /^\s+((?:in|on)\s+(?:a|an|his|her|their|its)?\s*(?:written\s+|joint\s+)?(?:statement|post|tweet|email|e-mail|letter|interview|video|podcast|op-ed)|on\s+(?:X|Twitter|Facebook|Instagram|Threads|Bluesky|LinkedIn|TikTok|Truth Social|social media))\b/u.exec(
      rest,
    );
  if (setting) cue = `${cue} ${setting[1]!.replace(/\s+/g, ' ')}`;
  return { start: offset + start, end: offset + end, text, kind, cue };
}
