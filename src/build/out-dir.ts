import { tmpdir } from 'node:os';
import path from 'node:path';

// Where a build's output may go. Astro 7 writes a static build's server code (the chunks that
// render the pages) into the output folder when the folder is inside the project, and into the
// project's .astro/ otherwise, so that the code finds the project's packages in node_modules/. It
// decides "inside" by comparing the paths as text (`getOutDirWithinCwd` in
// astro/dist/core/build/common.js: the output path begins with the working folder's), so a
// folder beside the project whose name begins with the project's ("/work/archive-bench" beside
// "/work/archive") is taken for one inside it: the server code lands outside the project, and
// the build fails with "Cannot find package …". Any other folder, inside the project or not, works.

/**
 * Why a build run from the project folder `project` cannot write its output to `outDir`, or
 * undefined when it can: the message names `option` (the setting that gave the folder:
 * "--outDir", "--dir"), the folder, what goes wrong and the fix, with `inside` as the example of a
 * folder inside the project ("dist", ".bench"). Both paths are absolute.
 */
export function outDirProblem(outDir: string, project: string, option: string, inside = 'dist'): string | undefined {
  const [out, root] = [path.resolve(outDir), path.resolve(project)];
  const rel = path.relative(root, out);
  const within = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  if (within || !out.startsWith(root)) return undefined;
  return [
    `${option} ${outDir}: this folder is outside the project (${root}), but its path begins with the project's,`,
    "so Astro takes it for a folder inside the project and writes the build's server code there, where the",
    'project\'s packages (node_modules/) cannot be found: the build would fail with "Cannot find package".',
    `Fix: choose a folder inside the project (e.g. ${path.join(root, inside)}) or one whose path does not`,
    `begin with ${root} (e.g. ${path.join(tmpdir(), 'archive-bench')}).`,
  ].join('\n');
}
