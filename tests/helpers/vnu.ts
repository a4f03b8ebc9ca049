import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

// The Nu HTML Checker (the vnu-jar package, run on Java), as the build tests run it.

const VNU = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

/**
 * Java settings for one short run of the checker. A run lasts seconds, so the JIT's second tier
 * and a parallel collector cost more CPU than they give back (a third of it, measured on the two
 * fixture builds; see docs/performance.md). Without that tier, compiled frames are larger and the
 * checker's recursive schema needs more than Java's default thread stack, hence -Xss.
 */
const JAVA_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss16m'];

/**
 * The error lines the checker reports ("file":line.col-line.col: error: message) for HTML files
 * and folders of them (only `.html` files in folders are read), in one Java run.
 * @throws Error when Java cannot be started (with the package to install).
 */
export function vnuErrors(paths: string[]): string[] {
  const run = spawnSync(
    'java',
    [...JAVA_OPTIONS, '-jar', VNU, '--errors-only', '--format', 'gnu', '--skip-non-html', ...paths],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error)
    throw new Error(
      `could not run Java for the Nu HTML Checker (apt-get install -y default-jre-headless): ${run.error.message}`,
    );
  const out = `${run.stdout}${run.stderr}`;
  // Anything else that ends the run early (a crash, a stack overflow) is an error too, not a pass.
  if (run.status !== 0 && !/ error/.test(out)) throw new Error(`the Nu HTML Checker stopped (${run.status}):\n${out}`);
  return out.split('\n').filter((l) => / error/.test(l));
}
