// `factlint -`: a draft read from standard input, named by --stdin-filename (for the report, its
// format and its config file), under the same size limit as files; and the compact and unix formats
// end to end. Runs the built CLI (dist/cli.js).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;

const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.';
const SUPPORTED = 'About 1,500 North Korean special forces were sent to Russia for training.';
// In Markdown a fenced code block holds no figures; in plain text its figure is checked.
const FENCED = `\`\`\`\n${MISMATCH}\n\`\`\`\n`;
const MISMATCH_MESSAGE = "Sources say 1,500 North Korean troops arrived in Russia's Far East in the first wave, not 3,500 (2 sources). [003_fc85c1dbd36f727a, 000_923c8d1eb80eb53d]";

function factlint(cwd: string, input: string | Buffer | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('factlint - (standard input)', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  it('without --stdin-filename: shown as <stdin>, read as Markdown, exit code from its findings', () => {
    const dir = tempTree({});
    const bad = factlint(dir, `# Draft\n\n${MISMATCH}\n`, '-f', 'unix', '-');
    assert.equal(bad.code, 1, bad.stderr);
    assert.equal(bad.stdout, `<stdin>:3:7: ${MISMATCH_MESSAGE} [Warning/mismatch]\n\n1 problem\n`);
    const good = factlint(dir, `${SUPPORTED}\n`, '-q', '-');
    assert.equal(good.code, 0, good.stderr);
    assert.equal(good.stdout, '1 file, 1 figure: 0 mismatch, 1 supported, 0 unverified\n');
    // Markdown: the figure in a code block is not checked.
    const fenced = factlint(dir, FENCED, '-');
    assert.equal(fenced.code, 0, fenced.stderr);
    assert.match(fenced.stdout, /^1 file, 0 figures/);
  });

  it('--stdin-filename names it in the report and picks Markdown or text by its extension', () => {
    const dir = tempTree({});
    const asText = factlint(dir, FENCED, '-f', 'compact', '--stdin-filename', 'notes/draft.txt', '-');
    assert.equal(asText.code, 1, asText.stderr);
    assert.equal(asText.stdout, `notes/draft.txt: line 2, col 7, Warning - ${MISMATCH_MESSAGE} (mismatch)\n\n1 problem\n`);
    for (const name of ['notes/draft.md', 'DRAFT.MARKDOWN']) {
      const asMarkdown = factlint(dir, FENCED, '-f', 'json', '--stdin-filename', name, '-');
      assert.equal(asMarkdown.code, 0, asMarkdown.stderr);
      assert.deepEqual(JSON.parse(asMarkdown.stdout).files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length]), [[name, 0]]);
    }
  });

  it('finds the config file from --stdin-filename, else from the working directory', () => {
    const dir = tempTree({
      '.factlintrc.json': JSON.stringify({ severity: { mismatch: 'error' } }),
      'quiet/.factlintrc.json': JSON.stringify({ severity: { mismatch: 'off' } }),
    });
    const root = factlint(dir, `${MISMATCH}\n`, '-f', 'unix', '-');
    assert.equal(root.code, 1, root.stderr);
    assert.match(root.stdout, /^<stdin>:1:7: .* \[Error\/mismatch\]$/m);
    // The file need not exist: only its folder is used to find the config.
    const quiet = factlint(dir, `${MISMATCH}\n`, '-f', 'unix', '--stdin-filename', 'quiet/new.md', '-');
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.equal(quiet.stdout, '');
    const broken = tempTree({ 'sub/.factlintrc.json': '{ not json' });
    const run = factlint(broken, `${MISMATCH}\n`, '--stdin-filename', 'sub/a.md', '-');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^factlint: sub\/\.factlintrc\.json: /m);
  });

  it('is one more draft beside named files, read once however often "-" is given', () => {
    const dir = tempTree({ 'a.md': `${SUPPORTED}\n` });
    const run = factlint(dir, `${MISMATCH}\n`, '-f', 'json', 'a.md', '-', '-');
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      JSON.parse(run.stdout).files.map((f: { path: string; findings: Array<{ verdict: string }> }) => [f.path, f.findings.map((x) => x.verdict)]),
      [['a.md', ['supported']], ['<stdin>', ['mismatch']]],
    );
  });

  it('goes through --max-file-size: over the limit it is not checked, exit 2, with the same message as a file', () => {
    const dir = tempTree({});
    const text = `${SUPPORTED}\n`.repeat(40); // about 3 KB
    const over = factlint(dir, text, '--max-file-size', '0.001', '--stdin-filename', 'big.md', '-');
    assert.equal(over.code, 2);
    assert.equal(over.stderr, 'factlint: big.md: more than the 0.001 MB size limit; not checked (raise the limit with --max-file-size)\n');
    assert.match(over.stdout, /^0 files, 0 figures: .*; 1 error \(on stderr\)$/m);
    const under = factlint(dir, text, '--max-file-size', '0.01', '-');
    assert.equal(under.code, 0, under.stderr);
    assert.match(under.stdout, /^1 file, 40 figures: 0 mismatch, 40 supported/m);
    // Six megabytes against the default limit of 5: refused without reading it all.
    const huge = factlint(dir, Buffer.alloc(6 * 1024 * 1024, 'a'), '-');
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /^factlint: <stdin>: more than the 5 MB size limit; not checked/);
  });

  it('waits for a writer that sends the draft in pieces', async () => {
    const child = spawn(process.execPath, [CLI, '-f', 'unix', '-'], { cwd: tempTree({}), env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = once(child, 'exit');
    // The first piece goes out at once, the rest only after the CLI has had time to start reading.
    child.stdin.write('# Draft\n\nAbout 3,500 North Korean special ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdin.end('forces were sent to Russia for training.\n');
    const [code] = await exited;
    assert.equal(code, 1);
    assert.equal(stdout, `<stdin>:3:7: ${MISMATCH_MESSAGE} [Warning/mismatch]\n\n1 problem\n`);
  });

  it('--help documents - and --stdin-filename, and the compact and unix formats', () => {
    const help = factlint(tempTree({}), undefined, '--help').stdout;
    assert.match(help, /^\s+--stdin-filename <path>\s+the path of the draft read from "-"/m);
    assert.match(help, /-f, --format <fmt>\s+text \(default\), compact, unix, json, sarif, github, junit, codequality\s+or html/);
  });

  it('refuses binary input, and --stdin-filename without "-"', () => {
    const dir = tempTree({ 'a.md': `${SUPPORTED}\n` });
    const binary = factlint(dir, Buffer.from([0x41, 0, 0x42]), '-');
    assert.equal(binary.code, 2);
    assert.equal(binary.stderr, 'factlint: <stdin>: binary file, not checked\n');
    const usage = factlint(dir, undefined, '--stdin-filename', 'x.md', 'a.md');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^factlint: --stdin-filename names standard input, which is read only when "-" is among the inputs\nRun "factlint --help"/);
  });
});
