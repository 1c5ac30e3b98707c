// What the line-per-finding reports (text, compact, unix) print for one file: its shown findings and,
// with --report-unused-disable-directives, its unused disable comments, in the order they appear in the file.
import type { Severity } from '../../config';
import type { FileResult } from '../lint';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { citedDocuments, isShown, shownUnusedDirectives, type ReportOptions } from '../report';

export interface Entry {
  /** 1-based line and column. */
  line: number;
  column: number;
  severity: Severity;
  /** The verdict, or `unused-disable`. */
  rule: string;
  /** Raw text from the draft and the corpus: each format escapes it. */
  message: string;
  documents: string[];
}

export function fileEntries(file: FileResult, options: ReportOptions): Entry[] {
  const entries: Array<Entry & { at: number }> = [];
  const at = (start: number) => {
    const pos = file.lines.positionAt(start);
    return { at: start, line: pos.line + 1, column: pos.character + 1 };
  };
  for (const f of file.findings)
    if (isShown(f, options)) entries.push({ ...at(f.start), severity: f.severity, rule: f.verdict, message: f.message, documents: citedDocuments(f) });
  for (const d of shownUnusedDirectives(file, options))
    entries.push({ ...at(d.start), severity: options.unusedDirectives as Severity, rule: 'unused-disable', message: unusedDirectiveMessage(d), documents: [] });
  return entries.sort((a, b) => a.at - b.at);
}
