// What the server gives the VS Code extension's own features, over stdio as any client sees it: the
// status behind the language status item, "fix all" for editor.codeActionsOnSave, "check whole
// workspace" finding the same drafts as the CLI, the exclude setting, and the config file in use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import type { CheckFilesResult, ConfigFileResult, StatusParams } from '../../server/src/protocol';
import { builtBundle } from '../dist';
import { serverPerTest, type LspClient } from './lspClient';

const WRONG = 'About 3,500 North Korean special forces were sent to Russia for training.';
const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../examples/draft.md'), 'utf8');
/** The sample draft's mismatches and the one figure the sources give for each. */
const SAMPLE_FIXES: Record<string, string> = { '2,500': '1,500', '50%': '30%', '3,000': '1,000' };
const BUNDLED_DOCUMENTS = fs.readdirSync(path.resolve(__dirname, '../../corpus')).filter((f) => f.endsWith('.txt')).length;

const uriOf = (file: string) => pathToFileURL(file).href;
const isMismatch = (d: Diagnostic) => d.code === 'mismatch';

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}

describe('language server features for the VS Code extension', function () {
  let client: LspClient;
  let workspace: string;
  serverPerTest('factlint-ext-', (c, w) => {
    client = c;
    workspace = w;
  });

  /** Opens a draft and resolves with every status sent for it up to the outcome of its first check. */
  async function openWithStatus(name: string, text: string, languageId = 'markdown') {
    const uri = uriOf(path.join(workspace, name));
    const seen: StatusParams[] = [];
    const done = client.status.next((s) => {
      if (s.uri === uri) seen.push(s);
      return s.uri === uri && !s.busy;
    });
    await client.open(uri, text, languageId);
    await done;
    return { uri, seen };
  }

  describe('status', () => {
    it('says the corpus is being indexed for the first draft, then gives its documents and facts', async () => {
      const first = await openWithStatus('draft.md', WRONG);
      assert.deepEqual(first.seen[0], { uri: first.uri, busy: 'indexing' });
      const outcome = first.seen.at(-1)!;
      assert.ok(!outcome.busy && outcome.corpus, JSON.stringify(first.seen));
      assert.equal(outcome.corpus.documents, BUNDLED_DOCUMENTS);
      assert.ok(outcome.corpus.facts > BUNDLED_DOCUMENTS, `only ${outcome.corpus.facts} facts`);
      assert.deepEqual(outcome.problems, []);

      // The corpus is indexed once: the next draft is only checked.
      const second = await openWithStatus('other.md', WRONG);
      assert.deepEqual(second.seen[0], { uri: second.uri, busy: 'checking' });
      assert.deepEqual(second.seen.at(-1), outcome && { uri: second.uri, corpus: outcome.corpus, problems: [] });
    });

    it('counts the documents of an extra corpus folder', async () => {
      const sources = path.join(workspace, 'sources');
      fs.mkdirSync(sources);
      fs.writeFileSync(path.join(sources, 'report.txt'), 'About 1,500 North Korean special forces were sent to Russia for training.\n');
      client.settings = { corpus: { folders: ['sources'] } };
      const { seen } = await openWithStatus('draft.md', WRONG);
      const outcome = seen.at(-1)!;
      assert.equal(!outcome.busy && outcome.corpus?.documents, BUNDLED_DOCUMENTS + 1);
    });

    it('names the problem when the config file cannot be used', async () => {
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), '{ "severity": ');
      const { seen } = await openWithStatus('draft.md', WRONG);
      const outcome = seen.at(-1)!;
      assert.ok(!outcome.busy);
      assert.equal(outcome.problems.length, 1, JSON.stringify(outcome));
      assert.match(outcome.problems[0], /\.factlintrc\.json: invalid JSON/);
      // The editor settings apply instead, so the draft is still checked.
      assert.equal(outcome.corpus?.documents, BUNDLED_DOCUMENTS);
    });
  });

  describe('fix all (source.fixAll.factlint)', () => {
    async function actions(uri: string, only?: string[]): Promise<CodeAction[]> {
      const end = { line: SAMPLE.split('\n').length, character: 0 };
      return client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end },
        context: { diagnostics: [], ...(only ? { only } : {}) },
      });
    }

    it('replaces every mismatch with the one figure its quick fix offers, when asked for source.fixAll', async () => {
      const { uri } = await openWithStatus('draft.md', SAMPLE);
      for (const only of [['source.fixAll'], ['source.fixAll.factlint'], ['source']]) {
        const fixAll = await actions(uri, only);
        assert.equal(fixAll.length, 1, `${only}: ${JSON.stringify(fixAll)}`);
        assert.equal(fixAll[0].kind, 'source.fixAll.factlint');
        const edits = fixAll[0].edit?.changes?.[uri] ?? [];
        // The same edits as the preferred quick fixes.
        const preferred = (await actions(uri)).filter((a) => a.isPreferred).flatMap((a) => a.edit?.changes?.[uri] ?? []);
        assert.deepEqual(edits, preferred);
        const fixed = applyEdits(SAMPLE, edits);
        for (const [wrong, right] of Object.entries(SAMPLE_FIXES)) {
          const line = SAMPLE.split('\n').findIndex((l) => l.includes(` ${wrong} `));
          assert.equal(fixed.split('\n')[line], SAMPLE.split('\n')[line].replace(` ${wrong} `, ` ${right} `));
        }
        assert.equal(edits.length, Object.keys(SAMPLE_FIXES).length);
      }
    });

    it('is not offered among quick fixes, nor when the mismatches are turned off or there is nothing to fix', async () => {
      const { uri } = await openWithStatus('draft.md', SAMPLE);
      assert.ok(!(await actions(uri)).some((a) => a.kind?.startsWith('source')));
      assert.ok(!(await actions(uri, ['quickfix'])).some((a) => a.kind?.startsWith('source')));
      assert.ok((await actions(uri, ['source.fixAll'])).every((a) => a.kind === 'source.fixAll.factlint'));

      const clean = await openWithStatus('clean.md', 'About 1,500 North Korean special forces were sent to Russia for training.');
      assert.deepEqual(await actions(clean.uri, ['source.fixAll']), []);

      const published = client.nextDiagnostics(uri, (ds) => !ds.some(isMismatch));
      await client.configure({ severity: { mismatch: 'off' } });
      await published;
      assert.deepEqual(await actions(uri, ['source.fixAll']), []);
    });
  });

  describe('check whole workspace', () => {
    /** The drafts the workspace check publishes a mismatch for, relative to the workspace, and its counts. */
    async function checkWorkspace() {
      const published = new Set<string>();
      client.diagnostics.next((p) => {
        if (p.diagnostics.some(isMismatch)) published.add(path.relative(workspace, new URL(p.uri).pathname).split(path.sep).join('/'));
        return false;
      });
      const result = await client.connection.sendRequest<CheckFilesResult>('factlint/checkWorkspace');
      return { published: [...published].sort(), result };
    }
    /** The drafts `factlint <args> .` reports in the workspace. */
    function cliFiles(...args: string[]): string[] {
      const cli = spawnSync(process.execPath, [builtBundle('cli.js'), '--format', 'json', ...args, '.'], { cwd: workspace, encoding: 'utf8' });
      assert.ok(cli.stdout, cli.stderr);
      return (JSON.parse(cli.stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();
    }
    /** Drafts with a mismatch, in folders made as needed. */
    function writeDrafts(files: string[]): void {
      for (const file of files) {
        fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
        fs.writeFileSync(path.join(workspace, file), `${WRONG}\n`);
      }
    }

    it('checks the drafts the CLI checks in the folder: .gitignore and the config ignores leave the same ones out', async () => {
      fs.writeFileSync(path.join(workspace, '.gitignore'), 'ignored.md\nbuild/\n');
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ ignores: ['archive/**'] }));
      writeDrafts(['kept.md', 'notes/kept.txt', 'ignored.md', 'build/out.md', 'archive/old.md', 'node_modules/pkg/readme.md']);
      const { published, result } = await checkWorkspace();
      assert.deepEqual(published, ['kept.md', 'notes/kept.txt']);
      assert.equal(result.files, 2);
      assert.equal(result.mismatch, 2);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(cliFiles(), published);
    });

    it('leaves out what factlint.exclude matches, open or not', async () => {
      writeDrafts(['kept.md', 'drafts/wip.md']);
      client.settings = { exclude: ['drafts/'] };
      const result = await client.connection.sendRequest<CheckFilesResult>('factlint/checkWorkspace');
      assert.equal(result.files, 1);

      const { seen } = await openWithStatus('drafts/wip.md', WRONG);
      assert.deepEqual(seen.at(-1), { uri: uriOf(path.join(workspace, 'drafts/wip.md')), corpus: null, problems: [] });
      const kept = await openWithStatus('kept.md', WRONG);
      const outcome = kept.seen.at(-1)!;
      assert.ok(!outcome.busy && outcome.corpus, JSON.stringify(outcome));
    });

    it('applies factlint.exclude after the config files\' ignores, as --ignore-pattern: a "!" pattern takes a draft back', async () => {
      writeDrafts(['kept.md', 'archive/old.md', 'archive/keep.md', 'wip/draft.md']);
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), JSON.stringify({ ignores: ['archive/**'] }));
      await client.configure({ exclude: ['wip/', '!archive/keep.md'] });
      const { published } = await checkWorkspace();
      assert.deepEqual(published, ['archive/keep.md', 'kept.md']);
      assert.deepEqual(cliFiles('--ignore-pattern', 'wip/', '--ignore-pattern', '!archive/keep.md'), published);

      const { seen } = await openWithStatus('archive/old.md', WRONG);
      assert.deepEqual(seen.at(-1), { uri: uriOf(path.join(workspace, 'archive/old.md')), corpus: null, problems: [] }, 'the config still leaves out what exclude does not take back');
    });

    it('with factlint.configFile, selects as factlint -c does: that file\'s ignores and languages, and not the config files it replaces', async () => {
      writeDrafts(['kept.md', 'notes.txt', 'old/draft.md', 'sub/kept.md']);
      fs.writeFileSync(path.join(workspace, 'team.jsonc'), '// the team\'s\n{ "ignores": ["old/"], "languages": ["markdown"], }\n');
      fs.writeFileSync(path.join(workspace, 'sub/.factlintrc.json'), JSON.stringify({ ignores: ['kept.md'] }));
      await client.configure({ configFile: 'team.jsonc' });
      const { published, result } = await checkWorkspace();
      assert.deepEqual(published, ['kept.md', 'sub/kept.md']);
      assert.equal(result.files, 2);
      assert.deepEqual(cliFiles('-c', 'team.jsonc'), published);
    });
  });

  describe('config file in use', () => {
    const configFile = (uri?: string) => client.connection.sendRequest<ConfigFileResult>('factlint/configFile', { uri });

    it('is the nearest config file above the draft, or none', async () => {
      const draft = uriOf(path.join(workspace, 'notes/draft.md'));
      assert.deepEqual(await configFile(draft), { path: null });
      assert.deepEqual(await configFile(), { path: null });
      const root = path.join(workspace, '.factlintrc.json');
      fs.writeFileSync(root, '{}');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root), type: 1 }] });
      assert.deepEqual(await configFile(draft), { path: root });
      assert.deepEqual(await configFile(), { path: root });
    });

    it('is the file factlint.configFile names, even before it exists, so the command creates that one', async () => {
      const draft = uriOf(path.join(workspace, 'notes/draft.md'));
      fs.writeFileSync(path.join(workspace, '.factlintrc.json'), '{}');
      await client.configure({ configFile: 'conf/team.json' });
      const named = path.join(workspace, 'conf/team.json');
      assert.deepEqual(await configFile(draft), { path: named });
      fs.mkdirSync(path.dirname(named));
      fs.writeFileSync(named, JSON.stringify({ extends: '../.factlintrc.json' }));
      assert.deepEqual(await configFile(draft), { path: named }, 'not the file it extends');
    });

    it('is the broken config file too, so the command opens it rather than making another', async () => {
      const broken = path.join(workspace, '.factlintrc.yaml');
      fs.writeFileSync(broken, 'severity: [');
      assert.deepEqual(await configFile(uriOf(path.join(workspace, 'draft.md'))), { path: broken });
    });
  });
});
