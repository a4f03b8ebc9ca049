import nlp from 'compromise';

// Who an article names. Known people are found by every name they go by (their aliases) in the
// cleaned text; names of people not yet in the archive come from an NLP pass (compromise) and
// are proposed, never tagged. Text removed as boilerplate is never searched.

/** A person in the archive, as the importer needs them. */
export interface KnownPerson {
  id: string;
  name: string;
  aliases: string[];
}

/** Words a name may be preceded by that are titles, not part of the name. */
const TITLES =
  /^(?:(?:the|former|then|acting|deputy|vice|u\.?s\.?|us|president|attorney|general|sen\.?|senator|rep\.?|representative|gov\.?|governor|mayor|judge|justice|chief|secretary|minister|prime|chancellor|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?|professor|gen\.?|col\.?|lt\.?|sgt\.?|officer|spokeswoman|spokesman|spokesperson|ceo|chairman|chairwoman|director|ambassador|king|queen|prince|princess|pope|rev\.?|sir|dame|lord|lady)\s+)+/i;

/** Words of a name, lower-cased, without accents or punctuation: "Jefferson (Jeff) Sessions" -> ["jefferson","jeff","sessions"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Finds known people in text by any of their names; a lookup table built once per import run. */
export class PeopleIndex {
  private byFirstToken = new Map<string, { tokens: string[]; id: string }[]>();
  private byName = new Map<string, string>();

  constructor(people: KnownPerson[]) {
    for (const p of people) for (const alias of [p.name, ...p.aliases]) this.add(alias, p.id);
  }

  private add(alias: string, id: string): void {
    const tokens = nameTokens(alias);
    if (tokens.length === 0) return;
    this.byName.set(tokens.join(' '), id);
    const list = this.byFirstToken.get(tokens[0]!) ?? [];
    list.push({ tokens, id });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirstToken.set(tokens[0]!, list);
  }

  /** Ids of known people named in the text (capitalised names only), in order of first mention. */
  find(text: string): string[] {
    const words = [...text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => ({ raw: m[0], token: nameTokens(m[0])[0] ?? '' }));
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i]!.raw)) continue;
      for (const cand of this.byFirstToken.get(words[i]!.token) ?? []) {
        if (cand.tokens.every((t, k) => words[i + k]?.token === t)) {
          found.add(cand.id);
          break;
        }
      }
    }
    return [...found];
  }

  /** The id for a name as written ("Attorney General Jeff Sessions"), if known. */
  resolve(name: string): string | undefined {
    return (
      this.byName.get(nameTokens(name).join(' ')) ?? this.byName.get(nameTokens(name.replace(TITLES, '')).join(' '))
    );
  }
}

/** Names the NLP pass finds: trimmed, titles removed, at least two words. */
export function candidateNames(text: string): string[] {
  const names = nlp(text).people().out('array') as string[];
  const cleaned = names
    .map((n) =>
      n
        .replace(/[^\p{L}\p{N}.'’)]+$/u, '')
        .replace(/['’]s$/, '')
        .replace(TITLES, '')
        .trim(),
    )
    .filter(
      (n) =>
        n.split(/\s+/).length >= 2 && n.split(/\s+/).every((w) => /^[\p{Lu}(]/u.test(w)) && !/\p{Ll}\p{Lu}/u.test(n),
    );
  return [...new Set(cleaned)];
}

/** Known people named in the text, and the names not in the archive (to propose as new people). */
export function findPeople(
  text: string,
  index: PeopleIndex,
  extraNames: string[] = [],
): { known: string[]; unknown: string[] } {
  const known = index.find(text);
  for (const name of extraNames) {
    const id = index.resolve(name);
    if (id && !known.includes(id)) known.push(id);
  }
  const unknown = candidateNames(text).filter((n) => !index.resolve(n));
  return { known, unknown };
}
