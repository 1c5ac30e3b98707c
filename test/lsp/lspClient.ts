// A minimal LSP client for the protocol tests: spawns the built server over stdio, answers its
// requests (workspace/configuration from `settings`, window/showDocument), and lets tests wait
// for notifications instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import type { FactlintInitializationOptions, StatusParams } from '../../server/src/protocol';
import { builtBundle } from '../dist';

type Waiter<T> = { accept: (value: T) => boolean; resolve: (value: T) => void };

/** Values pushed by the server, and promises for the next one that satisfies a test. */
class Inbox<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (!w.accept(value)) return true;
      w.resolve(value);
      return false;
    });
  }

  /** The next value (arriving after this call) that `accept` takes. */
  next(accept: (value: T) => boolean): Promise<T> {
    return new Promise((resolve) => this.waiters.push({ accept, resolve }));
  }
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly status = new Inbox<StatusParams>();
  /** Work-done progress values ($/progress), in order. */
  readonly progress = new Inbox<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd>();
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly messages: string[] = [];
  /** What workspace/configuration answers for the `factlint` section. */
  settings: Record<string, unknown> = {};
  private readonly process: ChildProcess;
  private readonly stderr: string[] = [];

  constructor() {
    this.process = spawn(process.execPath, [builtBundle('server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.diagnostics.push(p));
    this.connection.onNotification('factlint/status', (p: StatusParams) => this.status.push(p));
    for (const method of ['window/showMessage', 'window/logMessage'])
      this.connection.onNotification(method, (p: { message: string }) => void this.messages.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section === 'factlint' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p: { value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }) => this.progress.push(p.value));
    this.connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    this.connection.listen();
  }

  /** `pullDiagnostics`: announce textDocument/diagnostic, as VS Code does. */
  async initialize(workspaceFolder: string, initializationOptions?: FactlintInitializationOptions, { pullDiagnostics = false } = {}): Promise<Record<string, unknown>> {
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        publishDiagnostics: { relatedInformation: true },
        hover: { contentFormat: ['markdown'] },
        definition: { linkSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
      window: { showDocument: { support: true }, workDoneProgress: true },
    };
    const uri = pathToFileURL(workspaceFolder).href;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'drafts' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text. */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sets the settings and tells the server, as VS Code does (the server then asks for them). */
  configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** The next diagnostics published for `uri` that `accept` takes. */
  nextDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri && accept(p.diagnostics));
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await exited;
    }
    this.connection.dispose();
  }

  /** What the server wrote to stderr, for failure messages. */
  get log(): string {
    return [...this.messages, ...this.stderr].join('\n');
  }
}

/**
 * In a mocha suite: before each test, a fresh server initialized on a fresh temporary workspace folder
 * (handed to `use`); after it, the server stops (its log printed if the test failed) and the folder goes.
 */
export function serverPerTest(prefix: string, use: (client: LspClient, workspace: string) => void): void {
  let client: LspClient;
  let workspace: string;
  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    client = new LspClient();
    use(client, workspace);
    await client.initialize(workspace);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.error(client.log);
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });
}
