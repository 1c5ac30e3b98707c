// Limited support for untrusted workspaces: corpus folders that the workspace's own settings add
// outside the workspace are dropped before the server sees them (the user's settings still apply).
// Paths are compared once symbolic links are followed: a link in the workspace may point anywhere.
// The server drops the same for config files (see FactlintInitializationOptions.workspaceTrusted).
import * as vscode from 'vscode';
import type { FactlintSettings } from '../../server/src/protocol';
import { isReallyInside, resolveFolder } from '../../server/src/lsp/paths';

export function restrictCorpusFolders(value: FactlintSettings, scopeUri: string | undefined, log: vscode.LogOutputChannel): FactlintSettings {
  if (vscode.workspace.isTrusted || !value?.corpus) return value;
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const inspected = vscode.workspace.getConfiguration('factlint', scope).inspect<string[]>('corpus.folders');
  const fromWorkspace = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  if (!fromWorkspace) return value;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const base = (scope && vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath) ?? folders[0];
  const kept = fromWorkspace.filter((f) => base !== undefined && folders.some((w) => isReallyInside(resolveFolder(f, base), w)));
  for (const f of fromWorkspace)
    if (!kept.includes(f)) log.warn(`Untrusted workspace: ignoring corpus folder ${f} from the workspace settings (outside the workspace).`);
  return { ...value, corpus: { ...value.corpus, folders: kept } };
}
