// The `$factlint` problem matcher that package.json contributes reads what the factlint task runs
// (`factlint --format compact`): every finding of the sample draft, at the place, with the severity
// and message that the JSON report gives. The regexp is applied as VS Code applies it, line by line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import { builtBundle } from '../dist';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Matcher {
  name: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}

function cli(args: string[]) {
  return spawnSync(process.execPath, [builtBundle('cli.js'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('the $factlint problem matcher', () => {
  const matcher: Matcher = manifest.contributes.problemMatchers.find((m: Matcher) => m.name === 'factlint');

  it('is contributed and reads paths relative to the workspace folder, as the task runs the CLI there', () => {
    assert.ok(matcher, 'package.json contributes no "factlint" problem matcher');
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
  });

  it('matches each finding of the compact report with its file, place, severity, message and verdict', () => {
    const compact = cli(['--format', 'compact', 'examples/draft.md']);
    const json = JSON.parse(cli(['--format', 'json', 'examples/draft.md']).stdout);
    const expected = json.files.flatMap((f: { path: string; findings: { range: { start: { line: number; character: number } }; severity: string; message: string; verdict: string }[] }) =>
      f.findings.map((x) => ({
        file: f.path,
        line: String(x.range.start.line + 1),
        column: String(x.range.start.character + 1),
        severity: x.severity[0].toUpperCase() + x.severity.slice(1),
        message: x.message,
        code: x.verdict,
      })),
    );
    assert.ok(expected.length > 3, compact.stdout);
    const regexp = new RegExp(matcher.pattern.regexp);
    const { file, line, column, severity, message, code } = matcher.pattern;
    const matched = compact.stdout
      .split('\n')
      .map((l) => regexp.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ file: m[file], line: m[line], column: m[column], severity: m[severity], message: m[message], code: m[code] }));
    // The compact message ends with the documents cited, which the matcher keeps.
    assert.deepEqual(
      matched.map((m) => ({ ...m, message: m.message.replace(/ \[[^\]]*\]$/, '') })),
      expected,
    );
    // The summary line is not a problem.
    assert.match(compact.stdout, new RegExp(`\\n\\n${expected.length} problems\\n$`));
  });
});
