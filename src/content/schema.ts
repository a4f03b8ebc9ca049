import { z } from 'astro/zod';
import { looksLikeOrganization, type Author } from './names.ts';
import { compareDates, dateFix, dateProblem, isoDay, storedDate, parseArchiveDate, type ArchiveDate } from './dates.ts';

// The shape of every archive entry. The same schemas serve the Astro content collections
// (with real references) and the standalone checker (with plain ids), so both say the same.

/**
 * A date written as YYYY-MM-DD or an ISO date-time with its UTC offset; impossible dates are
 * rejected. The output is the checked text (src/content/dates.ts), so the offset the original printed
 * is kept and its calendar day is the one shown everywhere.
 */
const archiveDate = z.union([z.date(), z.string()]).transform((value, ctx): ArchiveDate => {
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return storedDate(value);
    ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
    return z.NEVER;
  }
  const problem = dateProblem(value);
  if (problem === null) return storedDate(value);
  // The checker's report takes a fix from the issue's params (src/content/check.ts).
  const fix = dateFix(value);
  ctx.addIssue({ code: 'custom', message: problem, ...(fix && { params: { fix } }) });
  return z.NEVER;
});

const text = z.string().trim().min(1, { error: 'must not be empty' });
/**
 * A byline: the name as printed, or `{ name, organization: true }` for an organization (cited as
 * one name). A plain name that reads as an organization's ("Associated Press", "BBC News staff")
 * counts as one unless `organization: false` says otherwise.
 */
const author = z
  .union([text, z.object({ name: text, organization: z.boolean().optional() }).strict()], {
    error: 'must be a name, or { name: ..., organization: true } for an organization',
  })
  .transform((a): Author =>
    typeof a === 'string'
      ? { name: a, organization: looksLikeOrganization(a) }
      : { name: a.name, organization: a.organization ?? looksLikeOrganization(a.name) },
  );

const webUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' });

/**
 * Provenance of a capture read from a web archive (WARC, ISO 28500, or a WACZ package holding
 * WARCs): enough for anyone holding the original file to find the record and verify the copy.
 */
const warcProvenance = z
  .object({
    /** The WARC or WACZ file's name as given on the command line, without folders. */
    file: text.refine((f) => !/[/\\]/.test(f), { error: 'must be a file name without folders' }),
    /** For a WACZ package: the WARC inside it, e.g. archive/data.warc.gz. */
    entry: text.optional(),
    /** WARC-Record-ID of the response record, e.g. "<urn:uuid:...>". */
    recordId: text,
    /**
     * WARC-Payload-Digest as recorded, e.g. "sha1:...": present only when the importer found the
     * record's payload matches it (absent when the record had none, or it did not match).
     */
    payloadDigest: text.optional(),
    /** What the importer found wrong with the record (a payload digest that does not match), shown with the capture. */
    warning: text.optional(),
    /** WARC-Target-URI: the address the record was captured from. */
    targetUri: z.url({ error: 'must be the full address of the WARC-Target-URI' }),
  })
  .strict();

/**
 * One editor's correction of a quotation: `{ text, person }` attributes the quotation holding
 * `text` to that person (or adds it, when no quotation holds it), `{ text, remove: true }` takes
 * it off every page.
 */
const quoteCorrection = z
  .object({
    /** A passage of the quotation, copied from the body. */
    text,
    /** The id of one of the article's people. */
    person: text.optional(),
    /** True to delete the quotation: it appears on no page, in no search record and in no data file. */
    remove: z.literal(true, { error: 'must be true (or left out)' }).optional(),
  })
  .strict()
  .refine((q) => (q.person === undefined) !== (q.remove === undefined), {
    error: 'needs either person (who said it) or remove: true (no one said it), and not both',
    params: {
      fix: 'write `person: <id>` to attribute the quotation, or `remove: true` to delete it (it then appears on no page, in no search record and in no data file)',
    },
  });

/** The article fields, each checked on its own, around the reference type in use (Astro reference or plain id). */
export function articleFields<P extends z.ZodType, S extends z.ZodType>(refs: { person: P; source: S }) {
  return z
    .object({
      /** Headline as published. */
      title: text,
      /** Standfirst or subheading under the headline, if the original had one. */
      dek: text.optional(),
      /** The publication, by id in the sources collection (only a draft may lack it). */
      source: refs.source.optional(),
      /** Address of the original article on the web (only a draft may lack it). */
      url: webUrl.optional(),
      /** Publication date, or the earliest possible one (see publishedInferred); only a draft may lack it. */
      published: archiveDate.optional(),
      /** Set when the publication date is inferred, not printed: the latest possible date and why. */
      publishedInferred: z
        .object({
          /** Latest date the article can be from; `published` is the earliest. */
          latest: archiveDate.optional(),
          /** How the date was worked out, shown to readers. */
          basis: text,
        })
        .strict()
        .optional(),
      /** Date of the last update the original shows. */
      updated: archiveDate.optional(),
      /** When this copy was captured from the web. */
      captured: archiveDate,
      /** Path of the verbatim capture inside the content folder's captures/. */
      capture: text.optional(),
      /** SHA-256 of the capture's bytes, to prove the copy is unaltered. */
      captureSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' })
        .optional(),
      /** Where the capture came from when it was read out of a web archive (README, "Web archives: WARC and WACZ"). */
      warc: warcProvenance.optional(),
      /** Bylines as printed (people or organizations); empty when the original carries none. */
      authors: z.array(author).default([]),
      /** People the article names, by id in the people collection, with the role the article gives. */
      people: z
        .array(z.union([refs.person, z.object({ id: refs.person, role: text.optional() }).strict()]))
        .default([]),
      /** Organizations the article names, as written. */
      organizations: z.array(text).default([]),
      /** Subjects, as short phrases ("immigration courts"). */
      topics: z.array(text).default([]),
      /** Lead image: a file under the content folder's media/, its alt text, caption and credit. */
      image: z
        .object({
          /** Path under media/; absent when the capture kept only the credit. */
          src: z
            .string()
            .regex(/^[\w][\w./-]*$/, { error: 'must be a path under media/, such as 2018/photo.jpg' })
            .refine((p) => !p.split('/').includes('..'), { error: 'must not contain ".."' })
            .optional(),
          /** Address of the image on the original site, when the archive did not keep a copy. */
          original: webUrl.optional(),
          /** What the image shows, for readers who cannot see it. */
          alt: z.string().optional(),
          /** Caption as published. */
          caption: text.optional(),
          /** Photographer or agency credit, e.g. "© Getty". */
          credit: text.optional(),
        })
        .strict()
        .refine((img) => !img.src || (img.alt ?? '').trim() !== '', {
          error: 'needs alt text when src is given',
          path: ['alt'],
        })
        .optional(),
      /** Language of the article as a BCP 47 tag ("en", "pt-BR"). */
      language: z
        .string()
        .refine(isLanguageTag, { error: 'must be a language tag such as en, pt-BR or pa-Arab' })
        .default('en'),
      /** Drafts are kept in the archive but not shown on the site (see isPublic). */
      draft: z.boolean().default(false),
      /** A note from the archive's editor, shown above the article. */
      editorsNote: text.optional(),
      /**
       * The editor's corrections of the quotations the build finds in the body (src/text/quotes.ts,
       * docs/quotes.md): each picks a quotation by a passage of its words and attributes it to one
       * of the article's people, or removes it. The checker finds the passage in the body and the
       * person among the article's people (src/content/quote-checks.ts).
       */
      quotes: z.array(quoteCorrection).optional(),
    })
    .strict();
}

/**
 * True for a well-formed BCP 47 language tag with a lower-case language first ("en", "pt-BR",
 * "pa-Arab", "de-DE-1996"): well-formedness as `Intl.getCanonicalLocales` (ECMA-402, RFC 5646)
 * judges it, so a tag the site's text direction and Pagefind's language split can read; "en-US-US"
 * and "en-Latn-Arab" are refused.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * A language tag as a page may give it ("EN_us", "zh-hant-tw", "iw") in its canonical BCP 47 form
 * ("en-US", "zh-Hant-TW", "he"), by `Intl.getCanonicalLocales` (ECMA-402: RFC 5646 case and
 * CLDR's replacements of deprecated codes). A tag that is not well-formed comes back lower-cased
 * with "-" for "_", for the content check to report.
 */
export function canonicalLanguageTag(tag: string): string {
  const dashed = tag.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(dashed)[0] ?? dashed.toLowerCase();
  } catch {
    return dashed.toLowerCase();
  }
}

/** What the rules across fields need of an article; any field may be absent (or invalid, so left out). */
export interface ArticleFacts {
  draft?: boolean | undefined;
  source?: unknown;
  url?: unknown;
  published?: ArchiveDate | undefined;
  publishedInferred?: { latest?: ArchiveDate | undefined } | undefined;
  captured?: ArchiveDate | undefined;
}

/** A day in milliseconds: the tolerance of the future-date rules (it is already tomorrow somewhere). */
const DAY_MS = 86_400_000;

/** Whether a date is after today by more than a day (the future-date rules of published and captured). */
export function isInFuture(d: ArchiveDate, today: Date): boolean {
  return parseArchiveDate(d).getTime() > today.getTime() + DAY_MS;
}

/**
 * Whether a capture was certainly made before the original was published, so one of the two
 * dates is wrong. A date-time is one moment; a calendar day is every moment of that day in any
 * offset in use, from 00:00 at UTC+14:00 to 24:00 at UTC-12:00 (the extremes of the IANA time
 * zone database), so a capture on the day of publication, or a day-only date read in another
 * offset, is never refused. For an inferred date, `published` is the earliest possible one.
 */
export function capturedBeforePublished(captured: ArchiveDate, published: ArchiveDate): boolean {
  const dayOnly = (d: ArchiveDate) => storedDate(d).length === 10;
  const capturedLatest = parseArchiveDate(captured).getTime() + (dayOnly(captured) ? DAY_MS + 12 * 3_600_000 : 0);
  const publishedEarliest = parseArchiveDate(published).getTime() - (dayOnly(published) ? 14 * 3_600_000 : 0);
  return capturedLatest < publishedEarliest;
}

/** The problem of a capture made before publication, as [field path, message, fix]; `from` says where published was read when not in the same file. */
export function capturedBeforePublishedProblem(
  captured: ArchiveDate,
  published: ArchiveDate,
  from?: string,
): [string[], string, string] {
  return [
    ['captured'],
    `is ${captured}, before published (${published}${from ? `, ${from}` : ''}): a copy cannot be made before the original was published`,
    'check captured against the capture and published against the original (a typo in the year?)',
  ];
}

/** The problem of a capture date in the future, as [field path, message, fix] (articles and versions). */
export function capturedInFutureProblem(captured: ArchiveDate, today: Date): [string[], string, string] {
  return [
    ['captured'],
    `is in the future: ${captured} is after today, ${isoDay(today)}`,
    'write the moment the copy was made (a typo in the year?)',
  ];
}

/**
 * The rules that involve more than one field, or today's date, as [field path, message, fix] triples:
 * source, url and published required outside drafts; published and captured not in the future
 * (README: dates in the future are refused); captured not before published; publishedInferred's
 * latest not before published.
 * They run on whatever fields are valid, so the checker reports them together with every field
 * problem of the same file (a Zod refinement would wait until every field was valid).
 */
export function articleRuleProblems(a: ArticleFacts, today = new Date()): [string[], string, string?][] {
  const problems: [string[], string, string?][] = [];
  for (const field of ['source', 'url', 'published'] as const)
    if (!a.draft && a[field] === undefined)
      problems.push([[field], 'is missing (only a draft, with draft: true, may leave it out)']);
  if (a.captured && isInFuture(a.captured, today)) problems.push(capturedInFutureProblem(a.captured, today));
  if (!a.published) return problems;
  // A published date in the future is its own problem (below), not also the capture's.
  if (a.captured && !isInFuture(a.published, today) && capturedBeforePublished(a.captured, a.published))
    problems.push(capturedBeforePublishedProblem(a.captured, a.published));
  const latest = a.publishedInferred?.latest;
  if (latest && compareDates(latest, a.published) < 0)
    problems.push([['publishedInferred', 'latest'], `is ${latest}, before published (${a.published})`]);
  // A day ahead is allowed: it is already tomorrow somewhere.
  if (isInFuture(a.published, today))
    problems.push([
      ['published'],
      `is in the future: ${a.published} is after today, ${isoDay(today)}`,
      'check the date against the original (a typo in the year?); an undated original gets its earliest possible date and publishedInferred',
    ]);
  return problems;
}

/** Builds the article schema around the reference type in use (Astro reference or plain id). */
export function articleSchema<P extends z.ZodType, S extends z.ZodType>(refs: { person: P; source: S }) {
  return articleFields(refs).superRefine((a, ctx) => {
    // The rule's fix travels in the issue's params, for the checker's report.
    for (const [path, message, fix] of articleRuleProblems(a))
      ctx.addIssue({ code: 'custom', path, message, ...(fix && { params: { fix } }) });
  });
}

/** A person named in the archive. */
export const personSchema = z
  .object({
    /** Canonical name, as the archive shows it. */
    name: text,
    /**
     * How the name sorts in the A–Z index when the family name read from `name` is not the one to
     * file under, written family name first: "Sessions, Jeff", "Berg, Anne van der", "Lula da Silva, Luiz Inácio".
     */
    sortName: text.optional(),
    /** Every other form the name appears in, so searches and the importer find the person. */
    aliases: z.array(text).default([]),
    /**
     * One or two sentences on who they are, shown on their page; optional, as for many people named
     * in the news there is nothing to say beyond the articles that name them.
     */
    description: text.optional(),
    /** Pages about them elsewhere. */
    links: z.array(z.object({ label: text, url: webUrl }).strict()).default([]),
  })
  .strict();

/** A publication the archive has articles from. */
export const sourceSchema = z
  .object({
    /** The publication's name. */
    name: text,
    /** Its home page. */
    homepage: webUrl,
  })
  .strict();

/**
 * True for a public article, one the site shows: not a draft, and with the source, URL and date
 * only a draft may lack. The pages and the search index both decide with this. ("Published" is
 * kept for the original's publication date, the `published` field.)
 */
export function isPublic(a: {
  draft?: boolean | undefined;
  published?: unknown;
  source?: unknown;
  url?: unknown;
}): boolean {
  return !a.draft && a.published !== undefined && a.source !== undefined && a.url !== undefined;
}
