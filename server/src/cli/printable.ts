// Text from outside factlint (file names, corpus ids, messages that quote corpus text) printed on a
// terminal line or a CI log. Control characters are shown as escapes, so such text can neither start a
// new line (which GitHub Actions would read as a `::workflow-command`) nor send ANSI escape codes or
// reorder the line with bidirectional overrides.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path that starts a line: printable, and never read as a workflow command (the runner skips leading blanks before `::`). */
export function linePath(path: string): string {
  const shown = printable(path);
  return /^\s*::/.test(shown) ? `./${shown}` : shown;
}
