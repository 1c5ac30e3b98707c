// factlint's VS Code client: starts the bundled language server over IPC and adds what only the
// editor has: a status bar item, commands, and the workspace-trust filter for settings.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_EXTENSIONS } from '../../server/src/config/languages';
import {
  CheckFilesRequest,
  CorpusDocumentsRequest,
  DEFAULT_SETTINGS,
  StatusNotification,
  type FactlintInitializationOptions,
  type FactlintSettings,
} from '../../server/src/protocol';
import { registerReportView } from './reportView';
import { VerdictStatus } from './statusBar';
import { restrictCorpusFolders } from './workspaceTrust';

const DRAFT_GLOB = `**/*.{${Object.values(LANGUAGE_EXTENSIONS).flat().map((e) => e.slice(1)).join(',')}}`;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('factlint', { log: true });
  const status = new VerdictStatus();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const start = async () => {
    const languages = vscode.workspace.getConfiguration('factlint').get<string[]>('languages', DEFAULT_SETTINGS.languages);
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      outputChannel: output,
      initializationOptions: (): FactlintInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
      middleware: {
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

  const restart = async () => {
    const old = client;
    client = undefined;
    status.clear();
    await old?.dispose();
    await start();
  };

  const running = (): LanguageClient => {
    if (!client) throw new Error('The factlint server is not running; run "factlint: Restart Server".');
    return client;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('factlint.restartServer', restart),
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
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}

async function checkWorkspace(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'factlint: checking the workspace' },
    async () => {
      const files = await vscode.workspace.findFiles(DRAFT_GLOB, '**/node_modules/**');
      return client.sendRequest(CheckFilesRequest, { uris: files.map((f) => f.toString()) });
    },
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
