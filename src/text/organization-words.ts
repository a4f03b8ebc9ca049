// Words that make a name an organization's rather than a person's, in English and the other
// languages the importer reads (French, German, Spanish, Italian, Portuguese, Dutch). Lower-case;
// an abbreviation is listed with and without its full stop. Each list says where it applies: a
// word that ends an institution's name ("Foundation") is safe anywhere, but one that is also a
// surname ("Post", "Park") only where the context already says "a name goes on here".

/**
 * Words in a byline that mark it as an organization's rather than a person's ("Associated
 * Press", "BBC News", "Staff and agencies", "Editorial Board", "Acme Ltd."), taken from the
 * bylines of news agencies and desks. Compared with whole words of the byline
 * (src/content/names.ts, looksLikeOrganization).
 */
export const BYLINE_ORGANIZATION_WORDS: readonly string[] =
  'press presse news newswire wire wires staff agency agencies service services bureau desk board team reporters correspondents newsroom editors editorial media network group inc inc. ltd ltd. llc institute association council committee foundation corporation company office department ministry university'.split(
    ' ',
  );

/**
 * Words naming an institution or a company's legal form, which end an organization's name
 * ("Robert Wood Johnson Foundation", "Lyndon B. Johnson Space Center", "Acme Corp."), in either
 * place the importer looks: right after a name, or as a capitalized phrase's last word.
 */
export const INSTITUTION_WORDS: readonly string[] =
  'center centre foundation institute university college school hospital company corporation corp corp. inc inc. ltd ltd. llc group fund prize award awards stadium arena airport library museum society association council committee commission agency laboratory stiftung institut universität fondation fundación università zentrum'.split(
    ' ',
  );

/**
 * Ensembles, companies' plurals, trade-like words and clubs ("Kronos Quartet", "Harbour Link
 * Ferries", "Smith Brothers", "Ajax FC"): an organization's, like INSTITUTION_WORDS.
 */
export const GROUP_WORDS: readonly string[] =
  'quartet quintet sextet trio duo band orchestra ensemble choir chorus singers players philharmonic symphony ferries ferry lines airlines airways airline railways railway rail motors partners holdings industries systems technologies studios records productions brothers bros bros. sons associates markets stores services communications networks energy bakery brewery restaurant hotel festival collective cooperative co-op team fc club'.split(
    ' ',
  );

/**
 * Words that, right after a person's name, make it the name of something named after them: a
 * place, a building, an institution, a law, a prize or a programme ("the François-Xavier Bagnoud
 * Center for Health", "Martin Luther King Jr. Boulevard", "the Dodd-Frank Act"). Many are also
 * surnames or common nouns, so they are only read right after a name.
 */
export const NAMED_AFTER_WORDS: readonly string[] =
  'institution academy clinic medical trust fellowship lecture memorial field park station bridge street st st. avenue ave ave. road boulevard square building tower hall gallery theater theatre act law rule doctrine plan space cancer research laboratories lab program programme project initiative high elementary middle fondazione fundação universidad université centro prijs preis prix premio'.split(
    ' ',
  );

/**
 * Public bodies, parties, the press and other bodies that end a capitalized phrase naming them
 * ("Labour Party", "Metropolitan Police", "Washington Post", "Federal Reserve Bank"). Some are
 * also surnames ("Post"), so they are read only as the last word of a capitalized phrase.
 */
export const PUBLIC_BODY_WORDS: readonly string[] =
  'party government ministry department police army navy court parliament congress senate office bank times post news journal tribune press media union league club partei regierung ministerium parti gouvernement ministère partido gobierno ministerio governo ministero farms'.split(
    ' ',
  );

/**
 * Trades a company is named after ("Van Oord Dredging", "Maersk Shipping", "Rio Tinto Mining"):
 * as a name's last word, or right after a name, they make it a company's.
 */
export const TRADE_WORDS: readonly string[] =
  'dredging shipping mining engineering construction logistics consulting publishing trading banking insurance marketing broadcasting manufacturing pharmaceuticals chemicals foods farms transport haulage motors'.split(
    ' ',
  );

/**
 * Endings of German compound nouns that name an organization ("Mieterverein", "Mieterbund",
 * "Bauernverband", "Handelskammer", "Verkehrsgesellschaft", "Landgericht").
 */
export const GERMAN_ORGANIZATION_ENDINGS: readonly string[] =
  'verein bund verband gewerkschaft gesellschaft kammer genossenschaft partei gericht behörde fraktion'.split(' ');

/**
 * Political parties and groups named by a plural or an adjective, not by a person's name ("Die
 * Grünen", "Die Linke", "the Greens", "Senate Republicans").
 */
export const PARTY_WORDS: readonly string[] =
  'grünen grüne linke greens democrats republicans conservatives liberals tories socialists verts socialistes républicains'.split(
    ' ',
  );
