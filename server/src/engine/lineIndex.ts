/**
 * Converts UTF-16 offsets to 0-based line/character positions (LSP's convention). A line ends at
 * `\n`, `\r\n` or a lone `\r`, as in LSP and TextDocument, so positions match the editor's.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // Between the \r and \n of a line end is still that line's end, as in TextDocument.
    const end = o > this.starts[lo] && this.text.charCodeAt(o - 1) === 13 ? o - 1 : o;
    return { line: lo, character: end - this.starts[lo] };
  }
}
