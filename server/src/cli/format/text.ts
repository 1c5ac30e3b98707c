// The human report: one line per finding, `path:line:col  verdict  message  [documents]`, then a summary line.
// Paths, messages and document ids go through printable(): they come from file names and corpus text.
import type { LintResult } from '../lint';
import { linePath, printable } from '../printable';
import { summarize, summaryLine, type ReportOptions } from '../report';
import { fileEntries } from './entries';

export interface TextOptions extends ReportOptions {
  /** Per-file counts instead of every finding. */
  summary: boolean;
  color: boolean;
}

const COLORS = { red: 31, green: 32, yellow: 33, magenta: 35, dim: 2, bold: 1 } as const;
type Color = keyof typeof COLORS;
const RULE_COLOR: Record<string, Color> = { mismatch: 'red', supported: 'green', unverified: 'yellow', 'unused-disable': 'magenta' };

export function formatText(result: LintResult, options: TextOptions): string {
  const paint = (color: Color, text: string) => (options.color ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  // Lines are appended one by one: spreading thousands into push() overflows the stack.
  if (options.summary) for (const line of perFileTable(result)) lines.push(line);
  else
    for (const file of result.files)
      for (const e of fileEntries(file, options)) {
        const where = paint('dim', `${linePath(file.path)}:${e.line}:${e.column}`);
        const cited = e.documents.length ? `  [${e.documents.map(printable).join(', ')}]` : '';
        lines.push(`${where}  ${paint(RULE_COLOR[e.rule], e.rule)}  ${printable(e.message)}${cited}`);
      }
  lines.push(paint('bold', summaryLine(result)));
  return lines.join('\n') + '\n';
}

function perFileTable(result: LintResult): string[] {
  const rows = result.files.map((file) => {
    const s = summarize([file]);
    return [linePath(file.path), String(s.mismatch), String(s.supported), String(s.unverified)];
  });
  const header = ['file', 'mismatch', 'supported', 'unverified'];
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  // The path column is left-aligned, the counts right-aligned.
  const render = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(header), ...rows.map(render)];
}
