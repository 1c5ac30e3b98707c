// factlint's VS Code client: starts the bundled language server over IPC and adds what only the
// editor has: the language status item, commands, focus mode, a task type, and the workspace-trust
// filter for settings.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  CorpusDocumentsRequest,
  DEFAULT_SETTINGS,
  StatusNotification,
  type FactlintInitializationOptions,
  type FactlintSettings,
} from '../../server/src/protocol';
import { openConfigFile } from './configFile';
import { FocusMode } from './focusMode';
import { LanguageStatus, type StatusView } from './languageStatus';
import { registerReportView } from './reportView';
import { registerTaskProvider } from './tasks';
import { restrictCorpusFolders } from './workspaceTrust';

/** Whether checking is on for this workspace (the toggle command), in the workspace state. */
const ENABLED_KEY = 'factlint.enabled';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its end-to-end tests): what its language status item shows. */
export interface FactlintApi {
  status(): StatusView;
  onDidChangeStatus: vscode.Event<StatusView>;
}

export async function activate(context: vscode.ExtensionContext): Promise<FactlintApi> {
  const output = vscode.window.createOutputChannel('factlint', { log: true });
  const status = new LanguageStatus(draftSelector());
  const focus = new FocusMode();
  context.subscriptions.push(output, status, focus, registerTaskProvider(context.asAbsolutePath('dist/cli.js')));
  const enabled = () => context.workspaceState.get<boolean>(ENABLED_KEY, true);
  status.setOff(!enabled());

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const start = async () => {
    if (!enabled()) return;
    const documentSelector = draftSelector();
    status.selector = documentSelector;
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: output,
      initializationOptions: (): FactlintInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
      diagnosticCollectionProvider: focus.collectionProvider,
      middleware: {
        ...focus.middleware,
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) =>
              params.items[i].section === 'factlint' ? restrictCorpusFolders(value as FactlintSettings, params.items[i].scopeUri, output) : value,
            );
          },
        },
      },
    };
    client = new LanguageClient('factlint', 'factlint', serverOptions, clientOptions);
    client.onNotification(StatusNotification, (params) => status.update(params));
    try {
      await client.start();
    } catch (e) {
      output.error(`The factlint server did not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage('factlint: the language server did not start; see the factlint output.');
    }
  };

  const stop = async () => {
    const old = client;
    client = undefined;
    status.clear();
    focus.clear();
    // Stopping the client removes its diagnostics.
    await old?.dispose();
  };

  const restart = async () => {
    await stop();
    await start();
  };

  const toggle = async () => {
    const on = !enabled();
    await context.workspaceState.update(ENABLED_KEY, on);
    status.setOff(!on);
    if (on) await start();
    else await stop();
    void vscode.window.showInformationMessage(on ? 'factlint: checking is on for this workspace.' : 'factlint: checking is off for this workspace.');
  };

  const running = (): LanguageClient => {
    if (!enabled()) throw new Error('factlint is off for this workspace; run "factlint: Toggle Checking for This Workspace" to turn it on.');
    if (!client) throw new Error('The factlint server is not running; run "factlint: Restart Server".');
    return client;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('factlint.restartServer', restart),
    vscode.commands.registerCommand('factlint.toggle', toggle),
    vscode.commands.registerCommand('factlint.openConfigFile', () => openConfigFile(client)),
    vscode.commands.registerCommand('factlint.showOutput', () => output.show()),
    vscode.commands.registerCommand('factlint.checkWorkspace', () => checkWorkspace(running(), output)),
    vscode.commands.registerCommand('factlint.showCorpus', () => showCorpus(running())),
    registerReportView(running),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The languages decide the document selector, which is fixed when the client starts.
      if (e.affectsConfiguration('factlint.languages')) void restart();
    }),
    // Trust lifts the restrictions the server was started with.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await start();
  return { status: () => status.view, onDidChangeStatus: status.onDidChange };
}

/** The documents factlint checks: the `factlint.languages`, on disk or untitled. */
function draftSelector(): { scheme: string; language: string }[] {
  const languages = vscode.workspace.getConfiguration('factlint').get<string[]>('languages', DEFAULT_SETTINGS.languages);
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}

async function checkWorkspace(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'factlint: checking the workspace' },
    // The server finds the drafts as the CLI does in a folder, so .gitignore applies.
    () => client.sendRequest(CheckWorkspaceRequest),
  );
  for (const error of result.errors) output.warn(error);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const summary = `factlint checked ${result.files} file${result.files === 1 ? '' : 's'}: ${result.mismatch} mismatched, ${result.supported} supported, ${result.unverified} unverified figures.`;
  if (result.errors.length) void vscode.window.showWarningMessage(`${summary} ${result.errors.length} could not be read (see the factlint output).`);
  else void vscode.window.showInformationMessage(summary);
}

async function showCorpus(client: LanguageClient): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const documents = await client.sendRequest(CorpusDocumentsRequest, { uri });
  const picked = await vscode.window.showQuickPick(
    documents.map((d) => ({
      label: d.title,
      description: d.id,
      detail: [d.publication, d.author].filter(Boolean).join(' · ') || undefined,
      uri: d.uri,
    })),
    { title: `factlint corpus: ${documents.length} document${documents.length === 1 ? '' : 's'}`, matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
}
