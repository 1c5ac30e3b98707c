// Report formats from hand-built findings (no engine): text, JSON, GitHub workflow commands, SARIF.
import assert from 'node:assert/strict';
import { codeQualityReport } from '../../server/src/cli/format/codequality';
import { formatCompact, formatUnix } from '../../server/src/cli/format/editorLines';
import { formatJunit } from '../../server/src/cli/format/junit';
import { formatGithub, escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { formatJson, jsonReport } from '../../server/src/cli/format/json';
import { jsonPieces, Lazy } from '../../server/src/cli/format/jsonStream';
import { formatSarif, sarifReport } from '../../server/src/cli/format/sarif';
import { formatText } from '../../server/src/cli/format/text';
import { outcome } from '../../server/src/cli/report';
import type { ReportedFinding } from '../../server/src/cli/lint';
import { directive, evidence, fileResult, finding, junitErrors, lintResult, reportDefaults, sarifErrors } from './fixtures';

const DRAFT = '# Deployment 😀\n\nAbout 3,500 North Korean special forces were sent. Samsung hired 10,500 engineers.\nAround 1,500 arrived first.\n';
const mismatch = finding(DRAFT, '3,500');
const unverified = finding(DRAFT, '10,500', { verdict: 'unverified', message: 'No source gives a figure for engineers hired.', evidence: [], replacements: [], measure: 'engineers hired' });
const supported = finding(DRAFT, '1,500', { verdict: 'supported', message: 'Sources say 1,500.', evidence: [evidence({ agrees: true })], replacements: [] });

/** Parses a workflow command back into its parts, undoing the escapes. */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2].split(',').map((kv) => kv.split('=').map(unescape) as [string, string]));
  return { command: m[1], props, message: unescape(m[3]) };
}

describe('text report', () => {
  it('escapes control characters from paths, messages and corpus ids, and starts no line with a workflow command', () => {
    const hostile = finding(DRAFT, '3,500', { message: 'Sources say 1,500\n::error::forged \x1b[2J\u202e.', evidence: [evidence({ document: '\x1b[31mred\r::warning::x' })] });
    for (const summary of [false, true]) {
      const out = formatText(lintResult([fileResult('::error file=a.md::forged\n::notice::b.md', DRAFT, [hostile])]), { ...reportDefaults, summary, color: true });
      for (const line of out.split(/\r\n|\r|\n/)) assert.doesNotMatch(line, /^\s*::/, line);
      // Only the report's own colours remain.
      assert.equal(out.replace(/\x1b\[\d+m/g, '').match(/[\x00-\x09\x0b-\x1f\x7f\u202e]/), null, out);
      assert.ok(out.includes('./::error file=a.md::forged\\n::notice::b.md'), out);
      if (!summary) assert.ok(out.includes('Sources say 1,500\\n::error::forged \\u001b[2J\\u202e.  [\\u001b[31mred\\r::warning::x]'), out);
    }
  });

  it('prints path:line:col, verdict, message and documents, then a summary', () => {
    const out = formatText(lintResult([fileResult('drafts/a.md', DRAFT, [mismatch, unverified, supported])]), { ...reportDefaults, summary: false, color: false });
    assert.equal(
      out,
      [
        'drafts/a.md:3:7  mismatch  Sources say 1,500, not 3,500.  [003_fc85c1dbd36f727a]',
        'drafts/a.md:3:66  unverified  No source gives a figure for engineers hired.',
        'drafts/a.md:4:8  supported  Sources say 1,500.  [003_fc85c1dbd36f727a]',
        '1 file, 3 figures: 1 mismatch, 1 supported, 1 unverified',
        '',
      ].join('\n'),
    );
  });

  it('--quiet keeps mismatches; severity off and suppressed findings are not printed', () => {
    const files = [fileResult('a.md', DRAFT, [mismatch, { ...unverified, severity: 'off' }, { ...supported, suppressed: true }])];
    const quiet = formatText(lintResult(files), { ...reportDefaults, quiet: true, summary: false, color: false });
    assert.deepEqual(quiet.trim().split('\n').map((l) => l.split('  ')[1]), ['mismatch', undefined]);
    const all = formatText(lintResult(files), { ...reportDefaults, summary: false, color: false });
    assert.match(all, /^a\.md:3:7  mismatch .*\n1 file, 3 figures: 1 mismatch, 0 supported, 1 unverified; 1 suppressed\n$/);
  });

  it('--summary prints counts per file and verdict', () => {
    const out = formatText(lintResult([fileResult('long/path/a.md', DRAFT, [mismatch, supported]), fileResult('b.txt', DRAFT, [unverified])]), {
      ...reportDefaults,
      summary: true,
      color: false,
    });
    assert.deepEqual(out.split('\n').slice(0, 3), ['file            mismatch  supported  unverified', 'long/path/a.md         1          1           0', 'b.txt                  0          0           1']);
  });

  it('colours verdicts only when asked', () => {
    const result = lintResult([fileResult('a.md', DRAFT, [mismatch])]);
    assert.match(formatText(result, { ...reportDefaults, summary: false, color: true }), /\x1b\[31mmismatch\x1b\[0m/);
    assert.doesNotMatch(formatText(result, { ...reportDefaults, summary: false, color: false }), /\x1b/);
  });
});

describe('JSON report', () => {
  it('has exactly the documented shape, with UTF-16 LSP ranges', () => {
    const report = jsonReport(lintResult([fileResult('drafts/a.md', DRAFT, [mismatch, { ...supported, suppressed: true }])]), reportDefaults);
    assert.deepEqual(report, {
      version: 1,
      corpus: [{ id: '003_fc85c1dbd36f727a', title: 'North Korea sends special forces', path: '../../pkg/corpus/003_fc85c1dbd36f727a.txt' }],
      files: [
        {
          path: 'drafts/a.md',
          findings: [
            {
              range: { start: { line: 2, character: 6 }, end: { line: 2, character: 11 } },
              text: '3,500',
              verdict: 'mismatch',
              severity: 'warning',
              measure: 'North Korean special forces sent to Russia',
              claim: { low: 3500, high: 3500, bound: 'approx' },
              message: 'Sources say 1,500, not 3,500.',
              evidence: [
                {
                  document: '003_fc85c1dbd36f727a',
                  title: 'North Korea sends special forces',
                  line: 8,
                  excerpt: 'The NIS reported that the first 1,500 North Korean special forces fighters had arrived.',
                  figure: '1,500',
                  value: 1500,
                  agrees: false,
                },
              ],
              evidenceTotal: 1,
            },
            {
              range: { start: { line: 3, character: 7 }, end: { line: 3, character: 12 } },
              text: '1,500',
              verdict: 'supported',
              severity: 'hint',
              measure: 'North Korean special forces sent to Russia',
              claim: { low: 1500, high: 1500, bound: 'approx' },
              message: 'Sources say 1,500.',
              evidence: [{ document: '003_fc85c1dbd36f727a', title: 'North Korea sends special forces', line: 8, excerpt: evidence().excerpt, figure: '1,500', value: 1500, agrees: true }],
              evidenceTotal: 1,
              suppressed: true,
            },
          ],
        },
      ],
      summary: { files: 1, figures: 2, mismatch: 1, supported: 0, unverified: 0 },
    });
  });

  it('counts a surrogate pair as two UTF-16 code units', () => {
    const text = '😀 3,500 troops.\n';
    const [f] = jsonReport(lintResult([fileResult('a.md', text, [finding(text, '3,500')])]), reportDefaults).files[0].findings;
    assert.deepEqual(f.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } });
  });
});

describe('GitHub workflow commands', () => {
  it('escapes data and properties per the workflow-command rules', () => {
    assert.equal(escapeData('100% sure\r\nnext: a,b'), '100%25 sure%0D%0Anext: a,b');
    assert.equal(escapeProperty('dir:a,b%/c.md'), 'dir%3Aa%2Cb%25/c.md');
  });

  it('prints one annotation per reported finding, which parses back', () => {
    const weird = { ...mismatch, message: 'Sources say 1,500: not 3,500 (100%)\nsee sources.' };
    const out = formatGithub(lintResult([fileResult('dir,with:odd/a.md', DRAFT, [weird, unverified, supported])], [{ path: 'missing.md', message: 'no such file or folder' }]), reportDefaults);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.deepEqual(parseCommand(lines[0]), {
      command: 'warning',
      props: { file: 'dir,with:odd/a.md', line: '3', col: '7', endLine: '3', endColumn: '11', title: 'factlint mismatch' },
      message: 'Sources say 1,500: not 3,500 (100%)\nsee sources. [003_fc85c1dbd36f727a]',
    });
    assert.deepEqual(parseCommand(lines[1]), { command: 'error', props: { title: 'factlint' }, message: 'missing.md: no such file or folder' });
    assert.equal(parseCommand(lines[2]).command, 'notice'); // unverified: info → notice; supported (hint) prints nothing
    assert.match(lines[3], /^factlint: 1 file, 3 figures/);
  });

  /** A draft with `n` lines, each with one figure, and a finding of the given kind on each. */
  function manyFindings(name: string, n: number, kind: 'mismatch' | 'unverified') {
    const text = Array.from({ length: n }, (_, i) => `Line ${i + 1}: ${kind === 'mismatch' ? 3000 + i : 7000 + i} troops.`).join('\n') + '\n';
    const findings = [...text.matchAll(/\d{4}/g)].map((m) => kind === 'mismatch' ? finding(text, m[0]) : finding(text, m[0], { ...unverified, start: m.index, end: m.index + 4, text: m[0] }));
    return fileResult(name, text, findings);
  }

  it('puts mismatches first, before the unverified figures of earlier files', () => {
    const out = formatGithub(lintResult([manyFindings('a.md', 2, 'unverified'), manyFindings('b.md', 2, 'mismatch')]), reportDefaults);
    assert.deepEqual(
      out.trim().split('\n').slice(0, -1).map((l) => { const c = parseCommand(l); return `${c.command} ${c.props.file}:${c.props.line}`; }),
      ['warning b.md:1', 'warning b.md:2', 'notice a.md:1', 'notice a.md:2'],
    );
  });

  it('keeps to GitHub\'s 10 annotations of each type, mismatches first, and ends with a notice of how many were left out', () => {
    const result = lintResult([manyFindings('a.md', 12, 'unverified'), manyFindings('b.md', 14, 'mismatch')]);
    const lines = formatGithub(result, reportDefaults).trim().split('\n');
    const commands = lines.slice(0, -1).map(parseCommand);
    const count = (name: string) => commands.filter((c) => c.command === name).length;
    assert.equal(count('warning'), 10);
    assert.deepEqual(commands.filter((c) => c.command === 'warning').map((c) => `${c.props.file}:${c.props.line}`), Array.from({ length: 10 }, (_, i) => `b.md:${i + 1}`));
    assert.equal(count('notice'), 10, 'nine unverified figures and the notice');
    const last = commands[commands.length - 1];
    assert.deepEqual(last, {
      command: 'notice',
      props: { title: 'factlint: more findings than GitHub annotates' },
      message: '7 more findings not shown: GitHub shows at most 10 annotations of each type per step. Upload the SARIF report (factlint --format sarif) to code scanning to see every finding.',
    });
    assert.match(lines[lines.length - 1], /^factlint: 2 files, 26 figures: 14 mismatch, 0 supported, 12 unverified$/);
  });

  it('adds no notice when nothing was left out, even at the limit', () => {
    const lines = formatGithub(lintResult([manyFindings('a.md', 10, 'unverified'), manyFindings('b.md', 10, 'mismatch')]), reportDefaults).trim().split('\n');
    assert.equal(lines.length, 21);
    assert.doesNotMatch(lines.join('\n'), /not shown/);
  });
});

describe('compact and unix reports', () => {
  const unused = directive('disable', '<!-- factlint-disable -->');
  const files = [fileResult('drafts/a.md', DRAFT, [mismatch, unverified, supported], [unused]), fileResult('b.txt', DRAFT, [{ ...mismatch, severity: 'error' }, { ...supported, suppressed: true }])];

  it('compact prints ESLint compact lines, in file order, then the problem count', () => {
    assert.equal(
      formatCompact(lintResult(files), { ...reportDefaults, unusedDirectives: 'warning' }),
      [
        'drafts/a.md: line 1, col 1, Warning - <!-- factlint-disable --> suppresses nothing (unused-disable)',
        'drafts/a.md: line 3, col 7, Warning - Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a] (mismatch)',
        'drafts/a.md: line 3, col 66, Info - No source gives a figure for engineers hired. (unverified)',
        'drafts/a.md: line 4, col 8, Hint - Sources say 1,500. [003_fc85c1dbd36f727a] (supported)',
        'b.txt: line 3, col 7, Error - Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a] (mismatch)',
        '',
        '5 problems',
        '',
      ].join('\n'),
    );
  });

  it('unix prints path:line:col: message [Severity/verdict]; --quiet keeps mismatches', () => {
    assert.equal(
      formatUnix(lintResult(files), { ...reportDefaults, quiet: true }),
      [
        'drafts/a.md:3:7: Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a] [Warning/mismatch]',
        'b.txt:3:7: Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a] [Error/mismatch]',
        '',
        '2 problems',
        '',
      ].join('\n'),
    );
  });

  it('print nothing when nothing is shown', () => {
    for (const format of [formatCompact, formatUnix]) assert.equal(format(lintResult([fileResult('a.md', DRAFT, [{ ...supported, severity: 'off' }])]), reportDefaults), '');
  });

  it('escape control characters as the text report does, and start no line with a workflow command', () => {
    const hostile = finding(DRAFT, '3,500', { message: 'Sources say 1,500\n::error::forged \x1b[2J\u202e.', evidence: [evidence({ document: '\x1b[31mred\r::warning::x' })] });
    const result = lintResult([fileResult('::error file=a.md::forged\n::notice::b.md', DRAFT, [hostile])]);
    const message = 'Sources say 1,500\\n::error::forged \\u001b[2J\\u202e. [\\u001b[31mred\\r::warning::x]';
    assert.equal(formatCompact(result, reportDefaults).split('\n')[0], `./::error file=a.md::forged\\n::notice::b.md: line 3, col 7, Warning - ${message} (mismatch)`);
    assert.equal(formatUnix(result, reportDefaults).split('\n')[0], `./::error file=a.md::forged\\n::notice::b.md:3:7: ${message} [Warning/mismatch]`);
  });
});

describe('JSON and SARIF written in pieces', () => {
  const results = [
    lintResult([]),
    lintResult([fileResult('a.md', DRAFT, [])]),
    lintResult([fileResult('drafts/a.md', DRAFT, [mismatch, unverified, { ...supported, suppressed: true }]), fileResult('b.md', DRAFT, [supported])], [{ path: 'bad.bin', message: 'binary file' }]),
    lintResult([
      fileResult('a.md', DRAFT, [mismatch], [directive('disable', '<!-- factlint-disable -->')]),
      { ...fileResult('fixed.md', DRAFT, [supported]), fix: { original: 'x', output: DRAFT, count: 1, encoding: 'utf-8', written: false } },
    ]),
  ];
  const optionSets = [reportDefaults, { ...reportDefaults, quiet: true }, { ...reportDefaults, unusedDirectives: 'warning' as const }, { ...reportDefaults, unusedDirectives: 'error' as const }];

  it('join to exactly the report written whole', () => {
    for (const result of results)
      for (const options of optionSets) {
        assert.equal([...formatJson(result, options)].join(''), JSON.stringify(jsonReport(result, options), null, 2) + '\n');
        assert.equal([...formatSarif(result, options)].join(''), JSON.stringify(sarifReport(result, options), null, 2) + '\n');
      }
    // The last report's unused comment and fixed text are in the streamed JSON, and the comment's severity in SARIF.
    const last = results.at(-1)!;
    const json = JSON.parse([...formatJson(last, { ...reportDefaults, unusedDirectives: 'error' })].join(''));
    assert.deepEqual(json.files.map((f: any) => [f.unusedDisables?.[0]?.severity, f.output]), [['error', undefined], [undefined, DRAFT]]);
    const sarif = JSON.parse([...formatSarif(last, { ...reportDefaults, unusedDirectives: 'error' })].join(''));
    assert.deepEqual(sarif.runs[0].results.filter((r: any) => r.ruleId === 'unused-disable').map((r: any) => r.level), ['error']);
  });

  it('make each element of a lazy list only when it is written, one piece or more each', () => {
    let made = 0;
    const pieces = jsonPieces({ a: 1, list: new Lazy([1, 2, 3], (n) => ((made++, { n, nested: [n, { deep: 'x\ny' }] }))), z: undefined });
    const first = pieces.next().value;
    assert.deepEqual([first, made], ['{\n  "a": ', 0]);
    const rest = [...pieces];
    assert.equal(made, 3);
    const text = first + rest.join('');
    assert.equal(text, JSON.stringify({ a: 1, list: [1, 2, 3].map((n) => ({ n, nested: [n, { deep: 'x\ny' }] })) }, null, 2));
    assert.equal([...jsonPieces({ empty: new Lazy([]), o: {} })].join(''), JSON.stringify({ empty: [], o: {} }, null, 2));
  });
});

describe('SARIF report', () => {
  const unused = directive('disable', '<!-- factlint-disable -->');
  const result = lintResult([fileResult('drafts/a b.md', DRAFT, [mismatch, unverified, { ...supported, suppressed: true }], [unused])], [{ path: 'bad.bin', message: 'binary file, not checked' }]);
  const log = sarifReport(result, { ...reportDefaults, unusedDirectives: 'warning' }) as any;
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    assert.equal(sarifErrors(log), undefined);
    assert.equal(sarifErrors(sarifReport(lintResult([]), reportDefaults)), undefined);
    assert.match(sarifErrors({ version: '2.1.0', runs: [{ results: [] }] }) ?? '', /tool/, 'a run without a tool must not validate');
  });

  it('declares one rule per verdict (and unused-disable when asked)', () => {
    assert.deepEqual(run.tool.driver.rules.map((r: any) => r.id), ['mismatch', 'unverified', 'supported', 'unused-disable']);
    assert.deepEqual((sarifReport(result, reportDefaults) as any).runs[0].tool.driver.rules.map((r: any) => r.id), ['mismatch', 'unverified', 'supported']);
  });

  it('gives each result a 1-based physical location and the evidence as related locations', () => {
    const [m, u, s, d] = run.results;
    assert.deepEqual([m.ruleId, m.kind, m.level], ['mismatch', 'fail', 'warning']);
    assert.deepEqual(m.locations[0].physicalLocation, {
      artifactLocation: { uri: 'drafts/a%20b.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 12, snippet: { text: '3,500' } },
    });
    assert.deepEqual(m.relatedLocations[0].physicalLocation, {
      artifactLocation: { uri: '../../pkg/corpus/003_fc85c1dbd36f727a.txt', uriBaseId: 'SRCROOT' },
      region: { startLine: 9, startColumn: 81, endLine: 9, endColumn: 86, snippet: { text: '1,500' } },
    });
    assert.match(m.message.text, /Sources: \[003_fc85c1dbd36f727a\]\(1\)\.$/);
    assert.equal(m.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '1,500');
    assert.deepEqual([u.ruleId, u.kind, u.level], ['unverified', 'fail', 'note']);
    assert.deepEqual([s.ruleId, s.kind, s.level, s.suppressions], ['supported', 'pass', 'none', [{ kind: 'inSource' }]]);
    assert.equal(d.ruleId, 'unused-disable');
    assert.equal(run.results.length, 4);
  });

  it('says what a viewer shows: each rule named and described, each result pointing at its rule and its sources', () => {
    for (const rule of run.tool.driver.rules) for (const key of ['name', 'shortDescription', 'fullDescription', 'help']) assert.ok(rule[key] && (rule[key].text ?? rule[key]), `${rule.id} has no ${key}`);
    assert.equal(run.tool.driver.name, 'factlint');
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { description: { text: 'The working directory factlint ran in.' } } }, 'no path of the machine it ran on');
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const [m, , , d] = run.results;
    // Each embedded link's target is the related location of that document.
    const two = sarifReport(lintResult([fileResult('a.md', DRAFT, [{ ...mismatch, evidence: [evidence(), evidence({ document: 'other', title: 'Other' })] }])]), reportDefaults) as any;
    const [r] = two.runs[0].results;
    assert.equal(r.message.text, 'Sources say 1,500, not 3,500. Sources: [003_fc85c1dbd36f727a](1), [other](2).');
    assert.deepEqual(r.relatedLocations.map((l: any) => [l.id, l.properties.document, l.message.text]), [
      [1, '003_fc85c1dbd36f727a', `North Korea sends special forces: “${evidence().excerpt}” (disagrees)`],
      [2, 'other', `Other: “${evidence().excerpt}” (disagrees)`],
    ]);
    assert.deepEqual(r.relatedLocations[0].properties, { document: '003_fc85c1dbd36f727a', value: 1500, agrees: false });
    assert.deepEqual(m.properties, { verdict: 'mismatch', severity: 'warning', measure: mismatch.measure, claim: mismatch.claim });
    assert.deepEqual(m.fixes[0].description, { text: 'Replace 3,500 with 1,500' });
    assert.deepEqual([d.message.text, d.locations[0].physicalLocation.region], ['<!-- factlint-disable --> suppresses nothing', { startLine: 1, startColumn: 1, endLine: 3, endColumn: 9 }]);
    assert.equal([...formatSarif(lintResult([]), reportDefaults)].join('').endsWith('}\n'), true);
    assert.equal((sarifReport(lintResult([]), reportDefaults) as any).runs[0].invocations[0].executionSuccessful, true);
  });

  it('records where it ran as SRCROOT only when asked (--sarif-srcroot), as a folder or a URI', () => {
    const root = (srcroot: string) => (sarifReport(result, { ...reportDefaults, srcroot }) as any).runs[0].originalUriBaseIds.SRCROOT;
    assert.deepEqual(root('.'), { uri: 'file:///work/drafts/' });
    assert.deepEqual(root('..'), { uri: 'file:///work/' });
    assert.deepEqual(root('https://github.com/o/r/blob/main'), { uri: 'https://github.com/o/r/blob/main/' });
    assert.deepEqual(root('file:///src/'), { uri: 'file:///src/' });
  });

  it('maps each severity to its level, and leaves out what is off', () => {
    const levels = (['error', 'warning', 'info', 'hint', 'off'] as const).map((severity) => {
      const [r] = (sarifReport(lintResult([fileResult('a.md', DRAFT, [{ ...mismatch, severity }])]), reportDefaults) as any).runs[0].results;
      return r && [r.level, r.kind];
    });
    assert.deepEqual(levels, [['error', 'fail'], ['warning', 'fail'], ['note', 'fail'], ['none', 'informational'], undefined]);
  });

  it('--quiet keeps only the mismatches', () => {
    const quiet = sarifReport(result, { ...reportDefaults, quiet: true }) as any;
    assert.deepEqual(quiet.runs[0].results.map((r: any) => r.ruleId), ['mismatch']);
  });

  it('no document title, id, excerpt or message makes an embedded link a viewer would follow', () => {
    const hostile = '[x](https://evil.example/) [y](2)';
    const evil = finding(DRAFT, '3,500', {
      message: `Sources say ${hostile}.`,
      evidence: [evidence({ document: 'doc](https://evil.example/', title: hostile, excerpt: `${hostile} 1,500`, excerptFigure: [hostile.length + 1, hostile.length + 6] })],
    });
    const [r] = (sarifReport(lintResult([fileResult('a.md', DRAFT, [evil])]), reportDefaults) as any).runs[0].results;
    // An embedded link is [text](target) whose brackets are not escaped with a backslash.
    const links = (text: string) => [...text.matchAll(/(?<!\\)\[((?:\\.|[^\\\]])*)\]\(([^)]*)\)/g)].map((m) => m[2]);
    assert.deepEqual(links(r.message.text), ['1'], r.message.text);
    assert.deepEqual(links(r.relatedLocations[0].message.text), [], r.relatedLocations[0].message.text);
    assert.ok(r.message.text.startsWith('Sources say \\[x\\](https://evil.example/) \\[y\\](2).'), r.message.text);
    assert.ok(r.message.text.endsWith('Sources: [doc\\](https://evil.example/](1).'), r.message.text);
  });

  it('records files that could not be checked as tool notifications', () => {
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.equal(run.invocations[0].toolExecutionNotifications[0].message.text, 'bad.bin: binary file, not checked');
  });
});

describe('run outcome', () => {
  const files = [fileResult('a.md', DRAFT, [unverified, supported])];
  const withMismatch = [fileResult('a.md', DRAFT, [mismatch, supported])];
  it('fails on mismatches by default, on unverified figures with --fail-on unverified, never with none', () => {
    assert.equal(outcome(lintResult(files), reportDefaults).exitCode, 0);
    assert.equal(outcome(lintResult(withMismatch), reportDefaults).exitCode, 1);
    assert.equal(outcome(lintResult(files), { ...reportDefaults, failOn: 'unverified' }).exitCode, 1);
    assert.equal(outcome(lintResult(withMismatch), { ...reportDefaults, failOn: 'none' }).exitCode, 0);
  });

  it('fails by severity: --fail-on error, warning, info or hint fails on a finding of that severity or worse', () => {
    const at = (severity: ReportedFinding['severity']) => lintResult([fileResult('a.md', DRAFT, [{ ...mismatch, severity }])]);
    const table: Array<[ReportedFinding['severity'], Record<'error' | 'warning' | 'info' | 'hint', 0 | 1>]> = [
      ['error', { error: 1, warning: 1, info: 1, hint: 1 }],
      ['warning', { error: 0, warning: 1, info: 1, hint: 1 }],
      ['info', { error: 0, warning: 0, info: 1, hint: 1 }],
      ['hint', { error: 0, warning: 0, info: 0, hint: 1 }],
      ['off', { error: 0, warning: 0, info: 0, hint: 0 }],
    ];
    for (const [severity, codes] of table)
      for (const [failOn, code] of Object.entries(codes)) assert.equal(outcome(at(severity), { ...reportDefaults, failOn: failOn as 'error' }).exitCode, code, `${severity} with --fail-on ${failOn}`);
    assert.equal(outcome(at('hint'), { ...reportDefaults, failOn: 'mismatch' }).exitCode, 1, 'by verdict, whatever the severity');
  });

  it('ignores suppressed and switched-off mismatches', () => {
    assert.equal(outcome(lintResult([fileResult('a.md', DRAFT, [{ ...mismatch, suppressed: true }])]), reportDefaults).exitCode, 0);
    assert.equal(outcome(lintResult([fileResult('a.md', DRAFT, [{ ...mismatch, severity: 'off' }])]), reportDefaults).exitCode, 0);
  });

  it('fails on more warnings than --max-warnings, and on unused disables when reported', () => {
    const many = lintResult([fileResult('a.md', DRAFT, [mismatch, { ...unverified, severity: 'warning' }])]);
    assert.deepEqual(outcome(many, { ...reportDefaults, failOn: 'none', maxWarnings: 2 }), { exitCode: 0, notes: [] });
    assert.deepEqual(outcome(many, { ...reportDefaults, failOn: 'none', maxWarnings: 1 }), { exitCode: 1, notes: ['2 warnings, more than --max-warnings 1 allows'] });
    const unused = lintResult([fileResult('a.md', DRAFT, [], [directive('disable-file', '<!-- factlint-disable-file -->')])]);
    assert.equal(outcome(unused, reportDefaults).exitCode, 0);
    assert.deepEqual(outcome(unused, { ...reportDefaults, unusedDirectives: 'warning' }), { exitCode: 0, notes: [] }, 'a warning, as in ESLint');
    assert.deepEqual(outcome(unused, { ...reportDefaults, unusedDirectives: 'warning', maxWarnings: 0 }), { exitCode: 1, notes: ['1 warning, more than --max-warnings 0 allows'] });
    assert.deepEqual(outcome(unused, { ...reportDefaults, unusedDirectives: 'error' }), { exitCode: 1, notes: ['1 factlint-disable comment suppressing nothing'] });
  });

  it('exits 2 when any input had a problem, whatever the findings', () => {
    assert.equal(outcome(lintResult(withMismatch, [{ path: 'x', message: 'no such file or folder' }]), reportDefaults).exitCode, 2);
  });
});

describe('JUnit report', () => {
  const unused = directive('disable-next-line', '<!-- factlint-disable-next-line -->');
  const files = [
    fileResult('drafts/a.md', DRAFT, [mismatch, unverified, supported]),
    fileResult('b.txt', DRAFT, [{ ...mismatch, suppressed: true }, { ...supported, severity: 'off' }], [unused]),
  ];
  const problems = [{ path: 'bad.bin', message: 'binary file, not checked' }];

  it('has one testsuite per draft and one testcase per figure: a mismatch fails, an unverified figure is skipped, a supported one passes', () => {
    const out = formatJunit(lintResult(files, problems), { ...reportDefaults, unusedDirectives: 'warning' });
    assert.equal(
      out,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="factlint" tests="6" failures="2" errors="1" time="0">',
        '  <testsuite name="drafts/a.md" tests="3" failures="1" errors="0" skipped="1" time="0">',
        '    <testcase classname="drafts/a.md" name="3:7 3,500" time="0">',
        '      <failure type="mismatch" message="Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a]">mismatch: 3,500 at drafts/a.md:3:7&#10;Sources say 1,500, not 3,500.&#10;003_fc85c1dbd36f727a (North Korea sends special forces), line 9: The NIS reported that the first 1,500 North Korean special forces fighters had arrived.</failure>',
        '    </testcase>',
        '    <testcase classname="drafts/a.md" name="3:66 10,500" time="0">',
        '      <skipped>unverified: No source gives a figure for engineers hired.</skipped>',
        '    </testcase>',
        '    <testcase classname="drafts/a.md" name="4:8 1,500" time="0"/>',
        '  </testsuite>',
        '  <testsuite name="b.txt" tests="2" failures="1" errors="0" skipped="1" time="0">',
        '    <testcase classname="b.txt" name="1:1 unused disable comment" time="0">',
        '      <failure type="unused-disable" message="&lt;!-- factlint-disable-next-line --&gt; suppresses nothing">&lt;!-- factlint-disable-next-line --&gt; suppresses nothing&#10;at b.txt:1:1</failure>',
        '    </testcase>',
        '    <testcase classname="b.txt" name="3:7 3,500" time="0">',
        '      <skipped>suppressed by a factlint-disable comment: Sources say 1,500, not 3,500.</skipped>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="factlint: inputs not checked" tests="1" failures="0" errors="1" skipped="0" time="0">',
        '    <testcase classname="factlint: inputs not checked" name="bad.bin" time="0">',
        '      <error message="binary file, not checked">bad.bin: binary file, not checked</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('validates against the Jenkins JUnit schema, hostile text included', async () => {
    assert.equal(await junitErrors(formatJunit(lintResult(files, problems), { ...reportDefaults, unusedDirectives: 'error' })), undefined);
    assert.equal(await junitErrors(formatJunit(lintResult([]), reportDefaults)), undefined);
    const hostile = finding(DRAFT, '3,500', { message: 'Sources say <b>"1,500"</b> & \x1b[2J\x0c\ud800 not \'3,500\'\u0000.', evidence: [evidence({ document: ']]><x/>', excerpt: '\x01\n\r\t' })] });
    const report = formatJunit(lintResult([fileResult('<a&b>"\x07.md', DRAFT, [hostile])]), reportDefaults);
    assert.equal(await junitErrors(report), undefined, report);
    assert.match(report, /message="Sources say &lt;b&gt;&quot;1,500&quot;&lt;\/b&gt; &amp; \\u001b\[2J\\u000c\\ud800 not &apos;3,500&apos;\\u0000\. \[\]\]&gt;&lt;x\/&gt;\]"/);
    // The schema is not a rubber stamp.
    assert.match((await junitErrors('<testsuites><testsuite name="a" tests="1"><testcase/></testsuite></testsuites>')) ?? '', /'name' is required/);
  });

  it('fails unverified figures too when they fail the run (--fail-on unverified, or info at their default severity); --quiet keeps mismatches only', () => {
    const result = lintResult([fileResult('a.md', DRAFT, [mismatch, unverified, supported])]);
    assert.match(formatJunit(result, { ...reportDefaults, failOn: 'unverified' }), /<testsuite name="a\.md" tests="3" failures="2" errors="0" skipped="0"/);
    assert.match(formatJunit(result, { ...reportDefaults, failOn: 'info' }), /<testsuite name="a\.md" tests="3" failures="2" errors="0" skipped="0"/);
    assert.match(formatJunit(result, reportDefaults), /<testsuite name="a\.md" tests="3" failures="1" errors="0" skipped="1"/);
    assert.match(formatJunit(result, { ...reportDefaults, quiet: true }), /<testsuite name="a\.md" tests="1" failures="1" errors="0" skipped="0"/);
  });
});

describe('GitLab Code Quality report', () => {
  const files = [
    fileResult('drafts/a.md', DRAFT, [mismatch, { ...mismatch, suppressed: true }, unverified, supported, { ...mismatch, start: DRAFT.lastIndexOf('1,500'), end: DRAFT.lastIndexOf('1,500') + 5, text: '1,500', severity: 'error', message: 'Another mismatch.' }]),
    fileResult('b.txt', '<!-- factlint-disable-line -->\n', [], [directive('disable-line', '<!-- factlint-disable-line -->')]),
  ];

  it('lists issues with the fields GitLab reads; supported figures, suppressed ones and hints are not issues', () => {
    const issues = codeQualityReport(lintResult(files), { ...reportDefaults, unusedDirectives: 'error' });
    assert.deepEqual(
      issues.map(({ fingerprint, ...rest }) => (assert.match(fingerprint, /^[0-9a-f]{32}$/), rest)),
      [
        { type: 'issue', description: 'Sources say 1,500, not 3,500. [003_fc85c1dbd36f727a]', check_name: 'mismatch', severity: 'minor', location: { path: 'drafts/a.md', lines: { begin: 3, end: 3 } } },
        { type: 'issue', description: 'No source gives a figure for engineers hired.', check_name: 'unverified', severity: 'info', location: { path: 'drafts/a.md', lines: { begin: 3, end: 3 } } },
        { type: 'issue', description: 'Another mismatch. [003_fc85c1dbd36f727a]', check_name: 'mismatch', severity: 'major', location: { path: 'drafts/a.md', lines: { begin: 4, end: 4 } } },
        { type: 'issue', description: '<!-- factlint-disable-line --> suppresses nothing', check_name: 'unused-disable', severity: 'major', location: { path: 'b.txt', lines: { begin: 1, end: 1 } } },
      ],
    );
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  it('keeps each fingerprint when the draft is edited elsewhere or the sources\' wording changes, and tells repeated figures apart', () => {
    const text = 'Intro.\n\nAbout 3,500 troops. Later 3,500 troops again.\n';
    const second = text.lastIndexOf('3,500');
    const fingerprints = (t: string, message: string) => {
      const shift = t.length - text.length;
      const findings = [finding(t, '3,500', { message }), { ...finding(t, '3,500', { message }), start: second + shift, end: second + shift + 5 }];
      return codeQualityReport(lintResult([fileResult('a.md', t, findings)]), reportDefaults).map((i) => i.fingerprint);
    };
    const before = fingerprints(text, 'Sources say 1,500.');
    assert.equal(new Set(before).size, 2);
    assert.deepEqual(fingerprints(text, 'Sources say 1,500.'), before, 'the same on every run');
    assert.deepEqual(fingerprints(`# A title\n\nA new paragraph.\n\n${text}`, 'Sources now say about 1,500.'), before);
    assert.notDeepEqual(codeQualityReport(lintResult([fileResult('other.md', text, [finding(text, '3,500')])]), reportDefaults)[0].fingerprint, before[0], 'the path is part of it');
  });
});
