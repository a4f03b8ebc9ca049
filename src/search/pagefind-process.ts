import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import path from 'node:path';

// Pagefind's Node API runs its indexer as a child process but does not notice when that process
// is killed (for example by the kernel when memory runs out): pending calls never settle, and
// `astro build` would then finish "successfully" without a search index. The API does not hand
// out its process, so it is picked up from Node's `child_process` diagnostics channel during the
// one synchronous call in which Pagefind starts it; nothing else is replaced or watched, so the
// build's other processes (such as the one deleting the previous output) cannot be mistaken for it.

/** Node's channel that announces every new ChildProcess (https://nodejs.org/api/diagnostics_channel.html#child_process). */
const CHANNEL = 'child_process';

/** Pagefind's indexer: the `pagefind` or `pagefind_extended` binary run with `--service` (pagefind/lib/service.js). */
function isPagefindService(child: ChildProcess): boolean {
  const file = path.basename(child.spawnfile ?? '').replace(/\.exe$/, '');
  return /^pagefind(_extended)?$/.test(file) && child.spawnargs.includes('--service');
}

/** Pagefind's indexer process, watched from the moment it started. */
export interface IndexerWatch {
  /** Rejects with the reason once the indexer has died abnormally; never resolves. */
  death: Promise<never>;
  /** Why the indexer died abnormally, or null while it runs or after it ended normally. */
  deathNow(): Error | null;
  /** Stops watching (call once the indexer's work is done, before closing it). */
  stop(): void;
}

/**
 * Runs `start`, a call that makes Pagefind start its indexer (such as `pagefind.createIndex`),
 * and watches the indexer process it starts. The indexer must be started synchronously within
 * `start`, as Pagefind does on the first call after `close()`.
 *
 * @returns what `start` returned, and the watch on the indexer.
 * @throws Error when `start` started no Pagefind indexer (one was already running from an
 *   earlier call that was not closed, or Pagefind changed how it starts its process).
 */
export function watchIndexer<T>(start: () => T): { started: T; indexer: IndexerWatch } {
  const spawned: ChildProcess[] = [];
  const record = (message: unknown) => spawned.push((message as { process: ChildProcess }).process);
  subscribe(CHANNEL, record);
  let started: T;
  try {
    started = start();
  } finally {
    unsubscribe(CHANNEL, record);
  }
  const child = spawned.find(isPagefindService);
  if (!child) {
    throw new Error("Pagefind's indexer process was not started by this call, so it cannot be watched");
  }
  return { started, indexer: watch(child) };
}

/** The reason an exited process stopped abnormally, or null if it is running or exited with 0. */
function deathOf(child: ChildProcess): Error | null {
  if (child.signalCode === null && (child.exitCode === null || child.exitCode === 0)) return null;
  const how = child.signalCode ?? `exit code ${child.exitCode}`;
  const why = child.signalCode === 'SIGKILL' ? ': most likely out of memory' : '';
  return new Error(`Pagefind's indexer stopped (${how})${why}. No search index was written.`);
}

/** Watches one indexer process until `stop()`. */
function watch(child: ChildProcess): IndexerWatch {
  let onExit = () => {};
  // Pagefind lets its process go unreferenced; this timer keeps Node waiting for the verdict.
  const keepAlive = setInterval(() => {}, 60_000);
  const death = new Promise<never>((_, reject) => {
    onExit = () => {
      const err = deathOf(child);
      if (err) reject(err);
    };
    child.once('exit', onExit);
    onExit(); // it may have died before the watch began
  });
  death.catch(() => {});
  return {
    death,
    deathNow: () => deathOf(child),
    stop: () => {
      child.off('exit', onExit);
      clearInterval(keepAlive);
    },
  };
}
