// GitLab Code Quality (a subset of the Code Climate spec): a JSON array of issues, which GitLab shows
// in merge requests as new or resolved by comparing fingerprints between the two branches. So a
// fingerprint must not change when the draft is edited elsewhere: it hashes the path, the verdict,
// the figure and what it measures, and how many such figures came before it in the file, never a
// line number or a message quoting the corpus. As in the GitHub report, hint and off are left out
// (with the default severities, supported figures are not issues).
import { createHash } from 'node:crypto';
import type { Severity } from '../../config';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { relativeToCwd } from '../inputs';
import type { LintResult } from '../lint';
import { citedDocuments, isShown, shownUnusedDirectives, type ReportOptions } from '../report';

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Partial<Record<Severity, GitlabSeverity>> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function codeQualityReport(result: LintResult, options: ReportOptions): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const file of result.files) {
    // Paths relative to the project root (the working directory in CI), as GitLab links them.
    const path = relativeToCwd(file.file, result.cwd);
    const seen = new Map<string, number>();
    const issue = (checkName: string, identity: string, severity: GitlabSeverity, description: string, start: number, end: number) => {
      const key = `${path}\0${checkName}\0${identity}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      issues.push({
        type: 'issue',
        description,
        check_name: checkName,
        fingerprint: createHash('md5').update(`${key}\0${n}`).digest('hex'),
        severity,
        location: { path, lines: { begin: file.lines.positionAt(start).line + 1, end: file.lines.positionAt(end).line + 1 } },
      });
    };
    for (const f of file.findings) {
      const severity = SEVERITY[f.severity];
      if (!severity || !isShown(f, options)) continue;
      const cited = citedDocuments(f);
      issue(f.verdict, `${f.text}\0${f.measure}`, severity, f.message + (cited.length ? ` [${cited.join(', ')}]` : ''), f.start, f.end);
    }
    for (const d of shownUnusedDirectives(file, options)) issue('unused-disable', d.text, SEVERITY[options.unusedDirectives as Severity]!, unusedDirectiveMessage(d), d.start, d.end);
  }
  return issues;
}

export function formatCodeQuality(result: LintResult, options: ReportOptions): string {
  return JSON.stringify(codeQualityReport(result, options), null, 2) + '\n';
}
