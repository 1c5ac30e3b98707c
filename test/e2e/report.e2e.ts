// End-to-end: "factlint: Open Report" on the sample draft opens the report in a webview beside it.
// The runner then clicks a figure inside that webview through the DOM (scripts/e2e/report.mjs).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WAIT_MS } from './editor';
import { DRAFT_FILE } from './sample';

/** The webview tab whose title names `title`, once there is one. */
function webviewTab(title: string): Promise<vscode.Tab> {
  const find = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('factlint.report') && t.label === title);
  return new Promise((resolve, reject) => {
    const done = (tab: vscode.Tab) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) done(tab);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for the report tab "${title}"; tabs: ${JSON.stringify(tabs)}`));
    }, WAIT_MS);
    const tab = find();
    if (tab) done(tab);
  });
}

describe('factlint: Open Report', function () {
  it('shows the active draft’s report in a webview beside it, leaving the draft focused', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const draft = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, DRAFT_FILE));
    await vscode.commands.executeCommand('factlint.openReport');
    const tab = await webviewTab(`factlint: ${DRAFT_FILE}`);
    assert.notEqual(tab.group.viewColumn, draft.viewColumn, 'the report opens beside the draft');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), draft.document.uri.toString());
  });
});
