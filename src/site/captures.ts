// How verbatim captures are served. Any static host (nginx, S3, GitHub Pages, `python3 -m
// http.server`, `astro preview`) picks a file's type from its name and most send text without a
// character set, so a capture is served twice, neither way able to run on the archive's origin:
//
// - its exact bytes, under its own name with ".txt" added unless it already ends in ".txt"
//   (`x.html` -> `x.html.txt`, `x.svg` -> `x.svg.txt`): every host serves that as text/plain,
//   which browsers never run, whatever the bytes say. The SHA-256 on the article page is of
//   these bytes.
// - a capture page (/capture/<file>/), an HTML page of the site with its Content-Security-Policy
//   and <meta charset="utf-8">, showing the text decoded in the capture's own charset as escaped
//   text, so it is legible on any host ("“When we depart”", not "â€œWhen we departâ€").

/** The name a capture's exact bytes are copied to, relative to /captures/. */
export function copiedCaptureName(file: string): string {
  return /\.txt$/i.test(file) ? file : `${file}.txt`;
}
