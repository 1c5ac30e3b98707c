// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,endColumn=…::message`, which the
// runner turns into annotations on the changed files. Info becomes a notice; hint and off print nothing.
import type { Severity } from '../../config';
import type { LintResult } from '../lint';
import { citedDocuments, isShown, summaryLine, type ReportOptions } from '../report';

const COMMAND: Partial<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping for a command's message (workflow-command rules). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a property value, which also ends at `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

export function formatGithub(result: LintResult, options: ReportOptions): string {
  const lines: string[] = [];
  for (const file of result.files) {
    const location = (start: number, end: number) => {
      const s = file.lines.positionAt(start);
      const e = file.lines.positionAt(end);
      // GitHub columns are 1-based and endColumn is inclusive: a 0-based exclusive end is the same number.
      return { file: file.path, line: s.line + 1, col: s.character + 1, endLine: e.line + 1, endColumn: Math.max(e.character, 1) };
    };
    for (const f of file.findings) {
      const name = COMMAND[f.severity];
      if (!name || !isShown(f, options)) continue;
      const docs = citedDocuments(f);
      lines.push(command(name, { ...location(f.start, f.end), title: `factlint ${f.verdict}` }, f.message + (docs.length ? ` [${docs.join(', ')}]` : '')));
    }
    if (options.reportUnusedDisables)
      for (const d of file.unusedDisables)
        lines.push(command('warning', { ...location(d.start, d.end), title: 'factlint unused-disable' }, `${d.text} suppresses nothing`));
  }
  for (const p of result.problems) lines.push(command('error', { title: 'factlint' }, `${p.path}: ${p.message}`));
  lines.push(`factlint: ${summaryLine(result)}`);
  return lines.join('\n') + '\n';
}
