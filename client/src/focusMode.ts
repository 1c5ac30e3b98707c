// `factlint.focusMode`, as in markdownlint: while the cursor is on a line, factlint's diagnostics on
// that line are hidden, so a figure is not flagged while it is being typed; they come back when the
// cursor leaves the line. This is done in the client because only the editor knows where the cursor
// is, and moving it then needs no new check: the server's diagnostics are kept whole here and only
// what is shown changes. Diagnostics come pushed, or pulled (textDocument/diagnostic) where the server
// offers that, as it does to VS Code: each is shown in the collection of the way it came.
import * as vscode from 'vscode';
import { DiagnosticCollectionSource, type DiagnosticCollectionProvider, type Middleware } from 'vscode-languageclient/node';
import { DEFAULT_CLIENT_SETTINGS } from '../../server/src/protocol';

export class FocusMode implements vscode.Disposable {
  /** The server's diagnostics per document, before any are hidden, and whether they were pushed or pulled. */
  private readonly published = new Map<string, { diagnostics: vscode.Diagnostic[]; source: DiagnosticCollectionSource }>();
  /** The language client's collections, pushed and pulled diagnostics each in their own. */
  private readonly collections = new Map<DiagnosticCollectionSource, vscode.DiagnosticCollection>();
  /** The line whose diagnostics are hidden, per document. */
  private readonly focused = new Map<string, number>();
  private enabled = FocusMode.setting();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
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
    handleDiagnostics: (uri, diagnostics, next) => next(uri, this.received(uri, diagnostics, DiagnosticCollectionSource.push)),
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await next(document, previousResultId, token);
      if (report?.kind !== 'full') return report;
      const uri = document instanceof vscode.Uri ? document : document.uri;
      return { ...report, items: this.received(uri, report.items, DiagnosticCollectionSource.pull) };
    },
  };

  /** Where the language client keeps its diagnostics, so that moving the cursor can show others. */
  readonly collectionProvider: DiagnosticCollectionProvider = {
    create: (name, source) => {
      const collection = vscode.languages.createDiagnosticCollection(name);
      this.collections.set(source, collection);
      return collection;
    },
    dispose: (collection, source) => {
      if (this.collections.get(source) === collection) this.collections.delete(source);
      collection.dispose();
    },
  };

  /** The server's diagnostics for a document, pushed or pulled: what of them to show. */
  private received(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], source: DiagnosticCollectionSource): vscode.Diagnostic[] {
    const key = uri.toString();
    if (diagnostics.length) this.published.set(key, { diagnostics, source });
    else this.published.delete(key);
    const editor = vscode.window.activeTextEditor;
    if (this.enabled && editor?.document.uri.toString() === key) this.focused.set(key, editor.selection.active.line);
    return this.visible(key);
  }

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
    const published = this.published.get(uri);
    const collection = published && this.collections.get(published.source);
    if (collection) collection.set(vscode.Uri.parse(uri), this.visible(uri));
  }

  private visible(uri: string): vscode.Diagnostic[] {
    const all = this.published.get(uri)?.diagnostics ?? [];
    const line = this.enabled ? this.focused.get(uri) : undefined;
    return line === undefined ? all : all.filter((d) => line < d.range.start.line || line > d.range.end.line);
  }
}
