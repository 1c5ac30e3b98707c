// "factlint: Open Config File": opens the config file that applies to the active draft, as the server
// finds it; without one, opens or creates `factlint.configFile` (default `.factlintrc.json`) in the
// draft's workspace folder. A new file starts with the editor's current factlint settings, so that
// creating it changes nothing in the editor, and the CLI then checks as the editor does.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigFileRequest } from '../../server/src/protocol';
import { resolveFolder } from '../../server/src/lsp/paths';

const DEFAULT_NAME = '.factlintrc.json';

export async function openConfigFile(client: LanguageClient | undefined): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const inUse = client && (await client.sendRequest(ConfigFileRequest, { uri: active?.toString() })).path;
  if (inUse && (await exists(vscode.Uri.file(inUse)))) {
    await vscode.window.showTextDocument(vscode.Uri.file(inUse));
    return;
  }
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('factlint: open a folder first; the config file goes in a workspace folder.');
    return;
  }
  const settings = vscode.workspace.getConfiguration('factlint', folder.uri);
  const file = resolveFolder(settings.get<string>('configFile') || DEFAULT_NAME, folder.uri.fsPath);
  const uri = vscode.Uri.file(file);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterText(file, starterConfig(settings, folder.uri.fsPath, path.dirname(file)))));
    void vscode.window.showInformationMessage(`factlint: created ${vscode.workspace.asRelativePath(uri)} with your current factlint settings; the editor and the CLI both read it.`);
  }
  await vscode.window.showTextDocument(uri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The config file keys for the editor's settings; corpus folders relative to the config file's folder. */
function starterConfig(settings: vscode.WorkspaceConfiguration, workspaceFolder: string, configDir: string): Record<string, unknown> {
  const corpus = settings.get<string[]>('corpus.folders', []).map((f) => path.relative(configDir, resolveFolder(f, workspaceFolder)).split(path.sep).join('/') || '.');
  return {
    corpus,
    bundledCorpus: settings.get<boolean>('corpus.useBundled'),
    severity: {
      mismatch: settings.get<string>('severity.mismatch'),
      supported: settings.get<string>('severity.supported'),
      unverified: settings.get<string>('severity.unverified'),
    },
    tolerance: settings.get<number>('tolerance'),
    ignores: [],
  };
}

/** JSON, or YAML for a `.yaml`/`.yml` file (JSON is YAML too, so the values need no YAML writer). */
function starterText(file: string, config: Record<string, unknown>): string {
  if (!/\.ya?ml$/i.test(file)) return `${JSON.stringify(config, null, 2)}\n`;
  return `${Object.entries(config)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n`;
}
