// The HTML report of an open document, for the client's "Open Report" command: the page the CLI's
// `--format html` writes (report/html.ts), with links to sources that run the factlint.openSource
// command, which every client of this server offers (VS Code's webview allows exactly that command).
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside } from '../engine/realPath';
import { htmlReport } from '../report/html';
import { OPEN_SOURCE_COMMAND, type ReportResult } from '../protocol';
import type { Checked } from './checker';
import { fileUri, uriPath } from './uris';

export function documentReport(doc: TextDocument, checked: Checked, workspaceFolders: string[]): ReportResult | null {
  if (!checked.included) return null;
  const file = uriPath(doc.uri);
  const folder = file && workspaceFolders.find((f) => isInside(file, f));
  const shown = file ? (folder ? path.relative(folder, file) : file) : doc.uri;
  const findings = checked.findings.map((f) => ({ ...f, severity: checked.severity[f.verdict] }));
  const html = htmlReport([{ path: shown, text: doc.getText(), findings }], { sourceHref: openSourceHref });
  return { html, path: shown };
}

/** A command URI that opens a corpus file at a line (1-based). */
function openSourceHref(file: string, line: number): string {
  const at = { line: line - 1, character: 0 };
  return `command:${OPEN_SOURCE_COMMAND}?${encodeURIComponent(JSON.stringify([fileUri(file), { start: at, end: at }]))}`;
}
