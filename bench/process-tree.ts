import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Running a command while sampling the memory of its whole process tree (RSS summed over the
// process and all its descendants, from /proc), for the benchmark's "peak memory".

/** Resident memory of one process in bytes (0 when it is gone). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Child process ids of a process (from every thread's children list). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((l) => l.split(/\s+/).filter(Boolean).map(Number));
}

/** Total RSS of a process and all its descendants. */
async function treeRss(pid: number): Promise<number> {
  const kids = await childrenOf(pid);
  const sizes = await Promise.all([rssOf(pid), ...kids.map(treeRss)]);
  return sizes.reduce((a, b) => a + b, 0);
}

/** What a measured run gives: exit code, output, wall time and peak tree memory. */
export interface Measured {
  code: number;
  output: string;
  seconds: number;
  peakBytes: number;
}

/** Runs a command, sampling tree memory every 100 ms. */
export function measure(command: string, args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakBytes = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(() => void treeRss(child.pid!).then((b) => (peakBytes = Math.max(peakBytes, b))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000, peakBytes });
    });
  });
}

/** GNU time, which reports the CPU time of a command and of every descendant it waited for. */
const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command as `measure` does and also gives its CPU time: user + system seconds of the
 * command and of every descendant process that was waited for (the whole process tree of a build
 * that waits for its workers and indexers), from GNU time's `wait4` resource usage. The tree's
 * memory includes GNU time's own (about 2 MB).
 * @throws Error when /usr/bin/time is absent (Debian's `time` package: `apt-get install time`) or
 *   wrote no figures (the command could not be started).
 */
export async function measureCpu(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<Measured & { cpuSeconds: number }> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install it with apt-get install time`);
  const folder = await mkdtemp(path.join(tmpdir(), 'cpu-'));
  try {
    const figures = path.join(folder, 'time.txt');
    const run = await measure(GNU_TIME, ['-f', '%U %S', '-o', figures, command, ...args], env);
    // GNU time puts "Command exited with non-zero status N" before the figures when the command fails.
    const last = (await readFile(figures, 'utf8').catch(() => '')).trim().split('\n').at(-1) ?? '';
    const [user, system] = last.split(' ').map(Number);
    if (!Number.isFinite(user) || !Number.isFinite(system))
      throw new Error(`${GNU_TIME} gave no CPU figures for ${command}:\n${run.output.slice(-2000)}`);
    return { ...run, cpuSeconds: user! + system! };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
