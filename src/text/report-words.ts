// Words of news reporting itself: the verbs of attribution ("said", "told"), days and months,
// courtesy titles and round counts. Every story has them, so they say nothing about what a story
// is about; a large archive finds them too common by their counts alone, a small one cannot, so
// the related lists (src/site/related.ts) leave them out by list, as they leave out stop words.
// Written lower case without diacritics, as the lists compare words (lowerWithoutAccents).

const LISTS: Record<string, string> = {
  en: `said says say told tells added adding according asked asks noted stated statement spokesman
    spokeswoman spokesperson reporters reported interview week weeks month months year years today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december percent per cent
    one two three four five six seven eight nine ten first second third last next new
    many much several including since later earlier early late mr mrs ms dr`,
  fr: `dit dire declare affirme selon explique ajoute lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    annee annees mois semaine jour jours hier aujourd demain deux trois quatre cinq premier premiere
    dernier derniere pourcent`,
  de: `sagte sagt sagen erklarte laut montag dienstag mittwoch donnerstag freitag samstag sonntag
    januar februar marz april mai juni juli august september oktober november dezember jahr jahre
    jahren monat monate woche tag tage gestern heute morgen zwei drei vier funf prozent`,
  es: `dijo dice segun afirmo explico anadio lunes martes miercoles jueves viernes sabado domingo
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ano anos
    mes meses semana dia dias ayer hoy dos tres cuatro cinco ciento`,
};

const SETS = new Map(Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]));

/**
 * True when `word` (lower case, without diacritics) is a word of news reporting in `language`
 * (a BCP 47 tag; its primary subtag picks the list). A language without a list has none.
 */
export function isReportWord(word: string, language: string): boolean {
  return SETS.get(language.split('-')[0]!.toLowerCase())?.has(word) ?? false;
}
