import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLog, { type NodeHandlerConfig } from 'astro/logger/node';

// Astro's console log, with one line per built page. Astro writes each page's name without a line
// end and, when the page is rendered, its time (" (+12ms)") to end the line; with several pages
// rendered at once (build.concurrency in astro.config.ts) the names ran together on one line and
// the times came after them on lines of their own. This log ends a page's line whenever anything
// else is written first, and keeps a time only when it can be told whose it is: when one page
// alone was being rendered, or for "(cached)", which Astro writes right after the name.
// Loaded by Astro's `logger.entrypoint` setting (https://docs.astro.build/en/reference/configuration-reference/#logger),
// so it runs in plain Node: erasable TypeScript only.

/** What ends a page's line (" (+12ms)", " (cached)", " (restored)"), colours taken out. */
const LINE_END = /^ \((?:\+[\d.]+\s*m?s|cached|restored)\)/;

/** The text of a message without terminal colour codes. */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * A log destination for Astro's `logger` setting: Astro's own console destination
 * (`astro/logger/node`, same options) with page names one to a line (see above).
 * @param options as `astro/logger/node` takes them ({ level }).
 */
export default function buildLog(options?: NodeHandlerConfig): AstroLoggerDestination {
  const node = nodeLog(options);
  /** A page's name written without its line end yet. */
  let open: AstroLoggerMessage | undefined;
  /** Pages named and not yet given their time: while more than one, a time cannot be placed. */
  let rendering = 0;
  const closeLine = () => {
    if (open) node.write({ ...open, newLine: true });
    open = undefined;
  };
  return {
    write(event) {
      const ending = event.label === 'SKIP_FORMAT' && LINE_END.test(plain(event.message));
      if (ending) {
        const cached = /\((?:cached|restored)\)/.test(plain(event.message));
        const onlyOne = rendering === 1;
        rendering = Math.max(0, rendering - 1);
        // "(cached)" follows its name at once; a time is the open page's only when it was the only
        // one being rendered. Any other is dropped, and the open line ended, for no time to land
        // on the wrong page.
        if (open && (cached || onlyOne)) {
          node.write(open);
          node.write(event);
          open = undefined;
        } else closeLine();
        return;
      }
      closeLine();
      if (!event.newLine && event.label !== 'SKIP_FORMAT') {
        open = event;
        rendering++;
        return;
      }
      node.write(event);
    },
    flush() {
      closeLine();
      return node.flush?.();
    },
    close() {
      closeLine();
      return node.close?.();
    },
  };
}
