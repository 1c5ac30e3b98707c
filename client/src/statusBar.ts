// The status bar item for the active draft: figures mismatched / supported / unverified, as the
// server reports them after each check. Clicking it opens the Problems panel.
import * as vscode from 'vscode';
import type { StatusParams, VerdictCounts } from '../../server/src/protocol';

export class VerdictStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('factlint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly counts = new Map<string, VerdictCounts>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = 'factlint';
    this.item.command = 'workbench.actions.view.problems';
  }

  update({ uri, counts }: StatusParams): void {
    if (counts) this.counts.set(uri, counts);
    else this.counts.delete(uri);
    this.render();
  }

  clear(): void {
    this.counts.clear();
    this.render();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const counts = uri === undefined ? undefined : this.counts.get(uri);
    if (!counts) return this.item.hide();
    const { mismatch, supported, unverified } = counts;
    this.item.text = `$(warning) ${mismatch} $(pass) ${supported} $(question) ${unverified}`;
    this.item.tooltip = `factlint, figures in this draft: ${mismatch} mismatched, ${supported} supported, ${unverified} unverified. Click to open Problems.`;
    this.item.backgroundColor = mismatch ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
