// Where verbatim captures are published. HTML captures get ".txt" added so that static hosts
// serve them as text: a hostile page must never run on the archive's own origin.

/** Published name of a capture file, relative to captures/. */
export function publishedCaptureName(file: string): string {
  return /\.html?$/i.test(file) ? `${file}.txt` : file;
}
