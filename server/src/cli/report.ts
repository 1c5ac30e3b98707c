// What a run's findings add up to: which are shown, the counts, and whether the run fails.
import type { Severity } from '../config';
import type { SuppressionDirective } from '../engine/suppress';
import type { FailOn } from './args';
import type { FileResult, LintResult, ReportedFinding } from './lint';

export interface ReportOptions {
  quiet: boolean;
  failOn: FailOn;
  maxWarnings?: number;
  /** How disable comments that suppress nothing are reported: not at all (the default), as warnings or as errors. */
  unusedDirectives: DirectiveSeverity;
}

export const DIRECTIVE_SEVERITIES = ['off', 'warning', 'error'] as const;
export type DirectiveSeverity = (typeof DIRECTIVE_SEVERITIES)[number];

/** The JSON report's summary: verdict counts leave out suppressed findings; `figures` counts them all. */
export interface Summary {
  files: number;
  figures: number;
  mismatch: number;
  supported: number;
  unverified: number;
}

/** A finding that counts: not suppressed by a comment and not switched off by severity. */
export function isActive(f: ReportedFinding): boolean {
  return !f.suppressed && f.severity !== 'off';
}

/** A finding the text, GitHub and SARIF reports show. */
export function isShown(f: ReportedFinding, options: Pick<ReportOptions, 'quiet'>): boolean {
  return isActive(f) && (!options.quiet || f.verdict === 'mismatch');
}

export function summarize(files: FileResult[]): Summary {
  const summary: Summary = { files: files.length, figures: 0, mismatch: 0, supported: 0, unverified: 0 };
  for (const file of files)
    for (const f of file.findings) {
      summary.figures++;
      if (!f.suppressed) summary[f.verdict]++;
    }
  return summary;
}

/** "2 files, 9 figures: 1 mismatch, 6 supported, 2 unverified; 1 suppressed; 1 error (on stderr)" */
export function summaryLine(result: LintResult): string {
  const s = summarize(result.files);
  let line = `${plural(s.files, 'file')}, ${plural(s.figures, 'figure')}: ${s.mismatch} mismatch, ${s.supported} supported, ${s.unverified} unverified`;
  const suppressed = s.figures - s.mismatch - s.supported - s.unverified;
  if (suppressed) line += `; ${suppressed} suppressed`;
  // Figures replaced on disk (--fix), and those only shown (--fix-dry-run, or a draft that could not be written).
  const fixed = (written: boolean) => result.files.reduce((n, f) => n + (f.fix?.written === written ? f.fix.count : 0), 0);
  if (fixed(true)) line += `; ${fixed(true)} fixed`;
  if (fixed(false)) line += `; ${fixed(false)} would be fixed`;
  if (result.problems.length) line += `; ${plural(result.problems.length, 'error')} (on stderr)`;
  return line;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Whether an active finding fails the run: by its severity (that of --fail-on or worse), or by its verdict. */
export function fails(f: ReportedFinding, failOn: FailOn): boolean {
  switch (failOn) {
    case 'none':
      return false;
    case 'mismatch':
      return f.verdict === 'mismatch';
    case 'unverified':
      return f.verdict === 'mismatch' || f.verdict === 'unverified';
    default:
      return SEVERITY_ORDER.indexOf(f.severity) <= SEVERITY_ORDER.indexOf(failOn);
  }
}

/** Exit code and, when the run fails on a threshold rather than a verdict, why. */
export function outcome(result: LintResult, options: ReportOptions): { exitCode: 0 | 1 | 2; notes: string[] } {
  const notes: string[] = [];
  const active = result.files.flatMap((f) => f.findings.filter(isActive));
  let failed = active.some((f) => fails(f, options.failOn));
  const unused = result.files.reduce((n, f) => n + f.unusedDisables.length, 0);
  // As in ESLint, unused disable comments reported as warnings count towards --max-warnings (and only
  // there: they are not findings, so --fail-on does not weigh them); reported as errors they fail the run.
  const warnings = active.filter((f) => f.severity === 'warning').length + (options.unusedDirectives === 'warning' ? unused : 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    failed = true;
    notes.push(`${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows`);
  }
  if (options.unusedDirectives === 'error' && unused > 0) {
    failed = true;
    notes.push(`${plural(unused, 'factlint-disable comment')} suppressing nothing`);
  }
  return { exitCode: result.problems.length ? 2 : failed ? 1 : 0, notes };
}

/** The file's disable comments that suppress nothing, when the report shows them. */
export function shownUnusedDirectives(file: FileResult, options: Pick<ReportOptions, 'unusedDirectives'>): SuppressionDirective[] {
  return options.unusedDirectives === 'off' ? [] : file.unusedDisables;
}

/** Corpus documents a finding cites: those that disagree for a mismatch, agree for a supported figure. */
export function citedDocuments(f: Pick<ReportedFinding, 'verdict' | 'evidence'>): string[] {
  const relevant = f.evidence.filter((e) => (f.verdict === 'mismatch' ? !e.agrees : f.verdict === 'supported' ? e.agrees : true));
  return [...new Set((relevant.length ? relevant : f.evidence).map((e) => e.document))];
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
