// The language server against hostile workspaces and clients (issue 9): Restricted Mode and symbolic
// links, documents over the size limit, a broken config file, requests outside LSP's lifecycle and a
// stream it cannot frame.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { CheckFilesResult, CorpusDocumentInfo } from '../../server/src/protocol';
import { builtBundle } from '../dist';
import { LspClient } from './lspClient';

const WRONG = 'About 3,500 North Korean special forces were sent to Russia for training.';
const RIGHT = 'About 1,500 North Korean special forces were sent to Russia for training.';
const uriOf = (file: string) => pathToFileURL(file).href;
const isMismatch = (d: Diagnostic) => d.code === 'mismatch';
const posix = process.platform !== 'win32';

describe('language server on hostile input', function () {
  let client: LspClient;
  let root: string;
  let workspace: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-hostile-'));
    workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    client = new LspClient();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.error(client.log);
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function openDraft(text: string, file = path.join(workspace, 'draft.md')) {
    const uri = uriOf(file);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  (posix ? describe : describe.skip)('Restricted Mode and symbolic links', () => {
    beforeEach(() => {
      // Outside the workspace: a source that would support the draft's 3,500, and a secret.
      fs.mkdirSync(path.join(root, 'outside'));
      fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), `Private notes\n\n${WRONG}\n`);
    });

    it('a config file may not reach a folder outside the workspace through a link in it', async () => {
      fs.symlinkSync(path.join(root, 'outside'), path.join(workspace, 'sources'));
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: ['sources'], bundledCorpus: false }));
      await client.initialize(workspace, { workspaceTrusted: false });
      const { uri, diagnostics } = await openDraft(`${WRONG}\n`);
      assert.equal(diagnostics.filter((d) => d.code === 'supported' || isMismatch(d)).length, 0, 'no source is used, so nothing supports 3,500');
      assert.ok(client.messages.some((m) => m.includes('outside the workspace are ignored')), client.log);
      const docs = await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri });
      assert.deepEqual(docs, [], 'the outside files are not listed');
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
      assert.doesNotMatch(JSON.stringify(hover), /secret|Private notes/);
    });

    it('nor read a file outside through a link inside a corpus folder', async () => {
      fs.mkdirSync(path.join(workspace, 'sources'));
      fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(workspace, 'sources', 'notes.txt'));
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: ['sources'], bundledCorpus: false }));
      await client.initialize(workspace, { workspaceTrusted: false });
      const { uri, diagnostics } = await openDraft(`${WRONG}\n`);
      const docs = await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri });
      assert.deepEqual(docs, []);
      assert.ok(client.messages.some((m) => /notes\.txt: links outside the corpus folder/.test(m)), client.log);
      // The document says why it is not checked, rather than showing nothing.
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['corpus', DiagnosticSeverity.Warning]]);
      assert.match(String(diagnostics[0].message), /^factlint cannot check this document: corpus document .*notes\.txt: links outside the corpus folder \(to .*secret\.txt\), not read$/);
    });

    it('a trusted workspace may use both once the user allows it (factlint.corpus.allowOutsideWorkspace)', async () => {
      fs.symlinkSync(path.join(root, 'outside'), path.join(workspace, 'sources'));
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: ['sources'], bundledCorpus: false }));
      client.settings = { corpus: { allowOutsideWorkspace: true } };
      await client.initialize(workspace, { workspaceTrusted: true });
      const { uri } = await openDraft(`${WRONG}\n`);
      const docs = await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri });
      assert.deepEqual(docs.map((d) => d.id), ['secret']);
    });

    it('a trusted workspace without that setting: the folder outside is ignored, with a message saying how to allow it', async () => {
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: ['../outside'], bundledCorpus: false }));
      await client.initialize(workspace, { workspaceTrusted: true });
      const { uri } = await openDraft(`${WRONG}\n`);
      assert.deepEqual(await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri }), []);
      assert.ok(client.messages.some((m) => m.includes('outside the workspace are ignored (to allow them, turn on factlint.corpus.allowOutsideWorkspace in your user settings)')), client.log);
    });

    it('the setting governs every file of the chain: one a config file extends, and the one factlint.configFile names', async () => {
      fs.mkdirSync(path.join(root, 'elsewhere'));
      fs.writeFileSync(path.join(root, 'elsewhere', 'other.txt'), `Other notes\n\n${RIGHT}\n`);
      fs.writeFileSync(path.join(workspace, 'base.json'), JSON.stringify({ corpus: ['../elsewhere'] }));
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ extends: './base.json', bundledCorpus: false }));
      fs.writeFileSync(path.join(workspace, 'shared.json'), JSON.stringify({ corpus: ['../outside'] }));
      fs.writeFileSync(path.join(workspace, 'named.json'), JSON.stringify({ extends: './shared.json', bundledCorpus: false }));
      await client.initialize(workspace, { workspaceTrusted: true });
      const { uri } = await openDraft(`${WRONG}\n`);
      const corpus = async () => (await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri })).map((d) => d.id);
      const ignored = (file: string) => client.messages.some((m) => m.includes(`${path.join(workspace, file)}: corpus folders outside the workspace are ignored (to allow them`));
      assert.deepEqual(await corpus(), [], 'the found file extends base.json, whose folder is outside');
      assert.ok(ignored('base.json'), client.log);
      const reconfigure = async (settings: Record<string, unknown>) => {
        const published = client.nextDiagnostics(uri);
        await client.configure(settings);
        await published;
      };
      await reconfigure({ configFile: 'named.json' });
      assert.deepEqual(await corpus(), [], 'nor through the named file');
      assert.ok(ignored('shared.json'), client.log);
      await reconfigure({ configFile: 'named.json', corpus: { allowOutsideWorkspace: true } });
      assert.deepEqual(await corpus(), ['secret']);
      await reconfigure({ corpus: { allowOutsideWorkspace: true } });
      assert.deepEqual(await corpus(), ['other']);
    });

    it('Restricted Mode refuses the setting', async () => {
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: ['../outside'], bundledCorpus: false }));
      client.settings = { corpus: { allowOutsideWorkspace: true } };
      await client.initialize(workspace, { workspaceTrusted: false });
      const { uri } = await openDraft(`${WRONG}\n`);
      assert.deepEqual(await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', { uri }), []);
      assert.ok(client.messages.some((m) => m.includes('outside the workspace are ignored until you trust it')), client.log);
    });
  });

  it('a document over factlint.maxFileSize gets one information diagnostic, and other documents are still served', async () => {
    client.settings = { maxFileSize: 0.001 };
    await client.initialize(workspace);
    const { diagnostics } = await openDraft(`${WRONG}\n\n`.repeat(30), path.join(workspace, 'long.md'));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.equal(diagnostics[0].code, 'not-checked');
    assert.match(String(diagnostics[0].message), /^factlint did not check this document: it is 0\.00\d+ MB, over the 0\.001 MB size limit \(setting factlint\.maxFileSize\)\.$/);
    const small = await openDraft(`${WRONG}\n`);
    assert.equal(small.diagnostics.filter(isMismatch).length, 1);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 8 } });
    assert.match((hover?.contents as MarkupContent).value, /Mismatch/);
  });

  it('a 20 MB document (over the default limit): one information diagnostic within 10 s, and hovers elsewhere answer', async function () {
    this.timeout(60_000);
    await client.initialize(workspace);
    const small = await openDraft(`${WRONG}\n`);
    const started = Date.now();
    const big = await openDraft(`${RIGHT}\n\n`.repeat(270_000), path.join(workspace, 'big.md'));
    assert.deepEqual(big.diagnostics.map((d) => [d.code, d.severity]), [['not-checked', DiagnosticSeverity.Information]]);
    assert.match(String(big.diagnostics[0].message), /it is 19\.\d MB, over the 5 MB size limit/);
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms to say the document is not checked`);
    const asked = Date.now();
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 8 } });
    assert.match((hover?.contents as MarkupContent).value, /Mismatch/);
    assert.ok(Date.now() - asked < 2000, `a hover waited ${Date.now() - asked} ms`);
  });

  (posix ? it : it.skip)('a FIFO as a corpus document: a warning on the document, and the server still answers', async () => {
    const sources = path.join(workspace, 'sources');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'real.md'), `${RIGHT}\n`);
    assert.equal(spawnSync('mkfifo', [path.join(sources, 'pipe.md')]).status, 0);
    client.settings = { corpus: { folders: [sources], useBundled: false } };
    await client.initialize(workspace);
    const { uri, diagnostics } = await openDraft(`${WRONG}\n`);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['corpus', DiagnosticSeverity.Warning]]);
    assert.match(String(diagnostics[0].message), /pipe\.md: not a regular file/);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } }), null);
  });

  it('a pasted CSV of 8,000 rows: checked, and the server still answers', async () => {
    await client.initialize(workspace);
    const csv = 'x\n\n' + Array.from({ length: 8000 }, (_, i) => `2024-01-01,North Korea,${(i * 7919) % 9000 + 100},5`).join('\n') + `\n\n${WRONG}\n`;
    const started = Date.now();
    const { diagnostics } = await openDraft(csv, path.join(workspace, 'c.md'));
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.deepEqual(diagnostics.filter(isMismatch).map((d) => d.range.start.line), [8003]);
  });

  (posix ? it : it.skip)('factlint/checkFiles reads only regular files under the limit, and still checks the rest', async () => {
    client.settings = { maxFileSize: 0.001 };
    await client.initialize(workspace);
    const good = path.join(workspace, 'good.md');
    const long = path.join(workspace, 'long.md');
    const pipe = path.join(workspace, 'pipe.md');
    const zero = path.join(workspace, 'zero.md');
    fs.writeFileSync(good, `${WRONG}\n`);
    fs.writeFileSync(long, `${WRONG}\n\n`.repeat(30));
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0);
    fs.symlinkSync('/dev/zero', zero);
    const notice = client.nextDiagnostics(uriOf(long));
    const result = await client.connection.sendRequest<CheckFilesResult>('factlint/checkFiles', { uris: [pipe, zero, long, good].map(uriOf) });
    assert.deepEqual([result.files, result.mismatch], [1, 1]);
    assert.equal(result.errors.length, 3, result.errors.join('\n'));
    assert.match(result.errors[0], /pipe\.md: not a regular file/);
    assert.match(result.errors[1], /zero\.md: not a regular file/);
    assert.match(result.errors[2], /long\.md: 0\.00\d+ MB, over the 0\.001 MB size limit/);
    assert.deepEqual((await notice).diagnostics.map((d) => d.code), ['not-checked']);
  });

  it('a config file that cannot be used (a YAML alias bomb) is a diagnostic on the document, which is still checked', async () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`), 'ignores: *a11', ''];
    fs.writeFileSync(path.join(workspace, '.factlintrc.yaml'), bomb.join('\n'));
    await client.initialize(workspace);
    const { diagnostics } = await openDraft(`${WRONG}\n`);
    const config = diagnostics.filter((d) => d.code === 'config');
    assert.equal(config.length, 1, JSON.stringify(diagnostics));
    assert.equal(config[0].severity, DiagnosticSeverity.Warning);
    assert.match(String(config[0].message), /^The config file cannot be used, so the editor settings apply: .*\.factlintrc\.yaml: invalid YAML: Excessive alias count/);
    assert.equal(diagnostics.filter(isMismatch).length, 1, 'checked with the editor settings');
  });

  it('checks a long document off the message loop: hovers on another document answer meanwhile', async function () {
    this.timeout(120_000);
    await client.initialize(workspace);
    const small = await openDraft(`${WRONG}\n`);
    const bigUri = uriOf(path.join(workspace, 'big.md'));
    let checked = false;
    const published = client.nextDiagnostics(bigUri).then((p) => ((checked = true), p.diagnostics));
    // About 1 MB, under the size limit: checking it takes seconds. Its figures are supported, which
    // shows no diagnostic by default, so what is timed is the check, not publishing thousands of them.
    await client.open(bigUri, `${RIGHT}\n\n`.repeat(15_000));
    const waits: number[] = [];
    while (!checked) {
      const asked = Date.now();
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 0, character: 8 } });
      waits.push(Date.now() - asked);
      assert.match((hover?.contents as MarkupContent).value, /Mismatch/);
    }
    assert.deepEqual(await published, []);
    const checkedHover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 2 * 14_999, character: 8 } });
    assert.match((checkedHover?.contents as MarkupContent).value, /Supported/, 'the long document was checked to its end');
    assert.ok(waits.length >= 3, `only ${waits.length} hovers while the long document was checked`);
    const longest = waits.reduce((a, b) => Math.max(a, b));
    assert.ok(longest < 2000, `a hover waited ${longest} ms while the long document was checked`);
  });

  describe('the LSP lifecycle', () => {
    const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(path.join(workspace, 'x.md')) }, position: { line: 0, character: 0 } });

    it('answers a request before initialize with ServerNotInitialized (-32002)', async () => {
      await assert.rejects(hover(), (e: { code: number }) => e.code === -32002);
      await client.initialize(workspace);
      assert.equal(await hover(), null);
    });

    it('refuses requests after shutdown (InvalidRequest, -32600)', async () => {
      await client.initialize(workspace);
      await client.connection.sendRequest('shutdown');
      await assert.rejects(hover(), (e: { code: number }) => e.code === -32600);
    });
  });

  describe('a stream it cannot read ends the server on every transport, so the client restarts it', () => {
    const BAD = 'Content-Length: lots\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}';

    /** The server on a transport, the client's end of it once connected, and how the server ended. */
    async function serve(args: (address: string) => string[], listen: (server: net.Server) => Promise<string>) {
      const listener = net.createServer();
      const address = await listen(listener);
      const connected = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
      const server = spawn(process.execPath, [builtBundle('server.js'), ...args(address)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      server.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => server.on('exit', resolve)).finally(() => listener.close());
      return { socket: await connected, exited, stderr: () => stderr };
    }
    const onPort = (server: net.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as net.AddressInfo).port))));
    const onPipe = (server: net.Server) => {
      const name = process.platform === 'win32' ? `\\\\.\\pipe\\factlint-${process.pid}-${Date.now()}` : path.join(root, 'lsp.sock');
      return new Promise<string>((resolve) => server.listen(name, () => resolve(name)));
    };

    it('stdio: a bad Content-Length', async () => {
      const server = spawn(process.execPath, [builtBundle('server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      server.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
      server.stdin.write(BAD);
      assert.equal(await exited, 1);
      assert.match(stderr, /unreadable message, exiting: Content-Length value must be a number/);
    });

    for (const [name, args, listen] of [
      ['--socket=PORT', (a: string) => [`--socket=${a}`], onPort],
      ['--socket PORT', (a: string) => ['--socket', a], onPort],
      ['--pipe=NAME', (a: string) => [`--pipe=${a}`], onPipe],
    ] as const) {
      it(`${name}: a bad Content-Length`, async () => {
        const run = await serve(args, listen);
        run.socket.write(BAD);
        assert.equal(await run.exited, 1);
        assert.match(run.stderr(), /unreadable message, exiting: Content-Length value must be a number/);
      });
      it(`${name}: the client closes the connection`, async () => {
        const run = await serve(args, listen);
        run.socket.end();
        assert.equal(await run.exited, 1);
      });
    }

    // Over node-ipc, Node frames the messages (a line of JSON each); the client's end is a pipe on fd 3.
    function ipcServer() {
      const server = spawn(process.execPath, [builtBundle('server.js'), '--node-ipc'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_CHANNEL_FD: '3', NODE_CHANNEL_SERIALIZATION_MODE: 'json' },
      });
      let stderr = '';
      server.stderr!.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
      return { channel: server.stdio[3] as NodeJS.WritableStream, exited, stderr: () => stderr };
    }

    it('--node-ipc: a message that is not JSON', async () => {
      const run = ipcServer();
      run.channel.write('{"jsonrpc":"2.0","id":1,"method":"initialize",\n');
      assert.equal(await run.exited, 1);
      assert.match(run.stderr(), /SyntaxError/);
    });

    it('--node-ipc: the client closes the channel', async () => {
      const run = ipcServer();
      run.channel.end();
      assert.equal(await run.exited, 1);
    });
  });
});
