// German and French words that, capitalized, open a sentence or a clause before a name and are
// never a given name: articles, pronouns, conjunctions, prepositions (German "Laut Weber" is
// "according to Weber"), sentence adverbs ("Auch Weber sagte", "Dann Weber", "Puis Dupont"), and
// the days and months. Words that are given names too stay off: August, April, Mai, Avril, Elle,
// Grâce, Ja, Man, and the particles Da, De, Des and Du of names such as Da Silva and De Gaulle.
// English's words of these kinds are quote-given-names.ts's; these are apart so each language's
// list can change without the others'. The words are those the grammars list as the closed
// classes (Duden, Die Grammatik: Artikel, Pronomen, Präposition, Konjunktion, Adverb; Grevisse and
// Goosse, Le Bon Usage: déterminants, pronoms, prépositions, conjonctions, adverbes), as far as
// news copy opens a sentence with them.

/** Conjunctions and sentence adverbs that may stand before a sentence's subject ("Und Weber sagte", "Puis elle a ajouté"). */
const CONNECTIVES_DE =
  'Und Aber Doch Auch Dann Danach Später Zudem Außerdem Anschließend Schließlich Zuvor Zuletzt Nun Jetzt Inzwischen Dennoch Trotzdem Allerdings';
const CONNECTIVES_FR = 'Et Mais Puis Ensuite Enfin Alors Aussi Pourtant Cependant Toutefois Néanmoins Désormais';

const DE = [
  ...CONNECTIVES_DE.split(' '),
  ...'Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Dieser Diese Dieses Diesem Diesen Jener Jede Jeder Jedes'.split(
    ' ',
  ),
  ...'Er Sie Es Wir Ihr Ich Sein Seine Seiner Ihre Ihrer Unser Unsere Dessen Deren Wer Was Welche Welcher'.split(' '),
  ...'Oder Denn Sondern Sowie Dass Weil Wenn Als Ob Obwohl Während Nachdem Bevor Damit Sodass Wie Wo'.split(' '),
  ...'Laut Für Mit Von Vom Bei Beim Nach Auf An Am Im In Ins Zu Zum Zur Aus Über Unter Gegenüber Vor Seit Gegen Ohne Durch Um Trotz Wegen Dank Neben Zwischen Hinter Bis'.split(
    ' ',
  ),
  ...'Daher Deshalb Darum Dabei Dazu Darauf Dort Hier Noch Schon Nur Erst Zunächst Zuerst Immerhin Sogar Selbst Gerade Bereits Heute Gestern Vorgestern Morgen Bisher Stattdessen Ebenso Ähnlich Anders Vielleicht Wohl So Also Zwar'.split(
    ' ',
  ),
  ...'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar Februar März Juni Juli September Oktober November Dezember'.split(
    ' ',
  ),
];

const FR = [
  ...CONNECTIVES_FR.split(' '),
  ...'Le La Les Un Une Au Aux Ce Cet Cette Ces Son Sa Ses Leur Leurs Notre Nos Votre Vos'.split(' '),
  ...'Il Ils Elles On Nous Vous Je Tu Celui Celle Ceux Qui Que Quoi'.split(' '),
  ...'Ou Donc Or Ni Car Puisque Quand Lorsque Comme Si Ainsi'.split(' '),
  ...'Selon Pour Avec Sans Chez Dans Sur Sous Après Avant Pendant Depuis Contre Vers Entre Par Parmi Malgré Face Dès'.split(
    ' ',
  ),
  ...'Même Encore Déjà Toujours Aujourd Hier Demain Ici Là Certes Surtout Seulement Bref Oui Non'.split(' '),
  ...'Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Juin Juillet Août Septembre Octobre Novembre Décembre'.split(
    ' ',
  ),
];

/**
 * German and French words that open a sentence or clause and are never a given name, as written
 * (capitalized): "Laut", "Auch", "Dann", "Selon", "Puis". A word of this list before a surname
 * ("Laut Weber", "Auch Weber sagte") is no other person of that surname, and one opening a
 * sentence between two quotations ("Dann fügte sie hinzu") names no new speaker.
 */
export const OPENING_WORDS_DE_FR: ReadonlySet<string> = new Set([...DE, ...FR]);

/**
 * The German and French conjunctions and sentence adverbs of OPENING_WORDS_DE_FR that may stand
 * before a sentence's subject, as written: the clause before a quotation may open with them ("Und
 * Weber sagte: „…“", "Puis elle a ajouté : « … »").
 */
export const CONNECTIVES_DE_FR: readonly string[] = [...CONNECTIVES_DE.split(' '), ...CONNECTIVES_FR.split(' ')];
