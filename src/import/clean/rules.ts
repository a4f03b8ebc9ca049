import { isDateLine } from '../dates.ts';
import { GLUED_DATE } from '../names.ts';

// Boilerplate that survives article extraction on real news pages. Each rule lives here once,
// with what it removes; tests/unit/import-clean.test.ts shows a real-looking before and after
// for every rule.

/** What a rule may consult besides the text: the article's headline. */
export interface RuleContext {
  title?: string | undefined;
  dek?: string | undefined;
  siteName?: string | undefined;
}

/** A rule that removes a whole block (paragraph, list item, heading) when its text matches. */
export interface BlockRule {
  name: string;
  /** What the rule removes, for the import report. */
  description: string;
  matches(text: string, ctx: RuleContext): boolean;
  /** Rules whose matched text is an image credit hand it back, so it is kept as the credit. */
  credit?: (text: string) => string;
  /** For headings: also remove the list of links that follows ("More on this story" + list). */
  withFollowingList?: boolean;
  /** When the rule removes a heading, also remove everything after it in its container (a comment section, a paywall box). */
  withRest?: boolean;
  /** Elements the rule applies to (tag names); all removable blocks when absent. */
  only?: string[];
}

/** A rule that cuts spans out of a block's text (text glued into a sentence). */
export interface InlineRule {
  name: string;
  description: string;
  /** [start, end) character ranges of the block's text to remove. */
  ranges(text: string): [number, number][];
}

/** Text compared case-insensitively with spaces collapsed. */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

const SHARE_WORD =
  "(?:(?:share|teilen|partager|compartir|condividi|partilhar|delen)(?: (?:on|via|auf|sur|en|su|em|op) \\w+)?|instagram|youtube|tiktok|threads|bluesky|mastodon|e-mail|drucken|imprimir|stampa|imprimer|afdrukken|kopieren|copier|copiar|copia|kopiëren|opens? in (?:a )?new (?:window|tab)|share(?: this (?:article|story|page))?(?: on \\w+| via \\w+)?|tweet|e-?mail|print|copy(?: link)?|link copied|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|messenger|telegram|save|gift(?: this)? article|comments?|order reprints|reprints|today[’']s paper|subscribe|partager|courriel)";

/** Words a byline starts with, in the languages the importer reads. */
const BYLINE_START = /^(?:by|par|por|von|di|door|av|af|texto?|text|written by)\s+(?=\p{Lu})/iu;
/** Words that may stand between the names of a byline. */
const BYLINE_JOIN =
  /^(?:and|&|et|y|und|e|en|og|och|van|von|der|den|de|del|della|di|da|dos|das|du|le|la|ter|ten|zu|bin|al)$/;

/**
 * True for a line that is only a byline: a byline word, then names (capitalised words, with
 * "and"-words and particles between them), then optionally a date or a "| role" tail.
 */
export function isBylineLine(text: string): boolean {
  const start = BYLINE_START.exec(text);
  if (!start) return false;
  const names = text
    .slice(start[0].length)
    .split(/\s[|–—·•]\s|\s-\s/)[0]!
    .replace(GLUED_DATE, '')
    .replace(/[,;]/g, ' ')
    .trim();
  const words = names.split(/\s+/).filter(Boolean);
  return (
    words.length >= 1 &&
    !/^(?:the|a|an|der|die|das|le|la|les|el|los|las|il|lo|o|os|as|de|het)$/i.test(words[0]!) &&
    words.length <= 12 &&
    /^\p{Lu}/u.test(words[0]!) &&
    words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || BYLINE_JOIN.test(w))
  );
}

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
    description: 'a "More on this story" or "Related" heading and the list of links under it',
    matches: (text) =>
      /^(?:more on this (?:story|topic)|related(?: topics| stories| coverage| articles| content| news)?|more(?: news| stories| articles| coverage| headlines)? (?:from|on|about|in) [\p{L}\p{N}.'’& -]{1,50}|(?:more|latest|other|top) (?:news|stories|headlines)|read (?:more|next|also)|(?:plus d['’]actualités|à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|mehr zum thema|lesen sie auch|weitere artikel|das könnte sie auch interessieren|más noticias|te puede interesar|lee también|noticias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|leia também|mais notícias|notícias relacionadas|lees ook|meer nieuws|gerelateerde artikelen)|most (?:popular|read|viewed)|you (?:may|might) also like|recommended(?: for you)?|top stories|latest (?:news|stories)|explore more on these topics)$/iu.test(
        text.trim(),
      ),
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
    description: 'advertisement markers ("ADVERTISEMENT", "Story continues below")',
    matches: (text) =>
      /^(?:advertisement|advert|ad|publicité|publicidad|pubblicità|publicidade|anzeige|werbung|reklame|advertentie|annonce|anuncio|sponsored(?: content)?|story continues (?:below|after)(?: (?:this )?advertisement)?|article continues (?:below|after)(?: (?:this )?advertisement)?|continue reading (?:the )?(?:main )?story|scroll to continue(?: with content)?)$/.test(
        norm(text).replace(/[.:…]+$/, ''),
      ),
  },
  {
    name: 'photo-credit',
    description: 'a line holding only a photo credit ("© Getty", "Photo: AP"), kept as the image credit',
    matches: (text) =>
      text.length <= 100 &&
      (/^(?:©|\(c\)|copyright\b|photo(?:graph)?(?: credit)?:|image(?: credit)?:|picture:|credit:)\s*\S/i.test(
        text.trim(),
      ) ||
        /^[^.!?]{0,80}\/\s*(?:getty images|ap|afp|reuters|epa|ap photo|shutterstock)\s*$/i.test(text.trim())),
    credit: (text) => text.replace(/\s+/g, ' ').trim(),
  },
  {
    name: 'newsletter-prompt',
    description: 'newsletter and subscription prompts',
    matches: (text) =>
      text.length <= 240 &&
      (/^(?:sign up|subscribe|get|join|want|don't miss|never miss)\b.*\b(?:newsletter|inbox|e-?mails?|briefing|digest|alerts?)\b/i.test(
        text.trim(),
      ) ||
        /^(?:already a subscriber|support (?:our|independent) journalism|become a (?:member|subscriber)|subscribe (?:now|today))\b/i.test(
          text.trim(),
        )),
  },
  {
    name: 'share-buttons',
    description: 'share-button labels ("Share", "Tweet", "Email", "Copy link")',
    matches: (text) => new RegExp(`^(?:${SHARE_WORD}\\s*[|·•,/]?\\s*)+$`, 'i').test(text.trim()),
  },
  {
    name: 'read-more-teaser',
    description: '"Read more" teasers and related-story links between paragraphs',
    matches: (text) =>
      text.length <= 200 &&
      /^(?:read more|read also|also read|see also|read next|related(?: stories| coverage| articles)?|recommended|more on this story|more from|watch|listen|(?:à )?lire aussi|voir aussi|lesen sie (?:auch|mehr)|mehr zum thema|zum thema|lee (?:también|más)|leer más|ver también|leia (?:também|mais)|veja também|leggi anche|leggi l['’]articolo|lees ook|lees meer|zie ook)(?=[\s:|»›>-])\s*[:|»›>-]/iu.test(
        text.trim(),
      ),
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
      (text.length <= 80 &&
        /^(?:\d+\s+)?(?:comments?|show comments|view comments|join the (?:conversation|discussion)|leave a comment)\b/i.test(
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
    description: 'prompts to follow the publication on social media or download its app',
    matches: (text) =>
      text.length <= 200 &&
      /^(?:follow (?:us|[\p{L}. ]{1,40}) on (?:twitter|facebook|instagram|x|tiktok|linkedin|threads|bluesky|youtube)|like us on facebook|(?:get .{0,40})?download (?:our|the) (?:free )?app)\b/iu.test(
        text.trim(),
      ),
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
];

/**
 * Related-link hover cards glued to a name, as The Hill's pages render them in text:
 * "Jeff SessionsJefferson (Jeff) Beauregard SessionsPress: Acosta, ... MORE for comments".
 * The card starts where the shown surname runs into the person's full name (which ends with
 * that same surname) and ends at "MORE"; the sentence keeps the shown name.
 */
export function gluedCardRanges(text: string): [number, number][] {
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

/** Spans cut out of blocks, in the order they are tried. */
export const INLINE_RULES: InlineRule[] = [
  {
    name: 'glued-related-links',
    description: 'related-link hover cards glued to a name ("SessionsJefferson (Jeff) Beauregard Sessions... MORE")',
    ranges: gluedCardRanges,
  },
];
