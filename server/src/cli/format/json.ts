// The JSON report. Its shape is a contract (tooling parses it): version 1, ranges as 0-based LSP
// positions in UTF-16 code units, every figure as a finding whatever its verdict.
import type { Claim, Verdict } from '../../engine/types';
import type { Severity } from '../../config';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { relativeToCwd } from '../inputs';
import type { FileResult, LintResult } from '../lint';
import { arrays, jsonDocument, lazily, type ListOf } from './jsonStream';
import { summarize, type ReportOptions, type Summary } from '../report';

interface Position {
  line: number;
  character: number;
}

export interface JsonReport {
  version: 1;
  corpus: Array<{ id: string; title: string; path: string }>;
  files: Array<{
    path: string;
    findings: JsonFinding[];
    /** With --fix or --fix-dry-run, when fixes changed the draft: its fixed text, which the findings are in (as in ESLint). */
    output?: string;
    /** Only with --report-unused-disable-directives. */
    unusedDisables?: Array<{ range: { start: Position; end: Position }; text: string; message: string; severity: Severity }>;
  }>;
  summary: Summary;
}

export interface JsonFinding {
  range: { start: Position; end: Position };
  text: string;
  verdict: Verdict;
  severity: Severity;
  measure: string;
  claim: Claim;
  message: string;
  /** The best source facts, at most five entries. */
  evidence: Array<{ document: string; title: string; line: number; excerpt: string; figure: string; value: number; agrees: boolean }>;
  /** How many evidence entries the verdict weighed, of which `evidence` lists the best. */
  evidenceTotal: number;
  suppressed?: true;
}

/** The report object; --quiet keeps mismatches only, suppressed findings stay with `suppressed: true`. */
export function jsonReport(result: LintResult, options: ReportOptions): JsonReport {
  return report(result, options, arrays) as JsonReport;
}

/** The report in pieces, one finding at a time, so that no report is too long for one string. */
export function formatJson(result: LintResult, options: ReportOptions): Iterable<string> {
  return jsonDocument(report(result, options, lazily));
}

function report(result: LintResult, options: ReportOptions, list: ListOf) {
  return {
    version: 1,
    corpus: result.corpus.map((d) => ({ id: d.id, title: d.title, path: relativeToCwd(d.path, result.cwd) })),
    files: list(result.files, (file) => jsonFile(file, options, list)),
    summary: summarize(result.files),
  };
}

function jsonFile(file: FileResult, options: ReportOptions, list: ListOf) {
  const range = (start: number, end: number) => ({ start: file.lines.positionAt(start), end: file.lines.positionAt(end) });
  return {
    path: file.path,
    findings: list(
      file.findings.filter((f) => !options.quiet || f.verdict === 'mismatch'),
      (f): JsonFinding => ({
        range: range(f.start, f.end),
        text: f.text,
        verdict: f.verdict,
        severity: f.severity,
        measure: f.measure,
        claim: { low: f.claim.low, high: f.claim.high, bound: f.claim.bound },
        message: f.message,
        evidence: f.evidence.map((e) => ({
          document: e.document,
          title: e.title,
          line: e.line,
          excerpt: e.excerpt,
          figure: e.figure,
          value: e.value,
          agrees: e.agrees,
        })),
        evidenceTotal: f.evidenceTotal,
        ...(f.suppressed ? { suppressed: true as const } : {}),
      }),
    ),
    ...(options.unusedDirectives !== 'off'
      ? { unusedDisables: file.unusedDisables.map((d) => ({ range: range(d.start, d.end), text: d.text, message: unusedDirectiveMessage(d), severity: options.unusedDirectives as Severity })) }
      : {}),
    ...(file.fix ? { output: file.fix.output } : {}),
  };
}
