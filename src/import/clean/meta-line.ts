import { dateWordKind } from '../dates.ts';
import { BYLINE_CONJUNCTIONS, BYLINE_LEAD_WORDS } from '../../text/byline-words.ts';
import { NAME_PARTICLES } from '../../text/name-particles.ts';
import { wordAlternation } from '../../text/word-pattern.ts';

// Lines that only state facts about the page, not the story: when it was published or updated
// ("Updated 10:32 AM EDT, Thu June 6, 2024", "Publié le 04/03/2024 à 14h30, mis à jour à 15h12",
// "Stand: 04.03.2024, 14:30 Uhr", "Actualizado hace 2 horas"), how long it takes to read
// ("5 min read", "Lesezeit: 4 Minuten") and how often it was read or discussed ("1,234 views",
// "Gelesen 512 Mal", "12 commentaires"). A line is one when every word of it belongs to that
// vocabulary, so a sentence of the story, which always has other words, never is.

/** Labels printed before or between the facts, longest first (matched lower-case, as whole words). */
const LABELS = [
  // English
  'last updated',
  'last modified',
  'first published',
  'originally published',
  'published',
  'updated',
  'posted',
  'modified',
  'created',
  'reading time',
  'read time',
  'time to read',
  'min read',
  'mins read',
  'minute read',
  'minutes read',
  'listen time',
  // French
  'dernière mise à jour',
  'mis à jour',
  'mise à jour',
  'publié',
  'publiée',
  'modifié',
  'modifiée',
  'actualisé',
  'actualisée',
  'temps de lecture',
  'de lecture',
  'lecture',
  'il y a',
  // German
  'zuletzt aktualisiert',
  'veröffentlicht',
  'aktualisiert',
  'erstellt',
  'geändert',
  'stand',
  'lesezeit',
  'lesedauer',
  'min. lesezeit',
  'vor',
  // Spanish, Italian, Portuguese, Dutch
  'última actualización',
  'publicado',
  'publicada',
  'actualizado',
  'actualizada',
  'modificado',
  'tiempo de lectura',
  'de lectura',
  'a las',
  'hace',
  'pubblicato il',
  'aggiornato il',
  'modificato il',
  'modifica il',
  'pubblicato',
  'aggiornato',
  'modificato',
  'modifica',
  'ultimo aggiornamento',
  'tempo di lettura',
  'di lettura',
  'alle',
  'fa',
  'atualizado',
  'atualizada',
  'publicado em',
  'publicada em',
  'atualizado em',
  'atualizada em',
  'tempo de leitura',
  'de leitura',
  'às',
  'há',
  'gepubliceerd',
  'bijgewerkt',
  'laatst bijgewerkt',
  'aangepast',
  'gewijzigd',
  'leestijd',
  'geleden',
  // joining words
  'and',
  'et',
  'und',
  'y',
  'e',
  'en',
  'ago',
  'date',
  'datum',
  'fecha',
  'data',
  'time',
  'heure',
  'uhrzeit',
  'hora',
];
const LABEL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...LABELS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Labels that make a number a reading time or a relative time ("5 min read", "vor 3 Stunden"). */
const UNIT_LABEL_RE =
  /(?<![\p{L}\p{N}])(?:min(?:ute)?s? read|read(?:ing)? time|time to read|listen time|(?:temps )?de lecture|il y a|lesezeit|lesedauer|vor|(?:tiempo )?de lectura|hace|(?:tempo )?di lettura|fa|(?:tempo )?de leitura|há|leestijd|geleden|ago)(?![\p{L}\p{N}])/iu;

/** Units of a relative time or a reading time ("2 hours ago", "vor 3 Stunden", "4 min"). */
const TIME_UNITS = new Set(
  'second seconds sec secs minute minutes min mins hour hours hr hrs h day days d week weeks month months year years seconde secondes heure heures jour jours semaine semaines mois an ans sekunde sekunden minuten stunde stunden tag tagen tage woche wochen monat monaten monate jahr jahren jahre segundo segundos minuto minutos horas día días dia dias semana semanas mes meses año años secondo secondi minuti ora ore giorno giorni settimana settimane mese mesi anno anni ano anos seconde seconden minuut minuten uur uren dag dagen week weken maand maanden jaar jaren'.split(
    ' ',
  ),
);

/** What a count counts: views, reads, comments, shares. */
const COUNT_UNITS = new Set(
  'views view reads read times lectures lecture vues vue fois aufrufe aufruf gelesen mal views visitas lecturas leído leido veces visualizaciones visualizzazioni letture letto volte visualizações leituras lido vezes weergaven gelezen keer comments comment commentaires kommentare comentarios commenti comentários reacties shares partages geteilt compartido'.split(
    ' ',
  ),
);

/** Days named relative to today ("Yesterday at 10:32", "hier à 14h30", "gestern, 9:15 Uhr"). */
const RELATIVE_DAYS = new Set(
  "today yesterday tonight aujourd’hui aujourd'hui hier heute gestern vorgestern hoy ayer anteayer oggi ieri hoje ontem vandaag gisteren".split(
    ' ',
  ),
);

/** Labels that say the numbers are the page's own times ("Updated 10:32 AM EDT" with no date). */
const TIME_LABEL_RE =
  /(?<![\p{L}\p{N}])(?:published|updated|posted|modified|publié|publiée|mis à jour|mise à jour|veröffentlicht|aktualisiert|stand|publicado|publicada|actualizado|actualizada|pubblicato|aggiornato|modificato|modifica|atualizado|gepubliceerd|bijgewerkt|aangepast|gewijzigd)(?![\p{L}\p{N}])/iu;

/** Numbers in words, as relative times give them ("an hour ago", "il y a une heure", "hace un día"). */
const NUMBER_WORDS = new Set(
  'a an one two three few un une deux trois ein eine einer einem einen zwei drei un una uno dos tres um uma dois duas een twee drie'.split(
    ' ',
  ),
);

/** Time zones as pages print them after a time. */
const ZONES = new Set(
  'et pt ct mt est edt cst cdt mst mdt pst pdt akst akdt hst gmt utc bst ist cet cest met mez mesz eet eest wet west aest aedt acst acdt awst nzst nzdt jst kst hkt sgt sast wat cat eat brt art z'.split(
    ' ',
  ),
);

/** A byline's lead word as printed at the start of a name: "By", "by", "BY", "Par", "von". */
const BYLINE_LEAD = [...BYLINE_LEAD_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`), 'BY'].join('|');

/** A part that is only a byline: an optional lead word, then capitalised words joined by conjunctions and particles. */
const BYLINE_ONLY = new RegExp(
  `^(?:(?:${BYLINE_LEAD})\\s+)?\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|${wordAlternation([...BYLINE_CONJUNCTIONS, ...NAME_PARTICLES])})){0,5}$`,
  'u',
);

/**
 * True for a line that only gives the page's dates, reading time or counts (see the top of this
 * file), also when a name stands in one of its parts ("Jane Doe | June 6, 2024 | 4 min read",
 * "Reuters · Updated 2 hours ago"): parts split by a bar or a dot, each either such facts or a
 * few capitalised words, at least one of them facts.
 */
export function isMetaLine(text: string): boolean {
  if (isFactsOnly(text)) return true;
  // "Posted by Jane Doe on June 6, 2024": the name is a part of its own.
  const split = text.replace(
    new RegExp(
      `(?<=^|\\s)(?:${BYLINE_LEAD})\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’-]*(?=\\s+(?:on|am|le|el|il|op|em)\\s|\\s*[,|·•]|\\s+\\d)`,
      'u',
    ),
    (m) => ` | ${m} | `,
  );
  const parts = split
    .split(/\s*[|·•]\s*(?=\S)|\s+[|·•]\s+/)
    .map((p) => p.trim().replace(/^,\s*/, ''))
    .filter(Boolean);
  if (parts.length < 2 || text.length > 160) return false;
  const facts = parts.filter(isFactsOnly).length;
  return facts > 0 && parts.every((p) => isFactsOnly(p) || BYLINE_ONLY.test(p));
}

/** True for a line of page facts alone (dates, times, reading time, counts), with their labels. */
function isFactsOnly(text: string): boolean {
  // Without a digit only a relative time in words is facts ("an hour ago", "vor einem Tag").
  if (text.length > 160 || (!/\d/.test(text) && !UNIT_LABEL_RE.test(text))) return false;
  const words = text
    .toLowerCase()
    .replace(LABEL_RE, ' ')
    // Separators; a slash or colon only when it is not inside a date or time ("10/27/2026", "14:30").
    .replace(
      /[|·•,;()[\]–—]|(?<!\d):|:(?!\d)|(?<!\d)\/|\/(?!\d)|(?<=\s)-(?=\s)|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/gu,
      ' ',
    )
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter(Boolean);
  if (words.length === 0) return false;
  let date = false;
  let number = false;
  let unit = UNIT_LABEL_RE.test(text);
  const labelled = TIME_LABEL_RE.test(text);
  let time = false;
  for (const w of words) {
    const kind = dateWordKind(w);
    if (kind === 'month' || kind === 'numeric-date') date = true;
    if (kind === 'time') time = true;
    if (RELATIVE_DAYS.has(w)) {
      date = true;
      continue;
    }
    if (kind === 'number' || /^\d[\d.,\u00a0\u202f]*[km]?$/.test(w) || NUMBER_WORDS.has(w)) {
      number = true;
      continue;
    }
    if (kind) continue;
    if (/^(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?$/.test(w) || ZONES.has(w)) continue;
    if (/^\d{1,2}h(?:\d{2})?$/.test(w)) {
      time = true;
      continue;
    }
    if (TIME_UNITS.has(w) || COUNT_UNITS.has(w)) {
      unit = true;
      continue;
    }
    // "5min", "3h", "12k"
    if (/^\d+(?:min|mins|h|hrs?|d)$/.test(w)) {
      number = unit = true;
      continue;
    }
    return false;
  }
  // A bare time ("09:30") is a live blog's entry time and stays; a labelled one is the page's.
  return date || (number && unit) || (time && labelled);
}
