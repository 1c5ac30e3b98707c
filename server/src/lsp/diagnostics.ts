// Findings as LSP diagnostics: one per figure whose verdict is not set to `off` and that no
// suppression comment covers. Related information points at the corpus sentences.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Location, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../config';
import { excerptAround, type Evidence, type Finding, type Verdict } from '../engine';
import { unusedDirectiveMessage, type SuppressionDirective } from '../engine/suppress';
import type { VerdictCounts } from '../protocol';
import { fileUri } from './uris';

const SEVERITIES: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function findingRange(doc: TextDocument, finding: Finding): Range {
  return { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) };
}

/** Where a source states its figure. */
export function evidenceLocation(evidence: Evidence): Location {
  const start = { line: evidence.line, character: evidence.character };
  const length = evidence.excerptFigure[1] - evidence.excerptFigure[0];
  return { uri: fileUri(evidence.path), range: { start, end: { line: evidence.line, character: evidence.character + length } } };
}

export function toDiagnostics(
  doc: TextDocument,
  findings: Finding[],
  severity: Record<Verdict, Severity>,
  relatedInformation: boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const level = severity[finding.verdict];
    if (finding.suppressed || level === 'off') continue;
    const diagnostic: Diagnostic = {
      range: findingRange(doc, finding),
      severity: SEVERITIES[level],
      source: 'factlint',
      code: finding.verdict,
      message: finding.message,
    };
    if (relatedInformation && finding.evidence.length)
      diagnostic.relatedInformation = finding.evidence.map((e) => ({
        location: evidenceLocation(e),
        // Short: VS Code shows these above the hover, so a whole excerpt would push factlint's own hover away.
        message: excerptAround(e.excerpt, e.excerptFigure),
      }));
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * Disable comments that suppress nothing, as hints tagged unnecessary: the editor fades them, as it
 * fades unused code, rather than listing them among the problems. One that names no verdict (a typo)
 * is a warning: the author meant it to suppress something.
 */
export function unusedDirectiveDiagnostics(doc: TextDocument, directives: SuppressionDirective[]): Diagnostic[] {
  return directives.map((d) => ({
    range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) },
    severity: d.unknown ? DiagnosticSeverity.Warning : DiagnosticSeverity.Hint,
    ...(d.unknown ? {} : { tags: [DiagnosticTag.Unnecessary] }),
    source: 'factlint',
    code: 'unused-disable',
    message: unusedDirectiveMessage(d),
  }));
}

/** Figures per verdict, leaving out suppressed ones. */
export function countVerdicts(findings: Finding[]): VerdictCounts {
  const counts: VerdictCounts = { mismatch: 0, supported: 0, unverified: 0 };
  for (const f of findings) if (!f.suppressed) counts[f.verdict]++;
  return counts;
}
