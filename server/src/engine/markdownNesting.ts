// Markdown nesting bounded before parsing. @lezer/markdown's work per line grows with the number of
// blocks open on it, so "- - - …" a hundred thousand deep on one line, or two thousand lines of ever
// deeper "> > >", cost the square of their size. No document nests that deep for its readers, so
// container marks past MAX_DEPTH on a line are turned into no-break spaces: the rest of the line reads
// as text of the deepest block kept, offsets unchanged. Ordinary Markdown is left as it is.

export const MAX_DEPTH = 32;
// Lists nest by indentation too: a line's container prefix (blanks and marks) past this many characters
// is filled in the same way. Indented code keeps its first columns, so it stays code.
const MAX_PREFIX = 4 * MAX_DEPTH;
// Not a space to Markdown (so the text does not become indented code), but whitespace to the figure
// grammar and the sentence splitter.
const FILLER = '\u00A0';

/** The text with container prefixes nested deeper than MAX_DEPTH (or MAX_PREFIX) turned into no-break spaces. */
export function boundNesting(text: string): string {
  // Adjacent fills (a deep line's marks, one after another) make one piece, and the pieces are joined
  // once: a line thousands of marks deep is one fill, not thousands of concatenations.
  const parts: string[] = [];
  let copied = 0;
  let fillFrom = -1;
  let fillTo = -1;
  const flush = () => {
    if (fillFrom < 0) return;
    parts.push(FILLER.repeat(fillTo - fillFrom));
    copied = fillTo;
    fillFrom = -1;
  };
  const fill = (from: number, to: number) => {
    if (to <= from) return;
    if (from === fillTo && fillFrom >= 0) {
      fillTo = to;
      return;
    }
    flush();
    parts.push(text.slice(copied, from));
    [fillFrom, fillTo] = [from, to];
  };
  for (let line = 0; line < text.length; line = nextLine(text, line)) {
    let depth = 0;
    for (let at = line; ; ) {
      const mark = skipBlanks(text, at);
      const end = markEnd(text, mark);
      if (end > mark) depth++;
      fill(depth > MAX_DEPTH ? at : Math.max(at, line + MAX_PREFIX), end);
      if (end === mark) break;
      at = end;
    }
  }
  flush();
  return parts.length ? parts.join('') + text.slice(copied) : text;
}

/** Where the line after the one at `from` starts (a line ends at \n, \r\n or \r). */
function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n') return i + 1;
    if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

function skipBlanks(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** The end of the container mark at `at` ("> ", "- ", "12. "), or `at` when none starts there. */
function markEnd(text: string, at: number): number {
  const c = text[at];
  if (c === '>') return at + 1;
  let end = at;
  if (c === '-' || c === '*' || c === '+') end = at + 1;
  else {
    while (end < at + 9 && text[end] >= '0' && text[end] <= '9') end++;
    if (end === at || (text[end] !== '.' && text[end] !== ')')) return at;
    end++;
  }
  // A list mark is followed by a blank (or ends the line).
  return end >= text.length || ' \t\r\n'.includes(text[end]) ? end : at;
}
