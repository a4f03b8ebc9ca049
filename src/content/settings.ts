import path from 'node:path';
import { z } from 'astro/zod';
import { normalizeBase } from '../text/base-path.ts';

// The archive's settings: the ARCHIVE_* environment variables (README.md, "Settings"), read and
// checked here and nowhere else, with one schema. An empty variable counts as unset. A value that
// cannot be used stops whatever reads it, with a message naming the variable, the value and the
// fix; astro.config.ts reads them all before Astro starts, so a build names every bad one at once.
// ARCHIVE_SITE and ARCHIVE_BASE are only what astro.config.ts gives Astro: Astro's flags
// (`--site`, `--base`) may override them, so the build and the pages take the site address and
// base path from Astro's resolved configuration, never from here.

/** Environment variables as Node gives them. */
export type Env = Record<string, string | undefined>;

/**
 * Why a site address given as `value` (by `name`: "ARCHIVE_SITE" or "--site") cannot be used, or
 * undefined when it can: it must be a whole http(s) address with its scheme, as Astro's `site`
 * (https://docs.astro.build/en/reference/configuration-reference/#site). The message names the
 * setting, the value and the fix (Astro's own check says only "Invalid URL").
 */
export function siteAddressProblem(value: string, name: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // handled below
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '') return undefined;
  const hostLike = /^[\w.-]+\.[\w-]+(:\d+)?(\/.*)?$/.test(value);
  const fix = hostLike ? `https://${value}` : 'https://archive.example.org';
  const setting = name === '--site' ? `--site ${fix}` : `${name}=${fix}`;
  return (
    `${name} is ${JSON.stringify(value)}, which is not a web address: the site address must be whole, ` +
    `with https:// or http:// in front. Give, for example, ${setting}`
  );
}

/** A variable's value: undefined when it is unset or empty. */
const given = z
  .string()
  .optional()
  .transform((value) => value || undefined);

/** A variable holding text, `fallback` when it is not given. */
const textOr = (fallback: string) => given.transform((value) => value ?? fallback);

/** A variable holding a count of at least 1 (`what`, e.g. "articles"), `fallback` when it is not given. */
function countOr(name: string, fallback: number, what: string) {
  return given
    .refine((value) => value === undefined || (Number.isSafeInteger(Number(value)) && Number(value) >= 1), {
      error: (issue) =>
        `${name} is ${JSON.stringify(issue.input)}, but it must be a whole number of ${what}, at least 1: ` +
        `give, for example, ${name}=${fallback}, or leave it unset for ${fallback}`,
    })
    .transform((value) => (value === undefined ? fallback : Number(value)));
}

/** Every setting: its variable, how it is read and its default. */
const settingsSchema = z.object({
  /** The content folder, as an absolute path: ./content unless given. */
  ARCHIVE_CONTENT_DIR: given.transform((value) => path.resolve(value ?? 'content')),
  /** The build cache folder, as an absolute path; undefined for the default (src/render/cache-dir.ts). */
  ARCHIVE_CACHE_DIR: given.transform((value) => value && path.resolve(value)),
  /** The public address the site will be served from, for astro.config.ts's `site`; undefined when not given. */
  ARCHIVE_SITE: given.refine(
    (value) => value === undefined || siteAddressProblem(value, 'ARCHIVE_SITE') === undefined,
    {
      error: (issue) => siteAddressProblem(String(issue.input), 'ARCHIVE_SITE'),
    },
  ),
  /** The sub-path the site is served under, for astro.config.ts's `base`, in normalizeBase's form ("/" unless given). */
  ARCHIVE_BASE: given.transform(normalizeBase),
  /** Name of the archive, in the header, titles, citations and feeds. */
  ARCHIVE_TITLE: textOr('News Archive'),
  /** One line on what the archive holds, for the feed and search engines. */
  ARCHIVE_DESCRIPTION: textOr('Copies of news articles worth keeping, searchable and permanent.'),
  /** Articles per page on the home page and listing pages. */
  ARCHIVE_PAGE_SIZE: countOr('ARCHIVE_PAGE_SIZE', 20, 'articles'),
  /** Quotes per page on a person's quotes pages (short items: a page of articles' size made them a fifth of the site's pages). */
  ARCHIVE_QUOTES_PAGE_SIZE: countOr('ARCHIVE_QUOTES_PAGE_SIZE', 100, 'quotes'),
  /** Records per part of the search index (src/search/parts.ts). */
  ARCHIVE_SEARCH_PART_SIZE: countOr('ARCHIVE_SEARCH_PART_SIZE', 2000, 'records'),
});

/** The settings, read and checked: each under its variable's name, its default filled in. */
type Settings = z.output<typeof settingsSchema>;

/** The name of a setting: its environment variable. */
type SettingName = keyof Settings;

/** A setting that cannot be used; the message has a line per bad variable, each naming the fix. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The messages of a failed check, one per bad variable. */
function messagesOf(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('\n');
}

/**
 * One setting, read from `env` (the process's environment unless given) and checked: e.g.
 * `setting('ARCHIVE_PAGE_SIZE')` is a number, 20 when the variable is unset or empty.
 * @throws {SettingsError} when the variable's value cannot be used, naming it, the value and the fix.
 */
export function setting<N extends SettingName>(name: N, env: Env = process.env): Settings[N] {
  const result = settingsSchema.shape[name].safeParse(env[name]);
  if (!result.success) throw new SettingsError(messagesOf(result.error));
  return result.data as Settings[N];
}

/**
 * The values of `names` as `env` gives them, unchecked, in one string (an unset variable differs
 * from an empty one): for a caller that keeps what it worked out from those settings and must
 * notice when one of them changes in the process, without checking the values on every call
 * (src/render/cache-dir.ts).
 */
export function givenSettingsKey(names: readonly SettingName[], env: Env = process.env): string {
  return JSON.stringify(names.map((name) => env[name] ?? null));
}

/**
 * Every setting, read from `env` and checked together.
 * @throws {SettingsError} when any variable's value cannot be used: one line for each.
 */
export function archiveSettings(env: Env = process.env): Settings {
  const result = settingsSchema.safeParse(
    Object.fromEntries(Object.keys(settingsSchema.shape).map((k) => [k, env[k]])),
  );
  if (!result.success) throw new SettingsError(messagesOf(result.error));
  return result.data;
}
