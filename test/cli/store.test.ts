// The PostgreSQL fact store through the built CLI: `factlint index --store … --corpus …`, then
// `factlint --store … drafts`. The tests that need a server read its URL from FACTLINT_TEST_STORE
// (.ci/run starts one); its factlint tables are dropped first. A store that is down needs no server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { builtBundle } from '../dist';
import { generateDraft } from '../bench/draft';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;
const STORE = process.env.FACTLINT_TEST_STORE;
/** How many documents the large test loads: one archive of 100,000 (1,000 texts, each filed 100 times, as syndicated copy is). */
const DISTINCT = 1_000;
const COPIES = 100;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The run, without blocking the test's own event loop (mocha's timeout still applies). */
function factlint(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // The in-memory index of the large archive needs more than Node's default heap.
    const child = spawn(process.execPath, ['--max-old-space-size=6144', CLI, ...args], { cwd, env: { ...process.env, FACTLINT_STORE: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Findings as a reader compares them: the report without its list of corpus documents. */
const findings = (run: Run) => JSON.parse(run.stdout).files;

describe('PostgreSQL fact store (CLI)', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  describe('a store that cannot be reached', () => {
    const DOWN = 'postgres://factlint:secret@127.0.0.1:1/nowhere';
    const draft = () => tempTree({ 'draft.md': 'Northwind opened 40 stores in Ohio last year.\n' });

    it('fails the run once, with exit code 2 and without the password', async () => {
      const dir = tempTree({ 'a.md': 'Northwind opened 40 stores.\n', 'b.md': 'Acme hired 300 people.\n' });
      const run = await factlint(dir, {}, '--store', DOWN, 'a.md', 'b.md');
      assert.equal(run.code, 2);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0], /^factlint: the fact store postgres:\/\/127\.0\.0\.1:1\/nowhere cannot be used: .*ECONNREFUSED/);
      assert.doesNotMatch(run.stderr, /secret/);
    });

    it('is found in FACTLINT_STORE and in the config key "store" too', async () => {
      const dir = draft();
      assert.match((await factlint(dir, { FACTLINT_STORE: DOWN }, 'draft.md')).stderr, /127\.0\.0\.1:1\/nowhere cannot be used/);
      fs.writeFileSync(path.join(dir, '.factlintrc.json'), JSON.stringify({ store: DOWN }));
      assert.match((await factlint(dir, {}, 'draft.md')).stderr, /127\.0\.0\.1:1\/nowhere cannot be used/);
    });

    it('refuses what is not a PostgreSQL URL', async () => {
      const run = await factlint(draft(), {}, '--store', 'mysql://x/y', 'draft.md');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--store must be a PostgreSQL URL/);
    });

    it('factlint index says so, with exit code 2', async () => {
      const dir = tempTree({ 'sources/a.txt': 'Northwind opened 35 stores.\n' });
      const run = await factlint(dir, {}, 'index', '--store', DOWN, '--corpus', 'sources');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot be used/);
    });
  });

  describe('with a server', function () {
    before(async function () {
      if (!STORE) return this.skip();
      const client = new Client({ connectionString: STORE });
      await client.connect();
      const { rows } = await client.query<{ name: string }>(`select tablename as name from pg_tables where tablename like 'factlint\\_%'`);
      if (rows.length) await client.query(`drop table ${rows.map((r) => r.name).join(', ')} cascade`);
      await client.end();
    });

    it('loads a folder incrementally: unchanged documents are not read again, changed ones alone, removed ones go', async () => {
      const dir = tempTree({
        'sources/a.txt': 'Northwind opened 35 stores in Ohio last year, the company said.\n',
        'sources/b.txt': 'Acme hired 300 engineers in Leeds in March.\n',
        'draft.md': 'Northwind opened 40 stores in Ohio last year.\n\nAcme hired 300 engineers in Leeds in March.\n',
      });
      const index = () => factlint(dir, {}, 'index', '--store', STORE!, '--corpus', 'sources');
      assert.match((await index()).stderr, /holds 2 documents of this folder \(2 read, 0 removed\)/);
      assert.match((await index()).stderr, /\(0 read, 0 removed\)/);
      fs.writeFileSync(path.join(dir, 'sources/a.txt'), 'Northwind opened 40 stores in Ohio last year, the company said.\n');
      assert.match((await index()).stderr, /holds 2 documents of this folder \(1 read, 0 removed\)/);
      const check = await factlint(dir, {}, '--store', STORE!, '--no-bundled-corpus', '--format', 'json', 'draft.md');
      assert.deepEqual(
        findings(check)[0].findings.map((f: { text: string; verdict: string }) => `${f.text} ${f.verdict}`),
        ['40 supported', '300 supported', 'March supported'],
      );
      fs.rmSync(path.join(dir, 'sources/b.txt'));
      assert.match((await index()).stderr, /holds 1 documents of this folder \(0 read, 1 removed\)/);
      const after = await factlint(dir, {}, '--store', STORE!, '--no-bundled-corpus', '--format', 'json', 'draft.md');
      assert.deepEqual(
        findings(after)[0].findings.map((f: { text: string; verdict: string }) => `${f.text} ${f.verdict}`),
        ['40 supported', '300 unverified', 'March unverified'],
      );
    });

    it(`checks a 10k-word draft against ${(DISTINCT * COPIES).toLocaleString('en-US')} documents with the same findings as the in-memory index`, async function () {
      this.timeout(15 * 60_000);
      const { generateCorpus } = await import('../bench/corpus');
      const texts = generateCorpus(DISTINCT);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-archive-'));
      try {
        const archive = path.join(root, 'archive');
        fs.mkdirSync(archive);
        const names = fs.readdirSync(texts).sort();
        for (let copy = 0; copy < COPIES; copy++)
          names.forEach((name, i) => fs.copyFileSync(path.join(texts, name), path.join(archive, `c${String(copy).padStart(3, '0')}-${String(i).padStart(4, '0')}.txt`)));
        fs.writeFileSync(path.join(root, 'draft.md'), generateDraft(10_000, 1, 2 / 3));
        const loaded = await factlint(root, {}, 'index', '--store', STORE!, '--corpus', 'archive');
        assert.equal(loaded.code, 0, loaded.stderr);
        assert.match(loaded.stderr, new RegExp(`holds ${(DISTINCT * COPIES).toLocaleString('en-US')} documents of this folder \\(${DISTINCT.toLocaleString('en-US')} read`));
        const fromStore = await factlint(root, {}, '--store', STORE!, '--no-bundled-corpus', '--format', 'json', 'draft.md');
        assert.ok(fromStore.code === 0 || fromStore.code === 1, fromStore.stderr);
        const inMemory = await factlint(root, {}, '--corpus', 'archive', '--no-bundled-corpus', '--format', 'json', '--cache-location', 'cache', 'draft.md');
        assert.ok(inMemory.code === 0 || inMemory.code === 1, inMemory.stderr);
        assert.deepEqual(findings(fromStore), findings(inMemory));
        const verdicts = findings(inMemory)[0].findings.map((f: { verdict: string }) => f.verdict);
        assert.ok(verdicts.includes('mismatch') && verdicts.includes('supported'), 'the draft should meet the archive');
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(texts, { recursive: true, force: true });
      }
    });
  });
});
