// Command-line options: parsing, checking and the --help text.
import { parseArgs } from 'node:util';
import { FactlintError } from '../engine/errors';
import type { FactlintConfig } from '../config';
import { DEFAULT_MAX_FILE_BYTES, MEGABYTE } from '../engine/readText';

export const FORMATS = ['text', 'compact', 'unix', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];
export const FAIL_ON = ['mismatch', 'unverified', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CliOptions {
  /** Files, folders and globs; `-` is standard input. */
  inputs: string[];
  /** The name standard input is shown, read and configured as (--stdin-filename). */
  stdinFilename?: string;
  format: OutputFormat;
  output?: string;
  /** Config keys given as flags; they override the config file. */
  overrides: FactlintConfig;
  maxWarnings?: number;
  quiet: boolean;
  summary: boolean;
  failOn: FailOn;
  color: boolean;
  reportUnusedDisables: boolean;
  /** Drafts and corpus documents larger than this are not read. */
  maxFileBytes: number;
  /** Config files may name corpus folders outside their repository. */
  allowOutsideCorpus: boolean;
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

Checks the figures in Markdown and text drafts against a corpus of source reports.
Folders expand to their .md, .markdown and .txt files; .gitignore and the config's
"ignores" apply to folders and globs (quote globs: '**/*.md').
"-" reads a draft from standard input: as Markdown, shown as <stdin> and configured from the
working directory, unless --stdin-filename names it.

Options:
  -f, --format <fmt>          text (default), compact, unix, json, sarif or github
      --stdin-filename <path>  the path of the draft read from "-": shown in the report, its extension
                              picks Markdown or text, and the config file that applies is found from it
  -o, --output <file>         write the report to a file instead of stdout
      --corpus <dir>          extra corpus folder (repeatable; replaces the config's "corpus")
      --no-bundled-corpus     do not use the corpus bundled with factlint
      --store <url>           also check against a PostgreSQL fact store (postgres://…; also the
                              FACTLINT_STORE variable and the config's "store"); load it with
                              factlint index --store <url> --corpus <dir>…
      --allow-outside-corpus  let config files name corpus folders outside their repository
                              (refused by default: a repository's config cannot read your other files)
      --tolerance <x>         relative tolerance for approximate figures, 0 to 1 (default 0.1)
      --fail-on <verdict>     mismatch (default), unverified or none: what makes the run fail
      --max-warnings <n>      also fail when more than n findings have severity "warning"
  -q, --quiet                 report mismatches only
      --summary               text: counts per file and verdict instead of every finding
      --report-unused-disables  report factlint-disable comments that suppress nothing (fails the run)
      --no-color              no colour in text output (colour is used only on a terminal)
      --max-file-size <MB>    skip drafts and corpus documents larger than this (default 5)
      --cache-location <dir>  keep the corpus index here between runs (default: $XDG_CACHE_HOME/factlint
                              or the OS cache folder); a changed corpus document is re-read alone
  -h, --help                  show this help
  -v, --version               show the version

Configuration: the nearest .factlintrc.json, .factlintrc.yaml or "factlint" key in
package.json above each draft (keys: corpus, bundledCorpus, severity, store, tolerance,
ignores, languages). Flags override it.

factlint index --store <url> --corpus <dir>… loads a PostgreSQL fact store (factlint index --help).

Exit codes: 0 nothing fails the run, 1 a mismatch (or what --fail-on names, or too many
warnings), 2 a usage, configuration or file error (the other files are still checked).
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
        'no-color': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'allow-outside-corpus': { type: 'boolean' },
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
  const stdinFilename = v['stdin-filename'];
  if (stdinFilename !== undefined && !parsed.positionals.includes('-')) throw new UsageError('--stdin-filename names standard input, which is read only when "-" is among the inputs');
  if (stdinFilename?.trim() === '') throw new UsageError('--stdin-filename must not be empty');
  return {
    inputs: parsed.positionals,
    stdinFilename,
    format: oneOf('--format', v.format ?? 'text', FORMATS),
    output: v.output,
    overrides,
    maxWarnings: v['max-warnings'] === undefined ? undefined : parseNumber('--max-warnings', v['max-warnings'], 0, Infinity, true),
    quiet: v.quiet ?? false,
    summary: v.summary ?? false,
    failOn: oneOf('--fail-on', v['fail-on'] ?? 'mismatch', FAIL_ON),
    color: !v['no-color'],
    reportUnusedDisables: v['report-unused-disables'] ?? false,
    maxFileBytes:
      v['max-file-size'] === undefined ? DEFAULT_MAX_FILE_BYTES : Math.round(parseNumber('--max-file-size', v['max-file-size'], 0, 1e6, false) * MEGABYTE),
    allowOutsideCorpus: v['allow-outside-corpus'] ?? false,
    cacheLocation: v['cache-location'],
    help: v.help ?? false,
    version: v.version ?? false,
  };
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
