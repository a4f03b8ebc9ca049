import { isDateLine } from '../dates.ts';
import { GLUED_DATE } from '../names.ts';
import { isMetaLine } from './meta-line.ts';
import { BYLINE_CONJUNCTIONS, BYLINE_LEAD_WORDS } from '../../text/byline-words.ts';
import { NAME_PARTICLES } from '../../text/name-particles.ts';
import { LETTER_BOUNDARY, wordAlternation } from '../../text/word-pattern.ts';
import { singleSpaced } from '../../text/white-space.ts';
import { BYLINE_ORGANIZATION_WORDS } from '../../text/organization-words.ts';

// Boilerplate that survives article extraction on real news pages. Each rule lives here once,
// with what it removes; tests/unit/import-clean.test.ts shows a real-looking before and after
// for every rule.

/** What a rule may consult besides the text: the article's headline. */
export interface RuleContext {
  title?: string | undefined;
  dek?: string | undefined;
  siteName?: string | undefined;
}

/**
 * What a rule may know about the block besides its text: its element, how much of its text is
 * link text (0 to 1), whether it holds an image, and for a list the text of each item.
 */
export interface BlockInfo {
  tag: string;
  linkShare: number;
  hasImage: boolean;
  /** True when every link in the block goes to one address and the image is inside a link. */
  oneLink?: boolean;
  items?: string[];
}

/** A rule that removes a whole block (paragraph, list item, heading) when its text matches. */
export interface BlockRule {
  name: string;
  /** What the rule removes, for the import report. */
  description: string;
  matches(text: string, ctx: RuleContext, info?: BlockInfo): boolean;
  /** Also judge containers (a card: a <div> or <aside> holding a link, an image and a headline) as one block. */
  containers?: string[];
  /** Also judge <figcaption> text (a gallery counter under an image). */
  inCaptions?: boolean;
  /** Rules whose matched text is an image credit hand it back, so it is kept as the credit. */
  credit?: (text: string) => string;
  /** For headings: also remove the list of links that follows ("More on this story" + list). */
  withFollowingList?: boolean;
  /** When the rule removes a heading, also remove everything after it in its container (a comment section, a paywall box). */
  withRest?: boolean;
  /** Elements the rule applies to (tag names); all removable blocks when absent. */
  only?: string[];
  /** When the block heads a small box of its own (a sign-up box), also remove the rest of the box. */
  withBox?: boolean;
}

/** A rule that cuts spans out of a block's text (text glued into a sentence). */
export interface InlineRule {
  name: string;
  description: string;
  /** [start, end) character ranges of the block's text to remove. */
  ranges(text: string): [number, number][];
  /** Rules whose cut text is an image credit hand it back, so it is kept as the credit. */
  credit?: (text: string) => string;
  /** Only in a caption (a <figcaption>, or a block right after an image). */
  captionsOnly?: boolean;
}

/** Text compared case-insensitively with spaces collapsed. */
const norm = (text: string) => singleSpaced(text).toLowerCase();

const SHARE_WORD =
  "(?:(?:share|teilen|partager|compartir|condividi|partilhar|delen)(?: (?:on|via|auf|sur|en|su|em|op) \\w+)?|instagram|youtube|tiktok|threads|bluesky|mastodon|e-mail|drucken|imprimir|stampa|imprimer|afdrukken|kopieren|copier|copiar|copia|kopiëren|opens? in (?:a )?new (?:window|tab)|share(?: this (?:article|story|page))?(?: on \\w+| via \\w+)?|tweet|e-?mail|print|copy(?: link)?|link copied|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|messenger|telegram|save|gift(?: this)? article|comments?|order reprints|reprints|today[’']s paper|subscribe|partager|courriel|ascolta(?: l['’]articolo)?|luister(?: naar)?(?: dit| het)? artikel|ouvir (?:a |o )?(?:notícia|matéria|reportagem|artigo)|compartilh(?:ar|e)|deel|kopieer(?: (?:de )?link)?|cop(?:ia|iar) (?:il |o )?link)";

/** Words a byline starts with, in the languages the importer reads. */
const BYLINE_START = new RegExp(
  `^(?:${wordAlternation(BYLINE_LEAD_WORDS)}|texto?|text|written by)\\s+(?=\\p{Lu})`,
  'iu',
);
/** Words that end an agency's or a desk's name in a byline ("Press", "News", "Board"). */
const ORGANIZATION_WORD = new Set(BYLINE_ORGANIZATION_WORDS);
/** Words that may stand between the names of a byline. */
const BYLINE_JOIN = new RegExp(`^(?:${wordAlternation([...BYLINE_CONJUNCTIONS, ...NAME_PARTICLES])})$`);

/**
 * A byline's ", role" tail naming the writer's job ("By Bob Smith, Gazette staff writer", "Par
 * Anne Roy, envoyée spéciale", "Von Eva Ruf, Korrespondentin"): the job words of the languages
 * the importer reads, with up to a few words of the outlet's name or beat around them.
 */
export const ROLE_TAIL = new RegExp(
  String.raw`,\s*(?:[\p{L}.'’&-]+\s+){0,4}(?:staff|senior|chief|special|political|foreign|writer|reporter|correspondent|editor|columnist|contributor|photographer|journaliste|rédact(?:eur|rice)|envoyée?|correspondante?|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|corresponsal|redactora?|periodista|enviad[oa]|giornalista|inviat[oa]|corrispondente|verslaggever|correspondente|jornalista|redaktion|redacci[óo]n|r[ée]daction|redazione|reda[çc][ãa]o|redactie|newsroom)${LETTER_BOUNDARY}[\p{L}.'’&\s-]{0,40}$`,
  'iu',
);

/**
 * True for a line that is only a byline: a byline word, then names (capitalised words, with
 * "and"-words and particles between them), then optionally a date, a "| role" or a ", role" tail
 * (see ROLE_TAIL).
 */
function isBylineLine(text: string): boolean {
  const start = BYLINE_START.exec(text);
  if (!start) return false;
  const first = text.slice(start[0].length).split(/\s[|–—·•]\s|\s-\s/)[0]!;
  const lead = first.replace(ROLE_TAIL, '');
  // A role tail follows a full name (two words or more) and ends no sentence ("By Monday, staff left.").
  if (lead !== first && (/[.!?]$/.test(text.trim()) || lead.trim().split(/\s+/).length < 2)) return false;
  const names = lead.replace(GLUED_DATE, '').replace(/[,;]/g, ' ').trim();
  const words = names.split(/\s+/).filter(Boolean);
  // An article starts no person's name, but does start an agency's or a desk's ("By The
  // Associated Press", "By The Editorial Board"); "By The Numbers" is a heading.
  const article = /^(?:the|a|an|der|die|das|le|la|les|el|los|las|il|lo|o|os|as|de|het)$/i.test(words[0]!);
  return (
    words.length >= 1 &&
    (!article || (words.length >= 2 && ORGANIZATION_WORD.has(words.at(-1)!.toLowerCase()))) &&
    words.length <= 12 &&
    /^\p{Lu}/u.test(words[0]!) &&
    words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || BYLINE_JOIN.test(w))
  );
}

/**
 * Headings over other stories' links or the article's tags, in the languages the importer reads:
 * "More on this story", "Related", "DON'T MISS", "Most read", "Tags", "À lire aussi", "Les plus
 * lus", "Mehr zum Thema", "Das könnte Sie auch interessieren", "Lo más leído", "No te lo pierdas".
 */
const RELATED_HEADING = new RegExp(
  `^(?:${[
    // English
    'more on this (?:story|topic|subject)',
    'related(?: topics| stories| coverage| articles| content| news| links| reading| posts| videos)?',
    "more(?: news| stories| articles| coverage| headlines)? (?:from|on|about|in) [\\p{L}\\p{N}.'’& -]{1,50}",
    '(?:more|latest|other|top|trending|popular|recent|featured) (?:news|stories|headlines|articles|posts|videos)',
    'more stories(?: like this)?',
    'read (?:more|next|also)',
    'most (?:popular|read|viewed|shared|commented|emailed|watched)',
    'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)',
    'recommended(?: for you| reading| stories| articles)?',
    "(?:editor['’]?s|editors['’]?|our) (?:picks?|choice|recommendations)",
    "don['’]?t miss(?: this| these)?",
    'do not miss',
    'must[- ]reads?',
    'trending(?: now| stories)?',
    'popular(?: now| today)?',
    'what to read next',
    'keep reading',
    'up next',
    'watch next',
    'in other news',
    "also (?:on|from|in) [\\p{L}\\p{N}.'’& -]{1,40}",
    'latest(?: news| stories| headlines| updates)?',
    'top stories',
    'explore more on these topics',
    'tags?',
    'topics?',
    'filed under',
    'more about',
    // French
    "plus d['’]actualités",
    'à lire (?:aussi|également|ensuite)',
    'lire (?:aussi|également)',
    'à voir aussi',
    'à ne pas manquer',
    'ne manquez pas',
    'sur le même sujet',
    'dans la même rubrique',
    'les plus (?:lus|partagés|commentés|populaires)',
    'articles? (?:les plus lus|similaires|recommandés)',
    'vous aimerez aussi',
    'vous (?:pourriez|pouvez) aussi aimer',
    '(?:nos )?dernières actualités',
    'à découvrir(?: aussi)?',
    'sélectionné pour vous',
    'la sélection de la rédaction',
    'mots[- ]clés',
    'sujets?',
    'thèmes?',
    // German
    'mehr zum thema',
    'mehr aus (?:dem ressort|der rubrik|[\\p{L}-]{1,30})',
    'lesen sie auch',
    'auch interessant',
    'das (?:könnte|dürfte) sie auch interessieren',
    'das könnte sie interessieren',
    'weitere (?:artikel|nachrichten|themen|meldungen)',
    'neueste (?:artikel|nachrichten)',
    'meistgelesen(?:e)?(?: artikel)?',
    'meist(?:gelesen|geklickt|kommentiert)',
    'top[- ]themen',
    'empfehlungen(?: der redaktion)?',
    'unsere empfehlungen',
    'nicht verpassen',
    'verpassen sie nicht',
    'themen',
    'schlagw(?:ö|o)rte(?:r)?',
    // Spanish
    'más noticias',
    'te puede interesar',
    'también te puede interesar',
    'puede interesarte',
    'te recomendamos',
    'no te lo pierdas',
    'no te pierdas',
    'lee también',
    'lea también',
    'noticias relacionadas',
    'otras noticias',
    'últimas noticias',
    'lo más (?:leído|visto|compartido)',
    'más (?:leídas|leídos|vistas|vistos)',
    'etiquetas',
    'temas',
    // Italian, Portuguese, Dutch
    'leggi anche',
    'potrebbe interessarti',
    'ti potrebbe interessare',
    'articoli correlati',
    'da non perdere',
    'i più letti',
    'ultime notizie',
    'argomenti',
    'leia também',
    'veja também',
    'não perca',
    'mais notícias',
    'mais lidas',
    'notícias relacionadas',
    'últimas notícias',
    'você (?:pode|também pode) gostar',
    'lees ook',
    'meer nieuws',
    'meest gelezen',
    'ook interessant',
    'mis ook niet',
    'gerelateerde artikelen',
    'onderwerpen',
    'trefwoorden',
  ].join('|')})\\s*[:.…»›>]?$`,
  'iu',
);

/** Labels that put another story's headline in the article ("Read more:", "DON'T MISS", "Lesen Sie auch"). */
const TEASER_LABEL = new RegExp(
  `^(?:${[
    'read (?:more|also|next|this)',
    'also read',
    'see (?:also|more)',
    'related(?: stories| coverage| articles?| story| content| video| link)?',
    'recommended(?: reading)?',
    'more on this story',
    "more from [\\p{L}\\p{N}.'’& -]{1,40}",
    'more',
    'watch(?: now| more)?',
    'listen',
    "don['’]?t miss",
    'must[- ]read',
    "editor['’]?s pick",
    'top story',
    'trending',
    'go deeper',
    'further reading',
    'click here',
    '(?:à )?lire (?:aussi|également|la suite)',
    'voir aussi',
    'à voir',
    'à ne pas manquer',
    'à découvrir',
    'découvrez aussi',
    'lesen sie (?:auch|mehr|hier)',
    'mehr (?:zum thema|dazu|lesen)',
    'zum thema',
    'auch interessant',
    'das könnte sie (?:auch )?interessieren',
    'nicht verpassen',
    'hier lesen',
    'lee (?:también|más)',
    'lea también',
    'leer (?:más|también)',
    'ver (?:también|más)',
    'te puede interesar',
    'puede interesarte',
    'te recomendamos',
    'no te pierdas',
    'relacionad[oa]s?',
    'más información',
    'leia (?:também|mais)',
    'veja também',
    "leggi (?:anche|l['’]articolo)",
    'lees (?:ook|meer)',
    'zie ook',
  ].join('|')})`,
  'iu',
);

/** A closing line sending the reader to more of the site's news, the whole block. */
const MORE_NEWS = new RegExp(
  `^(?:${[
    '(?:veja|leia|confira) (?:mais|todas as|as últimas) notícias',
    '(?:lees|bekijk) (?:meer|al het|het laatste) nieuws',
    '(?:leggi|scopri) (?:tutte )?le (?:altre |ultime )?notizie',
    '(?:read|see|get) (?:more|all|the latest) (?:news|stories) (?:from|about|on|in)',
    "(?:plus d['’]|toute l['’])actualités? (?:de|du|des|sur)",
    'mehr nachrichten (?:aus|zu|von|über)',
    'más noticias (?:de|sobre)',
  ].join('|')})(?![\\p{L}])[^.!?]{0,100}[.!]?$`,
  'iu',
);

/** Words of a page's own controls: signing in, the menu, search, skipping to the content. */
const CHROME_PHRASES = [
  'skip to (?:the )?(?:main )?(?:content|article|navigation|search|footer|menu)',
  'jump to (?:the )?(?:main )?(?:content|article|navigation)',
  'skip (?:navigation|advertisement|ad)',
  'sign (?:in|out|up)',
  'log ?(?:in|out)',
  'register',
  'create (?:an? |your )?(?:free |new )?account',
  'my account',
  'my profile',
  'manage (?:your )?account',
  'menu',
  'search',
  'close',
  'open menu',
  'toggle navigation',
  'back to top',
  'print(?: this)?(?: page| article| story)?',
  'print(?:er|able)?[- ]friendly(?: version| page| format)?',
  'e-?mail (?:this|to a friend)(?: page| article| story)?',
  'send (?:this )?(?:page |article |story )?to a friend',
  'top of (?:the )?page',
  'artikel (?:drucken|versenden|empfehlen)',
  'imprimer(?: cet article)?',
  'envoyer (?:à un ami|cet article)',
  'imprimir(?: (?:esta noticia|este artículo))?',
  'enviar (?:a un amigo|por (?:e-?mail|correo))',
  'version (?:imprimable|à imprimer|pour impression)',
  'envoyer (?:par (?:e-?mail|courriel)|à un(?:e)? ami(?:e)?)',
  'druck(?:version|ansicht|fassung)',
  'per e-?mail (?:versenden|empfehlen)',
  'versión (?:para imprimir|imprimible|de impresión)',
  'enviar (?:esta noticia|este artículo|noticia)',
  'versione (?:stampabile|per la stampa)',
  "stampa (?:l[’']articolo|questo articolo)",
  "invia (?:ad un amico|l[’']articolo|per e-?mail)",
  'versão (?:para impressão|impressa)',
  'enviar por e-?mail',
  'printversie',
  'artikel (?:afdrukken|mailen|doorsturen)',
  'save(?: article| for later)?',
  '(?:text|font) size',
  'a a a',
  'listen(?: to (?:this )?article)?',
  'aller au contenu(?: principal)?',
  'passer au contenu(?: principal)?',
  'aller à la navigation',
  'se (?:connecter|déconnecter)',
  'connexion',
  'déconnexion',
  "s['’]inscrire",
  'inscription',
  'mon compte',
  "s['’]abonner",
  'rechercher',
  'recherche',
  'fermer',
  'retour en haut',
  'zum (?:haupt)?inhalt(?: springen)?',
  'direkt zum inhalt',
  'zur navigation',
  'anmelden',
  'abmelden',
  'einloggen',
  'registrieren',
  'mein konto',
  'mein profil',
  'suche',
  'suchen',
  'schließen',
  'nach oben',
  'saltar al contenido(?: principal)?',
  'ir al contenido(?: principal)?',
  'iniciar sesión',
  'cerrar sesión',
  'regístrate',
  'registrarse',
  'mi cuenta',
  'mi perfil',
  'buscar',
  'búsqueda',
  'cerrar',
  'volver arriba',
  'vai al contenuto',
  'accedi',
  'registrati',
  'ir para o conteúdo',
  'entrar',
  'minha conta',
  'naar (?:de )?(?:hoofd)?inhoud',
  'inloggen',
  'uitloggen',
  'zoeken',
];
const CHROME_LINE = new RegExp(`^(?:(?:${CHROME_PHRASES.join('|')})\\s*[|/·•,-]?\\s*)+$`, 'iu');

/** First crumbs of a breadcrumb trail ("Home › News › Politics"). */
const HOME_CRUMB =
  /^(?:home(?: ?page)?|start(?:seite)?|accueil|inicio|portada|página (?:de )?inicio|homepage|início|pagina iniziale|news|nachrichten|actualités|noticias)$/iu;

/** A web address as a print logo gives it: a host with no path ("www.example.com", "https://example.co.uk/"). */
const WEB_ADDRESS = /(?:https?:\/\/|\bwww\.)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/?(?=\s|$)/giu;
/** The same, for a test (no global state). */
const BARE_ADDRESS = new RegExp(WEB_ADDRESS.source, 'iu');

/** One part of an advertisement marker, lower-case ("advertisement", "continue reading below"). */
const AD_LABEL = new RegExp(
  `^(?:${[
    'advertisement',
    'advertisements',
    'advertising',
    'advert',
    'ad',
    'ads',
    'paid (?:content|post|partner content)',
    'sponsored(?: content| post| links?)?',
    'promoted(?: content)?',
    'partner content',
    'skip (?:advertisement|ad)',
    'hide ad',
    'report (?:this )?ad',
    'remove ads',
    'ad feedback',
    '(?:the )?(?:story|article|content|text|post|page) continues (?:below|after|under)(?: (?:this|the))?(?: (?:advertisement|ad|advert))?',
    'continue reading (?:below|after (?:the |this )?(?:ad|advertisement))',
    'continue reading (?:the )?(?:main )?story',
    'scroll (?:down )?to continue(?: (?:with content|reading))?',
    'publicité',
    "la suite (?:de l['’]article )?(?:après|sous) (?:cette |la )?publicité",
    "suite (?:de l['’]article )?après (?:cette |la )?publicité",
    'article (?:réservé|sponsorisé)',
    'contenu sponsorisé',
    'anzeige',
    'werbung',
    'weiter(?:lesen)? nach der (?:anzeige|werbung)',
    '(?:der )?artikel (?:geht|wird) (?:nach|unter) der (?:anzeige|werbung) (?:weiter|fortgesetzt)',
    'nach der (?:anzeige|werbung) weiterlesen',
    'gesponsert',
    'publicidad',
    'anuncio',
    '(?:el )?(?:artículo|texto|contenido|la noticia) (?:continúa|sigue) (?:debajo|después|tras)(?: del? (?:la )?(?:anuncio|publicidad))?',
    '(?:continúa|sigue) leyendo(?: (?:debajo|abajo|después|tras)(?: del? (?:la )?(?:anuncio|publicidad))?)?',
    'contenido patrocinado',
    'pubblicità',
    'contenuto sponsorizzato',
    "(?:l['’])?articolo continua (?:sotto|dopo)(?: la pubblicità)?",
    'continua a leggere (?:sotto|dopo) (?:la )?pubblicità',
    'publicidade',
    '(?:(?:a|o) )?(?:matéria|reportagem|notícia|artigo|texto) continua (?:abaixo|após|depois)(?: (?:a|o|da|do) (?:publicidade|anúncio))?',
    'continua (?:abaixo|após|depois) (?:a |o |da |do )?(?:publicidade|anúncio)',
    'conteúdo patrocinado',
    'reklame',
    'advertentie',
    'annonce',
    '(?:het )?(?:artikel|verhaal|bericht) gaat (?:verder )?(?:onder|na) de advertentie(?: verder)?',
    'lees verder (?:onder|na) de advertentie',
  ].join('|')})$`,
  'u',
);

/** Things a prompt offers the reader: a newsletter, alerts, an app. */
const OFFER =
  "(?:newsletters?|news ?letter|inbox|e-?mails?|briefing|digest|alerts?|notifications?|push|lettre d['’]information|infolettre|courriel|boletín|boletines|correo|notificaciones|whatsapp|telegram|nieuwsbrief|mailbox|benachrichtigungen|rundbrief|notiziario)";

/**
 * Newsletter, app and membership prompts, each as an imperative or offer at the start of a short
 * block (a sentence of the story mentioning a newsletter does not start like these).
 */
const PROMPT: RegExp[] = [
  new RegExp(
    `^(?:sign up|subscribe|register|get|join|want|don['’]t miss|never miss|stay (?:informed|up to date|in the know|connected|ahead)|be the first|receive|enter your|download|turn on|like this (?:story|article)|enjoy(?:ed)? (?:this|reading)|want more|love (?:this|our)|keep up with|follow the latest)\\b[^.!?]{0,160}\\b${OFFER}\\b`,
    'iu',
  ),
  new RegExp(
    `^(?:inscrivez-vous|abonnez-vous|recevez|ne manquez|restez informé|téléchargez|installez|activez|rejoignez|retrouvez|découvrez) [^.!?]{0,160}${OFFER}`,
    'iu',
  ),
  new RegExp(
    `^(?:melden sie sich|abonnieren sie|jetzt (?:kostenlos |gratis )?(?:anmelden|abonnieren|herunterladen|installieren|registrieren)|erhalten sie|bleiben sie|verpassen sie|laden sie|holen sie sich|installieren sie|aktivieren sie|newsletter abonnieren|folgen sie)\\b[^.!?]{0,160}${OFFER}`,
    'iu',
  ),
  new RegExp(
    `^(?:suscr[ií]bete|apúntate|regístrate|recibe|descarga|descárgate|únete|no te pierdas|mantente informado|síguenos|iscriviti|scarica|ricevi|assine|inscreva-se|cadastre-se|receba|baixe|schrijf je (?:nu )?in|meld je (?:nu )?(?:gratis )?aan|abonneer|ontvang|download)\\b[^.!?]{0,160}${OFFER}`,
    'iu',
  ),
  /^(?:(?:our|the|free|daily|weekly|morning|evening|la|le|unser|nuestro|el) )*(?:newsletters?|news ?letter|nieuwsbrief|boletín)(?: (?:sign[- ]?up|abonnieren|anmeldung))?\s*[:!.]?$/iu,
  /^(?:already have an account|don['’]t have an account|not a (?:subscriber|member) yet|vous avez déjà un compte|sie haben bereits ein konto|¿ya tienes (?:una )?cuenta)\b/iu,
  /^(?:already a (?:subscriber|member)|support (?:our|independent|quality) journalism|become a (?:member|subscriber|supporter)|subscribe (?:now|today|here)|by (?:signing up|subscribing|clicking|registering|submitting)[^.]{0,120}\b(?:privacy|terms|policy|agree)|thank you for (?:signing up|subscribing)|you(?:['’]re| are) (?:now )?subscribed|déjà abonné|en vous inscrivant|merci pour votre inscription|sie sind bereits abonnent|bereits abonniert|mit (?:der|ihrer) anmeldung|¿ya eres suscriptor|al suscribirte|gracias por suscribirte)\b/iu,
  // Fine print under a sign-up form in Italian, Portuguese and Dutch.
  /^(?:iscrivendoti|registrandoti|ao (?:se )?(?:cadastrar|inscrever|registrar|assinar)|ao (?:cadastrar|inscrever)-se|door je (?:aan te melden|in te schrijven|te registreren)|door (?:u )?aan te melden)[^.]{0,160}(?:privacy|termini|termos|privacidade|voorwaarden|akkoord|accetti|concorda)/iu,
  // What a newsletter box delivers: a short line ending "(delivered) to your inbox" ("… elke ochtend in je mailbox").
  /^[^.!?]{0,120}(?:(?:^|\s)(?:(?:delivered|sent) )?(?:(?:straight|directly|right) )?(?:to|in|into) (?:your|je|uw) (?:inbox|mailbox)|dans votre boîte (?:mail|de réception)|in (?:ihr(?:em)?|dein(?:em)?) (?:postfach|e-?mail-postfach)|en tu bandeja de entrada|nella tua (?:casella di posta|inbox)|(?:no|em) seu inbox)[.!]?$/iu,
  // A news-tip prompt: a question asking for a tip, then where to send it ("Got a news tip? Email the newsroom.").
  /^(?:(?:have you )?got|do you have|have|heb (?:je|jij|u)|hai|avete|(?:você )?tem|vous avez|tu as|haben sie|hast du|¿?(?:tienes|tiene))\s+(?:(?:a|an|een|una|un|uma|alguma|une|einen|eine)\s+)?(?:news ?)?(?:tip|story|nieuwstip|segnalazione|sugestão(?: de pauta)?|denúncia|dica|info(?:rmation)?|hinweis|pista|historia)(?![\p{L}])[^?]{0,80}\?\s*[^.!?]{0,120}?(?:^|\s|¡)(?:e-?mail|mail|write|contact|send|message|whatsapp|stuur|schrijf|scrivi|contatta|envie|mande|fale|écrivez|contactez|envoyez|schreiben|kontaktieren|escr[ií]benos|contacta|env[ií]a)/iu,
  // A sign-up form's field label on its own.
  /^(?:(?:enter (?:your )?|your |votre |ihre |tu |su )(?:e-?mail|correo)(?: address|-adresse| electrónico)?|e-?mail address|e-?mail-adresse|adresse e-?mail|correo electrónico)\s*[:*]?$/iu,
];

/** Prompts to follow the publication, share the article or use its app. */
const SOCIAL_PROMPT = new RegExp(
  `^(?:${[
    'follow (?:us|[\\p{L}.@ ]{1,40}) on (?:twitter|facebook|instagram|x|tiktok|linkedin|threads|bluesky|youtube|whatsapp|telegram|google news)',
    'follow us\\b',
    'like us on facebook',
    'join (?:us|our [\\p{L} ]{0,30}) on (?:whatsapp|telegram|facebook|instagram|x|twitter)',
    '(?:get .{0,40})?download (?:our|the) (?:free )?[\\p{L} ]{0,30}app\\b(?![^.!?]{0,200},)',
    'get the (?:free )?[\\p{L} ]{0,30}app\\b[^.!?,;]{0,60}[.!]?$',
    'open in (?:the )?app',
    '(?:read|listen) (?:this|it|more) (?:in|on) (?:the|our) app',
    'listen to (?:this|the) (?:article|story)(?: \\d+ min)?',
    '(?:click (?:here )?to )?share (?:this|the) (?:article|story|page|post|video)',
    '(?:share|partager|teilen|compartir|condividi|partilhar|delen)(?: (?:this|cet article|diesen artikel|esta noticia|este artículo))?\\s*[:：]?$',
    // "Get the latest news on the go with the Ledger app." (the offer ends the block)
    '(?:get|download|install)\\b[^.!?]{0,80}\\b(?:app|application|appli|aplicación|applicazione|aplicativo)\\b[^.!?,;]{0,40}[.!]?$',
    'share (?:on|via) \\p{L}+',
    'click to (?:share|email|print)',
    'gift (?:this )?article',
    'send (?:this|the) (?:article|story) to a friend',
    'suivez-nous sur',
    'rejoignez-nous sur',
    "partagez (?:cet |l['’])article",
    "partager (?:cet |l['’])article",
    'partager sur',
    "écouter (?:cet |l['’])article",
    "(?:téléchargez|installez|retrouvez-nous sur) (?:gratuitement )?(?:notre |l['’])(?:appli|application)",
    '(?:laden sie sich|holen sie sich|jetzt) (?:kostenlos |gratis )?(?:unsere|die) [\\p{L} -]{0,30}app',
    '(?:descarga|descárgate|instala) (?:gratis )?(?:nuestra|la) (?:app|aplicación)',
    "scarica (?:gratis )?(?:l['’] ?)?(?:la )?(?:nostra )?app",
    'baixe (?:o|a|nosso|nossa) (?:app|aplicativo)',
    'download (?:de|onze) app',
    'folgen sie uns(?: auf| bei)?',
    '(?:artikel|beitrag) teilen',
    'teilen sie (?:diesen|den) (?:artikel|beitrag)',
    'artikel (?:anhören|vorlesen lassen)',
    'síguenos en',
    // "Sigue toda la información de Economía en Facebook y X, o en nuestra newsletter semanal."
    '(?:sigue|siga) (?:toda |todas )?(?:la |las |as )?(?:última |últimas )?(?:información|noticias|notícias|actualidad) (?:de|sobre|da|do) [^.!?]{0,60} (?:en|n[oa]) (?:facebook|x|twitter|instagram|whatsapp|telegram|tiktok|youtube|linkedin|bluesky|nuestr[oa]|noss[oa])',
    "suivez (?:toute )?l['’]actualité (?:de|du|des|sur) [^.!?]{0,60} sur (?:facebook|x|twitter|instagram|whatsapp|telegram|tiktok|youtube|linkedin|bluesky|notre)",
    '(?:segui|seguite) (?:tutte )?(?:le )?(?:ultime )?(?:notizie|aggiornamenti) (?:di|su|da|dalla|dal) [^.!?]{0,60} su (?:facebook|x|twitter|instagram|whatsapp|telegram|tiktok|youtube|linkedin|bluesky|la nostra)',
    'volg (?:al )?het (?:laatste )?nieuws (?:over|uit|van) [^.!?]{0,60} op (?:facebook|x|twitter|instagram|whatsapp|telegram|tiktok|youtube|linkedin|bluesky)',
    'comparte (?:esta noticia|este artículo|en)',
    'compartir (?:en|esta noticia|este artículo)',
    'escucha (?:esta noticia|este artículo)',
    'seguici su',
    'condividi (?:su|questo articolo)',
    'siga-nos',
    'partilhe (?:este artigo|esta notícia)',
    'compartilhe',
    'volg ons op',
    'deel (?:dit artikel|op (?:facebook|x|twitter|whatsapp|linkedin))',
  ].join('|')})`,
  'iu',
);

/** A gallery's counter or button, the whole text of a block. */
const GALLERY_COUNTER = new RegExp(
  `^(?:${[
    // "Image 1 of 9", "3 / 12", "Bild 2 von 9", "Foto 1 de 9"
    '(?:(?:image|photo|picture|slide|foto|bild|imagen|diapositiva|immagine|imagem|afbeelding|photograph)\\s*)?\\d{1,3}\\s*(?:of|von|aus|sur|de|di|van|/)\\s*\\d{1,3}',
    // "View gallery", "Voir la galerie (12 photos)", "Bildergalerie ansehen", "Ver galería"
    '(?:(?:open|view|see|launch|show|browse|enter) (?:the )?(?:full )?(?:photo |image |picture )?gallery|(?:voir|ouvrir) (?:la )?(?:galerie|diaporama)|(?:bilder)?galerie (?:ansehen|öffnen)|zur (?:bilder)?galerie|ver (?:la )?galería|ver (?:las )?fotos|apri (?:la )?(?:gallery|galleria)|ver galeria|bekijk (?:de )?(?:fotoserie|galerij))(?:\\s*[(\\[]?\\d{1,3}\\s*(?:photos|images|pictures|bilder|fotos|imágenes|immagini|imagens|foto’s)?[)\\]]?)?',
    // "12 photos", "(9 Bilder)"
    '[(\\[]?\\d{1,3}\\s+(?:photos|images|pictures|bilder|fotos|imágenes|immagini|imagens|foto’s)[)\\]]?',
  ].join('|')})$`,
  'iu',
);

/** The label of a tag list ("Tags:", "Filed under:", "Mots-clés :", "Schlagwörter:", "Etiquetas:"). */
const TAG_LABEL =
  /^(?:tags?|tagged(?: with)?|topics?|filed under|keywords|related topics|mots[- ]clés|thèmes?|sujets?|tags associés|schlagw(?:ö|o)rte(?:r)?|themen|stichw(?:ö|o)rte(?:r)?|etiquetas|temas|palabras clave|argomenti|parole chiave|tópicos|assuntos|onderwerpen|trefwoorden)\s*[:：]?(?=\s|\p{Lu}|$)/iu;

/** Notices about the comment section, at the start of a block. */
const COMMENT_POLICY = new RegExp(
  `^(?:${[
    'comments? (?:are|is|have been|has been) (?:now )?(?:closed|disabled|turned off|switched off|moderated|pre-moderated|premoderated|not available|unavailable|reviewed)',
    'comments? (?:are|is) (?:welcome|open)(?: while| until| for)',
    'commenting (?:is|will be) subject to',
    'we reserve the right to (?:remove|delete|close|edit) comments',
    'comments (?:on|for) this (?:article|story|page|post|thread) (?:are|have been|is) (?:now )?(?:closed|disabled|turned off|moderated)',
    'commenting (?:is|has been) (?:now )?(?:closed|disabled|turned off|unavailable|not available)',
    '(?:comments?|community|commenting|discussion|house) (?:policy|guidelines|rules|standards|moderation)\\s*[:.]?$',
    '(?:please )?(?:read|review|see|follow|respect|keep to|abide by) our (?:community|comment(?:ing)?|discussion|house|posting|participation) (?:guidelines|rules|standards|policy|terms)',
    'we (?:welcome|encourage|value) (?:your )?(?:comments|thoughtful|respectful|civil|contributions|discussion)(?=.*(?:guideline|polic|rule|respect|civil|moderat|standard|terms))',
    'you (?:must|need to) (?:be )?(?:logged|signed|log|sign) (?:in|on) to (?:comment|post|reply|join)',
    '(?:log|sign) in (?:or register )?to (?:comment|post a comment|reply|join the (?:conversation|discussion))',
    'to (?:comment|post a comment|join the (?:conversation|discussion)),? (?:please )?(?:log|sign) in',
    'this (?:discussion|conversation|comment section|comments section|thread) (?:is|has been|was) (?:now )?(?:closed|disabled)',
    'les (?:commentaires|réactions) (?:sont|ont été) (?:fermés|fermées|désactivés|désactivées|modérés|modérées|clos|closes)',
    '(?:connectez|identifiez)-vous pour (?:commenter|réagir)',
    'charte (?:de modération|des commentaires|de la communauté)',
    '(?:die )?kommentarfunktion (?:ist|wurde) (?:für diesen (?:artikel|beitrag) |hier |bereits |vorübergehend )?(?:deaktiviert|geschlossen|abgeschaltet|nicht verfügbar|nicht aktiviert)',
    '(?:die )?kommentare (?:sind|wurden) (?:geschlossen|deaktiviert|moderiert)',
    '(?:bitte )?beachten sie (?:unsere )?(?:netiquette|kommentarrichtlinien|diskussionsregeln|community-regeln)',
    'netiquette\\s*[:.]?$',
    'melden sie sich an,? um (?:zu kommentieren|kommentare zu schreiben)',
    'los comentarios (?:están|han sido|son) (?:cerrados|desactivados|moderados)',
    '(?:inicia sesión|regístrate) para comentar',
    'normas de (?:participación|la comunidad|uso de los comentarios)',
    'i commenti (?:(?:a|su|per) quest[oa] (?:articolo|notizia|pagina) )?sono (?:chiusi|disabilitati|moderati)',
    'i commenti sono di (?:esclusiva |piena )?responsabilità',
    'os comentários (?:estão|foram|são) (?:fechados|desativados|moderados)',
    '(?:os )?comentários (?:são|é) de (?:inteira |exclusiva |total )?responsabilidade',
    'comments? (?:are|is) (?:the )?(?:sole )?responsibility of (?:their|the|its) (?:authors?|writers?|posters?)',
    '(?:de )?reacties (?:zijn|worden) (?:gesloten|uitgeschakeld|gemodereerd)',
    'reageren (?:op (?:dit|het) (?:artikel|bericht) )?is (?:niet (?:meer )?mogelijk|uitgeschakeld|gesloten)',
  ].join('|')})`,
  'iu',
);

/** Removed blocks, in the order they are tried. */
export const BLOCK_RULES: BlockRule[] = [
  {
    name: 'duplicated-headline',
    description: 'the headline repeated at the top of the body',
    matches: (text, ctx) => !!ctx.title && norm(text) === norm(ctx.title),
  },
  {
    name: 'duplicated-dek',
    description: 'the standfirst repeated as the first paragraph (it is kept in the frontmatter)',
    matches: (text, ctx) => !!ctx.dek && norm(text) === norm(ctx.dek),
  },
  {
    name: 'related-links-section',
    description:
      'a "More on this story", "Related", "DON\'T MISS", "Tags" or "Lesen Sie auch" heading and the list or run of links under it',
    matches: (text) => text.length <= 80 && RELATED_HEADING.test(text.trim()),
    withFollowingList: true,
  },
  {
    name: 'print-edition-note',
    description: 'print-edition and reprint notes ("A version of this article appears in print on ...")',
    matches: (text) =>
      text.length <= 300 &&
      /^(?:a version of this (?:article|story) (?:appears|appeared) in print\b|this (?:article|story) (?:was|has been) (?:amended|updated) on\b.{0,20}$|order reprints\b)/i.test(
        text.trim(),
      ),
  },
  {
    name: 'ad-marker',
    description:
      'advertisement markers ("ADVERTISEMENT", "Story continues below", "Continue Reading Below", "Weiterlesen nach der Anzeige", "La suite après cette publicité")',
    matches: (text) => {
      if (text.length > 120) return false;
      const parts = norm(text)
        .split(/\s*[|·•–—:]\s*|\s+-\s+|\.\s+/)
        .map((p) => p.replace(/[.:…!]+$/, '').trim())
        .filter(Boolean);
      return parts.length > 0 && parts.every((p) => AD_LABEL.test(p));
    },
  },
  {
    name: 'photo-credit',
    description:
      'a line holding only a photo credit ("© Getty", "Photo: AP", "CreditKevin Frayer/Getty Images"), kept as the image credit',
    matches: (text) =>
      text.length <= 100 &&
      // A label and a name or two, not a sentence that starts with "Credit:" and goes on.
      ((/^(?:©|\(c\)|copyright\b|photo(?:graph)?(?: credit)?:|image(?: credit)?:|picture:|credit:)\s*\S/i.test(
        text.trim(),
      ) &&
        (text.trim().split(/\s+/).length <= 9 || !/\.$/.test(text.trim()))) ||
        // A label run into the name, as pages render two elements: "CreditKevin Frayer/Getty Images"
        /^(?:Credits?|CREDITS?)(?=\p{Lu})\S/u.test(text.trim()) ||
        /^[^.!?]{0,80}\/\s*(?:getty images|ap|afp|reuters|epa|ap photo|shutterstock)\s*$/i.test(text.trim())),
    credit: (text) => singleSpaced(text),
  },
  {
    name: 'newsletter-prompt',
    description:
      'newsletter, app and subscription prompts ("Sign up for our newsletter", "Abonnez-vous à notre newsletter", "Jetzt den Newsletter abonnieren", "Descarga nuestra app")',
    matches: (text) => {
      // "Want the news before breakfast? Sign up for …": a teasing question before the prompt.
      const t = text.trim().replace(/^[^.!?]{1,100}\?\s+(?=\p{Lu})/u, '');
      return text.length <= 300 && PROMPT.some((re) => re.test(text.trim()) || re.test(t));
    },
    withBox: true,
  },
  {
    name: 'share-buttons',
    description: 'share-button labels ("Share", "Tweet", "Email", "Copy link")',
    matches: (text) => new RegExp(`^(?:${SHARE_WORD}\\s*[|·•,/]?\\s*)+$`, 'i').test(text.trim()),
  },
  {
    name: 'read-more-teaser',
    description:
      '"Read more" teasers and related-story links between paragraphs ("Read more: …", "DON\'T MISS …", "Lesen Sie auch: …", "Related article" with a linked headline)',
    matches: (text, _ctx, info) => {
      const t = text.trim();
      if (t.length > 200) return false;
      // "CLICK HERE FOR MORE SPORTS COVERAGE", "Click here to read the full report"
      if (/^click here (?:to|for)\b/i.test(t) && t.length <= 150) return true;
      // "Veja mais notícias da região no …", "Lees meer nieuws uit de regio", "Read more news from …"
      if (t.length <= 150 && MORE_NEWS.test(t)) return true;
      const label = TEASER_LABEL.exec(t);
      if (!label) return false;
      const rest = t.slice(label[0].length);
      // "Read more: headline", "MORE | headline", "Lesen Sie auch » headline"
      if (/^\s*[:|»›>–—-]/.test(rest)) return true;
      // "Related article Headline" or "DON'T MISSHeadline": a label run into a linked headline.
      return !!info && info.linkShare >= 0.5 && /^\s*[\p{Lu}\p{N}“"«„]/u.test(rest) && !/[.!…]["”»’)]?$/.test(t);
    },
  },
  {
    name: 'teaser-card',
    description:
      'a teaser card for another story inside the article: a block that is only a link around an image and a headline (a linked paragraph of prose, or an embedded post, stays)',
    matches: (text, _ctx, info) =>
      !!info &&
      info.hasImage &&
      info.oneLink === true &&
      // Mostly link text, or a teaser label ("Related article") before the linked headline.
      (info.linkShare >= 0.7 || TEASER_LABEL.test(text.trim())) &&
      text.length <= 200 &&
      text.trim().length > 0 &&
      !/[.!…]["”»’)]?$/.test(text.trim()),
    containers: ['div', 'aside', 'section', 'li', 'article'],
  },
  {
    name: 'reader-comments',
    description:
      'the reader-comment section: a heading such as "Comments (12)", "What readers said" or "Kommentare", and everything after it in its section',
    matches: (text) =>
      text.length <= 80 &&
      /^(?:\d+\s+)?(?:reader|readers['’]?|your|user|visitor)\s+(?:comments?|responses|reactions|views)(?:\s*\(\d+\))?$|^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:\d+\s+(?:responses|reactions)|(?:responses|reactions)\s*\(\d+\))$|^what (?:readers|you|our readers) (?:said|say|think|are saying)$|^(?:join|start) the (?:conversation|discussion)$|^(?:leave|post|add) a (?:comment|reply|response)$|^\d*\s*(?:thoughts|responses|replies) (?:on|to) [“"‘'].{1,120}$|^(?:\d+\s+)?(?:leser)?kommentare?(?:\s*\(\d+\))?$|^(?:\d+\s+)?commentaires?(?:\s*\(\d+\))?$|^(?:\d+\s+réactions?|réactions?\s*\(\d+\))$|^(?:\d+\s+)?comentarios?(?:\s*\(\d+\))?$|^(?:\d+\s+)?comment[io](?:\s*\(\d+\))?$|^(?:\d+\s+)?reacties?(?:\s*\(\d+\))?$|^(?:\d+\s+)?comentários?(?:\s*\(\d+\))?$/iu.test(
        text.trim(),
      ),
    withRest: true,
    only: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  },
  {
    name: 'comments-and-cookies',
    description: 'comment-section prompts and cookie notices',
    matches: (text) =>
      // The label or button alone ("312 Comments", "Show comments (12)"), not a sentence starting "Comments".
      (text.length <= 80 &&
        /^(?:\d+\s+)?(?:comments?|show comments|view comments|hide comments|read comments|join the (?:conversation|discussion)|leave a comment|add a comment|post a comment)(?:\s*\(\d+\)|\s+\d+)?(?:\s+(?:on|to) [“"‘'].{1,120})?\s*[:.!]?$/i.test(
          text.trim(),
        )) ||
      (text.length <= 400 &&
        /\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b/i.test(
          text,
        )),
  },
  {
    name: 'byline-line',
    description:
      'a byline line ("By Jane Doe | Staff Writer", "Por Ana Souza, 25 de outubro de 2023", "di Giulia Bernardi") left in the body; authors go to the frontmatter',
    matches: (text) => text.length <= 160 && isBylineLine(text.trim()),
  },
  {
    name: 'social-and-app-prompt',
    description: 'prompts to follow the publication on social media, share the article, or download its app',
    matches: (text) => text.length <= 200 && SOCIAL_PROMPT.test(text.trim()),
  },
  {
    name: 'publication-line',
    description:
      'a line giving the publication or update time ("Published July 16, 2024 5:30 a.m."); dates go to the frontmatter',
    matches: (text) =>
      text.length <= 200 &&
      /(?:^|[·|•—–-]\s*|\.\s+)(?:published|updated|posted|last modified)\b:?\s+(?:on\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})/iu.test(
        text,
      ),
  },
  {
    name: 'paywall-prompt',
    description:
      'a subscription prompt where a subscriber-only story stops ("This article is for subscribers", "Subscribe to continue reading"); the article is marked as a partial capture',
    matches: (text) =>
      text.length <= 300 &&
      /^(?:this (?:article|story|content|piece) is (?:only )?(?:for|available (?:to|for)|reserved for|exclusive(?:ly)? (?:to|for)) (?:paying )?(?:subscribers|members)|(?:the rest of|the full|read the (?:full|rest of(?: the)?)) (?:this )?(?:article|story) (?:is )?(?:for|available to|with a subscription)|(?:subscribe|sign in|log in|register) (?:now |today )?(?:to (?:continue|keep) reading|to read (?:the|this) (?:full|whole|rest)|for (?:full|unlimited) (?:digital )?access)|to (?:continue|keep) reading(?:,| this)|you(?:['’]ve| have) reached your (?:free )?(?:article|story) limit|(?:cet article|la suite de cet article|cet contenu) est réservée? aux abonnés|(?:dieser artikel|der vollständige artikel|dieser inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnent:innen|abonnierende)|(?:lesen sie|jetzt) (?:jetzt )?weiter mit|(?:este|el) (?:artículo|contenido) es (?:exclusivo )?(?:para|solo para) (?:suscriptores|abonados)|(?:questo articolo|il contenuto) è riservato agli abbonati|(?:este|o) (?:conteúdo|artigo) é exclusivo (?:para|a) assinantes|(?:dit artikel|dit is een artikel) (?:is )?(?:alleen )?(?:voor|exclusief voor) abonnees|abonnez-vous pour (?:lire la suite|continuer)|(?:jetzt )?abonnieren und weiterlesen|suscríbete para (?:seguir|continuar) leyendo|abbonati per (?:continuare a leggere|leggere)|assine para continuar a ler|neem een abonnement om verder te lezen)[^.!?]{0,40}(?:[.!?…]|$)/iu.test(
        text.trim(),
      ),
    withRest: true,
  },
  {
    name: 'ad-tracking-line',
    description: 'ad-server tracking text ("Campaign ID: 123 | Creative: 456 | Page: /news | Position: top")',
    matches: (text) =>
      text.length <= 400 &&
      (text.match(
        /\b(?:campaign(?: id)?|creative(?: id)?|line ?item(?: id)?|order id|advertiser(?: id)?|ad ?unit|ad ?slot|placement|position|page|size|targeting)\s*:\s*[^|]*/gi,
      )?.length ?? 0) >= 3,
  },
  {
    name: 'lone-label',
    description: 'a media label left on a line of its own ("Photo", "Credit", "Video", "Foto", "Bild")',
    matches: (text) =>
      /^(?:photo(?:graph)?s?|credits?|image|picture|illustration|graphic|video|audio|gallery|foto(?:s|grafía|grafia)?|bild|crédits?|crédito|credito|immagine|afbeelding|beeld|enlarge|expand|zoom|play|caption|hide caption|toggle caption|close|fermer|schließen|cerrar|chiudi)[:.]?$/iu.test(
        text.trim(),
      ),
  },
  {
    name: 'meter-notice',
    description:
      'a metered-paywall counter ("You have 2 free articles left this month"); the article itself is complete',
    matches: (text) =>
      text.length <= 200 &&
      /^(?:you have (?:\d+|one|two|three|no) (?:more )?(?:free )?(?:articles?|stories) (?:left|remaining)|this is your (?:last |final )?free (?:article|story)|il vous reste \d+ articles? gratuits?|sie haben noch \d+ (?:kostenlose|freie) artikel|te queda(?:n)? \d+ artículos? gratis|ti rimangono \d+ articoli gratuiti|ti restano \d+ articoli gratuiti|você tem \d+ (?:artigos|matérias|reportagens) grátis|je hebt nog \d+ gratis artikel)/iu.test(
        text.trim(),
      ),
  },
  {
    name: 'date-line',
    description:
      'a line holding only the printed date and time ("9 de abril de 2024", "December 31, 2022, 8:05 p.m. EST", "2026-10-27", "27.10.2026", "10/27/2026"), also a bare <time> outside any paragraph; dates go to the frontmatter',
    matches: (text) => isDateLine(text.trim()),
  },
  {
    name: 'site-name',
    description:
      'the publication\'s name on its own (a masthead link that survived extraction), or a byline\'s role line ending with it ("Economics correspondent, BBC News")',
    matches: (text, ctx) =>
      !!ctx.siteName &&
      (norm(text) === norm(ctx.siteName) ||
        (text.length <= 100 &&
          norm(text).endsWith(`, ${norm(ctx.siteName)}`) &&
          !/[.!?]/.test(text.slice(0, -ctx.siteName.length)))),
  },
  {
    name: 'meta-line',
    description:
      'a line of page facts in any of many formats: publication and update times ("Updated 10:32 AM EDT, Thu June 6, 2024", "Stand: 04.03.2024, 14:30 Uhr", "hace 2 horas"), reading time ("5 min read") and view or comment counts ("1,234 views"); dates go to the frontmatter',
    matches: (text) => isMetaLine(text.trim()),
  },
  {
    name: 'site-chrome',
    description:
      'the site\'s own controls and furniture: skip links, sign-in and account links, breadcrumb trails ("Home › News › Politics"), and a print logo giving the site\'s name and web address',
    matches: (text, ctx, info) => {
      const t = singleSpaced(text);
      if (t.length > 200) return false;
      if (CHROME_LINE.test(t)) return true;
      // Breadcrumbs: "Home › News › Politics", "Accueil > International"
      const crumbs = t.split(/\s*[›»>]\s*|\s+\/\s+/).filter(Boolean);
      if (
        crumbs.length >= 2 &&
        crumbs.every((c) => c.length <= 120 && !/[.!?]$/.test(c)) &&
        crumbs.slice(0, -1).every((c) => c.length <= 40) &&
        // From the home page, or three or more capitalised crumbs joined by "›" or "»", which prose does not use.
        (HOME_CRUMB.test(crumbs[0]!) ||
          (crumbs.length >= 3 && /[›»]/.test(t) && crumbs.every((c) => /^[\p{Lu}\p{N}]/u.test(c))))
      )
        return true;
      // A print logo: the logo image and the site's address, or its name and address
      // ("The Daily Example www.example.com"). An address with a path is a reference, not a logo.
      if (t.length <= 120 && BARE_ADDRESS.test(t)) {
        const rest = t
          .replace(WEB_ADDRESS, ' ')
          .replace(/[|·•–—,-]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        if (!rest) return !!info?.hasImage;
        if (ctx.siteName && norm(rest) === norm(ctx.siteName)) return true;
        const words = rest.split(' ');
        return (
          words.length <= 6 &&
          words.every(
            (w) =>
              /^[\p{Lu}\p{N}][\p{L}\p{N}'’&.]*$/u.test(w) || /^(?:the|of|de|la|le|der|die|das|el|del|and|&)$/i.test(w),
          )
        );
      }
      return false;
    },
  },
  {
    name: 'link-bar',
    description:
      'a bar of links to the site\'s sections and page tools, separated by "|", "•" or "·" ("Home | News | Sports | E-mail this story"), as pages laid out with tables print under the story',
    matches: (text, _ctx, info) => {
      const t = singleSpaced(text);
      if (t.length > 200) return false;
      const items = t.split(/\s*[|•·]\s*|\s+\/\s+|\s*::\s*|\]\s*\[/).map((i) => i.replace(/^\[|\]$/g, '').trim());
      return (
        items.filter(Boolean).length >= 3 &&
        items.every((i) => i && i.length <= 30 && i.split(' ').length <= 4 && !/[.!?,;:]$/.test(i)) &&
        // Links, or (a page saved without its address loses relative links) a bar that starts at
        // the home page or offers a page tool.
        ((!!info && info.linkShare >= 0.7) || HOME_CRUMB.test(items[0]!) || items.some((i) => CHROME_LINE.test(i)))
      );
    },
  },
  {
    name: 'breadcrumb-list',
    description: 'a breadcrumb trail as a list of links starting at the home page ("Home", "News", "Politics")',
    matches: (_text, _ctx, info) =>
      !!info?.items &&
      info.items.length >= 2 &&
      HOME_CRUMB.test(info.items[0]!.trim()) &&
      info.linkShare >= 0.5 &&
      info.items.every((item) => item.trim().length <= 120 && !/[.!?]$/.test(item.trim())) &&
      info.items.slice(0, -1).every((item) => item.trim().length <= 40),
    containers: ['ul', 'ol'],
  },
  {
    name: 'gallery-counter',
    description:
      'a gallery\'s counter or button ("Image 1 of 9", "3 / 12", "Bild 2 von 9", "Foto 1 de 9", "View gallery (9 photos)")',
    matches: (text) => text.length <= 60 && GALLERY_COUNTER.test(text.trim()),
    inCaptions: true,
  },
  {
    name: 'tag-list',
    description:
      'the article\'s tag list ("Tags: Politics, Budget", "Mots-clés : …", "Schlagwörter: …", "Etiquetas: …"); topics come from the page\'s keywords',
    matches: (text, _ctx, info) => {
      const t = text.trim();
      if (t.length > 300) return false;
      const label = TAG_LABEL.exec(t);
      if (!label) return false;
      const rest = t.slice(label[0].length).trim();
      if (!rest || /[.!?]$/.test(rest)) return false;
      const items = rest.split(/\s*[,|•·;#]\s*/).filter(Boolean);
      return (
        (items.length >= 2 && items.every((item) => item.split(/\s+/).length <= 5)) ||
        (!!info && info.linkShare >= 0.6) ||
        rest.split(/\s+/).length <= 4
      );
    },
  },
  {
    name: 'comment-policy',
    description:
      'notices about the comment section ("Comments are closed", "Please read our community guidelines", "Die Kommentarfunktion ist deaktiviert", "Los comentarios están cerrados")',
    matches: (text) => {
      const t = text.trim();
      const m = text.length <= 400 ? COMMENT_POLICY.exec(t) : null;
      if (!m) return false;
      // "Comments are closed on this story." or a notice about the rules; not a sentence that goes
      // on about a consultation ("Comments have been closed since March, and the council…").
      const rest = t.slice(m[0].length);
      return (
        /^[^,;]{0,60}$/.test(rest) ||
        /guideline|polic|rule|terms|termos|termini|voorwaarden|regole|regras|regels|respect|civil|moderat|netiquette|charte|richtlinie|norma/i.test(
          rest,
        )
      );
    },
  },
];

/**
 * Related-link hover cards glued to a name, as The Hill's pages render them in text:
 * "Jeff SessionsJefferson (Jeff) Beauregard SessionsPress: Acosta, ... MORE for comments".
 * The card starts where the shown surname runs into the person's full name (which ends with
 * that same surname) and ends at "MORE"; the sentence keeps the shown name.
 */
function gluedCardRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const more = /(?<=\s)MORE(?=[\s.,;:!?)]|$)/g;
  let from = 0;
  for (const m of text.matchAll(more)) {
    const end = m.index + 4;
    const start = gluePoint(text, Math.max(from, m.index - 600), m.index);
    if (start !== null) {
      ranges.push([start, end]);
      from = end;
    }
  }
  return ranges;
}

/** The first place in text[lo, hi) where a surname runs into a full name ending in that surname. */
function gluePoint(text: string, lo: number, hi: number): number | null {
  const glue = /[\p{Ll}.)](?=\p{Lu})/gu;
  glue.lastIndex = lo;
  for (let g = glue.exec(text); g && g.index < hi; g = glue.exec(text)) {
    const at = g.index + 1;
    const surname = /[\p{L}'’-]+$/u.exec(text.slice(Math.max(0, at - 40), at))?.[0];
    if (!surname || surname.length < 2) continue;
    const after = text.slice(at, hi);
    if (!/^\p{Lu}[\p{Ll}'’-]+[\s(]/u.test(after)) continue;
    const repeat = after.slice(0, 90).search(new RegExp(`${surname}(?=\\p{Lu})`, 'u'));
    if (repeat > 0) return at;
  }
  return null;
}

/** Photo agencies named in credits, as they print their names. */
const AGENCY =
  '(?:Getty Images|GETTY IMAGES|Reuters|REUTERS|AP Photo|AP|AFP|EPA-EFE|EPA|EFE|dpa|DPA|ANP|ANSA|PA Media|PA Wire|PA|Shutterstock|Xinhua|Bloomberg|Alamy|Imago|IMAGO|picture alliance|Keystone)';
/** The same agencies as captions also print them after a label ("Foto Ansa", "Photo Afp"). */
const AGENCY_AFTER_LABEL = `(?:${AGENCY.slice(3, -1)}|Ansa|Afp|Epa|Efe|Anp|Lusa|LUSA|Belga|BELGA)`;

/** Labels a credit starts with, capitalised or in capitals as pages print them. */
const CREDIT_LABEL = [
  'Credits?',
  'Photo(?:graph)?s?',
  'Pictures?',
  'Images?',
  'Foto(?:s|grafía|grafia)?',
  'Bild(?:er)?',
  'Crédits?(?: photo)?',
  'Créditos?',
  'Source',
  'Quelle',
  'Fuente',
  'Fonte',
]
  .flatMap((l) => [l, l.toUpperCase()])
  .join('|');

/**
 * A credit run into the end of a caption with no space, as pages render a caption and its credit
 * in two elements ("…after treatmentCredit: EPA", "…at dawn.Photo: Jane Roe", "…the portREUTERS/Ana Lima",
 * "…the harbourJohn Smith/Getty Images", "…on Friday. CreditKevin Frayer/Getty Images"). A credit
 * after a space with its own label ("… Photo: Jane Roe") is left alone.
 */
function gluedCreditRanges(text: string): [number, number][] {
  const t = text.replace(/\s+$/, '');
  const m =
    /(?<=\s)(?:Credits?|CREDITS?)(?=\p{Lu})[^.!?:]{1,80}$/u.exec(t) ??
    new RegExp(
      `(?<=\\s[\\p{L}\\p{N}'’-]*(?:\\p{L}{2}[\\p{Ll}\\p{N}]|[.!?)”"’]))(?:${CREDIT_LABEL})\\s*:\\s*[^.!?:]{1,80}$`,
      'u',
    ).exec(t) ??
    new RegExp(
      `(?<=\\s[\\p{L}\\p{N}'’-]*(?:\\p{L}{2}\\p{Ll}|[.!?)”"’]))(?:${AGENCY}|\\p{Lu}[\\p{L}.'’ -]{1,40}\\/\\s*${AGENCY})(?:\\s*\\/\\s*[\\p{L}.'’ -]{1,60})?$`,
      'u',
    ).exec(t) ??
    // "…este domingo.Kai Försterling (EFE)": a photographer and the agency in parentheses.
    new RegExp(
      `(?<=\\s[\\p{L}\\p{N}'’-]*(?:\\p{L}{2}\\p{Ll}|[.!?)”"’]))\\p{Lu}[\\p{L}.'’ -]{1,40}\\s\\(\\s*${AGENCY_AFTER_LABEL}\\s*\\)$`,
      'u',
    ).exec(t);
  const labelled =
    m ??
    // "…all'alba.Foto Ansa": a label and an agency, with no colon.
    new RegExp(
      `(?<=\\s[\\p{L}\\p{N}'’-]*(?:\\p{L}{2}\\p{Ll}|[.!?)”"’]))(?:${CREDIT_LABEL})\\s+${AGENCY_AFTER_LABEL}(?:\\s*\\/\\s*[\\p{L}.'’ -]{1,60})?$`,
      'u',
    ).exec(t) ??
    // "…bij nacht.(foto: ANP)": a credit in parentheses, its label in lower case too.
    new RegExp(
      `(?<=\\s[\\p{L}\\p{N}'’-]*(?:\\p{L}{2}\\p{Ll}|[.!?)”"’]))\\((?:${CREDIT_LABEL}|foto|photo|bild|beeld|crédit|credit)\\s*:\\s*[^()]{1,60}\\)$`,
      'u',
    ).exec(t);
  if (!labelled || labelled.index === 0) return [];
  return [[labelled.index, t.length]];
}

/**
 * A credit after a dash at the end of a caption, as Brazilian and other sites print it
 * ("Moradores limpam a rua — Foto: Ana Souza/Folhapress", "The harbour at dawn - Photo: Jane Roe").
 * Only in captions, and only a label and a name (no sentence end after it).
 */
function dashedCreditRanges(text: string): [number, number][] {
  const t = text.replace(/\s+$/, '');
  const m = new RegExp(`\\s+[—–-]\\s+(?:${CREDIT_LABEL})\\s*:\\s*[^.!?:]{1,80}$`, 'u').exec(t);
  if (!m || m.index === 0) return [];
  return [[m.index, t.length]];
}

/**
 * Where a credit starts at the end of a caption's text, by the rules the body's captions are
 * cleaned with (a credit glued to the caption, or after a dash): the caption before it and the
 * credit as kept. Undefined when the caption ends with no credit the rules know.
 */
export function captionCredit(caption: string): { caption: string; credit: string } | undefined {
  const [range] = [...gluedCreditRanges(caption), ...dashedCreditRanges(caption)];
  if (!range) return undefined;
  return { caption: singleSpaced(caption.slice(0, range[0])), credit: creditText(caption.slice(range[0], range[1])) };
}

/** A cut credit as it is kept: without the dash before it or the parentheses around it. */
const creditText = (text: string) =>
  singleSpaced(text)
    .replace(/^[—–-]\s*/, '')
    .replace(/^\((.*)\)$/, '$1');

/**
 * A gallery counter at the start of a caption ("Image 1 of 9 Protesters gather…", "Bild 2 von 9: …",
 * "3/12 · …"): cut, the caption kept.
 */
function galleryCounterRanges(text: string): [number, number][] {
  const m =
    /^\s*(?:(?:image|photo|picture|slide|foto|bild|imagen|diapositiva|immagine|imagem|afbeelding)\s*\d{1,3}\s*(?:of|von|aus|sur|de|di|van|\/)\s*\d{1,3}|\d{1,3}\s*(?:of|\/)\s*\d{1,3}(?=\s*[:|·•–—-]))\s*[:|·•–—-]?\s*(?=\p{Lu}|\p{N}|["“«„])/iu.exec(
      text,
    );
  return m && m[0].length < text.trim().length ? [[0, m[0].length]] : [];
}

/** Spans cut out of blocks, in the order they are tried. */
export const INLINE_RULES: InlineRule[] = [
  {
    name: 'glued-credit',
    description:
      'an image credit run into the end of its caption with no space ("…after treatmentCredit: EPA"); kept as the image credit',
    ranges: gluedCreditRanges,
    credit: creditText,
  },
  {
    name: 'dashed-credit',
    description:
      'an image credit after a dash at the end of its caption ("…after the flood — Foto: Ana Souza/Folhapress"); kept as the image credit',
    ranges: dashedCreditRanges,
    credit: creditText,
    captionsOnly: true,
  },
  {
    name: 'gallery-counter-prefix',
    description: 'a gallery counter at the start of a caption ("Image 1 of 9 Protesters gather…")',
    ranges: galleryCounterRanges,
  },
  {
    name: 'glued-related-links',
    description: 'related-link hover cards glued to a name ("SessionsJefferson (Jeff) Beauregard Sessions... MORE")',
    ranges: gluedCardRanges,
  },
];
