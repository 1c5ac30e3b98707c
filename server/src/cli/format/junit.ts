// JUnit XML, for CI test dashboards (Jenkins, GitLab test reports, Azure Pipelines, CircleCI). One
// testsuite per draft and one testcase per figure: a dashboard then reads "13 tests, 3 failures"
// as the text summary does, and a draft whose figures all check out shows as passing tests rather
// than as an empty suite. A mismatch is a failure (and so is an unverified figure that fails the run
// by --fail-on, such as unverified or info; otherwise it is skipped, being neither right nor wrong), a
// suppressed figure is skipped, a supported one passes. Valid against Jenkins' JUnit schema (test/cli/junit-jenkins.xsd).
import type { LintResult, ReportedFinding } from '../lint';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { citedDocuments, fails, shownUnusedDirectives, type ReportOptions } from '../report';

interface TestCase {
  name: string;
  /** What the dashboard shows inside the case, if it did not pass. */
  outcome?: { element: 'failure' | 'skipped' | 'error'; type?: string; message: string; detail: string };
}

export function formatJunit(result: LintResult, options: ReportOptions): string {
  const suites: Array<{ name: string; cases: TestCase[] }> = result.files.map((file) => {
    const where = (start: number) => {
      const p = file.lines.positionAt(start);
      return `${p.line + 1}:${p.character + 1}`;
    };
    const cases: Array<TestCase & { at: number }> = [];
    for (const f of file.findings)
      if (f.severity !== 'off' && (!options.quiet || f.verdict === 'mismatch'))
        cases.push({ at: f.start, name: `${where(f.start)} ${f.text}`, outcome: figureOutcome(f, `${file.path}:${where(f.start)}`, options) });
    for (const d of shownUnusedDirectives(file, options)) {
      const message = unusedDirectiveMessage(d);
      cases.push({ at: d.start, name: `${where(d.start)} unused disable comment`, outcome: { element: 'failure', type: 'unused-disable', message, detail: `${message}\nat ${file.path}:${where(d.start)}` } });
    }
    return { name: file.path, cases: cases.sort((a, b) => a.at - b.at) };
  });
  if (result.problems.length)
    suites.push({
      name: 'factlint: inputs not checked',
      cases: result.problems.map((p) => ({ name: p.path, outcome: { element: 'error', message: p.message, detail: `${p.path}: ${p.message}` } })),
    });

  const count = (cases: TestCase[], element: string) => cases.filter((c) => c.outcome?.element === element).length;
  const totals = (cases: TestCase[]) =>
    `tests="${cases.length}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}"`;
  const all = suites.flatMap((s) => s.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="factlint" ${totals(all)} time="0">`];
  for (const suite of suites) {
    out.push(`  <testsuite name="${xml(suite.name)}" ${totals(suite.cases)} skipped="${count(suite.cases, 'skipped')}" time="0">`);
    for (const c of suite.cases) {
      const open = `    <testcase classname="${xml(suite.name)}" name="${xml(c.name)}" time="0"`;
      if (!c.outcome) {
        out.push(`${open}/>`);
        continue;
      }
      const { element, type, message, detail } = c.outcome;
      // The Jenkins schema gives <skipped> no attributes: its reason is its text.
      const inner =
        element === 'skipped'
          ? `<skipped>${xml(message)}</skipped>`
          : `<${element}${type ? ` type="${xml(type)}"` : ''} message="${xml(message)}">${xml(detail)}</${element}>`;
      out.push(`${open}>`, `      ${inner}`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function figureOutcome(f: ReportedFinding, location: string, options: ReportOptions): TestCase['outcome'] {
  if (f.suppressed) return { element: 'skipped', message: `suppressed by a factlint-disable comment: ${f.message}`, detail: '' };
  if (f.verdict === 'supported') return undefined;
  if (f.verdict === 'unverified' && !fails(f, options.failOn)) return { element: 'skipped', message: `unverified: ${f.message}`, detail: '' };
  const sources = f.evidence.map((e) => `${e.document} (${e.title}), line ${e.line + 1}: ${e.excerpt}`);
  const cited = citedDocuments(f);
  return {
    element: 'failure',
    type: f.verdict,
    message: f.message + (cited.length ? ` [${cited.join(', ')}]` : ''),
    detail: [`${f.verdict}: ${f.text} at ${location}`, f.message, ...sources].join('\n'),
  };
}

// Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/F) are written as
// visible escapes; the five markup characters and line ends (which attribute values would fold into spaces) as references.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function xml(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/[&<>"'\n\r\t]/g, (c) => REFERENCES[c]);
}
