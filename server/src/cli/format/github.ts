// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,endColumn=…::message`, which the
// runner turns into annotations on the changed files. Info becomes a notice; hint and off print nothing.
import type { Severity } from '../../config';
import type { LintResult } from '../lint';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { citedDocuments, isShown, plural, shownUnusedDirectives, summaryLine, type ReportOptions } from '../report';

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

/** GitHub shows at most this many annotations of each type (error, warning, notice) from one step. */
export const ANNOTATIONS_PER_TYPE = 10;

export function formatGithub(result: LintResult, options: ReportOptions): string {
  // Mismatches come first, so they are the ones annotated when there are too many; then unreadable
  // files, unused disable comments and the other verdicts.
  const first: Annotation[] = [];
  const unused: Annotation[] = [];
  const later: Annotation[] = [];
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
      (f.verdict === 'mismatch' ? first : later).push({ name, line: command(name, { ...location(f.start, f.end), title: `factlint ${f.verdict}` }, f.message + (docs.length ? ` [${docs.join(', ')}]` : '')) });
    }
    for (const d of shownUnusedDirectives(file, options)) {
      const name = COMMAND[options.unusedDirectives as Severity]!;
      unused.push({ name, line: command(name, { ...location(d.start, d.end), title: 'factlint unused-disable' }, unusedDirectiveMessage(d)) });
    }
  }
  const problems = result.problems.map((p) => ({ name: 'error', line: command('error', { title: 'factlint' }, `${p.path}: ${p.message}`) }));
  const annotations = [...first, ...problems, ...unused, ...later];

  // Past the limit GitHub drops annotations silently. When some must go, one notice is kept to say so.
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  const cut = [...counts.values()].some((n) => n > ANNOTATIONS_PER_TYPE);
  const room = (name: string) => (cut && name === 'notice' ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE);
  const used = new Map<string, number>();
  const lines: string[] = [];
  for (const a of annotations) {
    const n = used.get(a.name) ?? 0;
    if (n >= room(a.name)) continue;
    used.set(a.name, n + 1);
    lines.push(a.line);
  }
  const left = annotations.length - lines.length;
  if (left > 0)
    lines.push(
      command(
        'notice',
        { title: 'factlint: more findings than GitHub annotates' },
        `${plural(left, 'more finding')} not shown: GitHub shows at most ${ANNOTATIONS_PER_TYPE} annotations of each type per step. ` +
          'Upload the SARIF report (factlint --format sarif) to code scanning to see every finding.',
      ),
    );
  lines.push(`factlint: ${summaryLine(result)}`);
  return lines.join('\n') + '\n';
}

interface Annotation {
  /** The workflow command: error, warning or notice. */
  name: string;
  line: string;
}
