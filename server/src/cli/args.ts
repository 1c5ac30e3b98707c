// Command-line options: parsing, checking and the --help text.
import { parseArgs } from 'node:util';
import { FactlintError } from '../engine/errors';
import type { FactlintConfig } from '../config';
import { DEFAULT_MAX_FILE_BYTES, MEGABYTE } from '../engine/readText';
import { DIRECTIVE_SEVERITIES, type DirectiveSeverity } from './report';

export const FORMATS = ['text', 'compact', 'unix', 'json', 'sarif', 'github', 'junit', 'codequality', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];
/** What fails the run: a severity (that or worse), a verdict (whatever its severity), or nothing. */
export const FAIL_ON = ['error', 'warning', 'info', 'hint', 'mismatch', 'unverified', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CliOptions {
  /** Files, folders and globs; `-` is standard input. */
  inputs: string[];
  /** The name standard input is shown, read and configured as (--stdin-filename). */
  stdinFilename?: string;
  format: OutputFormat;
  output?: string;
  /** Config keys given as flags; they override the config file. --ignore-pattern is `ignores`, relative to the working directory. */
  overrides: FactlintConfig;
  /** -c: the one config file to use, instead of looking for them. */
  configFile?: string;
  /** --print-config: print the configuration for this file and check nothing. */
  printConfig?: string;
  /** False with --no-gitignore. */
  gitignore: boolean;
  /** False with --no-error-on-unmatched-pattern. */
  errorOnUnmatched: boolean;
  maxWarnings?: number;
  quiet: boolean;
  summary: boolean;
  failOn: FailOn;
  color: boolean;
  /** How disable comments that suppress nothing are reported (--report-unused-disable-directives[-severity]). */
  unusedDirectives: DirectiveSeverity;
  /** Disable comments are read (false with --no-inline-config). */
  inlineConfig: boolean;
  /** --fix writes the single replacement of each mismatch to the draft; --fix-dry-run only reports it. */
  fix?: 'write' | 'dry-run';
  /** Drafts and corpus documents larger than this are not read. */
  maxFileBytes: number;
  /** Config files may name corpus folders outside their repository. */
  allowOutsideCorpus: boolean;
  /** SARIF: the folder or URI recorded as SRCROOT (by default none is). */
  srcroot?: string;
  /** Where the corpus index is kept between runs (--cache-location); the OS cache folder when undefined. */
  cacheLocation?: string;
  help: boolean;
  version: boolean;
}

/** Bad command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends FactlintError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `Usage: factlint [options] <files|dirs|globs...>
       factlint [options] [--stdin-filename <path>] - < draft
       factlint [options] --print-config <file>

Checks the figures in Markdown and text drafts against a corpus of source reports.
Folders expand to their .md, .markdown and .txt files; Git's ignore files (.gitignore,
.git/info/exclude, core.excludesFile), the config's "ignores" and --ignore-pattern apply to
folders and globs (quote globs: '**/*.md'); ignored folders are not entered.
"-" reads a draft from standard input: as Markdown, shown as <stdin> and configured from the
working directory, unless --stdin-filename names it.

Options:
  -f, --format <fmt>          text (default), compact, unix, json, sarif, github, junit, codequality
                              or html (html: one self-contained page, figures highlighted by verdict)
      --sarif-srcroot <dir|uri>  sarif: record this folder or URI as SRCROOT, the base of the report's
                              paths (by default the report does not say where it ran)
      --stdin-filename <path>  the path of the draft read from "-": shown in the report, its extension
                              picks Markdown or text, and the config file that applies is found from it
  -o, --output <file>         write the report to a file instead of stdout
  -c, --config <file>         use this config file (and what it extends) instead of looking for them
      --print-config <file>   print the configuration that applies to <file> as JSON; check nothing
      --ignore-pattern <glob> leave out files and folders this .gitignore-style pattern matches,
                              relative to the working directory (repeatable; adds to "ignores")
      --no-gitignore          do not apply .gitignore, .git/info/exclude or core.excludesFile
      --no-error-on-unmatched-pattern  a path, folder or glob that yields no draft is no error
      --corpus <dir>          extra corpus folder (repeatable; replaces the config's "corpus")
      --no-bundled-corpus     do not use the corpus bundled with factlint
      --store <url>           also check against a PostgreSQL fact store (postgres://…; also the
                              FACTLINT_STORE variable and the config's "store"); load it with
                              factlint index --store <url> --corpus <dir>…
      --allow-outside-corpus  let config files name corpus folders outside their repository
                              (refused by default: a repository's config cannot read your other files)
      --tolerance <x>         relative tolerance for approximate figures, 0 to 1 (default 0.1)
      --fail-on <level>       what fails the run: a severity, error, warning (default), info or
                              hint (a finding of it or worse); a verdict, mismatch or unverified
                              (mismatches, or both, whatever their severity); or none
      --max-warnings <n>      also fail when more than n findings have severity "warning" (unused
                              disable comments reported as warnings count too)
  -q, --quiet                 report mismatches only
      --summary               text: counts per file and verdict instead of every finding
      --fix                   replace each mismatched figure that has exactly one source figure
                              to put instead, in the file itself; then report what is left
      --fix-dry-run           the same, without writing: text shows a diff, json each fixed
                              file's "output"; not with --fix
      --no-inline-config      ignore factlint-disable comments: every figure is reported
      --report-unused-disable-directives
                              report factlint-disable comments that suppress nothing, as warnings
      --report-unused-disable-directives-severity <sev>
                              the same with a severity: warning (or warn), error (fails the run) or off
      --no-color              no colour in text output (colour is used only on a terminal)
      --max-file-size <MB>    skip drafts and corpus documents larger than this (default 5)
      --cache-location <dir>  keep the corpus index here between runs (default: $XDG_CACHE_HOME/factlint
                              or the OS cache folder); a changed corpus document is re-read alone
  -h, --help                  show this help
  -v, --version               show the version

Configuration: in each folder from the draft's up to the filesystem root (or the first file with
"root": true), the first of .factlintrc.json, .factlintrc.jsonc, .factlintrc.yaml, .factlintrc.yml
and a "factlint" key in package.json; nearer files override farther ones, and "corpus" and
"ignores" add up (keys: root, extends, corpus, bundledCorpus, severity, store, tolerance, ignores,
languages). Precedence: flags > -c file (which replaces the search) > nearest file > its
parents > defaults.

factlint index --store <url> --corpus <dir>… loads a PostgreSQL fact store (factlint index --help).

Exit codes: 0 nothing fails the run, 1 a finding at or above --fail-on (by default a finding of
severity warning or error: with the default severities, a mismatch), too many warnings or an unused
disable comment, 2 a usage, configuration or file error (the other files are still checked).
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'no-gitignore': { type: 'boolean' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        corpus: { type: 'string', multiple: true },
        'no-bundled-corpus': { type: 'boolean' },
        store: { type: 'string' },
        tolerance: { type: 'string' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        summary: { type: 'boolean' },
        'report-unused-disables': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' },
        'report-unused-disable-directives-severity': { type: 'string' },
        'no-inline-config': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'allow-outside-corpus': { type: 'boolean' },
        'sarif-srcroot': { type: 'string' },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const overrides: FactlintConfig = {};
  if (v.corpus) overrides.corpus = v.corpus;
  if (v['no-bundled-corpus']) overrides.bundledCorpus = false;
  if (v.store !== undefined) overrides.store = storeUrl('--store', v.store);
  if (v.tolerance !== undefined) overrides.tolerance = parseNumber('--tolerance', v.tolerance, 0, 1, false);
  if (v['ignore-pattern']) overrides.ignores = v['ignore-pattern'];
  if (v['print-config'] !== undefined && parsed.positionals.length) throw new UsageError('--print-config names the one file to show the configuration of; give no other files');
  for (const flag of ['config', 'print-config', 'ignore-pattern'] as const)
    if ([v[flag]].flat().some((value) => value?.trim() === '')) throw new UsageError(`--${flag} must not be empty`);
  const stdinFilename = v['stdin-filename'];
  if (stdinFilename !== undefined && !parsed.positionals.includes('-')) throw new UsageError('--stdin-filename names standard input, which is read only when "-" is among the inputs');
  if (stdinFilename?.trim() === '') throw new UsageError('--stdin-filename must not be empty');
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  // As in ESLint: standard input has no file to write back to.
  if (v.fix && parsed.positionals.includes('-')) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run');
  return {
    inputs: parsed.positionals,
    stdinFilename,
    format: oneOf('--format', v.format ?? 'text', FORMATS),
    output: v.output,
    overrides,
    configFile: v.config,
    printConfig: v['print-config'],
    gitignore: !v['no-gitignore'],
    errorOnUnmatched: !v['no-error-on-unmatched-pattern'],
    maxWarnings: v['max-warnings'] === undefined ? undefined : parseNumber('--max-warnings', v['max-warnings'], 0, Infinity, true),
    quiet: v.quiet ?? false,
    summary: v.summary ?? false,
    failOn: oneOf('--fail-on', v['fail-on'] ?? 'warning', FAIL_ON),
    color: !v['no-color'],
    unusedDirectives: unusedDirectives(v),
    inlineConfig: !v['no-inline-config'],
    fix: v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : undefined,
    maxFileBytes:
      v['max-file-size'] === undefined ? DEFAULT_MAX_FILE_BYTES : Math.round(parseNumber('--max-file-size', v['max-file-size'], 0, 1e6, false) * MEGABYTE),
    allowOutsideCorpus: v['allow-outside-corpus'] ?? false,
    srcroot: v['sarif-srcroot'],
    cacheLocation: v['cache-location'],
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** ESLint's pair of flags: one to report unused disable comments, one to say how; `warn` is ESLint's spelling. */
function unusedDirectives(v: { 'report-unused-disables'?: boolean; 'report-unused-disable-directives'?: boolean; 'report-unused-disable-directives-severity'?: string }): DirectiveSeverity {
  const severity = v['report-unused-disable-directives-severity'];
  if (severity !== undefined) return oneOf('--report-unused-disable-directives-severity', severity === 'warn' ? 'warning' : severity, DIRECTIVE_SEVERITIES);
  // --report-unused-disables is the earlier name, which always failed the run.
  return v['report-unused-disables'] ? 'error' : v['report-unused-disable-directives'] ? 'warning' : 'off';
}

/** A PostgreSQL connection URL, or a usage error naming where it came from. */
export function storeUrl(from: string, url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) return url;
  throw new UsageError(`${from} must be a PostgreSQL URL (postgres://user:password@host/database)`);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function parseNumber(flag: string, text: string, min: number, max: number, integer: boolean): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const range = max === Infinity ? `${min} or more` : `between ${min} and ${max}`;
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} ${range}, not "${text}"`);
  }
  return n;
}
