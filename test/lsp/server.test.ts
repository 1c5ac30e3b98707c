// The language server over stdio, as any LSP client sees it (`node dist/server.js --stdio`; `npm test`
// builds dist first). Drafts about the deployment are checked against the bundled corpus and, where a
// test needs it, an extra corpus folder in a temporary directory given through the settings.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type LocationLink,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { CheckFilesResult, CorpusDocumentInfo } from '../../server/src/protocol';
import { generateCorpus } from '../bench/corpus';
import { LspClient, serverPerTest } from './lspClient';
import { renderedMarkdown, type MdNode } from './renderedMarkdown';

const WRONG = 'About 3,500 North Korean special forces were sent to Russia for training.';
const RIGHT = 'About 1,500 North Korean special forces were sent to Russia for training.';
const APPROX = 'About 1,600 North Korean special forces were sent to Russia for training.';
const SOURCES = ['000_923c8d1eb80eb53d', '003_fc85c1dbd36f727a'];

const uriOf = (file: string) => pathToFileURL(file).href;
const isMismatch = (d: Diagnostic) => d.code === 'mismatch';

/** Position of the n-th occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 0): { start: Position; end: Position } {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in the text`);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

/** Applies single-document edits (given for the original text) and returns the new text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

/** The hover's Markdown as a renderer reads it. */
function parseHover(hover: Hover | null): { value: string; nodes: MdNode[]; text: string } {
  assert.ok(hover, 'no hover');
  const value = (hover.contents as MarkupContent).value;
  return { value, ...renderedMarkdown(value) };
}

describe('language server (stdio)', function () {
  let client: LspClient;
  let workspace: string;
  serverPerTest('factlint-lsp-', (c, w) => {
    client = c;
    workspace = w;
  });

  /** Opens a draft in the workspace and returns its first published diagnostics. */
  async function openDraft(text: string, name = 'draft.md', languageId = 'markdown') {
    const uri = uriOf(path.join(workspace, name));
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, languageId);
    return { uri, diagnostics: (await published).diagnostics };
  }

  /** Replaces the draft's text and returns the next diagnostics published for it. */
  async function editDraft(uri: string, version: number, text: string) {
    const published = client.nextDiagnostics(uri);
    await client.change(uri, version, text);
    return published;
  }

  function codeActionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  function request<R>(method: string, uri: string, position: Position): Promise<R> {
    return client.connection.sendRequest(method, { textDocument: { uri }, position });
  }

  it('answers initialize with hover, definition, code actions and incremental sync', async () => {
    const fresh = new LspClient();
    try {
      const result = (await fresh.initialize(workspace)) as { capabilities: Record<string, unknown> };
      assert.equal(result.capabilities.hoverProvider, true);
      assert.equal(result.capabilities.definitionProvider, true);
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.factlint'] });
      assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    } finally {
      await fresh.stop();
    }
  });

  it('publishes a warning on a wrong figure with what the sources say, and nothing for a supported one', async () => {
    const uri = uriOf(path.join(workspace, 'draft.md'));
    const text = `# Draft\n\n${WRONG}\n\n${RIGHT}\n`;
    const published = client.nextDiagnostics(uri);
    const status = client.status.next((s) => s.uri === uri && !s.busy);
    await client.open(uri, text);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    const mismatches = diagnostics.filter(isMismatch);
    assert.equal(mismatches.length, 1, JSON.stringify(diagnostics));
    const [d] = mismatches;
    assert.deepEqual(d.range, positionOf(text, '3,500'));
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'factlint');
    assert.match(d.message as string, /1,500/);
    assert.match(d.message as string, /not 3,500/);
    const related = d.relatedInformation ?? [];
    for (const id of SOURCES) assert.ok(related.some((r) => r.location.uri.endsWith(`/corpus/${id}.txt`)), `no related information for ${id}`);
    // The related location is the source's figure in its corpus file.
    const first = related[0];
    const corpusLine = fs.readFileSync(new URL(first.location.uri), 'utf8').split('\n')[first.location.range.start.line];
    assert.equal(corpusLine.slice(first.location.range.start.character, first.location.range.end.character), '1,500');
    // Supported figures get no diagnostic by default; every diagnostic is for some figure.
    assert.ok(!diagnostics.some((x) => x.code === 'supported'));
    const done = await status;
    assert.ok(!done.busy && done.corpus, JSON.stringify(done));
    assert.equal(done.corpus.documents, 5);
    assert.deepEqual(done.problems, []);
  });

  it('hovers a mismatch with the sources\' excerpts, their documents and links to the lines', async () => {
    const { uri } = await openDraft(WRONG);
    const hover = await request<Hover | null>('textDocument/hover', uri, positionOf(WRONG, '3,500').start);
    const { nodes, text } = parseHover(hover);
    assert.deepEqual(hover!.range, positionOf(WRONG, '3,500'));
    assert.match(text, /Mismatch/);
    assert.match(text, /3,500/);
    assert.match(text, /1,500 North Korean special forces/);
    const strong = nodes.filter((n) => n.type === 'strong').map((n) => n.children?.map((c) => c.value).join(''));
    assert.ok(strong.includes('1,500'), 'the source figure is emphasised');
    const links = nodes.filter((n) => n.type === 'link').map((n) => n.url!);
    assert.ok(links.length >= 1 && links.length <= 3);
    for (const link of links) {
      const [file, line] = link.split('#L');
      const id = path.basename(new URL(file).pathname, '.txt');
      assert.ok(SOURCES.includes(id), `link to ${link}`);
      assert.match(text, new RegExp(id));
      // The linked line holds the source's figure.
      assert.match(fs.readFileSync(new URL(file), 'utf8').split('\n')[Number(line) - 1], /\b1,500 North Korean\b/);
    }
  });

  it('hovers a supported figure too', async () => {
    const { uri } = await openDraft(RIGHT);
    const { text } = parseHover(await request<Hover | null>('textDocument/hover', uri, positionOf(RIGHT, '1,500').start));
    assert.match(text, /Supported/);
    assert.match(text, /1,500 North Korean special forces/);
  });

  it('offers the replacement, which fixes the figure; the diagnostic then goes away', async () => {
    const text = `${WRONG}\n`;
    const { uri, diagnostics } = await openDraft(text);
    const diagnostic = diagnostics.find(isMismatch)!;
    const actions = await codeActionsFor(uri, diagnostic);
    const replace = actions.find((a) => a.title === 'Replace with 1,500');
    assert.ok(replace, `actions: ${actions.map((a) => a.title)}`);
    assert.equal(replace.kind, 'quickfix');
    assert.equal(replace.isPreferred, true, 'the one fix factlint --fix applies');
    assert.deepEqual(replace.diagnostics, [diagnostic]);
    const edits = replace.edit!.changes![uri];
    assert.deepEqual(edits, [{ range: positionOf(text, '3,500'), newText: '1,500' }]);

    const after = await editDraft(uri, 2, applyEdits(text, edits));
    assert.equal(after.version, 2);
    assert.deepEqual(after.diagnostics.filter(isMismatch), []);
  });

  it('"Ignore this figure" inserts a suppression comment that silences it', async () => {
    const text = `Intro.\n\n${WRONG}\n`;
    const { uri, diagnostics } = await openDraft(text);
    const ignore = (await codeActionsFor(uri, diagnostics.find(isMismatch)!)).find((a) => a.title === 'Ignore this figure');
    assert.ok(ignore);
    const fixed = applyEdits(text, ignore.edit!.changes![uri]);
    assert.equal(fixed, `Intro.\n\n<!-- factlint-disable-next-line mismatch -->\n${WRONG}\n`);
    assert.deepEqual((await editDraft(uri, 2, fixed)).diagnostics.filter(isMismatch), []);
  });

  it('"Ignore this figure" inside a paragraph comments the line itself, without splitting the paragraph', async () => {
    const text = `Intro line.\n${WRONG}\n`;
    const { uri, diagnostics } = await openDraft(text);
    const ignore = (await codeActionsFor(uri, diagnostics.find(isMismatch)!)).find((a) => a.title === 'Ignore this figure');
    const fixed = applyEdits(text, ignore!.edit!.changes![uri]);
    assert.equal(fixed, `Intro line.\n${WRONG} <!-- factlint-disable-line mismatch -->\n`);
    assert.deepEqual((await editDraft(uri, 2, fixed)).diagnostics.filter(isMismatch), []);
  });

  it('shows a disable comment that suppresses nothing as a faded hint, and a named one that names no verdict as a warning', async () => {
    const unusedComment = '<!-- factlint-disable-next-line mismatch -- from our own reporting -->';
    const text = `${unusedComment}\n${RIGHT}\n\n${WRONG} <!-- factlint-disable-line mismatch -->\n`;
    const { uri, diagnostics } = await openDraft(text);
    const unused = diagnostics.filter((d) => d.code === 'unused-disable');
    assert.deepEqual(
      unused.map((d) => [d.range, d.severity, d.tags, d.message]),
      [[positionOf(text, unusedComment), DiagnosticSeverity.Hint, [DiagnosticTag.Unnecessary], `${unusedComment} suppresses nothing`]],
      'the comment over the mismatch is used; the one over a supported figure names only mismatch',
    );
    assert.deepEqual(diagnostics.filter(isMismatch), []);

    const typo = '<!-- factlint-disable-line mismatches -->';
    const after = await editDraft(uri, 2, `${WRONG} ${typo}\n`);
    const [warning] = after.diagnostics.filter((d) => d.code === 'unused-disable');
    assert.equal(warning.severity, DiagnosticSeverity.Warning);
    assert.equal(warning.tags, undefined);
    assert.match(warning.message as string, /"mismatches" is not a verdict/);
    assert.equal(after.diagnostics.filter(isMismatch).length, 1, 'a comment with a typo suppresses nothing');
  });

  it('opens the source at its line through workspace/executeCommand and window/showDocument', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const open = (await codeActionsFor(uri, diagnostics.find(isMismatch)!)).find((a) => a.title.startsWith('Open source'));
    assert.ok(open?.command);
    await client.connection.sendRequest('workspace/executeCommand', open.command);
    const [shown] = client.shownDocuments;
    assert.ok(SOURCES.some((id) => shown.uri.endsWith(`/corpus/${id}.txt`)));
    assert.equal(shown.takeFocus, true);
    const line = fs.readFileSync(new URL(shown.uri), 'utf8').split('\n')[shown.selection!.start.line];
    assert.equal(line.slice(shown.selection!.start.character, shown.selection!.end.character), '1,500');
  });

  it('goes to the corpus sentence from a figure', async () => {
    const { uri } = await openDraft(WRONG);
    const links = await request<LocationLink[]>('textDocument/definition', uri, positionOf(WRONG, '3,500').start);
    assert.ok(links.length >= 2);
    assert.deepEqual(links[0].originSelectionRange, positionOf(WRONG, '3,500'));
    for (const id of SOURCES) assert.ok(links.some((l) => l.targetUri.endsWith(`/corpus/${id}.txt`)));
    const target = links[0];
    const line = fs.readFileSync(new URL(target.targetUri), 'utf8').split('\n')[target.targetSelectionRange.start.line];
    assert.equal(line.slice(target.targetSelectionRange.start.character, target.targetSelectionRange.end.character), '1,500');
  });

  it('checks only the latest of quick successive edits', async () => {
    const { uri } = await openDraft(RIGHT);
    const published = client.nextDiagnostics(uri);
    await client.change(uri, 2, WRONG);
    await client.change(uri, 3, RIGHT);
    const next = await published;
    assert.equal(next.version, 3);
    assert.deepEqual(next.diagnostics.filter(isMismatch), []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    assert.equal(diagnostics.filter(isMismatch).length, 1);
    const published = client.nextDiagnostics(uri);
    const status = client.status.next((s) => s.uri === uri && !s.busy && s.corpus === null);
    await client.close(uri);
    assert.deepEqual((await published).diagnostics, []);
    await status;
  });

  it('applies severity settings and plain-text drafts', async () => {
    const { uri, diagnostics } = await openDraft(`${WRONG} ${RIGHT}`, 'draft.txt', 'plaintext');
    assert.equal(diagnostics.find(isMismatch)?.severity, DiagnosticSeverity.Warning);
    const published = client.nextDiagnostics(uri);
    await client.configure({ severity: { mismatch: 'error', supported: 'info' } });
    const after = (await published).diagnostics;
    assert.equal(after.find(isMismatch)?.severity, DiagnosticSeverity.Error);
    assert.equal(after.find((d) => d.code === 'supported')?.severity, DiagnosticSeverity.Information);
  });

  it('a config file in the workspace overrides the editor settings', async () => {
    fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ severity: { mismatch: 'info' } }));
    client.settings = { severity: { mismatch: 'error' } };
    const { diagnostics } = await openDraft(WRONG);
    assert.equal(diagnostics.find(isMismatch)?.severity, DiagnosticSeverity.Information);
  });

  it('does not check language ids outside the languages setting', async () => {
    const status = client.status.next((s) => s.uri.endsWith('/draft.tex'));
    const { diagnostics } = await openDraft(WRONG, 'draft.tex', 'latex');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(await status, { uri: uriOf(path.join(workspace, 'draft.tex')), corpus: null, problems: [] });
  });

  describe('settings changed while it runs', () => {
    /** Sets the settings and waits for the re-check of `uri` they cause. */
    async function reconfigure(uri: string, settings: Record<string, unknown>) {
      const published = client.nextDiagnostics(uri);
      await client.configure(settings);
      return (await published).diagnostics;
    }

    it('tolerance: "about 1,600" is supported by "1,500" at ±10% and contradicted at 0', async () => {
      const { uri, diagnostics } = await openDraft(APPROX);
      assert.deepEqual(diagnostics.filter(isMismatch), []);
      assert.equal((await reconfigure(uri, { tolerance: 0 })).filter(isMismatch).length, 1);
      assert.deepEqual((await reconfigure(uri, { tolerance: 0.1 })).filter(isMismatch), []);
    });

    it('run: onSave leaves an edit unchecked until the draft is saved', async () => {
      const { uri } = await openDraft(RIGHT);
      await reconfigure(uri, { run: 'onSave', debounceMs: 0 });
      const since = client.diagnostics.all.length;
      await client.change(uri, 2, WRONG);
      // A draft opened after the edit is checked once its settings come back from the client; an edit
      // checked as typed, with no debounce, would have been published before that.
      const other = await openDraft(RIGHT, 'other.md');
      assert.deepEqual(client.diagnostics.all.slice(since).map((p) => p.uri), [other.uri]);
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const saved = await published;
      assert.equal(saved.version, 2);
      assert.equal(saved.diagnostics.filter(isMismatch).length, 1);
    });

    it('debounceMs: an edit is checked once that long has passed without another', async () => {
      const { uri } = await openDraft(RIGHT);
      await reconfigure(uri, { debounceMs: 0 });
      const since = client.diagnostics.all.length;
      await client.change(uri, 2, WRONG);
      const other = await openDraft(RIGHT, 'other.md');
      assert.deepEqual(client.diagnostics.all.slice(since).map((p) => [p.uri, p.version]), [[uri, 2], [other.uri, 1]], 'no debounce: checked at once');

      await reconfigure(uri, { debounceMs: 1500 });
      const published = client.nextDiagnostics(uri);
      const edited = Date.now();
      await client.change(uri, 3, RIGHT);
      const checked = await published;
      assert.equal(checked.version, 3);
      // Timers may fire a millisecond early by the wall clock; 300 ms (the default) is far off.
      assert.ok(Date.now() - edited >= 1490, `checked ${Date.now() - edited} ms after the edit`);
    });

    it('re-reads a config file the client says was created or changed', async () => {
      const { uri, diagnostics } = await openDraft(WRONG);
      assert.equal(diagnostics.find(isMismatch)?.severity, DiagnosticSeverity.Warning);
      const rc = path.join(workspace, '.factlintrc.json');
      for (const [type, severity, want] of [[1, 'error', DiagnosticSeverity.Error], [2, 'info', DiagnosticSeverity.Information]] as const) {
        fs.writeFileSync(rc, JSON.stringify({ severity: { mismatch: severity } }));
        const published = client.nextDiagnostics(uri);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type }] });
        assert.equal((await published).diagnostics.find(isMismatch)?.severity, want, `after ${severity}`);
      }
    });

    it('configFile: uses that file instead of the ones found, as factlint -c does; a missing one is a warning', async () => {
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ severity: { mismatch: 'info' } }));
      fs.mkdirSync(path.join(workspace, 'ci'));
      fs.writeFileSync(path.join(workspace, 'ci', 'strict.jsonc'), '// CI\n{ "severity": { "mismatch": "error", }, }\n');
      const { uri, diagnostics } = await openDraft(WRONG);
      assert.equal(diagnostics.find(isMismatch)?.severity, DiagnosticSeverity.Information, 'the config file found from the draft');
      assert.equal((await reconfigure(uri, { configFile: 'ci/strict.jsonc' })).find(isMismatch)?.severity, DiagnosticSeverity.Error);
      const missing = await reconfigure(uri, { configFile: 'ci/gone.json' });
      assert.equal(missing.find(isMismatch)?.severity, DiagnosticSeverity.Warning, 'the editor settings apply alone');
      assert.match(String(missing.find((d) => d.code === 'config')?.message), /gone\.json: no such file/);
      assert.equal((await reconfigure(uri, { configFile: '' })).find(isMismatch)?.severity, DiagnosticSeverity.Information);
    });

    it('finds relative corpus folders in a workspace folder added later, and stops when it is removed', async () => {
      const added = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-folder-'));
      try {
        fs.mkdirSync(path.join(added, 'sources'));
        fs.writeFileSync(path.join(added, 'sources', 'local.txt'), `A report\n\n${WRONG}\n`);
        client.settings = { corpus: { folders: ['sources'], useBundled: false }, severity: { supported: 'info' } };
        const uri = uriOf(path.join(added, 'draft.md'));
        const opened = client.nextDiagnostics(uri);
        await client.open(uri, WRONG);
        const codes = (d: Diagnostic[]) => d.map((x) => x.code);
        assert.deepEqual(codes((await opened).diagnostics), ['unverified'], 'the first workspace folder has no sources/');
        const folder = { uri: uriOf(added), name: 'added' };
        for (const [event, want] of [[{ added: [folder], removed: [] }, ['supported']], [{ added: [], removed: [folder] }, ['unverified']]] as const) {
          const published = client.nextDiagnostics(uri);
          await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event });
          assert.deepEqual(codes((await published).diagnostics), want, JSON.stringify(event));
        }
      } finally {
        fs.rmSync(added, { recursive: true, force: true });
      }
    });
  });

  describe('with an extra corpus folder', () => {
    let corpus: string;
    const hostile =
      'About 3,500 North Korean special forces were sent to Russia for training, says [this report](command:workbench.action.terminal.new) <img src=x onerror="alert(1)"> &amp; <https://example.com/x> or https://example.com/y, www.example.com and press@example.com.';

    beforeEach(() => {
      corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-corpus-'));
      fs.writeFileSync(path.join(corpus, 'hostile.txt'), `A report\n\n${hostile}\n`);
    });

    afterEach(() => fs.rmSync(corpus, { recursive: true, force: true }));

    it('uses the folder once the settings name it, and shows its Markdown, HTML, command: URIs and bare addresses as plain text', async () => {
      const { uri, diagnostics } = await openDraft(WRONG);
      assert.equal(diagnostics.filter(isMismatch).length, 1);

      const published = client.nextDiagnostics(uri);
      await client.configure({ corpus: { folders: [corpus], useBundled: false } });
      assert.deepEqual((await published).diagnostics.filter(isMismatch), [], 'the extra corpus supports 3,500');

      const hover = parseHover(await request<Hover | null>('textDocument/hover', uri, positionOf(WRONG, '3,500').start));
      const { nodes } = hover;
      // Bare addresses carry an invisible word joiner, which breaks GFM's search for them.
      const text = hover.text.replace(/\u2060/g, '');
      assert.match(text, /hostile/);
      // What the corpus says is shown as written...
      assert.ok(text.includes('[this report](command:workbench.action.terminal.new)'), text);
      assert.ok(text.includes('<img src=x onerror="alert(1)">'), text);
      assert.ok(text.includes('&amp;'), text);
      assert.ok(text.includes('<https://example.com/x> or https://example.com/y, www.example.com and press@example.com'), text);
      // ...and never becomes HTML or a link, except factlint's own link to the corpus file (GFM's
      // renderer here also looks for bare web and mail addresses after escapes are undone).
      assert.deepEqual(nodes.filter((n) => n.type === 'html'), []);
      const links = nodes.filter((n) => n.type === 'link');
      assert.deepEqual(links.map((n) => n.url!.split('#')[0]), [uriOf(path.join(corpus, 'hostile.txt'))]);
    });

    it('re-checks open drafts when a corpus file changes', async () => {
      client.settings = { corpus: { folders: [corpus], useBundled: false } };
      const { uri, diagnostics } = await openDraft(RIGHT);
      assert.equal(diagnostics.filter(isMismatch).length, 1, 'the extra corpus says 3,500');

      const published = client.nextDiagnostics(uri);
      fs.writeFileSync(path.join(corpus, 'hostile.txt'), `A report\n\n${RIGHT}\n`);
      assert.deepEqual((await published).diagnostics.filter(isMismatch), []);
    });
  });

  it('skips a corpus folder that does not exist, says so, and keeps checking', async () => {
    const missing = path.join(workspace, 'no-such-folder');
    client.settings = { corpus: { folders: [missing] } };
    const { diagnostics } = await openDraft(WRONG);
    assert.equal(diagnostics.filter(isMismatch).length, 1, 'checked against the bundled corpus');
    const said = client.messages.filter((m) => m.includes(`Corpus folder ${missing} does not exist`));
    assert.ok(said.length >= 1, client.log);
  });

  it('in an untrusted workspace, ignores corpus folders a config file adds outside it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-outside-'));
    const inside = path.join(workspace, 'sources');
    try {
      // Outside: a source that would support the draft's 3,500; inside: one that supports 2,000.
      fs.writeFileSync(path.join(outside, 'outside.txt'), `${WRONG}\n`);
      fs.mkdirSync(inside);
      fs.writeFileSync(path.join(inside, 'inside.txt'), `${WRONG.replace('3,500', '2,000')}\n`);
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ corpus: [outside, 'sources'], bundledCorpus: false }));
      await client.stop();
      client = new LspClient();
      await client.initialize(workspace, { workspaceTrusted: false });
      const { diagnostics } = await openDraft(WRONG);
      const [mismatch] = diagnostics.filter(isMismatch);
      assert.ok(mismatch, 'the outside source is not used');
      assert.deepEqual(mismatch.relatedInformation?.map((r) => r.location.uri), [uriOf(path.join(inside, 'inside.txt'))]);
      assert.ok(client.messages.some((m) => m.includes('outside the workspace are ignored')), client.log);
    } finally {
      await client.stop();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('checks files on disk for the workspace command, skipping unreadable ones', async () => {
    const md = path.join(workspace, 'a.md');
    const txt = path.join(workspace, 'b.txt');
    const binary = path.join(workspace, 'c.txt');
    fs.writeFileSync(md, `${WRONG}\n`);
    fs.writeFileSync(txt, `${RIGHT}\n`);
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3]));
    const published = client.nextDiagnostics(uriOf(md));
    const result = await client.connection.sendRequest<CheckFilesResult>('factlint/checkFiles', { uris: [md, txt, binary].map(uriOf) });
    assert.equal(result.files, 2);
    assert.equal(result.mismatch, 1);
    assert.ok(result.supported >= 1);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0], /c\.txt: binary file/);
    assert.equal((await published).diagnostics.filter(isMismatch).length, 1);
  });

  it('lists the corpus documents that apply to a draft', async () => {
    const docs = await client.connection.sendRequest<CorpusDocumentInfo[]>('factlint/corpusDocuments', {});
    assert.equal(docs.length, 5);
    const first = docs.find((d) => d.id === SOURCES[0])!;
    assert.equal(first.title, "North Korea's Military Involvement in Ukraine");
    assert.ok(fs.existsSync(new URL(first.uri)));
  });

  it('survives requests for unknown documents and bad command arguments', async () => {
    const unknown = uriOf(path.join(workspace, 'nowhere.md'));
    assert.equal(await request('textDocument/hover', unknown, { line: 0, character: 0 }), null);
    await client.connection.sendRequest('workspace/executeCommand', { command: 'factlint.openSource', arguments: [42] });
    assert.deepEqual(client.shownDocuments, []);
    const { diagnostics } = await openDraft(WRONG);
    assert.equal(diagnostics.filter(isMismatch).length, 1);
  });

  describe('at scale', () => {
    let corpus: string;
    before(() => (corpus = generateCorpus(300)));
    after(() => fs.rmSync(corpus, { recursive: true, force: true }));

    it('reports indexing a large corpus as work-done progress, from 0 to the end', async () => {
      client.settings = { corpus: { folders: [corpus], useBundled: false } };
      const ended = client.progress.next((p) => p.kind === 'end');
      await Promise.all([ended, openDraft(RIGHT)]);
      const [begin, ...rest] = client.progress.all;
      assert.deepEqual(begin, { kind: 'begin', title: 'factlint', cancellable: false, message: 'Indexing 300 sources…', percentage: 0 });
      const reports = rest.filter((p) => p.kind === 'report');
      assert.ok(reports.length > 0, 'no progress between begin and end');
      const percents = reports.map((p) => p.percentage!);
      assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress went backwards');
      assert.match(reports.at(-1)!.message!, /^Indexing 300 sources… \d+%$/);
      assert.equal(rest.at(-1)!.kind, 'end');
    });

    it('reports no indexing progress for a small corpus', async () => {
      await openDraft(RIGHT);
      assert.deepEqual(client.progress.all, []);
    });

    it('falls back to the local corpus, with one message, when the fact store cannot be reached', async () => {
      client.settings = { store: 'postgres://factlint:secret@127.0.0.1:1/nowhere' };
      assert.deepEqual((await openDraft(WRONG, 'a.md')).diagnostics.map((d) => d.code), ['mismatch']);
      assert.deepEqual((await openDraft(WRONG, 'b.md')).diagnostics.map((d) => d.code), ['mismatch']);
      // One window/showMessage (a log line too).
      const said = client.messages.filter((m) => /^factlint: .*fact store/.test(m));
      assert.equal(said.length, 1, client.log);
      assert.match(said[0], /postgres:\/\/127\.0\.0\.1:1\/nowhere cannot be used: .*; checking against the local corpus folders only\.$/);
      assert.doesNotMatch(client.log, /secret/);
    });
  });
});
