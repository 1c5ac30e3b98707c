// `--format html`: the report as one self-contained page (server/src/report/html.ts). Links to corpus
// documents are relative to the folder the report is written to, so they work where the report lies
// beside the checkout (a CI artifact opened in the workspace, a file written with -o).
import * as path from 'node:path';
import type { LintResult } from '../lint';
import { shownUnusedDirectives, type ReportOptions } from '../report';
import { htmlReport } from '../../report/html';

export function formatHtml(result: LintResult, options: ReportOptions & { output?: string }): string {
  const reportDir = options.output ? path.dirname(path.resolve(result.cwd, options.output)) : result.cwd;
  const files = result.files.map((file) => ({
    path: file.path,
    text: file.text,
    findings: file.findings.filter((f) => !options.quiet || f.verdict === 'mismatch'),
    unusedDisables: shownUnusedDirectives(file, options),
  }));
  return htmlReport(files, { sourceHref: (file, line) => `${relativeHref(reportDir, file)}#L${line}` });
}

/** A relative URL for a file: each segment percent-encoded, so no segment is read as a scheme or a query. */
export function relativeHref(from: string, file: string): string {
  const relative = path.relative(from, path.resolve(from, file)).split(path.sep).map(encodeURIComponent).join('/');
  return relative.startsWith('..') ? relative : `./${relative}`;
}
