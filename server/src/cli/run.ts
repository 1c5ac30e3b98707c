// One CLI run from arguments to exit code. A thin front end over the engine: lint.ts checks,
// report.ts decides the outcome, format/ renders the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../config';
import { FactlintError } from '../engine/errors';
import { defaultCacheDir } from '../engine/indexCache';
import { CliConfigs, printableConfig } from './configs';
import { HELP, parseCliArgs, storeUrl, UsageError, type CliOptions, type OutputFormat } from './args';
import { formatCodeQuality } from './format/codequality';
import { runIndex } from './indexCommand';
import { formatCompact, formatUnix } from './format/editorLines';
import { formatFixDiffs } from './format/fixDiff';
import { formatGithub } from './format/github';
import { formatHtml } from './format/html';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { relativeToCwd } from './inputs';
import { lintDrafts, type LintResult } from './lint';
import { printable } from './printable';
import { indexProgressReporter, progressReporter } from './progress';
import { outcome } from './report';
import { VERSION } from './version';
import { writeFixes } from './writeFixes';

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
    if (!options.help && !options.version && options.printConfig === undefined && options.inputs.length === 0) throw new UsageError('no files, folders or globs given');
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

  // A config file that cannot be used names itself as the working directory sees it.
  const configError = (e: ConfigError) => error(`${relativeToCwd(e.file, io.cwd)}: ${e.problem}`);
  if (options.printConfig !== undefined) {
    try {
      const file = path.resolve(io.cwd, options.printConfig);
      io.stdout.write(printableConfig(new CliConfigs(io.cwd, options.overrides, options.configFile).forFile(file), io.cwd));
      return 0;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      configError(e);
      return 2;
    }
  }

  let result: LintResult;
  try {
    result = await lintDrafts({
      inputs: options.inputs,
      stdinFilename: options.stdinFilename,
      cwd: io.cwd,
      overrides: options.overrides,
      configFile: options.configFile,
      gitignore: options.gitignore,
      errorOnUnmatched: options.errorOnUnmatched,
      maxFileBytes: options.maxFileBytes,
      allowOutsideCorpus: options.allowOutsideCorpus,
      inlineConfig: options.inlineConfig,
      fix: options.fix !== undefined,
      cacheDir: options.cacheLocation === undefined ? defaultCacheDir(io.env) : path.resolve(io.cwd, options.cacheLocation),
      onProgress: progressReporter(io.stderr),
      onIndexProgress: indexProgressReporter(io.stderr),
    });
  } catch (e) {
    if (e instanceof ConfigError) configError(e);
    else if (e instanceof FactlintError) error(e.message);
    else throw e;
    return 2;
  }
  if (options.fix === 'write') for (const p of writeFixes(result)) result.problems.push(p);
  for (const p of result.problems) error(`${p.path}: ${p.message}`);

  const color = options.color && !options.output && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const report = render(options.format, result, { ...options, color });
  if (options.output) {
    try {
      writeFile(path.resolve(io.cwd, options.output), report);
    } catch (e) {
      error(`${options.output}: cannot write the report: ${(e as Error).message}`);
      return 2;
    }
  } else await writeOut(io.stdout, report);

  const { exitCode, notes } = outcome(result, options);
  for (const note of notes) error(note);
  return exitCode;
}

// JSON and SARIF reports come in pieces (no report is too long for one string); they are written in
// chunks of about this many characters.
const CHUNK = 1 << 20;

function* chunks(report: string | Iterable<string>): Generator<string> {
  if (typeof report === 'string') return yield report;
  let pending: string[] = [];
  let length = 0;
  for (const piece of report) {
    pending.push(piece);
    length += piece.length;
    if (length < CHUNK) continue;
    yield pending.join('');
    pending = [];
    length = 0;
  }
  if (length) yield pending.join('');
}

/**
 * Writes to stdout, waiting whenever the reader falls behind: a pipe's writes are queued in memory, so a
 * report written faster than it is read would otherwise be held whole. A reader that goes away ends the
 * writing; what else went wrong the stream's error handler (main.ts) reports.
 */
async function writeOut(stream: NodeJS.WriteStream, report: string | Iterable<string>): Promise<void> {
  for (const chunk of chunks(report)) {
    if (stream.destroyed) return;
    if (!stream.write(chunk)) await drainedOrClosed(stream);
  }
}

function drainedOrClosed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function writeFile(file: string, report: string | Iterable<string>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of chunks(report)) {
      const bytes = Buffer.from(chunk);
      for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function render(format: OutputFormat, result: LintResult, options: CliOptions): string | Iterable<string> {
  switch (format) {
    case 'json':
      return formatJson(result, options);
    case 'sarif':
      return formatSarif(result, options);
    case 'github':
      return formatGithub(result, options);
    case 'text':
      // A dry run shows the fixes as diffs before the report.
      return (options.fix === 'dry-run' ? formatFixDiffs(result) : '') + formatText(result, options);
    case 'compact':
      return formatCompact(result, options);
    case 'unix':
      return formatUnix(result, options);
    case 'junit':
      return formatJunit(result, options);
    case 'codequality':
      return formatCodeQuality(result, options);
    case 'html':
      return formatHtml(result, options);
  }
}
