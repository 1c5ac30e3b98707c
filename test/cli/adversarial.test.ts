// Hostile and careless input to the built CLI (issue 9): devices, FIFOs and link loops where files
// should be, files over the size limit, a YAML alias bomb, names that forge CI annotations or send
// terminal escapes, corpus folders outside the repository, CR-only line endings, UTF-16, a `null`
// config, and a report that cannot be written. Each case must finish within a time bound, with the
// expected exit code and message, and the good drafts in the same run still reported.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../server/src/cli/format/json';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI = '';
/** Every reproduction must finish within this; each took from 10 s to forever (or 3 GB and more) before. */
const BOUND_MS = 10_000;

const GOOD = 'About 3,500 North Korean special forces were sent to Russia for training.\n'; // a mismatch: sources say 1,500
const SUPPORTED = 'About 1,500 North Korean special forces were sent to Russia for training.\n';
const ESC = '\x1b';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function factlint(cwd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: BOUND_MS, env: { ...process.env, NO_COLOR: '' }, ...options });
  assert.ok(Date.now() - started < BOUND_MS && r.signal === null, `factlint ${args.join(' ')} did not finish within ${BOUND_MS} ms`);
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** No line a CI runner would read as a workflow command, and no terminal escape. */
function assertInert(output: string, what: string): void {
  for (const line of output.split(/\r\n|\r|\n/)) assert.doesNotMatch(line, /^\s*::/, `${what} has a line that starts a workflow command: ${JSON.stringify(line)}`);
  assert.ok(!output.includes(ESC), `${what} carries an escape character: ${JSON.stringify(output)}`);
}

function tree(files: Record<string, string | Buffer>, links: Record<string, string> = {}, fifos: string[] = []): string {
  const dir = tempTree(files);
  for (const [name, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, name));
  }
  for (const name of fifos) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    assert.equal(spawnSync('mkfifo', [path.join(dir, name)]).status, 0, 'mkfifo');
  }
  return dir;
}

const posix = process.platform !== 'win32';

describe('factlint CLI on hostile input', function () {
  this.timeout(4 * BOUND_MS);
  before(function () {
    CLI = builtBundle('cli.js');
  });
  after(removeTemps);

  // Only regular files are read, everywhere, and none over the size limit.
  const cases: Array<{ name: string; files?: Record<string, string | Buffer>; links?: Record<string, string>; fifos?: string[]; args: string[]; code: number; stderr: RegExp; reported?: string[] }> = [
    {
      name: 'a draft in a folder that is a link to /dev/zero',
      files: { 'd/good.md': GOOD },
      links: { 'd/x.md': '/dev/zero' },
      args: ['d'],
      code: 2,
      stderr: /^factlint: d\/x\.md: not a regular file \(a device, FIFO or socket\), not read$/m,
      reported: ['d/good.md'],
    },
    {
      name: 'a FIFO as a draft named on the command line',
      files: { 'good.md': GOOD },
      fifos: ['pipe.md'],
      args: ['pipe.md', 'good.md'],
      code: 2,
      stderr: /^factlint: pipe\.md: not a file or folder$/m,
      reported: ['good.md'],
    },
    {
      name: 'a FIFO as a corpus document',
      files: { 'good.md': GOOD, 'sources/real.md': SUPPORTED },
      fifos: ['sources/pipe.md'],
      args: ['--corpus', 'sources', 'good.md'],
      code: 2,
      stderr: /corpus document .*pipe\.md: not a regular file/,
    },
    {
      name: 'a FIFO as .gitignore (skipped, as Git skips an unreadable one)',
      files: { 'd/good.md': GOOD },
      fifos: ['d/.gitignore'],
      args: ['d'],
      code: 1,
      stderr: /^$/,
      reported: ['d/good.md'],
    },
    {
      name: 'a link to /dev/zero as a config file',
      files: { 'good.md': GOOD, 'sub/other.md': GOOD },
      links: { 'sub/.factlintrc.json': '/dev/zero' },
      args: ['.'],
      code: 2,
      stderr: /^factlint: sub\/\.factlintrc\.json: not a regular file/m,
      reported: ['good.md'],
    },
    {
      name: 'a draft over the default 5 MB limit',
      files: { 'good.md': GOOD, 'huge.md': 'Nothing to count here, only words and more words.\n'.repeat(120_000) },
      args: ['.'],
      code: 2,
      stderr: /^factlint: huge\.md: 5\.7 MB, over the 5 MB size limit; not checked \(raise the limit with --max-file-size\)$/m,
      reported: ['good.md'],
    },
    {
      name: 'a draft over a limit set with --max-file-size',
      files: { 'good.md': GOOD, 'long.md': GOOD.repeat(40) },
      args: ['--max-file-size', '0.001', '.'],
      code: 2,
      stderr: /^factlint: long\.md: .* MB, over the 0\.001 MB size limit; not checked/m,
      reported: ['good.md'],
    },
    {
      name: 'a corpus document over the limit',
      files: { 'good.md': GOOD, 'sources/long.md': SUPPORTED.repeat(40) },
      args: ['--max-file-size', '0.001', '--corpus', 'sources', 'good.md'],
      code: 2,
      stderr: /corpus document .*long\.md: .* MB, over the 0\.001 MB size limit/,
    },
    {
      name: 'a YAML alias bomb in a config file found in a folder',
      files: {
        'good.md': GOOD,
        'bad/draft.md': GOOD,
        'bad/.factlintrc.yaml': ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`), 'ignores: *a11', ''].join('\n'),
      },
      args: ['.'],
      code: 2,
      stderr: /^factlint: bad\/\.factlintrc\.yaml: invalid YAML: Excessive alias count/m,
      reported: ['good.md'],
    },
    {
      name: '`null` as a whole config',
      files: { 'good.md': GOOD, 'bad/draft.md': GOOD, 'bad/.factlintrc.json': 'null\n' },
      args: ['.'],
      code: 2,
      stderr: /^factlint: bad\/\.factlintrc\.json: the configuration should be an object, got null$/m,
      reported: ['good.md'],
    },
    {
      name: 'a folder reached through symbolic link loops (each draft once)',
      files: { 'd/good.md': GOOD },
      links: { 'd/self': '.', 'd/a/back': '..' },
      args: ['d'],
      code: 1,
      stderr: /^$/,
      reported: ['d/good.md'],
    },
    {
      name: 'UTF-16 drafts with a byte-order mark (little- and big-endian)',
      files: {
        'le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
        'be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD, 'utf16le').swap16()]),
      },
      args: ['.'],
      code: 1,
      stderr: /^$/,
      reported: ['be.md', 'le.md'],
    },
  ];

  for (const c of cases)
    (posix ? it : it.skip)(c.name, () => {
      const dir = tree(c.files ?? {}, c.links, c.fifos);
      const run = factlint(dir, ['--format', 'json', ...c.args]);
      assert.equal(run.code, c.code, run.stderr);
      assert.match(run.stderr, c.stderr);
      assert.doesNotMatch(run.stderr, /internal error|^\s+at /m, 'no stack trace');
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(report.files.map((f) => f.path).sort(), c.reported ?? []);
      for (const f of report.files) assert.deepEqual(f.findings.map((x) => x.verdict), ['mismatch'], f.path);
    });

  // The engine's reproductions, through the CLI: each file beside a good draft, which must still be
  // reported. The run's own CPU time and peak memory are measured (a loaded machine stretches the wall
  // clock, not those); a hang is caught by a wall-clock timeout several times the bound.
  const MAX_RSS_MB = 500;
  const REPORT = path.join(__dirname, 'resourceReport.cjs');
  let seed = 9;
  const random = (min: number, max: number) => min + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % (max - min + 1));
  const engineCases: Array<{ name: string; file: string; text: () => string }> = [
    { name: 'a pasted CSV of 8,000 rows with no full stop', file: 'c.md', text: () => 'x\n\n' + Array.from({ length: 8000 }, () => `2024-01-01,North Korea,${random(100, 9999)},5`).join('\n') },
    { name: '4,000 figures in one sentence', file: 'f.md', text: () => `North Korea sent ${Array.from({ length: 4000 }, () => `${random(100, 9999)} troops`).join(', ')}.` },
    { name: '1,000,000 space-separated numbers on one line (3.9 MB)', file: 'n.txt', text: () => Array.from({ length: 1_000_000 }, () => random(1, 999)).join(' ') },
    { name: 'a number dump with a word among every 40 numbers (2 MB)', file: 'd.txt', text: () => Array.from({ length: 300_000 }, (_, i) => (i % 40 ? random(1, 99999) : 'troops')).join(' ') },
    { name: 'a range with 100,000 spaces inside', file: 'r.md', text: () => `Between 3,000${' '.repeat(100_000)}to 4,000 North Korean troops arrived in Russia's Far East in the first wave.` },
    { name: '"!" 100,000 times', file: 'b.md', text: () => '!'.repeat(100_000) },
    { name: '"[^" 100,000 times', file: 'n.md', text: () => `${'[^'.repeat(100_000)} 5 troops` },
    { name: 'a party, 100,000 spaces, then a figure', file: 'p.txt', text: () => `North Korea${' '.repeat(100_000)}x 1,500 troops.` },
    { name: '130,000 ";" before a figure', file: 's.md', text: () => `${';'.repeat(130_000)} 1,500 troops.` },
    { name: '"- " 100,000 times on one line', file: 'l.md', text: () => `${'- '.repeat(100_000)}1,500 troops` },
    { name: '2,000 lines of ever deeper ">"', file: 'q.md', text: () => Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} 1,500 troops`).join('\n') },
    { name: 'a 400-digit number', file: 'big.md', text: () => `North Korea sent ${'9'.repeat(400)} troops to Russia.` },
  ];
  for (const c of engineCases)
    it(`${c.name}: exit 1 for the good draft beside it, both reported, within ${BOUND_MS / 1000} s of CPU and ${MAX_RSS_MB} MB`, () => {
      const dir = tempTree({ 'good.md': GOOD, [c.file]: `${c.text()}\n` });
      const r = spawnSync(process.execPath, ['--require', REPORT, CLI, '--format', 'json', c.file, 'good.md'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 6 * BOUND_MS,
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      });
      assert.equal(r.signal, null, `killed after ${6 * BOUND_MS} ms`);
      const used = JSON.parse(String(r.output[3])) as { cpuMs: number; maxRssMb: number };
      assert.ok(used.cpuMs < BOUND_MS, `${Math.round(used.cpuMs)} ms of CPU`);
      assert.ok(used.maxRssMb < MAX_RSS_MB, `${Math.round(used.maxRssMb)} MB at most`);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(report.files.map((f) => f.path), [c.file, 'good.md']);
      assert.deepEqual(report.files[1].findings.map((f) => f.verdict), ['mismatch']);
      for (const f of report.files.flatMap((x) => x.findings)) {
        assert.ok(Number.isFinite(f.claim.low) && Number.isFinite(f.claim.high), `${f.text.slice(0, 40)}: ${JSON.stringify(f.claim)}`);
        assert.ok(f.message.length < 2000, `a message of ${f.message.length} characters`);
      }
    });

  describe('names that forge GitHub annotations or send terminal escapes', () => {
    const FORGED = 'b\n::error file=README.md,line=1::forged.md';

    (posix ? it : it.skip)('a file name reaches stderr escaped: no new line, no workflow command', () => {
      const dir = tree({ 'd/good.md': GOOD, [`d/${FORGED}`]: Buffer.from('x\0y'), [`d/${ESC}[2Jclear.md`]: Buffer.from('x\0y') });
      const run = factlint(dir, ['d']);
      assert.equal(run.code, 2);
      assertInert(run.stderr, 'stderr');
      assert.match(run.stderr, /^factlint: d\/b\\n::error file=README\.md,line=1::forged\.md: binary file, not checked$/m);
      assert.match(run.stderr, /^factlint: d\/\\u001b\[2Jclear\.md: binary file, not checked$/m);
      assert.match(run.stdout, /^d\/good\.md:1:7  mismatch/m);
    });

    (posix ? it : it.skip)('the text format starts no line with a workflow command and passes no escape codes', () => {
      const dir = tree({
        'd/::error file=README.md,line=1::forged.md': GOOD,
        [`d/${ESC}[2Jclear.md`]: GOOD,
        [`d/ ::warning::x.md`]: GOOD,
        [`sources/${ESC}[31mred.md`]: SUPPORTED,
        'd/ok.md': SUPPORTED,
      });
      for (const args of [['.'], ['--summary', '.']]) {
        const run = factlint(path.join(dir, 'd'), ['--no-bundled-corpus', '--corpus', '../sources', ...args]);
        assertInert(run.stdout, `factlint ${args.join(' ')}`);
        assert.match(run.stdout, /^\.\/::error file=README\.md,line=1::forged\.md/m);
        assert.match(run.stdout, /^\\u001b\[2Jclear\.md/m);
      }
      const run = factlint(path.join(dir, 'd'), ['--no-bundled-corpus', '--corpus', '../sources', 'ok.md']);
      assert.match(run.stdout, /^ok\.md:1:7  supported  .*\[\\u001b\[31mred\]$/m, 'the corpus id is shown escaped');
    });
  });

  describe('corpus folders outside the repository', () => {
    const leak = { 'outside/leak.md': `SECRET_KEY=hunter2\n\n${SUPPORTED}` };

    it('a config file may not name one without --allow-outside-corpus; reports then use relative paths', () => {
      const dir = tree({ 'repo/.git/HEAD': '', 'repo/draft.md': SUPPORTED, 'repo/.factlintrc.json': JSON.stringify({ corpus: ['../outside'] }), ...leak });
      const cwd = path.join(dir, 'repo');
      const refused = factlint(cwd, ['--format', 'json', 'draft.md']);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^factlint: \.factlintrc\.json: corpus folder \.\.\/outside is outside this config file's repository \(\.\); not read \(pass --allow-outside-corpus to allow it\)$/m);
      assert.doesNotMatch(refused.stdout, /SECRET|hunter2/);
      const allowed = factlint(cwd, ['--format', 'json', '--allow-outside-corpus', 'draft.md']);
      assert.equal(allowed.code, 0, allowed.stderr);
      const report = JSON.parse(allowed.stdout) as JsonReport;
      assert.ok(report.corpus.some((d) => d.path === '../outside/leak.md'), JSON.stringify(report.corpus));
      for (const d of report.corpus) assert.ok(!path.isAbsolute(d.path), d.path);
      const sarif = factlint(cwd, ['--format', 'sarif', '--allow-outside-corpus', 'draft.md']);
      assert.doesNotMatch(sarif.stdout, new RegExp(`file://${dir}/outside`));
      // Flags are the user's own: --corpus may name any folder.
      assert.equal(factlint(cwd, ['--corpus', '../outside', 'draft.md']).code, 0);
    });

    (posix ? it : it.skip)('nor reach one through a symbolic link, as a folder or as a document', () => {
      const dir = tree(
        { 'repo/.git/HEAD': '', 'repo/a/draft.md': SUPPORTED, 'repo/a/.factlintrc.json': JSON.stringify({ corpus: ['../sources'] }), 'repo/b/draft.md': SUPPORTED, 'repo/b/.factlintrc.json': JSON.stringify({ corpus: ['../docs'] }), ...leak },
        { 'repo/sources': '../outside', 'repo/docs/leak.md': '../../outside/leak.md' },
      );
      const run = factlint(path.join(dir, 'repo'), ['--format', 'json', 'a/draft.md', 'b/draft.md']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^factlint: a\/\.factlintrc\.json: corpus folder sources is outside this config file's repository/m);
      assert.match(run.stderr, /^factlint: b\/\.factlintrc\.json: corpus document .*leak\.md: links outside the corpus folder/m);
      assert.doesNotMatch(run.stdout, /SECRET|hunter2/);
    });
  });

  it('CR-only line endings: positions and suppressions use the LSP definition of a line', () => {
    const dir = tempTree({ 'cr.md': `Intro line.\r<!-- factlint-disable-line -->\r${GOOD.trim()}\r` });
    const run = factlint(dir, ['cr.md']);
    assert.equal(run.code, 1, 'the disable-line on line 2 does not hide the mismatch on line 3');
    assert.match(run.stdout, /^cr\.md:3:7  mismatch/m);
  });

  describe('a report that cannot be written', () => {
    (fs.existsSync('/dev/full') ? it : it.skip)('a full disk: exit 2 and one line, no stack trace', () => {
      const dir = tempTree({ 'good.md': GOOD });
      const out = fs.openSync('/dev/full', 'w');
      try {
        const run = factlint(dir, ['good.md'], { stdio: ['ignore', out, 'pipe'] });
        assert.equal(run.code, 2);
        assert.equal(run.stderr, 'factlint: cannot write the report: ENOSPC: no space left on device, write\n');
      } finally {
        fs.closeSync(out);
      }
    });

    it('a reader that goes away (`| head -1`): quiet, no stack trace', async () => {
      const dir = tempTree({ 'many.md': GOOD.repeat(2000) });
      const child = spawn(process.execPath, [CLI, '--format', 'json', 'many.md'], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(stderr, '');
      assert.equal(code, 1, 'the exit code still says whether the run failed');
    });
  });
});
