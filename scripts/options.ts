import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What `parseArgs` gives for a configuration. */
type ParsedResults<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

// Numeric command-line options, read in one place for every command in scripts/: a value that is
// not a number in range stops the command with a message naming the option, the value given and
// what to write instead, never a silent NaN (which turns a limit off or a loop into nothing).

/** A command-line option's value that cannot be used; the message is meant for the user as is. */
export class OptionError extends Error {
  override name = 'OptionError';
}

/** What a numeric option accepts. */
export interface NumberRule {
  /** Only whole numbers (digits alone); otherwise a decimal fraction is allowed too (`2.5`). */
  integer?: boolean;
  /** Smallest value allowed, inclusive. */
  min?: number;
  /** Value that must be exceeded (for limits where 0 would mean "nothing at all"). */
  above?: number;
  /** Largest value allowed, inclusive. */
  max?: number;
  /** What the number counts, for the message (plural: "MB", "articles"); none for a plain number. */
  unit?: string;
  /** A good value, shown in the fix (`--articles 10000`). */
  example: string;
}

/** Plain decimal digits: `12`, `0.5`, `12.75`; no sign, exponent, separators or spaces. */
const DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

/**
 * Reads a numeric option's text as given on the command line.
 *
 * Accepted shapes: digits (`10000`), and for options that are not `integer` also digits with a
 * decimal fraction (`0.5`). Refused: anything else (`abc`, `10,000`, `1e4`, `-1`, `NaN`, an empty
 * value), a fraction for a whole-number option, and values outside `min`/`above`/`max`.
 *
 * @param name the option's name without dashes (`max-mb`).
 * @param text the value as given, or undefined when the option was left out.
 * @param rule what the option accepts; `fallback` is used when `text` is undefined.
 * @returns the number, in the option's own unit (`rule.unit`).
 * @throws OptionError naming the option, the value and what to write, e.g.
 *   `--max-mb: "abc" is not a number. Write a number of MB, above 0 and at most 2000, e.g. --max-mb 20`.
 */
export function numberOption(name: string, text: string | undefined, rule: NumberRule & { fallback?: number }): number {
  if (text === undefined) {
    if (rule.fallback === undefined) throw new OptionError(`--${name}: is missing. ${fix(name, rule)}`);
    return rule.fallback;
  }
  const shaped = (rule.integer ? WHOLE : DECIMAL).test(text);
  const value = shaped ? Number(text) : NaN;
  if (!shaped) {
    throw new OptionError(
      `--${name}: "${text}" is not ${rule.integer ? 'a whole number' : 'a number'}. ${fix(name, rule)}`,
    );
  }
  const outside =
    (rule.min !== undefined && value < rule.min) ||
    (rule.above !== undefined && value <= rule.above) ||
    (rule.max !== undefined && value > rule.max) ||
    (rule.integer && !Number.isSafeInteger(value));
  if (outside) throw new OptionError(`--${name}: ${text} is out of range. ${fix(name, rule)}`);
  return value;
}

/** "Write a whole number of articles, at least 1, e.g. --articles 10000". */
function fix(name: string, rule: NumberRule): string {
  const range = [
    rule.min !== undefined ? `at least ${rule.min}` : '',
    rule.above !== undefined ? `above ${rule.above}` : '',
    rule.max !== undefined ? `at most ${rule.max}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const kind = rule.integer ? 'a whole number' : 'a number';
  return `Write ${kind}${rule.unit ? ` of ${rule.unit}` : ''}${range ? `, ${range}` : ''}, e.g. --${name} ${rule.example}`;
}

/**
 * Runs `read` (which reads a command's options) and, when it throws an OptionError, prints
 * `<command>: <message>` on stderr and ends the process with exit code 2 (a usage error), before
 * the command has done anything. Other errors pass through.
 *
 * @param command the command's name as the user knows it (`npm run import`).
 * @param read reads and checks the options; its result is returned.
 * @param usage printed after the message, when given.
 */
export function optionsOrExit<T>(command: string, read: () => T, usage?: string): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    console.error(`${command}: ${err.message}${usage ? `\n\n${usage}` : ''}`);
    process.exit(2);
  }
}

/**
 * Reads a command's arguments with Node's `parseArgs`; an unknown option, a missing value or a
 * value that looks like an option (`--max-mb -1`) prints `<command>: <what parseArgs says>` and
 * the usage on stderr and ends the process with exit code 2, instead of a stack trace.
 *
 * @param command the command's name as the user knows it (`npm run import`).
 * @param config what `parseArgs` accepts (`args` defaults to the process's own).
 * @param usage printed after the message, when given.
 * @throws whatever `parseArgs` throws that is not a usage error (none is known).
 */
export function argsOrExit<T extends ParseArgsConfig>(command: string, config: T, usage?: string): ParsedResults<T> {
  try {
    return parseArgs(config);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw err;
    console.error(`${command}: ${(err as Error).message}${usage ? `\n\n${usage}` : ''}`);
    process.exit(2);
  }
}
