import { spawn } from 'node:child_process';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';

// The previous output folder is moved aside before Astro starts, not left for Astro to empty:
// Astro deletes it synchronously, with the main thread blocked, and a folder that is not there
// costs it nothing (see docs/performance.md, "Figures behind the code"). The search index
// takes its unchanged parts from the folder set aside; then it is deleted in another process.

/** The previous output, set aside, and how to let it go. */
export interface OldOutput {
  /** Where the previous output folder now is; undefined when there was none. */
  aside: string | undefined;
  /** Call once nothing more is taken from it: it is then deleted in the background. */
  release(): void;
  /** Settles once every folder set aside is deleted (failures are logged through `warn`, never thrown). */
  cleared: Promise<void>;
}

/** Names of output folders set aside (by this build, or left by an interrupted one). */
function asidePrefix(outDir: string): string {
  return `.${path.basename(outDir)}-old-`;
}

/**
 * Moves `outDir` aside (beside it, named after this process) and returns where it went; every
 * folder set aside, including ones an interrupted build left, is deleted once `release` is called.
 */
export async function moveOldOutputAside(outDir: string, warn: (message: string) => void): Promise<OldOutput> {
  const aside = path.join(path.dirname(outDir), `${asidePrefix(outDir)}${process.pid}`);
  const moved = await rename(outDir, aside).then(
    () => aside,
    () => undefined,
  );
  let release = () => {};
  const cleared = new Promise<void>((resolve) => (release = resolve))
    .then(() => deleteAside(outDir))
    .catch((err: Error) => warn(`the previous output was not fully deleted: ${err.message}`));
  return { aside: moved, release, cleared };
}

/** Deletes every output folder set aside. */
async function deleteAside(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const aside = (await readdir(parent).catch(() => [])).filter((name) => name.startsWith(asidePrefix(outDir)));
  await Promise.all(aside.map((name) => deleteInOwnProcess(path.join(parent, name))));
}

/** Deletes a folder in a separate Node process, so it does not hold up this one's file I/O. */
function deleteInOwnProcess(dir: string): Promise<void> {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dir], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`could not delete ${dir}`))));
  });
}
