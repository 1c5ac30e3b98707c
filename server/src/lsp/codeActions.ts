// Quick fixes for a mismatched figure: replace it with a source's figure, ignore it with a
// suppression comment (Markdown), or open the source. "Fix all" (source.fixAll.factlint, for
// editor.codeActionsOnSave) applies each mismatch's replacement where the sources give just one.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat, Finding } from '../engine';
import { singleReplacement } from '../engine/fixes';
import { FIX_ALL_KIND, OPEN_SOURCE_COMMAND } from '../protocol';
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
    actions.push(...replaceActions(doc, finding, fixes));
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

/** "Replace with …", one per distinct figure the sources give; preferred where it is the one `factlint --fix` applies. */
function replaceActions(doc: TextDocument, finding: Finding, fixes: Diagnostic[]): CodeAction[] {
  const range = findingRange(doc, finding);
  const replacements = [...new Set(finding.replacements)];
  return replacements.map((replacement) => ({
    title: `Replace with ${replacement}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: fixes,
    isPreferred: replacement === singleReplacement(finding),
    edit: { changes: { [doc.uri]: [{ range, newText: replacement }] } },
  }));
}

/** Whether a client asking for `only` these kinds wants actions of `kind` (`source.fixAll` contains `source.fixAll.factlint`). */
export function wants(only: string[], kind: string): boolean {
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** One action applying the preferred quick fix of every unsuppressed mismatch; none when there is nothing to fix. */
export function fixAllAction(doc: TextDocument, findings: Finding[]): CodeAction[] {
  const edits = findings
    .filter((f) => f.verdict === 'mismatch' && !f.suppressed)
    .flatMap((f) => replaceActions(doc, f, []).filter((a) => a.isPreferred))
    .flatMap((a) => a.edit?.changes?.[doc.uri] ?? []);
  if (!edits.length) return [];
  return [{ title: `Replace ${edits.length} mismatched figure${edits.length === 1 ? '' : 's'} with the sources' figures`, kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } }];
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
