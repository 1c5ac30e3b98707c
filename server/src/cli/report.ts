// What a run's findings add up to: which are shown, the counts, and whether the run fails.
import type { Verdict } from '../engine/types';
import type { FailOn } from './args';
import type { FileResult, LintResult, ReportedFinding } from './lint';

export interface ReportOptions {
  quiet: boolean;
  failOn: FailOn;
  maxWarnings?: number;
  reportUnusedDisables: boolean;
}

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
  if (result.problems.length) line += `; ${plural(result.problems.length, 'error')} (on stderr)`;
  return line;
}

const FAILING: Record<FailOn, readonly Verdict[]> = {
  mismatch: ['mismatch'],
  unverified: ['mismatch', 'unverified'],
  none: [],
};

/** Exit code and, when the run fails on a threshold rather than a verdict, why. */
export function outcome(result: LintResult, options: ReportOptions): { exitCode: 0 | 1 | 2; notes: string[] } {
  const notes: string[] = [];
  const active = result.files.flatMap((f) => f.findings.filter(isActive));
  let failed = active.some((f) => FAILING[options.failOn].includes(f.verdict));
  const warnings = active.filter((f) => f.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    failed = true;
    notes.push(`${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows`);
  }
  const unused = result.files.reduce((n, f) => n + f.unusedDisables.length, 0);
  if (options.reportUnusedDisables && unused > 0) {
    failed = true;
    notes.push(`${plural(unused, 'factlint-disable comment')} suppressing nothing`);
  }
  return { exitCode: result.problems.length ? 2 : failed ? 1 : 0, notes };
}

/** Corpus documents a finding cites: those that disagree for a mismatch, agree for a supported figure. */
export function citedDocuments(f: Pick<ReportedFinding, 'verdict' | 'evidence'>): string[] {
  const relevant = f.evidence.filter((e) => (f.verdict === 'mismatch' ? !e.agrees : f.verdict === 'supported' ? e.agrees : true));
  return [...new Set((relevant.length ? relevant : f.evidence).map((e) => e.document))];
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
