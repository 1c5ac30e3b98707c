// Quick fixes for a mismatched figure: replace it with a source's figure, ignore it with a
// suppression comment (Markdown), or open the source.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat, Finding } from '../engine';
import { singleReplacement } from '../engine/fixes';
import { OPEN_SOURCE_COMMAND } from '../protocol';
import { evidenceLocation, findingRange } from './diagnostics';

const MAX_SOURCES = 3;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s|$)/;

export function codeActions(
  doc: TextDocument,
  format: DocumentFormat,
  findings: Finding[],
  range: Range,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  for (const finding of findings) {
    if (finding.verdict !== 'mismatch' || finding.suppressed || finding.end < from || finding.start > to) continue;
    const figureRange = findingRange(doc, finding);
    const fixes = diagnostics.filter((d) => d.source === 'factlint' && d.code === 'mismatch' && sameRange(d.range, figureRange));
    const replacements = [...new Set(finding.replacements)];
    for (const replacement of replacements)
      actions.push({
        title: `Replace with ${replacement}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixes,
        // The one `factlint --fix` applies.
        isPreferred: replacement === singleReplacement(finding),
        edit: { changes: { [doc.uri]: [{ range: figureRange, newText: replacement }] } },
      });
    if (format === 'markdown')
      actions.push({
        title: 'Ignore this figure',
        kind: CodeActionKind.QuickFix,
        diagnostics: fixes,
        edit: { changes: { [doc.uri]: [ignoreEdit(doc, figureRange.start.line)] } },
      });
    const documents = new Set<string>();
    for (const e of finding.evidence) {
      if (documents.has(e.document) || documents.size === MAX_SOURCES) continue;
      documents.add(e.document);
      const { uri, range: at } = evidenceLocation(e);
      actions.push({
        title: `Open source: ${e.title}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixes,
        command: { title: 'Open source', command: OPEN_SOURCE_COMMAND, arguments: [uri, at] },
      });
    }
  }
  return actions;
}

/**
 * A `factlint-disable-next-line` comment on its own line above the figure's line when that line
 * starts a block. Where it continues a paragraph, or is a list item, a comment line would split the
 * paragraph or the list, so the comment goes at the end of the line as `factlint-disable-line`.
 * It names the verdict, so the other figures on the line are still checked.
 */
function ignoreEdit(doc: TextDocument, line: number): TextEdit {
  const text = lineText(doc, line);
  const previous = line > 0 ? lineText(doc, line - 1) : '';
  if (previous.trim() === '' && !/^\s/.test(text) && !LIST_ITEM.test(text)) {
    const start = { line, character: 0 };
    return { range: { start, end: start }, newText: '<!-- factlint-disable-next-line mismatch -->\n' };
  }
  const end = { line, character: text.length };
  return { range: { start: end, end }, newText: `${/\s$/.test(text) || text === '' ? '' : ' '}<!-- factlint-disable-line mismatch -->` };
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
