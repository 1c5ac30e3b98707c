// "factlint: Open Report": the HTML report of the active document (the page `factlint --format html`
// writes, made by the language server) in a webview beside it, refreshed as the document changes.
// The page's own content security policy (default-src 'none'; its style and script by nonce) applies
// in the webview; the webview loads no local resources, and its only command links are the report's
// links to sources, which run factlint.openSource.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_SOURCE_COMMAND, ReportRequest } from '../../server/src/protocol';

export const OPEN_REPORT_COMMAND = 'factlint.openReport';
export const REPORT_VIEW_TYPE = 'factlint.report';
/** Milliseconds after the last edit before the report is made again. */
const REFRESH_DELAY_MS = 500;

export function registerReportView(client: () => LanguageClient): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let shown: vscode.Uri | undefined;
  let timer: NodeJS.Timeout | undefined;

  const render = async (uri: vscode.Uri): Promise<boolean> => {
    const report = await client().sendRequest(ReportRequest, { uri: uri.toString() });
    if (!report) return false;
    panel ??= createPanel(() => {
      panel = undefined;
      shown = undefined;
      clearTimeout(timer);
    });
    panel.title = `factlint: ${report.path}`;
    panel.webview.html = report.html;
    shown = uri;
    return true;
  };

  const open = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return void vscode.window.showInformationMessage('factlint: open a draft to see its report.');
    if (!(await render(doc.uri))) return void vscode.window.showInformationMessage(`factlint does not check ${vscode.workspace.asRelativePath(doc.uri)}, so it has no report.`);
    panel?.reveal(vscode.ViewColumn.Beside, true);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_REPORT_COMMAND, open),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!shown || e.document.uri.toString() !== shown.toString()) return;
      clearTimeout(timer);
      const uri = shown;
      timer = setTimeout(() => void render(uri).catch(() => undefined), REFRESH_DELAY_MS);
    }),
    { dispose: () => panel?.dispose() },
  );
}

function createPanel(onDispose: () => void): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'factlint report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true,
    enableCommandUris: [OPEN_SOURCE_COMMAND],
    localResourceRoots: [],
    enableFindWidget: true,
  });
  panel.onDidDispose(onDispose);
  return panel;
}
