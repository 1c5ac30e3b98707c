// Text in a source that is not reporting: author bios, image credits, link lists. Never evidence.

// A line that opens an article's footer; it and everything after it are skipped.
const FOOTER_START = /^\s*(about the author\b|from the vault\b|image credit\b|related( articles| stories)?:|read more\b|recommended\b|subscribe\b|more from\b|you can follow\b)/i;

/** Offset where a document's footer begins, or the text's length when it has none. */
export function reportingEnd(text: string): number {
  const re = /^.*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (FOOTER_START.test(m[0])) return m.index;
    if (!m[0].length) re.lastIndex++;
  }
  return text.length;
}

/** A sentence's identity for de-duplication: case and spacing do not matter. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
