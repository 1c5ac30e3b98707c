// The built CLI's config files: -c, .factlintrc.jsonc, extends, root, configs merged from the root
// down, and --print-config. What a user sees: exit codes, messages, and which settings took effect.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { JsonReport } from '../../server/src/cli/format/json';
import { builtBundle } from '../dist';
import { removeTemps, tempTree } from './fixtures';

let CLI: string;

const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.\n'; // sources say 1,500
const CLAIM = 'About 2,000 North Korean special forces were sent to Russia for training.\n';
const SOURCE = 'North Korea sends more troops\n\nThe National Intelligence Service in South Korea reported that the first 2,000 North Korean special forces fighters had already arrived in Russia.\n';

function factlint(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** [path, severity of the first finding, verdicts] per file of a JSON report. */
function findings(stdout: string): Array<[string, string, string[]]> {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.map((f) => [f.path, f.findings[0]?.severity, f.findings.map((x) => x.verdict)]);
}

describe('factlint config files', function () {
  before(() => (CLI = builtBundle('cli.js')));
  after(removeTemps);

  describe('-c, --config', () => {
    const files = {
      '.factlintrc.json': '{"severity": {"mismatch": "off"}}',
      'sub/.factlintrc.yaml': 'tolerance: 0\n',
      'sub/m.md': MISMATCH,
      'ci/strict.jsonc': '// CI fails on any mismatch\n{\n  "severity": { "mismatch": "error", },\n}\n',
    };

    it('uses exactly the file it names, not the ones found from the draft', () => {
      const dir = tempTree(files);
      assert.deepEqual(findings(factlint(dir, '--format', 'json', 'sub/m.md').stdout), [['sub/m.md', 'off', ['mismatch']]]);
      const run = factlint(dir, '--format', 'json', '-c', 'ci/strict.jsonc', 'sub/m.md');
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(findings(run.stdout), [['sub/m.md', 'error', ['mismatch']]]);
      const shown = JSON.parse(factlint(dir, '--config', 'ci/strict.jsonc', '--print-config', 'sub/m.md').stdout);
      assert.deepEqual(shown.configFiles, ['ci/strict.jsonc']);
      assert.equal(shown.tolerance, 0.1, 'sub/.factlintrc.yaml is not read');
    });

    it('stops with exit 2, checking nothing, when the file is missing or invalid', () => {
      const dir = tempTree({ ...files, 'ci/bad.json': '{"tolerance": 5}', 'ci/broken.jsonc': '{ "tolerance": 0.1 "languages": [] }', 'pkg/package.json': '{"name": "x"}' });
      const cases: Array<[string, string]> = [
        ['ci/missing.json', 'factlint: ci/missing.json: no such file\n'],
        ['ci/bad.json', 'factlint: ci/bad.json: "tolerance" should be <= 1, got 5\n'],
        ['ci/broken.jsonc', 'factlint: ci/broken.jsonc: invalid JSON: CommaExpected at line 1, column 20\n'],
        ['pkg/package.json', 'factlint: pkg/package.json: has no "factlint" key\n'],
      ];
      for (const [file, stderr] of cases) {
        const run = factlint(dir, '-c', file, 'sub/m.md');
        assert.equal(run.code, 2, file);
        assert.equal(run.stderr, stderr);
        assert.equal(run.stdout, '', 'nothing is checked');
      }
    });
  });

  describe('found from the draft', () => {
    it('reads .factlintrc.jsonc, with comments and trailing commas', () => {
      const dir = tempTree({ 'a/.factlintrc.jsonc': '{\n  // loud\n  "severity": { "mismatch": "error" },\n}\n', 'a/m.md': MISMATCH });
      assert.deepEqual(findings(factlint(dir, '--format', 'json', 'a').stdout), [['a/m.md', 'error', ['mismatch']]]);
    });

    it('merges a subfolder\'s config with the root\'s: the root\'s corpus still applies', () => {
      const dir = tempTree({
        '.factlintrc.json': JSON.stringify({ corpus: ['sources'], bundledCorpus: false }),
        'sources/nis-report.txt': SOURCE,
        'site/.factlintrc.yaml': 'severity:\n  supported: warning\n',
        'site/d.md': CLAIM,
      });
      const run = factlint(dir, '--format', 'json', 'site/d.md');
      assert.equal(run.code, 1, 'a supported figure at severity warning fails the run');
      assert.deepEqual(findings(run.stdout), [['site/d.md', 'warning', ['supported']]]);
      assert.deepEqual((JSON.parse(run.stdout) as JsonReport).corpus.map((d) => d.id), ['nis-report'], 'not the bundled corpus');
    });

    it('adds a subfolder\'s corpus folders to the root\'s, and stops at root: true', () => {
      const dir = tempTree({
        '.factlintrc.json': JSON.stringify({ corpus: ['sources'], bundledCorpus: false }),
        'sources/nis-report.txt': SOURCE,
        'site/.factlintrc.json': JSON.stringify({ corpus: ['more'] }),
        'site/more/nis-2.txt': SOURCE,
        'site/d.md': CLAIM,
        'alone/.factlintrc.json': JSON.stringify({ root: true, corpus: ['../site/more'], bundledCorpus: false }),
        'alone/d.md': CLAIM,
      });
      const run = factlint(dir, '--format', 'json', 'site/d.md');
      assert.deepEqual((JSON.parse(run.stdout) as JsonReport).corpus.map((d) => d.id).sort(), ['nis-2', 'nis-report']);
      const alone = factlint(dir, '--format', 'json', 'alone/d.md');
      assert.deepEqual((JSON.parse(alone.stdout) as JsonReport).corpus.map((d) => d.id), ['nis-2']);
    });

    it('applies what a config extends, and reports a cycle by name with exit 2', () => {
      const dir = tempTree({
        'shared/newsroom.yaml': 'severity:\n  mismatch: error\ntolerance: 0\n',
        'site/.factlintrc.json': JSON.stringify({ extends: '../shared/newsroom.yaml', tolerance: 0.1 }),
        'site/m.md': MISMATCH,
        'loop/.factlintrc.json': JSON.stringify({ extends: ['a.json'] }),
        'loop/a.json': JSON.stringify({ extends: './.factlintrc.json' }),
        'loop/m.md': MISMATCH,
      });
      assert.deepEqual(findings(factlint(dir, '--format', 'json', 'site').stdout), [['site/m.md', 'error', ['mismatch']]]);
      const loop = factlint(dir, '--format', 'json', 'loop', 'site');
      assert.equal(loop.code, 2);
      assert.equal(loop.stderr, 'factlint: loop/a.json: "extends" makes a cycle: .factlintrc.json → a.json → .factlintrc.json\n');
      assert.deepEqual(findings(loop.stdout).map((f) => f[0]), ['site/m.md'], 'drafts under other configs are still checked');
    });
  });

  describe('--print-config', () => {
    it('prints the merged configuration for a file as JSON and exits 0, flags on top', () => {
      const dir = tempTree({
        '.factlintrc.yaml': 'corpus: [sources]\nseverity:\n  mismatch: error\nignores: [drafts/]\n',
        'site/.factlintrc.jsonc': '{ "corpus": ["more"], "severity": { "unverified": "off" }, "languages": ["markdown"], /* local */ }',
      });
      const run = factlint(dir, '--print-config', 'site/not-written-yet.md', '--ignore-pattern', '*.wip.md', '--no-bundled-corpus');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), {
        configFiles: ['.factlintrc.yaml', 'site/.factlintrc.jsonc'],
        corpus: ['sources', 'site/more'],
        bundledCorpus: false,
        severity: { mismatch: 'error', unverified: 'off', supported: 'hint' },
        tolerance: 0.1,
        ignores: [
          { baseDir: '.', patterns: ['drafts/'] },
          { baseDir: '.', patterns: ['*.wip.md'] },
        ],
        languages: ['markdown'],
      });
      assert.equal(factlint(dir, '--print-config', 'x.md', '--corpus', 'other').stdout.includes('"other"'), true, '--corpus replaces the files\' folders');
    });

    it('is a usage error beside other files, and exit 2 for a broken config', () => {
      const dir = tempTree({ 'a.md': MISMATCH, 'bad/.factlintrc.json': '{"languages": ["rst"]}' });
      const both = factlint(dir, '--print-config', 'a.md', 'a.md');
      assert.equal(both.code, 2);
      assert.match(both.stderr, /^factlint: --print-config names the one file/);
      const broken = factlint(dir, '--print-config', 'bad/a.md');
      assert.equal(broken.code, 2);
      assert.equal(broken.stderr, 'factlint: bad/.factlintrc.json: "languages[0]" should be one of "markdown", "plaintext", got "rst"\n');
      assert.equal(broken.stdout, '');
    });
  });
});
