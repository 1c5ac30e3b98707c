// ESLint's `compact` and `unix` formats: one line per finding, which editors' error formats read
// (Vim's errorformat `%f:%l:%c: %m`, Emacs compilation mode), then `N problems` when there are any.
//   compact: `path: line L, col C, Error - message [documents] (mismatch)`
//   unix:    `path:L:C: message [documents] [Error/mismatch]`
// Paths and messages are escaped as in the text report: they come from file names and corpus text.
import type { Severity } from '../../config';
import type { LintResult } from '../lint';
import { linePath, printable } from '../printable';
import { plural, type ReportOptions } from '../report';
import { fileEntries, type Entry } from './entries';

type LineFormat = (path: string, e: Entry, severity: string, message: string) => string;

const compactLine: LineFormat = (path, e, severity, message) => `${path}: line ${e.line}, col ${e.column}, ${severity} - ${message} (${e.rule})`;
const unixLine: LineFormat = (path, e, severity, message) => `${path}:${e.line}:${e.column}: ${message} [${severity}/${e.rule}]`;

export const formatCompact = (result: LintResult, options: ReportOptions) => render(result, options, compactLine);
export const formatUnix = (result: LintResult, options: ReportOptions) => render(result, options, unixLine);

/** "Error", "Warning", "Info", "Hint", as ESLint capitalises its two. */
function severityName(severity: Severity): string {
  return severity[0].toUpperCase() + severity.slice(1);
}

function render(result: LintResult, options: ReportOptions, format: LineFormat): string {
  const lines: string[] = [];
  for (const file of result.files) {
    const path = linePath(file.path);
    for (const e of fileEntries(file, options)) {
      const cited = e.documents.length ? ` [${e.documents.map(printable).join(', ')}]` : '';
      lines.push(format(path, e, severityName(e.severity), printable(e.message) + cited));
    }
  }
  return lines.length ? `${lines.join('\n')}\n\n${plural(lines.length, 'problem')}\n` : '';
}
