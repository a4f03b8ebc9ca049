// The particles of personal names: lower-case words that stand inside a name without starting a
// new one ("Anne van der Berg", "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Mohammed
// bin Salman", "Guillermo del Toro"), in the languages the importer reads. Every pattern that
// lets a name run on past a lower-case word reads this list.

/**
 * Name particles, lower-case: Dutch and German (van, von, der, den, ter, ten, zu), Romance (de,
 * del, della, di, da, dos, das, du, le, la) and Arabic (al, el, bin, ibn).
 */
export const NAME_PARTICLES: readonly string[] =
  'van von der den de del della di da dos das du le la al el bin ibn ter ten zu'.split(' ');
