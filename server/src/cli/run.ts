// One CLI run from arguments to exit code. A thin front end over the engine: lint.ts checks,
// report.ts decides the outcome, format/ renders the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FactlintError } from '../engine/errors';
import { defaultCacheDir } from '../engine/indexCache';
import { HELP, parseCliArgs, storeUrl, UsageError, type CliOptions, type OutputFormat } from './args';
import { runIndex } from './indexCommand';
import { formatCompact, formatUnix } from './format/editorLines';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { lintDrafts, type LintResult } from './lint';
import { printable } from './printable';
import { indexProgressReporter, progressReporter } from './progress';
import { outcome } from './report';
import { VERSION } from './version';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 the run fails on findings, 2 usage or I/O errors. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // Messages name files and quote corpus text; CI runners read stderr for workflow commands too.
  const error = (message: string) => io.stderr.write(`factlint: ${printable(message)}\n`);
  if (argv[0] === 'index') return runIndex(argv.slice(1), io, error);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
    if (options.overrides.store === undefined && io.env.FACTLINT_STORE) options.overrides.store = storeUrl('FACTLINT_STORE', io.env.FACTLINT_STORE);
    if (!options.help && !options.version && options.inputs.length === 0) throw new UsageError('no files, folders or globs given');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    error(e.message);
    io.stderr.write('Run "factlint --help" for usage.\n');
    return 2;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }

  let result: LintResult;
  try {
    result = await lintDrafts({
      inputs: options.inputs,
      stdinFilename: options.stdinFilename,
      cwd: io.cwd,
      overrides: options.overrides,
      maxFileBytes: options.maxFileBytes,
      allowOutsideCorpus: options.allowOutsideCorpus,
      cacheDir: options.cacheLocation === undefined ? defaultCacheDir(io.env) : path.resolve(io.cwd, options.cacheLocation),
      onProgress: progressReporter(io.stderr),
      onIndexProgress: indexProgressReporter(io.stderr),
    });
  } catch (e) {
    if (!(e instanceof FactlintError)) throw e;
    error(e.message);
    return 2;
  }
  for (const p of result.problems) error(`${p.path}: ${p.message}`);

  const color = options.color && !options.output && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const report = render(options.format, result, { ...options, color });
  if (options.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, options.output), report);
    } catch (e) {
      error(`${options.output}: cannot write the report: ${(e as Error).message}`);
      return 2;
    }
  } else io.stdout.write(report);

  const { exitCode, notes } = outcome(result, options);
  for (const note of notes) error(note);
  return exitCode;
}

function render(format: OutputFormat, result: LintResult, options: CliOptions): string {
  switch (format) {
    case 'json':
      return formatJson(result, options);
    case 'sarif':
      return formatSarif(result, options);
    case 'github':
      return formatGithub(result, options);
    case 'text':
      return formatText(result, options);
    case 'compact':
      return formatCompact(result, options);
    case 'unix':
      return formatUnix(result, options);
  }
}
