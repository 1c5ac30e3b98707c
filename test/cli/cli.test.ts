// End-to-end: the built CLI (dist/cli.js) on temporary drafts. Exit codes, formats, configuration,
// suppressions and bad input, through the real engine and bundled corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../server/src/cli/format/json';
import { builtBundle } from '../dist';
import { removeTemps, sarifErrors, tempTree } from './fixtures';

let CLI: string;

// Sentences whose verdicts do not depend on fine points of the engine.
const SUPPORTED = 'About 1,500 North Korean special forces were sent to Russia for training.';
const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.';
const UNVERIFIED = 'Samsung hired 10,500 engineers in Seoul this year.';
const APPROX = 'About 1,600 North Korean special forces were sent to Russia for training.'; // supported at ±10%, not at 0

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function factlint(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(run: Run): JsonReport {
  return JSON.parse(run.stdout);
}

/** Verdicts per file path, suppressed findings marked with a trailing "*". */
function verdicts(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => x.verdict + (x.suppressed ? '*' : ''))]));
}

describe('factlint CLI', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  describe('exit codes', () => {
    it('0 when no figure is a mismatch', () => {
      const dir = tempTree({ 'ok.md': `${SUPPORTED}\n\n${UNVERIFIED}\n` });
      const run = factlint(dir, 'ok.md');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^ok\.md:1:7  supported  .*\[.*003_fc85c1dbd36f727a.*\]$/m);
      assert.match(run.stdout, /^ok\.md:3:15  unverified  /m);
      assert.match(run.stdout, /^1 file, 2 figures: 0 mismatch, 1 supported, 1 unverified$/m);
    });

    it('1 when a figure is a mismatch', () => {
      const dir = tempTree({ 'bad.md': `${MISMATCH}\n` });
      const run = factlint(dir, 'bad.md');
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^bad\.md:1:7  mismatch  .*1,500.*3,500/m);
    });

    it('2 on a usage error, with a pointer to --help', () => {
      const dir = tempTree({ 'a.md': `${SUPPORTED}\n` });
      for (const args of [['--format', 'xml', 'a.md'], ['--bogus', 'a.md'], [], ['--tolerance', 'lots', 'a.md'], ['--max-warnings=-1', 'a.md'], ['--max-warnings', '1.5', 'a.md']]) {
        const run = factlint(dir, ...args);
        assert.equal(run.code, 2, `factlint ${args.join(' ')}`);
        assert.match(run.stderr, /^factlint: [^]+\nRun "factlint --help" for usage\.\n$/);
        assert.equal(run.stdout, '');
      }
    });

    it('--fail-on decides which verdicts fail the run', () => {
      const dir = tempTree({ 'u.md': `${UNVERIFIED}\n`, 'm.md': `${MISMATCH}\n` });
      assert.equal(factlint(dir, 'u.md').code, 0);
      assert.equal(factlint(dir, '--fail-on', 'mismatch', 'u.md').code, 0);
      assert.equal(factlint(dir, '--fail-on', 'unverified', 'u.md').code, 1);
      assert.equal(factlint(dir, '--fail-on', 'unverified', 'm.md').code, 1);
      assert.equal(factlint(dir, '--fail-on', 'none', 'm.md').code, 0);
    });

    it('follow severity: a mismatch at info does not fail the run unless --fail-on says so', () => {
      const dir = tempTree({ 'm.md': `${MISMATCH}\n`, 'u.md': `${UNVERIFIED}\n`, 's.md': `${SUPPORTED}\n`, 'mild.json': '{"severity": {"mismatch": "info"}}', 'strict.json': '{"severity": {"unverified": "error"}}' });
      const code = (...args: string[]) => factlint(dir, ...args).code;
      assert.equal(code('m.md'), 1, 'a mismatch is a warning by default, and a warning fails the run');
      assert.equal(code('-c', 'mild.json', 'm.md'), 0);
      assert.equal(code('-c', 'mild.json', '--fail-on', 'mismatch', 'm.md'), 1, 'by verdict, whatever its severity');
      assert.equal(code('-c', 'mild.json', '--fail-on', 'info', 'm.md'), 1, 'by severity: info or worse');
      assert.equal(code('--fail-on', 'error', 'm.md'), 0, 'a warning is not an error');
      assert.equal(code('-c', 'strict.json', 'u.md'), 1, 'an unverified figure at error fails the run');
      assert.equal(code('--fail-on', 'info', 's.md'), 0, 'a supported figure is a hint by default');
      assert.equal(code('--fail-on', 'hint', 's.md'), 1);
      assert.equal(code('--fail-on', 'loud', 'm.md'), 2);
    });

    it('--max-warnings fails the run past the limit', () => {
      const dir = tempTree({ 'm.md': `${MISMATCH}\n\n${MISMATCH}\n` });
      assert.equal(factlint(dir, '--fail-on', 'none', '--max-warnings', '2', 'm.md').code, 0);
      const over = factlint(dir, '--fail-on', 'none', '--max-warnings', '1', 'm.md');
      assert.equal(over.code, 1);
      assert.match(over.stderr, /2 warnings, more than --max-warnings 1 allows/);
    });

    it('--help and --version exit 0', () => {
      const dir = tempTree({});
      const help = factlint(dir, '--help');
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: factlint \[options\] <files\|dirs\|globs\.\.\.>/);
      const version = factlint(dir, '--version');
      assert.equal(version.code, 0);
      assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version);
    });
  });

  describe('bad input', () => {
    it('reports each unusable path on stderr, checks the rest, and exits 2', () => {
      const dir = tempTree({
        'good.md': `${MISMATCH}\n`,
        'empty/notes.json': '{}',
        'binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
        'latin1.txt': Buffer.from('Caf\xe9 1,500 troops.\n', 'latin1'),
      });
      const run = factlint(dir, '--format', 'json', 'good.md', 'missing.md', 'empty', 'binary.md', 'latin1.txt', 'nothing/**/*.md');
      assert.equal(run.code, 2);
      assert.deepEqual(run.stderr.trim().split('\n').sort(), [
        'factlint: binary.md: binary file, not checked',
        'factlint: empty: no drafts (.md, .markdown, .txt) in this folder',
        'factlint: latin1.txt: not valid UTF-8 text, not checked',
        'factlint: missing.md: no such file or folder',
        'factlint: nothing/**/*.md: no files match this pattern',
      ]);
      assert.deepEqual(verdicts(json(run)), { 'good.md': ['mismatch'] });
    });

    it('exits 2 even when the good files pass', () => {
      const dir = tempTree({ 'good.md': `${SUPPORTED}\n` });
      const run = factlint(dir, 'good.md', 'gone.md');
      assert.equal(run.code, 2);
      assert.match(run.stdout, /^good\.md:1:7  supported/m);
    });

    it('reports an unreadable corpus folder, naming where it was given', () => {
      const dir = tempTree({ 'a.md': `${SUPPORTED}\n`, 'site/.factlintrc.json': '{"corpus": ["no-such-sources"]}', 'site/b.md': `${SUPPORTED}\n` });
      const flag = factlint(dir, '--corpus', 'no-such-corpus', 'a.md');
      assert.equal(flag.code, 2);
      assert.match(flag.stderr, /^factlint: command line: .*no-such-corpus/);
      const config = factlint(dir, 'site/b.md');
      assert.equal(config.code, 2);
      assert.match(config.stderr, /^factlint: site\/\.factlintrc\.json: .*no-such-sources/);
    });

    it('reports a broken config file by name and key, and still checks drafts outside it', () => {
      const dir = tempTree({ 'broken/.factlintrc.json': '{"severity": {"mismatch": "loud"}}', 'broken/a.md': `${MISMATCH}\n`, 'fine/b.md': `${MISMATCH}\n` });
      const run = factlint(dir, '--format', 'json', 'broken', 'fine');
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'factlint: broken/.factlintrc.json: "severity.mismatch" should be one of "error", "warning", "info", "hint", "off", got "loud"\n');
      assert.deepEqual(verdicts(json(run)), { 'fine/b.md': ['mismatch'] });
    });
  });

  describe('inputs', () => {
    const files = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.draft.md\n',
      'docs/a.md': `${SUPPORTED}\n`,
      'docs/deep/b.markdown': `${UNVERIFIED}\n`,
      'docs/c.txt': `${SUPPORTED}\n`,
      'docs/skip.draft.md': `${MISMATCH}\n`,
      'docs/data.json': '{"troops": 3500}',
      'build/out.md': `${MISMATCH}\n`,
      'node_modules/pkg/readme.md': `${MISMATCH}\n`,
    };

    it('expands folders to Markdown and text drafts, honouring .gitignore', () => {
      const dir = tempTree(files);
      const run = factlint(dir, '--format', 'json', '.');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(Object.keys(verdicts(json(run))), ['docs/a.md', 'docs/c.txt', 'docs/deep/b.markdown']);
    });

    it('expands globs, honouring .gitignore, and checks named files as given', () => {
      const dir = tempTree(files);
      const run = factlint(dir, '--format', 'json', '**/*.md', './build/out.md', 'docs/a.md');
      assert.deepEqual(Object.keys(verdicts(json(run))), ['docs/a.md', './build/out.md']);
      assert.equal(run.code, 1);
    });

    it('applies the config file\'s ignores and languages to folders', () => {
      const dir = tempTree({ ...files, '.factlintrc.yaml': 'ignores:\n  - deep/\nlanguages: [markdown]\n' });
      assert.deepEqual(Object.keys(verdicts(json(factlint(dir, '--format', 'json', 'docs')))), ['docs/a.md']);
    });
  });

  describe('JSON format', () => {
    it('has the documented shape, with every figure as a finding', () => {
      const dir = tempTree({ 'drafts/a.md': `# Troops\n\n${SUPPORTED} ${MISMATCH}\n\n${UNVERIFIED}\n` });
      const run = factlint(dir, '--format', 'json', 'drafts/a.md');
      assert.equal(run.code, 1);
      const report = json(run);
      assert.deepEqual(Object.keys(report), ['version', 'corpus', 'files', 'summary']);
      assert.equal(report.version, 1);
      assert.equal(report.corpus.length, 5);
      for (const doc of report.corpus) {
        assert.deepEqual(Object.keys(doc), ['id', 'title', 'path']);
        assert.equal(path.basename(doc.path), `${doc.id}.txt`);
      }
      assert.deepEqual(report.summary, { files: 1, figures: 3, mismatch: 1, supported: 1, unverified: 1 });
      const [file] = report.files;
      assert.equal(file.path, 'drafts/a.md');
      assert.deepEqual(file.findings.map((f) => [f.text, f.verdict, f.severity]), [
        ['1,500', 'supported', 'hint'],
        ['3,500', 'mismatch', 'warning'],
        ['10,500', 'unverified', 'info'],
      ]);
      const m = file.findings[1];
      assert.deepEqual(Object.keys(m), ['range', 'text', 'verdict', 'severity', 'measure', 'claim', 'message', 'evidence', 'evidenceTotal']);
      const col = 6 + SUPPORTED.length + 1;
      assert.deepEqual(m.range, { start: { line: 2, character: col }, end: { line: 2, character: col + 5 } });
      assert.deepEqual(Object.keys(m.claim), ['low', 'high', 'bound']);
      assert.equal(m.claim.low, 3500);
      assert.ok(m.evidence.length > 0);
      for (const e of m.evidence) assert.deepEqual(Object.keys(e), ['document', 'title', 'line', 'excerpt', 'figure', 'value', 'agrees']);
      assert.ok(m.evidence.some((e) => e.value === 1500 && !e.agrees));
    });
  });

  describe('other formats', () => {
    const draft = `${SUPPORTED}\n\n${MISMATCH}\n\n${UNVERIFIED}\n`;

    it('sarif validates against the SARIF 2.1.0 schema', () => {
      const dir = tempTree({ 'a.md': draft });
      const run = factlint(dir, '--format', 'sarif', 'a.md', 'missing.md');
      assert.equal(run.code, 2);
      const log = JSON.parse(run.stdout);
      assert.equal(sarifErrors(log), undefined);
      const results = log.runs[0].results;
      assert.deepEqual(results.map((r: { ruleId: string }) => r.ruleId), ['supported', 'mismatch', 'unverified']);
      assert.deepEqual(results[1].locations[0].physicalLocation.region, { startLine: 3, startColumn: 7, endLine: 3, endColumn: 12, snippet: { text: '3,500' } });
      assert.ok(results[1].relatedLocations.length > 0);
      // The bundled corpus lies outside the working directory: still a path relative to it, never the machine's absolute path.
      assert.deepEqual(results[1].relatedLocations[0].physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
      assert.match(results[1].relatedLocations[0].physicalLocation.artifactLocation.uri, /^(\.\.\/)+.*corpus\/\w+\.txt$/);
    });

    it('github prints workflow commands', () => {
      const dir = tempTree({ 'a,b.md': draft });
      const run = factlint(dir, '--format', 'github', 'a,b.md');
      assert.equal(run.code, 1);
      const lines = run.stdout.trim().split('\n');
      assert.match(lines[0], /^::warning file=a%2Cb\.md,line=3,col=7,endLine=3,endColumn=11,title=factlint mismatch::.*1,500/);
      assert.match(lines[1], /^::notice file=a%2Cb\.md,line=5,col=15,endLine=5,endColumn=20,title=factlint unverified::/);
      assert.equal(lines.length, 3);
    });

    it('--output writes the report to a file', () => {
      const dir = tempTree({ 'a.md': draft });
      const run = factlint(dir, '--format', 'json', '--output', 'report.json', 'a.md');
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.mismatch, 1);
      const failed = factlint(dir, '--output', 'no/such/dir/report.txt', 'a.md');
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, /no\/such\/dir\/report\.txt: cannot write the report/);
    });

    it('--quiet shows mismatches only; --summary counts per file', () => {
      const dir = tempTree({ 'a.md': draft, 'b.md': `${SUPPORTED}\n` });
      const quiet = factlint(dir, '--quiet', 'a.md', 'b.md');
      assert.deepEqual(quiet.stdout.trim().split('\n').slice(0, -1).map((l) => l.split('  ')[1]), ['mismatch']);
      assert.deepEqual(json(factlint(dir, '--quiet', '--format', 'json', 'a.md')).files[0].findings.map((f) => f.verdict), ['mismatch']);
      const summary = factlint(dir, '--summary', 'a.md', 'b.md');
      assert.equal(summary.stdout, 'file  mismatch  supported  unverified\na.md         1          1           1\nb.md         0          1           0\n2 files, 4 figures: 1 mismatch, 2 supported, 1 unverified\n');
    });

    it('uses no colour when stdout is not a terminal', () => {
      const dir = tempTree({ 'a.md': draft });
      assert.doesNotMatch(factlint(dir, 'a.md').stdout, /\x1b\[/);
    });
  });

  describe('configuration', () => {
    it('is found by walking up from each draft; the nearest file wins', () => {
      const dir = tempTree({
        'package.json': JSON.stringify({ name: 'site', factlint: { severity: { mismatch: 'off' } } }),
        'a/m.md': `${MISMATCH}\n`,
        'b/.factlintrc.json': JSON.stringify({ severity: { mismatch: 'error' } }),
        'b/m.md': `${MISMATCH}\n`,
      });
      const report = json(factlint(dir, '--format', 'json', 'a', 'b'));
      assert.deepEqual(report.files.map((f) => [f.path, f.findings[0].severity]), [['a/m.md', 'off'], ['b/m.md', 'error']]);
      assert.equal(factlint(dir, 'a').code, 0, 'a mismatch switched off does not fail the run');
      assert.equal(factlint(dir, 'a').stdout, '1 file, 1 figure: 1 mismatch, 0 supported, 0 unverified\n');
      assert.equal(factlint(dir, 'b').code, 1);
    });

    it('flags override the config file, which overrides the defaults', () => {
      const dir = tempTree({ 'd.md': `${APPROX}\n`, 'strict/.factlintrc.yaml': 'tolerance: 0\n', 'strict/d.md': `${APPROX}\n` });
      assert.equal(factlint(dir, 'd.md').code, 0, 'default tolerance accepts 1,600 for about 1,500');
      assert.equal(factlint(dir, 'strict/d.md').code, 1, 'config tolerance 0 does not');
      assert.equal(factlint(dir, '--tolerance', '0.1', 'strict/d.md').code, 0, '--tolerance beats the config');
    });

    it('corpus folders are relative to the config file; --corpus and --no-bundled-corpus override it', () => {
      const source = 'North Korea sends more troops\n\nThe National Intelligence Service in South Korea reported that the first 2,000 North Korean special forces fighters had already arrived in Russia.\n';
      const claim = 'About 2,000 North Korean special forces were sent to Russia for training.\n';
      const dir = tempTree({
        'site/.factlintrc.json': JSON.stringify({ corpus: ['../sources'], bundledCorpus: false }),
        'site/d.md': claim,
        'sources/nis-report.txt': source,
        'other/nis-2.txt': source,
        'plain/d.md': claim,
      });
      const own = json(factlint(dir, '--format', 'json', 'site/d.md'));
      assert.deepEqual(own.corpus.map((d) => d.id), ['nis-report']);
      assert.deepEqual(verdicts(own), { 'site/d.md': ['supported'] });
      assert.deepEqual(own.corpus[0].path, 'sources/nis-report.txt');
      const replaced = json(factlint(dir, '--format', 'json', '--corpus', 'other', 'site/d.md'));
      assert.deepEqual(replaced.corpus.map((d) => d.id), ['nis-2']);
      assert.deepEqual(verdicts(json(factlint(dir, '--format', 'json', 'plain/d.md'))), { 'plain/d.md': ['mismatch'] }, 'the bundled corpus says 1,500');
      const noBundled = json(factlint(dir, '--format', 'json', '--no-bundled-corpus', '--corpus', 'other', 'plain/d.md'));
      assert.deepEqual(noBundled.corpus.map((d) => d.id), ['nis-2']);
      assert.deepEqual(verdicts(noBundled), { 'plain/d.md': ['supported'] });
    });
  });

  describe('suppression comments', () => {
    it('every form marks findings suppressed in JSON and keeps them out of the exit code', () => {
      const dir = tempTree({
        'block.md': `${SUPPORTED}\n\n<!-- factlint-disable -->\n\n${MISMATCH}\n\n<!-- factlint-enable -->\n\n${UNVERIFIED}\n`,
        'next.md': `<!-- factlint-disable-next-line -->\n${MISMATCH}\n${SUPPORTED}\n`,
        'line.md': `${MISMATCH} <!-- factlint-disable-line -->\n\n${SUPPORTED}\n`,
        'file.md': `${MISMATCH}\n\n<!-- factlint-disable-file -->\n\n${MISMATCH}\n`,
        'code.md': '```\n<!-- factlint-disable-file -->\n```\n\n' + `${MISMATCH}\n`,
      });
      const run = factlint(dir, '--format', 'json', 'block.md', 'next.md', 'line.md', 'file.md');
      assert.equal(run.code, 0, run.stdout);
      assert.deepEqual(verdicts(json(run)), {
        'block.md': ['supported', 'mismatch*', 'unverified'],
        'next.md': ['mismatch*', 'supported'],
        'line.md': ['mismatch*', 'supported'],
        'file.md': ['mismatch*', 'mismatch*'],
      });
      assert.deepEqual(json(run).summary, { files: 4, figures: 9, mismatch: 0, supported: 3, unverified: 1 });
      const text = factlint(dir, 'block.md', 'code.md');
      assert.equal(text.code, 1, 'a comment inside a code block suppresses nothing');
      assert.doesNotMatch(text.stdout, /^block\.md:\d+:\d+  mismatch/m);
      assert.match(text.stdout, /; 1 suppressed$/m);
    });

    it('--report-unused-disable-directives reports comments that suppress nothing as warnings, as ESLint does', () => {
      const dir = tempTree({ 'a.md': `<!-- factlint-disable-next-line -->\n\n${SUPPORTED}\n\n${MISMATCH} <!-- factlint-disable-line -->\n` });
      assert.equal(factlint(dir, 'a.md').code, 0);
      const run = factlint(dir, '--report-unused-disable-directives', 'a.md');
      assert.equal(run.code, 0, 'a warning does not fail the run');
      assert.match(run.stdout, /^a\.md:1:1  unused-disable  <!-- factlint-disable-next-line --> suppresses nothing$/m);
      assert.equal(run.stderr, '');
      const unix = factlint(dir, '--report-unused-disable-directives', '-f', 'unix', 'a.md');
      assert.match(unix.stdout, /^a\.md:1:1: <!-- factlint-disable-next-line --> suppresses nothing \[Warning\/unused-disable\]$/m);
      const strict = factlint(dir, '--report-unused-disable-directives', '--max-warnings', '0', 'a.md');
      assert.equal(strict.code, 1, 'but it counts towards --max-warnings');
      const report = json(factlint(dir, '--format', 'json', '--report-unused-disable-directives', 'a.md'));
      assert.deepEqual(report.files[0].unusedDisables, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 35 } },
          text: '<!-- factlint-disable-next-line -->',
          message: '<!-- factlint-disable-next-line --> suppresses nothing',
          severity: 'warning',
        },
      ]);
    });

    it('--report-unused-disable-directives-severity error fails the run, as the earlier --report-unused-disables does', () => {
      const dir = tempTree({ 'a.md': `${SUPPORTED} <!-- factlint-disable-line mismatch -- checked by hand -->\n` });
      for (const args of [['--report-unused-disable-directives-severity', 'error'], ['--report-unused-disables']]) {
        const run = factlint(dir, ...args, 'a.md');
        assert.equal(run.code, 1, args.join(' '));
        assert.match(run.stdout, /^a\.md:1:75  unused-disable  <!-- factlint-disable-line mismatch -- checked by hand --> suppresses nothing$/m);
        assert.match(run.stderr, /1 factlint-disable comment suppressing nothing/);
      }
      for (const severity of ['warn', 'warning']) assert.equal(factlint(dir, '--report-unused-disable-directives-severity', severity, 'a.md').code, 0, severity);
      const off = factlint(dir, '--report-unused-disable-directives-severity', 'off', 'a.md');
      assert.equal(off.code, 0);
      assert.doesNotMatch(off.stdout, /unused-disable/);
      const bad = factlint(dir, '--report-unused-disable-directives-severity', 'loud', 'a.md');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--report-unused-disable-directives-severity must be one of off, warning, error, not "loud"/);
    });

    it('a comment naming a verdict suppresses only that verdict', () => {
      const dir = tempTree({
        'a.md': `<!-- factlint-disable-next-line mismatch -- figure from our own reporting -->\n${MISMATCH} ${UNVERIFIED}\n`,
        'b.md': `<!-- factlint-disable unverified -->\n\n${MISMATCH} ${UNVERIFIED}\n`,
      });
      const run = factlint(dir, '--format', 'json', 'a.md', 'b.md');
      assert.deepEqual(verdicts(json(run)), { 'a.md': ['mismatch*', 'unverified'], 'b.md': ['mismatch', 'unverified*'] });
      assert.equal(run.code, 1, 'the mismatch in b.md is not suppressed');
    });

    it('--no-inline-config ignores every disable comment', () => {
      const dir = tempTree({ 'a.md': `<!-- factlint-disable-file -->\n\n${MISMATCH} <!-- factlint-disable-line -->\n` });
      assert.equal(factlint(dir, 'a.md').code, 0);
      const run = factlint(dir, '--no-inline-config', '--report-unused-disable-directives', '--format', 'json', 'a.md');
      assert.equal(run.code, 1);
      assert.deepEqual(verdicts(json(run)), { 'a.md': ['mismatch'] });
      assert.deepEqual(json(run).files[0].unusedDisables, [], 'comments that are not read are not unused either');
    });
  });
});
