// The human report: one line per finding, `path:line:col  verdict  message  [documents]`, then a summary line.
// Paths, messages and document ids go through printable(): they come from file names and corpus text.
import type { LintResult } from '../lint';
import { linePath, printable } from '../printable';
import { citedDocuments, isShown, summarize, summaryLine, type ReportOptions } from '../report';

export interface TextOptions extends ReportOptions {
  /** Per-file counts instead of every finding. */
  summary: boolean;
  color: boolean;
}

const COLORS = { red: 31, green: 32, yellow: 33, magenta: 35, dim: 2, bold: 1 } as const;
type Color = keyof typeof COLORS;
const VERDICT_COLOR = { mismatch: 'red', supported: 'green', unverified: 'yellow' } as const;

export function formatText(result: LintResult, options: TextOptions): string {
  const paint = (color: Color, text: string) => (options.color ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  // Lines are appended one by one: spreading thousands into push() overflows the stack.
  if (options.summary) for (const line of perFileTable(result)) lines.push(line);
  else
    for (const file of result.files) {
      const entries: Array<{ at: number; line: string }> = [];
      for (const f of file.findings) {
        if (!isShown(f, options)) continue;
        const pos = file.lines.positionAt(f.start);
        const docs = citedDocuments(f);
        const where = paint('dim', `${linePath(file.path)}:${pos.line + 1}:${pos.character + 1}`);
        const cited = docs.length ? `  [${docs.map(printable).join(', ')}]` : '';
        entries.push({ at: f.start, line: `${where}  ${paint(VERDICT_COLOR[f.verdict], f.verdict)}  ${printable(f.message)}${cited}` });
      }
      if (options.reportUnusedDisables)
        for (const d of file.unusedDisables) {
          const where = paint('dim', `${linePath(file.path)}:${d.line + 1}:${file.lines.positionAt(d.start).character + 1}`);
          entries.push({ at: d.start, line: `${where}  ${paint('magenta', 'unused-disable')}  ${printable(d.text)} suppresses nothing` });
        }
      for (const e of entries.sort((a, b) => a.at - b.at)) lines.push(e.line);
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
