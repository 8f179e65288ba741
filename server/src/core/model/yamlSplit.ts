/**
 * Splits a YAML stream into its documents without parsing it. YAML forbids a line that starts
 * with `---` or `...` (followed by a space or the line's end) inside any content, so those lines
 * always separate documents; a `---` line belongs to the document it opens, directives (`%YAML`)
 * before it too.
 */

export interface YamlChunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  text: string;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

export function splitYamlStream(text: string): YamlChunk[] {
  const cuts = [0];
  for (const match of text.matchAll(DOCUMENT_MARKER)) {
    let cut: number;
    if (match[0] === '---') {
      // Directives just before `---` go with the document it starts.
      cut = directivesStart(text, cuts[cuts.length - 1], match.index);
    } else {
      // `...` ends the document; what follows starts the next one.
      const lineEnd = text.indexOf('\n', match.index);
      cut = lineEnd < 0 ? text.length : lineEnd + 1;
    }
    if (cut > cuts[cuts.length - 1] && cut < text.length) cuts.push(cut);
  }
  return cuts.map((start, i) => ({ start, text: text.slice(start, cuts[i + 1] ?? text.length) }));
}

/** Start of the `%` directive lines right before offset `marker` (or `marker` itself). */
function directivesStart(text: string, from: number, marker: number): number {
  let cut = marker;
  while (cut > from) {
    const previousLineStart = text.lastIndexOf('\n', cut - 2) + 1;
    if (previousLineStart < from || text[previousLineStart] !== '%') break;
    cut = previousLineStart;
  }
  return cut;
}
