// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One rule per verdict; each result
// points at the figure in the draft, with the corpus evidence as relatedLocations. Severity maps to
// level (info → note, hint → none); a result whose level is none is a "pass" (supported) or
// "informational" one, as SARIF requires for results that are not failures.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../config';
import type { Evidence, Verdict } from '../../engine/types';
import { relativeToCwd } from '../inputs';
import type { FileResult, LintResult, ReportedFinding } from '../lint';
import { unusedDirectiveMessage } from '../../engine/suppress';
import { shownUnusedDirectives, type ReportOptions } from '../report';
import { VERSION } from '../version';
import { arrays, jsonDocument, lazily, type ListOf } from './jsonStream';

type Level = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Exclude<Severity, 'off'>, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'none' };

const RULES: Array<{ id: Verdict | 'unused-disable'; name: string; short: string; full: string }> = [
  {
    id: 'mismatch',
    name: 'FigureContradictsSources',
    short: 'A figure contradicts the source reports',
    full: 'The draft states a figure that the corpus of source reports contradicts. The related locations show what the sources say.',
  },
  {
    id: 'unverified',
    name: 'FigureNotInSources',
    short: 'A figure the source reports do not cover',
    full: 'No source report in the corpus states this figure or one it can be compared with; check it by hand or add a source to the corpus.',
  },
  {
    id: 'supported',
    name: 'FigureSupportedBySources',
    short: 'A figure the source reports support',
    full: 'At least one source report in the corpus agrees with this figure; the related locations show where.',
  },
  {
    id: 'unused-disable',
    name: 'UnusedDisableComment',
    short: 'A factlint-disable comment that suppresses nothing',
    full: 'This suppression comment covers no figure; remove it so it cannot hide a future finding by accident.',
  },
];

const SRCROOT = 'SRCROOT';

export interface SarifOptions extends ReportOptions {
  /** The folder or URI to record as SRCROOT (--sarif-srcroot); by default SRCROOT carries no path. */
  srcroot?: string;
}

/** The SARIF log as one object. */
export function sarifReport(result: LintResult, options: SarifOptions): object {
  return sarifLog(result, options, arrays);
}

/** The SARIF log in pieces, one result at a time, so that no report is too long for one string. */
export function formatSarif(result: LintResult, options: SarifOptions): Iterable<string> {
  return jsonDocument(sarifLog(result, options, lazily));
}

function ruleList(options: ReportOptions) {
  return RULES.filter((r) => r.id !== 'unused-disable' || options.unusedDirectives !== 'off');
}

function* sarifResults(result: LintResult, options: ReportOptions): Generator<object> {
  const rules = ruleList(options);
  const ruleIndex = (id: string) => rules.findIndex((r) => r.id === id);
  const location = (file: string) => artifactLocation(path.resolve(result.cwd, file), result.cwd);
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.severity === 'off' || (options.quiet && f.verdict !== 'mismatch')) continue;
      yield findingResult(file, f, ruleIndex(f.verdict), location);
    }
    for (const d of shownUnusedDirectives(file, options))
      yield {
        ruleId: 'unused-disable',
        ruleIndex: ruleIndex('unused-disable'),
        kind: 'fail',
        level: options.unusedDirectives,
        message: { text: escapeLinkText(unusedDirectiveMessage(d)) },
        locations: [{ physicalLocation: { artifactLocation: location(file.file), region: region(file, d.start, d.end) } }],
      };
  }
}

/** The log, with its results and the runs that hold them made by `list`. */
function sarifLog(result: LintResult, options: SarifOptions, list: ListOf): object {
  const run = {
    tool: {
      driver: {
        name: 'factlint',
        version: VERSION,
        rules: ruleList(options).map((r) => ({
          id: r.id,
          name: r.name,
          shortDescription: { text: r.short },
          fullDescription: { text: r.full },
          help: { text: r.full },
        })),
      },
    },
    originalUriBaseIds: { [SRCROOT]: srcroot(result.cwd, options.srcroot) },
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: result.problems.length === 0,
        toolExecutionNotifications: result.problems.map((p) => ({ level: 'error', message: { text: `${p.path}: ${p.message}` } })),
      },
    ],
    results: list(sarifResults(result, options), (r) => r),
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: list([run], (r) => r) };
}

/**
 * Where the report's relative paths start. Reports from pull requests get published, so by default
 * SRCROOT says what it is without saying where (SARIF lets a consumer supply the base, as code
 * scanning does with its checkout); --sarif-srcroot records a folder or URI.
 */
function srcroot(cwd: string, given: string | undefined): object {
  if (given === undefined) return { description: { text: 'The working directory factlint ran in.' } };
  // A URI has a scheme of two or more letters; anything else ("C:\\src" too) is a folder.
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(given) ? given : pathToFileURL(path.resolve(cwd, given)).href;
  return { uri: uri.endsWith('/') ? uri : `${uri}/` };
}

function findingResult(file: FileResult, f: ReportedFinding, ruleIndex: number, location: (file: string) => object): object {
  const level = LEVEL[f.severity as Exclude<Severity, 'off'>];
  const kind = level !== 'none' ? 'fail' : f.verdict === 'supported' ? 'pass' : 'informational';
  const related = f.evidence.map((e, i) => evidenceLocation(e, i + 1, location));
  // Embedded links ([text](id)) let viewers jump to the evidence; literal brackets must be escaped.
  const firstByDoc = new Map<string, number>();
  f.evidence.forEach((e, i) => firstByDoc.has(e.document) || firstByDoc.set(e.document, i + 1));
  const links = [...firstByDoc].map(([doc, id]) => `[${escapeLinkText(doc)}](${id})`);
  const draft = location(file.file);
  const where = region(file, f.start, f.end);
  return {
    ruleId: f.verdict,
    ruleIndex,
    kind,
    level,
    message: { text: escapeLinkText(f.message) + (links.length ? ` Sources: ${links.join(', ')}.` : '') },
    locations: [{ physicalLocation: { artifactLocation: draft, region: { ...where, snippet: { text: f.text } } } }],
    ...(related.length ? { relatedLocations: related } : {}),
    ...(f.replacements.length
      ? {
          fixes: f.replacements.map((text) => ({
            description: { text: `Replace ${f.text} with ${text}` },
            artifactChanges: [{ artifactLocation: draft, replacements: [{ deletedRegion: where, insertedContent: { text } }] }],
          })),
        }
      : {}),
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    properties: { verdict: f.verdict, severity: f.severity, measure: f.measure, claim: f.claim },
  };
}

function evidenceLocation(e: Evidence, id: number, location: (file: string) => object): object {
  return {
    id,
    message: { text: `${escapeLinkText(e.title)}: “${escapeLinkText(e.excerpt)}” (${e.agrees ? 'agrees' : 'disagrees'})` },
    physicalLocation: {
      artifactLocation: location(e.path),
      region: { startLine: e.line + 1, startColumn: e.character + 1, endLine: e.line + 1, endColumn: e.character + 1 + e.figure.length, snippet: { text: e.figure } },
    },
    properties: { document: e.document, value: e.value, agrees: e.agrees },
  };
}

/** SARIF regions are 1-based; endColumn is the column after the last character. */
function region(file: FileResult, start: number, end: number) {
  const s = file.lines.positionAt(start);
  const e = file.lines.positionAt(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** Files under the working directory are relative to SRCROOT (what code scanning expects); others are file: URLs. */
function artifactLocation(file: string, cwd: string): object {
  const rel = relativeToCwd(file, cwd);
  if (path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
