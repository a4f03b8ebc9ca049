// Offices written before a person's name ("Mayor Jane Smith", "Bürgermeisterin Anna Weber",
// "Alcaldesa Ana López"), in the languages the archive holds (English, French, German, Spanish,
// Italian, Portuguese, Dutch). An office is a title, not part of the name: a reference list drops
// it ("Do not include titles, positions, ranks": APA Publication Manual, 7th ed., "Format of the
// Author Element"; MLA and Chicago agree). Lower-case words, compared without their dots.

/** Offices that are no one's given name, by language. */
export const OFFICE_TITLES: Readonly<Record<string, readonly string[]>> = {
  en: [
    ...['mayor', 'mayoress', 'minister', 'premier', 'chancellor', 'secretary', 'ambassador', 'commissioner'],
    ...['chairman', 'chairwoman', 'chairperson', 'chair', 'ceo', 'speaker', 'sheriff', 'officer', 'detective'],
    ...['constable', 'inspector', 'superintendent', 'alderman', 'alderwoman', 'supervisor', 'treasurer'],
    ...['comptroller', 'magistrate', 'prosecutor', 'attorney', 'judge', 'councilman', 'councilwoman'],
    ...['assemblymember', 'congressmember', 'delegate', 'spokesman', 'spokeswoman', 'spokesperson'],
  ],
  fr: [
    ...['maire', 'ministre', 'président', 'présidente', 'sénateur', 'sénatrice', 'député', 'députée', 'juge'],
    ...['préfet', 'préfète', 'gouverneur', 'ambassadeur', 'ambassadrice', 'conseiller', 'conseillère'],
    ...['chancelier', 'chancelière', 'secrétaire', 'commissaire', 'procureur', 'procureure', 'porte-parole'],
    ...['vice-président', 'vice-présidente', 'première'],
  ],
  de: [
    ...['bürgermeister', 'bürgermeisterin', 'oberbürgermeister', 'oberbürgermeisterin', 'minister', 'ministerin'],
    ...['bundesminister', 'bundesministerin', 'ministerpräsident', 'ministerpräsidentin', 'kanzler', 'kanzlerin'],
    ...['bundeskanzler', 'bundeskanzlerin', 'präsident', 'präsidentin', 'bundespräsident', 'bundespräsidentin'],
    ...['senatorin', 'richter', 'richterin', 'abgeordnete', 'abgeordneter', 'landrat', 'landrätin', 'stadtrat'],
    ...['stadträtin', 'botschafter', 'botschafterin', 'staatssekretär', 'staatssekretärin', 'gouverneurin'],
    ...['sprecher', 'sprecherin', 'staatsanwalt', 'staatsanwältin', 'altkanzler', 'altkanzlerin'],
  ],
  es: [
    ...['alcalde', 'alcaldesa', 'ministro', 'ministra', 'presidente', 'presidenta', 'senador', 'senadora'],
    ...['diputado', 'diputada', 'juez', 'jueza', 'gobernador', 'gobernadora', 'concejal', 'concejala'],
    ...['embajador', 'embajadora', 'canciller', 'portavoz', 'fiscal', 'consejero', 'consejera'],
    ...['expresidente', 'expresidenta', 'vicepresidente', 'vicepresidenta'],
  ],
  it: [
    ...['sindaco', 'sindaca', 'ministro', 'ministra', 'presidente', 'presidentessa', 'senatore', 'senatrice'],
    ...['deputato', 'deputata', 'giudice', 'onorevole', 'governatore', 'assessore', 'assessora'],
    ...['consigliere', 'consigliera', 'ambasciatore', 'ambasciatrice', 'prefetto', 'portavoce', 'procuratore'],
  ],
  pt: [
    ...['prefeito', 'prefeita', 'presidente', 'presidenta', 'ministro', 'ministra', 'governador', 'governadora'],
    ...['senador', 'senadora', 'deputado', 'deputada', 'juiz', 'juíza', 'vereador', 'vereadora', 'embaixador'],
    ...['embaixadora', 'secretário', 'secretária', 'porta-voz', 'desembargador', 'desembargadora', 'autarca'],
  ],
  nl: [
    ...['burgemeester', 'minister', 'premier', 'minister-president', 'wethouder', 'rechter', 'kamerlid'],
    ...['staatssecretaris', 'gedeputeerde', 'commissaris', 'ambassadeur', 'woordvoerder', 'voorzitter'],
    ...['oud-premier', 'oud-minister', 'oud-burgemeester'],
  ],
};

/**
 * Offices that are also given names ("Dean Baquet", "Justice Smith"): a title only before a
 * given and a family name ("Justice Ruth Bader Ginsburg", "Dean Jane Smith"), else the name.
 */
export const OFFICE_TITLES_ALSO_NAMES: readonly string[] = ['dean', 'justice'];

/**
 * Words that are titles only in front of another title word: "Prime Minister", "Vice
 * President", "Deputy Mayor", "Chief Executive", "Attorney General", "First Minister", "Former
 * Governor", "State Senator", "Surgeon General", "Majority Leader". Alone before a name they are
 * names or words ("Chief Keef", "Prime Kitchen").
 */
export const OFFICE_QUALIFIERS: readonly string[] = [
  ...['prime', 'vice', 'deputy', 'chief', 'first', 'acting', 'interim', 'former', 'state', 'federal', 'us'],
  ...['foreign', 'home', 'finance', 'health', 'defence', 'defense', 'education', 'interior', 'energy'],
  ...['transport', 'environment', 'trade', 'culture', 'justice', 'shadow', 'junior', 'senior', 'associate'],
  ...['assistant', 'supreme', 'court', 'district', 'circuit', 'county', 'city', 'surgeon', 'solicitor'],
  ...['majority', 'minority', 'opposition', 'lord', 'ex', 'ancien', 'ancienne', 'regierender', 'regierende'],
];

/** Words that are titles only after a title or a qualifier: "Attorney General", "Chief Executive", "Majority Leader", "Chief Whip". */
export const TITLES_AFTER_TITLE: readonly string[] = ['general', 'executive', 'leader', 'whip'];
