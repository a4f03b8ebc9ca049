import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../content/files.ts';
import { ArchiveIndex } from './existing-entries.ts';
import { captureType } from './capture.ts';
import { importOne, type ImportOptions, type Outcome } from './import-one.ts';
import { reviewText } from './people-review.ts';
import { writeAtomic } from './write.ts';

// A whole import run: find the captures, import each (one failure never stops the others),
// and count what happened.

/** Every capture under the given files and folders, in a stable order; other files given by name fail. */
export async function findCaptures(inputs: string[]): Promise<{ captures: string[]; notCaptures: string[] }> {
  const captures: string[] = [];
  const notCaptures: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) notCaptures.push(input);
    else if (info.isDirectory()) {
      const files = (await listFiles(input)).filter((rel) => captureType(path.basename(rel)));
      captures.push(...files.map((rel) => path.join(input, rel)));
    } else if (captureType(input)) captures.push(input);
    else notCaptures.push(input);
  }
  return { captures, notCaptures };
}

/** Counts of a run, for the summary and the exit code. */
export interface Summary {
  outcomes: Outcome[];
  counts: Record<Outcome['status'], number>;
  /** Proposed new people, with how many articles name each. */
  proposed: Map<string, number>;
  /** The review file --add-people wrote, when it wrote one. */
  reviewFile?: string;
}

/** Imports every capture, calling `progress` after each; never throws for a bad capture. */
export async function importAll(
  inputs: string[],
  root: string,
  opts: ImportOptions,
  progress: (done: number, total: number) => void = () => {},
): Promise<Summary> {
  const { captures, notCaptures } = await findCaptures(inputs);
  const index = await ArchiveIndex.load(root);
  const outcomes: Outcome[] = notCaptures.map((file) => ({
    file,
    status: 'failed',
    reason: 'does not exist or is not a capture type the importer reads (.html, .htm, .html.gz, .txt)',
    missing: [],
    proposed: [],
    removed: [],
    written: [],
  }));
  for (const [i, file] of captures.entries()) {
    try {
      outcomes.push(await importOne(file, root, index, opts));
    } catch (err) {
      outcomes.push({
        file,
        status: 'failed',
        reason: `could not be imported: ${(err as Error).message.split('\n')[0]}`,
        missing: [],
        proposed: [],
        removed: [],
        written: [],
      });
    }
    progress(i + 1, captures.length);
  }
  const counts = { imported: 0, replaced: 0, skipped: 0, failed: 0 };
  const proposed = new Map<string, number>();
  for (const o of outcomes) {
    counts[o.status]++;
    for (const name of o.proposed) proposed.set(name, (proposed.get(name) ?? 0) + 1);
  }
  if (opts.addPeople && proposed.size > 0 && !opts.dryRun) {
    const reviewFile = path.resolve(opts.reviewFile ?? 'people-review.txt');
    await writeAtomic(reviewFile, reviewText(outcomes, root));
    return { outcomes, counts, proposed, reviewFile };
  }
  return { outcomes, counts, proposed };
}
