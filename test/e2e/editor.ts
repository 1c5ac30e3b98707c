// Reading what the editor shows, through the `vscode` API: factlint's diagnostics (waited for on
// onDidChangeDiagnostics, never by sleeping), hovers, code actions, and the language status item
// (through the extension's API, waited for on its changes).
import * as vscode from 'vscode';
import type { FactlintApi } from '../../client/src/extension';
import type { StatusView } from '../../client/src/languageStatus';
import type { Finding } from '../../server/src/engine';

/** Upper bound for any single wait; a wait that hits it fails with what it saw. */
export const WAIT_MS = 30_000;

export function factlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'factlint');
}

export function describeDiagnostics(doc: vscode.TextDocument | undefined, diagnostics: vscode.Diagnostic[]): string {
  if (!diagnostics.length) return '(none)';
  return diagnostics
    .map((d) => `${d.code} ${vscode.DiagnosticSeverity[d.severity]} ${doc ? JSON.stringify(doc.getText(d.range)) : ''}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .join(', ');
}

/**
 * Resolves with factlint's diagnostics for `uri` once `accept` holds for them: now, or after one of
 * VS Code's diagnostic change events. Rejects after WAIT_MS, saying what it waited for and what it saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const finish = (diagnostics: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    };
    const check = () => {
      const diagnostics = factlintDiagnostics(uri);
      if (accept(diagnostics)) finish(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; factlint diagnostics now: ${describeDiagnostics(doc, factlintDiagnostics(uri))}`));
    }, WAIT_MS);
    check();
  });
}

export function findingRange(doc: vscode.TextDocument, finding: Finding): vscode.Range {
  return new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
}

export function diagnosticAt(diagnostics: vscode.Diagnostic[], range: vscode.Range): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.range.isEqual(range));
}

/** factlint's hover at a position, as plain text: Markdown escapes and emphasis removed, whitespace collapsed. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  const ours = texts.find((t) => t.includes('factlint'));
  if (!ours) throw new Error(`no factlint hover at ${position.line + 1}:${position.character + 1}; hovers: ${JSON.stringify(texts)}`);
  return plainText(ours);
}

export function plainText(markdown: string): string {
  return collapse(markdown.replace(/\*\*/g, '').replace(/\\(.)/g, '$1'));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/**
 * Resolves with what factlint's language status item shows once `accept` holds for it: now, or after
 * one of its changes. Every view seen on the way goes to `seen`. Rejects after WAIT_MS.
 */
export function waitForStatus(api: FactlintApi, accept: (view: StatusView) => boolean, what: string, seen: StatusView[] = []): Promise<StatusView> {
  return new Promise((resolve, reject) => {
    const check = (view: StatusView) => {
      seen.push(view);
      if (!accept(view)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(view);
    };
    const subscription = api.onDidChangeStatus(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for the language status to show ${what}; it went through: ${JSON.stringify(seen)}`));
    }, WAIT_MS);
    check(api.status());
  });
}
