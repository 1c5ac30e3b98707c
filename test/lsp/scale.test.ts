// At scale: while the server indexes a large corpus it reports work-done progress ("Indexing 300
// sources… 40%"); a fact store that cannot be reached is reported once, and local folders answer.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from '../bench/corpus';
import { LspClient } from './lspClient';

describe('language server at scale', function () {
  let client: LspClient;
  let workspace: string;
  let corpus: string;

  before(() => (corpus = generateCorpus(300)));
  after(() => fs.rmSync(corpus, { recursive: true, force: true }));

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-lsp-'));
    client = new LspClient();
    await client.initialize(workspace);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.error(client.log);
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reports indexing a large corpus as work-done progress, from 0 to the end', async () => {
    client.settings = { corpus: { folders: [corpus], useBundled: false } };
    const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
    const ended = client.progress.next((p) => p.kind === 'end');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, 'About 1,500 North Korean special forces were sent to Russia for training.\n');
    await Promise.all([ended, published]);
    const [begin, ...rest] = client.progress.all;
    assert.deepEqual(begin, { kind: 'begin', title: 'factlint', cancellable: false, message: 'Indexing 300 sources…', percentage: 0 });
    const reports = rest.filter((p) => p.kind === 'report');
    assert.ok(reports.length > 0, 'no progress between begin and end');
    const percents = reports.map((p) => p.percentage!);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress went backwards');
    assert.match(reports.at(-1)!.message!, /^Indexing 300 sources… \d+%$/);
    assert.equal(rest.at(-1)!.kind, 'end');
  });

  it('falls back to the local corpus, with one message, when the fact store cannot be reached', async () => {
    client.settings = { store: 'postgres://factlint:secret@127.0.0.1:1/nowhere' };
    const open = async (name: string) => {
      const uri = pathToFileURL(path.join(workspace, name)).href;
      const published = client.nextDiagnostics(uri);
      await client.open(uri, 'About 3,500 North Korean special forces were sent to Russia for training.\n');
      return (await published).diagnostics;
    };
    assert.deepEqual((await open('a.md')).map((d) => d.code), ['mismatch']);
    assert.deepEqual((await open('b.md')).map((d) => d.code), ['mismatch']);
    // One window/showMessage (a log line too).
    const said = client.messages.filter((m) => /^factlint: .*fact store/.test(m));
    assert.equal(said.length, 1, client.log);
    assert.match(said[0], /postgres:\/\/127\.0\.0\.1:1\/nowhere cannot be used: .*; checking against the local corpus folders only\.$/);
    assert.doesNotMatch(client.log, /secret/);
  });

  it('reports nothing for a small corpus', async () => {
    const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
    await Promise.all([client.nextDiagnostics(uri), client.open(uri, 'About 1,500 North Korean special forces were sent to Russia.\n')]);
    assert.deepEqual(client.progress.all, []);
  });
});
