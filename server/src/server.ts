// factlint's language server: a thin front end over the engine for any LSP client
// (`factlint-server --stdio`; VS Code starts it over IPC). The work is in ./lsp.
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CheckFilesRequest,
  CheckWorkspaceRequest,
  ConfigFileRequest,
  CorpusDocumentsRequest,
  FIX_ALL_KIND,
  OPEN_SOURCE_COMMAND,
  ReportRequest,
  type CheckFilesResult,
  type CorpusDocumentInfo,
  type FactlintInitializationOptions,
} from './protocol';
import { Checker } from './lsp/checker';
import { codeActions, fixAllAction, wants } from './lsp/codeActions';
import { definition } from './lsp/definition';
import { DocumentConfigs } from './lsp/documentConfig';
import { CheckThread } from './lsp/checkThread';
import { Corpora } from './lsp/corpora';
import { IndexProgress } from './lsp/indexProgress';
import { hoverMarkdown } from './lsp/hover';
import { documentReport } from './lsp/report';
import { SettingsStore } from './lsp/settings';
import { serverTransport } from './lsp/transport';
import { fileUri, uriPath } from './lsp/uris';
import { workspaceDrafts } from './lsp/workspaceDrafts';
import { CONFIG_FILE_NAMES } from './config';
import type { Finding } from './engine';
import { MEGABYTE } from './engine/readText';

/** LSP's lifecycle: nothing but initialize before it, nothing but exit after shutdown. */
let lifecycle: 'starting' | 'running' | 'shutdown' = 'starting';

const transport = serverTransport(process.argv.slice(2), {
  unreadable: (e) => {
    process.stderr.write(`factlint-server: unreadable message, exiting: ${e.message}\n`);
    process.exit(1);
  },
  closed: () => process.exit(lifecycle === 'shutdown' ? 0 : 1),
});
if (!transport) {
  process.stderr.write('Usage: factlint-server --stdio\n(or --node-ipc, --socket=PORT, --pipe=NAME). Starts the factlint language server.\n');
  process.exit(2);
}
if (transport.stdio) for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
const documents = new TextDocuments(TextDocument);
let checker: Checker;
let configs: DocumentConfigs;
let settings: SettingsStore;
let corpora: Corpora;
let indexProgress: IndexProgress | undefined;
const thread = new CheckThread(
  (indexed, total) => indexProgress?.report(indexed, total),
  (message) => problem(`${message}; checking against the local corpus folders only.`),
);
let workspaceFolders: string[] = [];
let linkSupport = false;
let showDocumentSupport = false;
let dynamicConfiguration = false;
let dynamicFileWatching = false;
let folderChanges = false;

/** Each distinct problem is logged and shown to the user once per session. */
const reported = new Set<string>();
function problem(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  connection.console.warn(message);
  // A notification, not window/showMessageRequest: there is nothing to answer, and no client can fail it.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `factlint: ${message}` });
}

// The last guard: a promise nobody awaited is logged, never allowed to end the process.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled: ${(reason as Error)?.stack ?? reason}`));

/**
 * Runs a notification handler so that nothing it throws reaches the connection: errors are logged, the
 * fallback answers. Notifications before initialize or after shutdown are dropped, as LSP asks.
 */
function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
  return async (...args: P): Promise<R> => {
    if (lifecycle !== 'running') return fallback;
    try {
      return await handler(...args);
    } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

/** A guarded request handler: before initialize it answers ServerNotInitialized, after shutdown InvalidRequest. */
function request<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
  const guarded = guard(name, fallback, handler);
  return (...args: P): Promise<R> | ResponseError<void> => {
    if (lifecycle === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, 'factlint: the server is not initialized yet');
    if (lifecycle === 'shutdown') return new ResponseError(ErrorCodes.InvalidRequest, 'factlint: the server is shutting down');
    return guarded(...args);
  };
}

connection.onInitialize((params: InitializeParams) => {
  const caps = params.capabilities;
  const options = (params.initializationOptions ?? {}) as FactlintInitializationOptions;
  workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => uriPath(f.uri))
    .filter((f): f is string => f !== undefined);
  linkSupport = caps.textDocument?.definition?.linkSupport ?? false;
  showDocumentSupport = caps.window?.showDocument?.support ?? false;
  dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration ?? false;
  dynamicFileWatching = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
  folderChanges = caps.workspace?.workspaceFolders ?? false;
  indexProgress = new IndexProgress(connection, caps.window?.workDoneProgress ?? false);
  lifecycle = 'running';
  settings = new SettingsStore(connection, caps.workspace?.configuration ?? false, problem);
  const trusted = options.workspaceTrusted !== false;
  configs = new DocumentConfigs(() => workspaceFolders, trusted, problem);
  corpora = new Corpora(
    () => {
      thread.clear();
      checker.recheckAll();
    },
    problem,
    !trusted,
  );
  // A client that can pull diagnostics (textDocument/diagnostic) gets them that way, and none pushed.
  const pull = caps.textDocument?.diagnostic ? { refresh: caps.workspace?.diagnostics?.refreshSupport ?? false } : undefined;
  checker = new Checker({
    connection,
    documents,
    settings,
    configs,
    corpora,
    thread,
    relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation ?? false,
    pull,
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [OPEN_SOURCE_COMMAND] },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'factlint' },
  };
});

connection.onInitialized(
  guard('initialized', undefined, async () => {
    if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'factlint' });
    // Config files are in the workspace, so the client watches them (corpus folders are watched by Corpora).
    if (dynamicFileWatching)
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }],
      });
    if (folderChanges)
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('workspace folders', undefined, (e) => {
          const removed = new Set(e.removed.map((f) => uriPath(f.uri)));
          workspaceFolders = workspaceFolders.filter((f) => !removed.has(f));
          for (const f of e.added) {
            const folder = uriPath(f.uri);
            if (folder) workspaceFolders.push(folder);
          }
          checker.recheckAll();
        }),
      );
  }),
);

documents.onDidChangeContent(guard('change', undefined, (e) => checker.changed(e.document.uri)));
documents.onDidSave(guard('save', undefined, (e) => checker.saved(e.document.uri)));
documents.onDidClose(
  guard('close', undefined, (e) => {
    settings.forget(e.document.uri);
    checker.closed(e.document.uri);
  }),
);

connection.onDidChangeConfiguration(
  guard('configuration', undefined, (params) => {
    settings.changed(params.settings);
    checker.recheckAll();
  }),
);

connection.onDidChangeWatchedFiles(
  guard('watched files', undefined, () => {
    configs.clear();
    checker.recheckAll();
  }),
);

/** The finding under a position in an open document, from the latest check (never waiting for one). */
function findingAt(uri: string, position: { line: number; character: number }): { doc: TextDocument; finding?: Finding } | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const offset = doc.offsetAt(position);
  const findings = checker.latestFor(doc)?.findings ?? [];
  return { doc, finding: findings.find((f) => f.start <= offset && offset <= f.end) };
}

connection.onHover(
  request('hover', null, ({ textDocument, position }) => {
    const at = findingAt(textDocument.uri, position);
    if (!at?.finding) return null;
    const { doc, finding } = at;
    return { contents: hoverMarkdown(finding), range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) } };
  }),
);

const pullDiagnostics = request('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async ({ textDocument }: DocumentDiagnosticParams) => ({
  kind: DocumentDiagnosticReportKind.Full,
  items: await checker.pulled(textDocument.uri),
}));
// Its errors carry no data, where this request's type allows cancellation data.
connection.languages.diagnostics.on((params) => pullDiagnostics(params) as Promise<DocumentDiagnosticReport>);

connection.onDefinition(
  request('definition', null, ({ textDocument, position }) => {
    const at = findingAt(textDocument.uri, position);
    return at?.finding?.evidence.length ? definition(at.doc, at.finding, linkSupport) : null;
  }),
);

connection.onCodeAction(
  request('code action', [], ({ textDocument, range, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const latest = checker.latestFor(doc);
    if (!latest) return [];
    const { findings, format, severity } = latest;
    // Fix-all only when asked for by kind (on save, say), and never for mismatches the settings hide.
    const fixAll = context.only && wants(context.only, FIX_ALL_KIND) && severity.mismatch !== 'off' ? fixAllAction(doc, findings) : [];
    const quickFixes = !context.only || wants(context.only, CodeActionKind.QuickFix) ? codeActions(doc, format, findings, range, context.diagnostics) : [];
    return [...quickFixes, ...fixAll];
  }),
);

connection.onExecuteCommand(
  request('command', undefined, async ({ command, arguments: args }) => {
    const [uri, selection] = (args ?? []) as [unknown, Range | undefined];
    if (command !== OPEN_SOURCE_COMMAND || typeof uri !== 'string') return;
    if (showDocumentSupport) await connection.window.showDocument({ uri, selection, takeFocus: true });
    else connection.console.info(`Source: ${uri}`);
  }),
);

/** The configuration for a draft; without one, for a draft at the top of the first workspace folder. */
async function draftConfig(uri: string | undefined) {
  const folder = workspaceFolders[0] as string | undefined;
  const file = uri ? uriPath(uri) : folder && path.join(folder, 'draft.md');
  const languageId = (uri && documents.get(uri)?.languageId) || 'markdown';
  const scope = await settings.get(uri ?? (folder && fileUri(folder)));
  return { scope, resolved: configs.resolve({ file, languageId }, scope) };
}

connection.onRequest(
  CorpusDocumentsRequest,
  request('corpus documents', [] as CorpusDocumentInfo[], async ({ uri }) => {
    const { scope, resolved } = await draftConfig(uri);
    const corpus = corpora.get(resolved.config, scope.maxFileSize * MEGABYTE);
    return ('documents' in corpus ? corpus.documents : []).map((d) => ({ id: d.id, title: d.title, uri: fileUri(d.path), publication: d.publication, author: d.author }));
  }),
);

connection.onRequest(
  ConfigFileRequest,
  request('config file', { path: null }, async ({ uri }) => ({ path: (await draftConfig(uri)).resolved.configFile ?? null })),
);

const CHECK_FAILED: CheckFilesResult = { files: 0, mismatch: 0, supported: 0, unverified: 0, errors: ['the check failed; see the factlint output'] };
connection.onRequest(CheckFilesRequest, request('check files', CHECK_FAILED, ({ uris }) => checker.checkFiles(uris)));
connection.onRequest(
  CheckWorkspaceRequest,
  request('check workspace', CHECK_FAILED, async () => {
    const folders = await Promise.all(workspaceFolders.map(async (f) => ({ path: f, settings: await settings.get(fileUri(f)) })));
    return checker.checkFiles(workspaceDrafts(folders, configs).map(fileUri));
  }),
);

connection.onRequest(
  ReportRequest,
  request('report', null, async ({ uri }) => {
    const doc = documents.get(uri);
    const checked = doc && (await checker.checked(doc));
    return doc && checked ? documentReport(doc, checked, workspaceFolders) : null;
  }),
);

connection.onShutdown(() => {
  lifecycle = 'shutdown';
  corpora?.dispose();
  thread.dispose();
});

documents.listen(connection);
connection.listen();
