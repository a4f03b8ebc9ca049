import childProcess from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

// Pagefind's Node API runs its indexer as a child process but does not notice when that process
// is killed (for example by the kernel when memory runs out): pending calls never settle, and
// `astro build` would then finish "successfully" without a search index. This records the
// indexer process as Pagefind starts it, so the build can fail loudly instead.

const started: ChildProcess[] = [];
const spawn = childProcess.spawn;
childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
  const child = spawn(...args);
  started.push(child);
  return child;
}) as typeof spawn;
syncBuiltinESMExports();

/** How many processes have been started so far (a mark for `deathSince`). */
export function processMark(): number {
  return started.length;
}

/** Why a process started since `from` died abnormally, or null while all are well. */
export function deathSince(from: number): Error | null {
  const dead = started.slice(from).find((c) => c.signalCode !== null || (c.exitCode !== null && c.exitCode !== 0));
  if (!dead) return null;
  const how = dead.signalCode ?? `exit code ${dead.exitCode}`;
  const why = dead.signalCode === 'SIGKILL' ? ': most likely out of memory' : '';
  return new Error(`Pagefind's indexer stopped (${how})${why}. No search index was written.`);
}

/** A promise that rejects when a process started since `from` dies; its timer also keeps Node waiting. */
export function indexerDeath(from: number): { promise: Promise<never>; stop(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const death = deathSince(from);
      if (death) reject(death);
    }, 500);
  });
  promise.catch(() => {});
  return { promise, stop: () => clearInterval(timer) };
}
