// `factlint.focusMode`, as in markdownlint: while the cursor is on a line, factlint's diagnostics on
// that line are hidden, so a figure is not flagged while it is being typed; they come back when the
// cursor leaves the line. This is done in the client because only the editor knows where the cursor
// is, and moving it then needs no new check: the server's diagnostics are kept whole here and only
// what is shown changes.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { DEFAULT_CLIENT_SETTINGS } from '../../server/src/protocol';

export class FocusMode implements vscode.Disposable {
  /** The server's diagnostics per document, before any are hidden. */
  private readonly published = new Map<string, vscode.Diagnostic[]>();
  /** The line whose diagnostics are hidden, per document. */
  private readonly focused = new Map<string, number>();
  private enabled = FocusMode.setting();
  private readonly subscriptions: vscode.Disposable[];

  /** `collection`: where the language client shows the diagnostics (it changes when the client restarts). */
  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((e) => this.focus(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Only the active editor's cursor line is hidden.
        for (const uri of [...this.focused.keys()]) if (uri !== editor?.document.uri.toString()) this.refocus(uri, undefined);
        if (editor) this.focus(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('factlint.focusMode')) return;
        this.enabled = FocusMode.setting();
        for (const uri of this.published.keys()) this.refocus(uri, this.enabled ? this.focused.get(uri) : undefined);
        if (this.enabled && vscode.window.activeTextEditor) this.focus(vscode.window.activeTextEditor);
      }),
    ];
  }

  readonly middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => {
      if (diagnostics.length) this.published.set(uri.toString(), diagnostics);
      else this.published.delete(uri.toString());
      const editor = vscode.window.activeTextEditor;
      if (this.enabled && editor?.document.uri.toString() === uri.toString()) this.focused.set(uri.toString(), editor.selection.active.line);
      next(uri, this.visible(uri.toString()));
    },
  };

  /** The server stopped: its diagnostics are gone. */
  clear(): void {
    this.published.clear();
    this.focused.clear();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private static setting(): boolean {
    return vscode.workspace.getConfiguration('factlint').get<boolean>('focusMode', DEFAULT_CLIENT_SETTINGS.focusMode);
  }

  private focus(editor: vscode.TextEditor): void {
    if (!this.enabled) return;
    const uri = editor.document.uri.toString();
    const line = editor.selection.active.line;
    if (this.focused.get(uri) !== line) this.refocus(uri, line);
  }

  private refocus(uri: string, line: number | undefined): void {
    if (line === undefined) this.focused.delete(uri);
    else this.focused.set(uri, line);
    const collection = this.collection();
    if (collection && this.published.has(uri)) collection.set(vscode.Uri.parse(uri), this.visible(uri));
  }

  private visible(uri: string): vscode.Diagnostic[] {
    const all = this.published.get(uri) ?? [];
    const line = this.enabled ? this.focused.get(uri) : undefined;
    return line === undefined ? all : all.filter((d) => line < d.range.start.line || line > d.range.end.line);
  }
}
