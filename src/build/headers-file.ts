import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cspHeader } from '../site/csp.ts';
import { normalizeBase } from '../text/base-path.ts';

// dist/_headers for hosts that read one (Netlify, Cloudflare Pages): the page policy as a real
// header (which can also forbid framing), and a few other protective headers.

/** Writes dist/_headers after the build. */
export default function headersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'archive:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir }) => {
        const lines = [
          `${base}*`,
          `  Content-Security-Policy: ${cspHeader()}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
          `${base}captures/*`,
          "  Content-Security-Policy: default-src 'none'; sandbox",
          '  Content-Type: text/plain; charset=utf-8',
          '',
        ];
        await writeFile(fileURLToPath(new URL('_headers', dir)), lines.join('\n'));
      },
    },
  };
}
